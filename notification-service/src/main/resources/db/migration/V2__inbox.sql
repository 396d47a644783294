-- notification-service: the per-organization inbox. Each delivery names the aliases of the organizations it
-- concerns (tokens carry aliases); pending invitations are kept from partner-events.
ALTER TABLE mail_delivery ADD COLUMN org_aliases text[] NOT NULL DEFAULT '{}';
CREATE INDEX mail_delivery_org_aliases ON mail_delivery USING gin (org_aliases);
CREATE INDEX mail_delivery_created ON mail_delivery (created_at DESC, id DESC);

CREATE TABLE pending_invitation (
    invitation_id uuid PRIMARY KEY,
    inviter_alias text        NOT NULL,
    inviter_name  text        NOT NULL,
    invitee_alias text        NOT NULL,
    invitee_name  text        NOT NULL,
    message       text,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz
);
CREATE INDEX pending_invitation_invitee ON pending_invitation (invitee_alias, created_at DESC);
