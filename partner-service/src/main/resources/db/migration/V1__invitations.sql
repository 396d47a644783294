-- partner-service: invitations between organizations (identified by their Keycloak organization id).
CREATE TABLE invitation (
    id             uuid PRIMARY KEY,
    inviter_org_id text        NOT NULL,
    inviter_alias  text        NOT NULL,
    inviter_name   text        NOT NULL,
    invitee_org_id text        NOT NULL,
    invitee_alias  text        NOT NULL,
    invitee_name   text        NOT NULL,
    notify_emails  text[]      NOT NULL DEFAULT '{}',
    message        text,
    status         text        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED')),
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    decided_at     timestamptz,
    version        integer     NOT NULL DEFAULT 0,
    CHECK (inviter_org_id <> invitee_org_id)
);

-- At most one pending invitation between two organizations, whichever side invited.
CREATE UNIQUE INDEX invitation_one_pending_per_pair
    ON invitation (LEAST(inviter_org_id, invitee_org_id), GREATEST(inviter_org_id, invitee_org_id))
    WHERE status = 'PENDING';

CREATE INDEX invitation_incoming ON invitation (invitee_org_id, created_at DESC, id);
CREATE INDEX invitation_outgoing ON invitation (inviter_org_id, created_at DESC, id);
