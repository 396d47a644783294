-- sharing-service. Organizations are keyed by their alias (what tokens carry; Keycloak keeps it immutable).

-- Projections kept from other services' events (never a call per request).
CREATE TABLE partnership_view (
    partnership_id uuid PRIMARY KEY,
    org_a          text        NOT NULL,
    org_b          text        NOT NULL,
    active         boolean     NOT NULL,
    updated_at     timestamptz NOT NULL,
    CHECK (org_a < org_b)
);
CREATE INDEX partnership_view_pair ON partnership_view (org_a, org_b) WHERE active;

CREATE TABLE device_view (
    device_id  uuid PRIMARY KEY,
    owner_org  text        NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
);
CREATE INDEX device_view_owner ON device_view (owner_org, device_id) WHERE NOT deleted;

CREATE TABLE device_group_view (
    group_id   uuid PRIMARY KEY,
    owner_org  text        NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
);

CREATE TABLE group_member_view (
    group_id  uuid NOT NULL,
    device_id uuid NOT NULL,
    PRIMARY KEY (group_id, device_id)
);
CREATE INDEX group_member_view_device ON group_member_view (device_id);

-- A grant lets grantee_org use one device, or every device of one group, with a role's capabilities,
-- optionally only within [starts_at, ends_at).
CREATE TABLE share_grant (
    id           uuid PRIMARY KEY,
    action_id    uuid        NOT NULL,
    owner_org    text        NOT NULL,
    grantee_org  text        NOT NULL,
    device_id    uuid,
    group_id     uuid,
    role         text        NOT NULL,
    capabilities text[]      NOT NULL,
    starts_at    timestamptz,
    ends_at      timestamptz,
    status       text        NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED', 'EXPIRED')),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    closed_at    timestamptz,
    closed_by    text,
    close_reason text,
    version      integer     NOT NULL DEFAULT 0,
    CHECK ((device_id IS NULL) <> (group_id IS NULL)),
    CHECK (owner_org <> grantee_org),
    CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
-- A device group is shared with at most one organization at a time.
CREATE UNIQUE INDEX share_grant_one_org_per_group ON share_grant (group_id)
    WHERE status = 'ACTIVE' AND group_id IS NOT NULL;
-- A device is shared directly with an organization once (change the role instead).
CREATE UNIQUE INDEX share_grant_one_per_device_grantee ON share_grant (device_id, grantee_org)
    WHERE status = 'ACTIVE' AND device_id IS NOT NULL;
CREATE INDEX share_grant_grantee_device ON share_grant (grantee_org, device_id) WHERE status = 'ACTIVE';
CREATE INDEX share_grant_grantee_group ON share_grant (grantee_org, group_id) WHERE status = 'ACTIVE';
CREATE INDEX share_grant_owner ON share_grant (owner_org, created_at DESC, id);
CREATE INDEX share_grant_grantee ON share_grant (grantee_org, created_at DESC, id);
CREATE INDEX share_grant_pair ON share_grant (owner_org, grantee_org) WHERE status = 'ACTIVE';
CREATE INDEX share_grant_ending ON share_grant (ends_at) WHERE status = 'ACTIVE' AND ends_at IS NOT NULL;

-- Every change of a grant, readable by both organizations of the grant.
CREATE TABLE grant_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grant_id    uuid        NOT NULL REFERENCES share_grant (id),
    action      text        NOT NULL,
    actor       text,
    reason      text,
    role        text        NOT NULL,
    starts_at   timestamptz,
    ends_at     timestamptz,
    at          timestamptz NOT NULL
);
CREATE INDEX grant_history_grant ON grant_history (grant_id, id);
