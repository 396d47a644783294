-- device-service, projections of project-service's events (project-events, keyed by device id, so each
-- device's changes arrive in order).

-- The active account of a device: the organization whose project uses it now (project.device.assigned), until
-- it is unassigned. One project at a time per device (project-service enforces it across all organizations).
CREATE TABLE device_activity (
    device_id  uuid PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    org        text        NOT NULL,
    project_id uuid        NOT NULL,
    since      timestamptz NOT NULL
);

-- Pending work the device fetches with its own credentials (GET /device-api/work): design transfers to download
-- and apply, remote sessions to join. A design leaves the list when the device reports it applied or failed, or
-- when project-service cancels it; a session when it is closed or expires.
CREATE TABLE device_work (
    id           uuid PRIMARY KEY, -- the transfer id or the session id
    device_id    uuid        NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('DESIGN', 'SESSION')),
    project_id   uuid        NOT NULL,
    org          text        NOT NULL,
    design_id    uuid,
    filename     text,
    content_type text,
    size         bigint,
    sha256       text,
    expires_at   timestamptz,
    status       text        NOT NULL CHECK (status IN ('PENDING', 'FETCHED', 'JOINED')),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX device_work_device ON device_work (device_id, created_at, id);
