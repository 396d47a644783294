-- partner-service: partnerships, sharing codes and the throttle of failed code attempts.

-- A partnership between two organizations; org_a_id < org_b_id so a pair has one spelling.
CREATE TABLE partnership (
    id             uuid PRIMARY KEY,
    org_a_id       text        NOT NULL,
    org_a_alias    text        NOT NULL,
    org_a_name     text        NOT NULL,
    org_b_id       text        NOT NULL,
    org_b_alias    text        NOT NULL,
    org_b_name     text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    via            text        NOT NULL CHECK (via IN ('INVITATION', 'SHARING_CODE')),
    invitation_id  uuid REFERENCES invitation (id),
    started_by     text        NOT NULL,
    started_at     timestamptz NOT NULL,
    ended_by_org   text,
    ended_by       text,
    ended_at       timestamptz,
    version        integer     NOT NULL DEFAULT 0,
    CHECK (org_a_id < org_b_id)
);

-- Two organizations are partners at most once at a time.
CREATE UNIQUE INDEX partnership_one_active_per_pair ON partnership (org_a_id, org_b_id) WHERE status = 'ACTIVE';
CREATE INDEX partnership_active_a ON partnership (org_a_id, started_at DESC, id) WHERE status = 'ACTIVE';
CREATE INDEX partnership_active_b ON partnership (org_b_id, started_at DESC, id) WHERE status = 'ACTIVE';

ALTER TABLE invitation ADD COLUMN decline_reason text;
ALTER TABLE invitation ADD COLUMN decided_by text;
ALTER TABLE invitation ADD COLUMN partnership_id uuid;
CREATE INDEX invitation_pending_expiry ON invitation (expires_at) WHERE status = 'PENDING';

-- The personal sharing code of an organization: whoever holds it may connect as a partner.
-- Regenerating replaces the row's code, so the old one stops working at once.
CREATE TABLE sharing_code (
    org_id     text PRIMARY KEY,
    code       text        NOT NULL UNIQUE,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- Failed connect attempts (wrong or old code), per calling organization, for throttling.
CREATE TABLE connect_failure (
    org_id    text        NOT NULL,
    failed_at timestamptz NOT NULL
);
CREATE INDEX connect_failure_by_org ON connect_failure (org_id, failed_at);
