-- notification-service: per-organization notification settings (contacts and the kinds of mail each wants, set by
-- the organization's admins), the projection of device names from device-events, share reminders scheduled from
-- sharing-events, and what the dispatcher needs to report a delivery it gave up on.

CREATE TABLE notification_settings (
    org_alias  text PRIMARY KEY,
    language   text        NOT NULL DEFAULT 'en',
    -- [{"email": "...", "kinds": ["share.granted", ...]}, ...], validated by the API
    contacts   jsonb       NOT NULL DEFAULT '[]',
    updated_at timestamptz NOT NULL,
    updated_by text
);

-- Device display names (device-events device.registered/updated/deleted); a deleted device keeps its name so the
-- mail about its revoked shares can still name it. event_at orders out-of-order deliveries.
CREATE TABLE device_name (
    device_id    uuid PRIMARY KEY,
    owner_org    text,
    display_name text,
    deleted      boolean     NOT NULL DEFAULT false,
    event_at     timestamptz NOT NULL
);

-- One row per grant with an end: when to remind both organizations that the share ends. Kept current from
-- share.granted, access.updated (per grantId) and share.revoked; event_at orders events of different Kafka keys.
CREATE TABLE share_reminder (
    grant_id    uuid PRIMARY KEY,
    action_id   uuid,
    owner_org   text        NOT NULL,
    grantee_org text        NOT NULL,
    role        text,
    device_ids  uuid[]      NOT NULL DEFAULT '{}',
    ends_at     timestamptz,
    remind_at   timestamptz,
    status      text        NOT NULL CHECK (status IN ('SCHEDULED', 'SENT', 'NONE', 'MISSED', 'CANCELLED')),
    event_at    timestamptz NOT NULL
);
CREATE INDEX share_reminder_due ON share_reminder (remind_at) WHERE status = 'SCHEDULED';

-- When the event happened (CloudEvent time), so event-to-SMTP latency can be read from the deliveries; when a
-- delivery that failed for good was reported on the dead-letter topic.
ALTER TABLE mail_delivery ADD COLUMN event_time timestamptz;
ALTER TABLE mail_delivery ADD COLUMN dead_lettered_at timestamptz;
CREATE INDEX mail_delivery_dead_letter_due ON mail_delivery (created_at) WHERE status = 'FAILED' AND dead_lettered_at IS NULL;
