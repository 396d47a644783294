-- project-service. Organizations are keyed by their alias (what tokens carry; Keycloak keeps it immutable).

-- Projections kept from other services' events (never a call per request).
CREATE TABLE device_view (
    device_id    uuid PRIMARY KEY,
    owner_org    text        NOT NULL,
    display_name text,
    kind         text,
    deleted      boolean     NOT NULL DEFAULT false,
    updated_at   timestamptz NOT NULL
);

-- One row per grant and device (sharing-events access.*): what grantee_org may do with the device, and when.
CREATE TABLE access_view (
    grant_id     uuid        NOT NULL,
    device_id    uuid        NOT NULL,
    owner_org    text        NOT NULL,
    grantee_org  text        NOT NULL,
    role         text,
    capabilities text[]      NOT NULL,
    starts_at    timestamptz,
    ends_at      timestamptz,
    revoked      boolean     NOT NULL DEFAULT false,
    reason       text,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (grant_id, device_id)
);
CREATE INDEX access_view_grantee_device ON access_view (grantee_org, device_id) WHERE NOT revoked;

-- Last known position per device (device-positions); an earlier-recorded report never replaces a later one.
CREATE TABLE position_view (
    device_id   uuid PRIMARY KEY,
    owner_org   text             NOT NULL,
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    altitude    double precision,
    accuracy    double precision,
    recorded_at timestamptz      NOT NULL
);

-- Projects of an organization.
CREATE TABLE project (
    id          uuid PRIMARY KEY,
    org         text        NOT NULL,
    name        text        NOT NULL,
    address     text,
    polygon     text,
    start_date  date,
    end_date    date,
    status      text        NOT NULL CHECK (status IN ('PLANNED', 'ACTIVE', 'CLOSED')),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    closed_at   timestamptz,
    version     integer     NOT NULL DEFAULT 0,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX project_org_page ON project (org, created_at DESC, id DESC);

-- A device working in a project: own (grant_id null) or shared in through a grant with assign-to-project.
CREATE TABLE assignment (
    id             uuid PRIMARY KEY,
    project_id     uuid        NOT NULL REFERENCES project (id),
    org            text        NOT NULL,
    device_id      uuid        NOT NULL,
    owner_org      text        NOT NULL,
    grant_id       uuid,
    assigned_by    text        NOT NULL,
    assigned_at    timestamptz NOT NULL,
    unassigned_at  timestamptz,
    unassigned_by  text,
    reason         text,
    access_reason  text
);
-- The booking rule: a device is active on one project at a time, across all organizations.
CREATE UNIQUE INDEX assignment_one_active_per_device ON assignment (device_id) WHERE unassigned_at IS NULL;
CREATE INDEX assignment_project_active ON assignment (project_id, assigned_at DESC, id DESC) WHERE unassigned_at IS NULL;
CREATE INDEX assignment_device_time ON assignment (device_id, assigned_at);

-- Field-data files the devices recorded (device-events fielddata.uploaded), linked to the project the device
-- was assigned to at the time of the upload (none when it was not assigned).
CREATE TABLE field_data_file (
    file_id      uuid PRIMARY KEY,
    device_id    uuid        NOT NULL,
    owner_org    text        NOT NULL,
    filename     text,
    content_type text,
    size         bigint,
    sha256       text,
    recorded_at  timestamptz NOT NULL,
    project_id   uuid,
    org          text
);
CREATE INDEX field_data_file_project ON field_data_file (project_id, recorded_at DESC, file_id DESC)
    WHERE project_id IS NOT NULL;
CREATE INDEX field_data_file_device ON field_data_file (device_id);

-- A design file published to a project's devices; the bytes live on disk (storage_path).
CREATE TABLE design (
    id           uuid PRIMARY KEY,
    project_id   uuid        NOT NULL REFERENCES project (id),
    org          text        NOT NULL,
    filename     text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL,
    sha256       text        NOT NULL,
    storage_path text        NOT NULL,
    published_by text        NOT NULL,
    published_at timestamptz NOT NULL
);
CREATE INDEX design_project_page ON design (project_id, published_at DESC, id DESC);

-- One delivery of a design to one device: PENDING → DELIVERED → APPLIED | FAILED, or CANCELLED.
CREATE TABLE transfer (
    id          uuid PRIMARY KEY,
    design_id   uuid        NOT NULL REFERENCES design (id),
    project_id  uuid        NOT NULL REFERENCES project (id),
    org         text        NOT NULL,
    device_id   uuid        NOT NULL,
    owner_org   text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'APPLIED', 'FAILED', 'CANCELLED')),
    message     text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX transfer_design ON transfer (design_id);
CREATE INDEX transfer_open_device ON transfer (project_id, device_id) WHERE status IN ('PENDING', 'DELIVERED');

-- A short-lived remote session on a project device, opened by the project's organization.
CREATE TABLE remote_session (
    id             uuid PRIMARY KEY,
    project_id     uuid        NOT NULL REFERENCES project (id),
    org            text        NOT NULL,
    device_id      uuid        NOT NULL,
    owner_org      text        NOT NULL,
    opened_by      text        NOT NULL,
    opened_by_name text,
    opened_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    joined_at      timestamptz,
    closed_at      timestamptz,
    closed_by      text,
    close_reason   text
);
-- One open session per device at a time.
CREATE UNIQUE INDEX remote_session_one_open_per_device ON remote_session (device_id) WHERE closed_at IS NULL;
CREATE INDEX remote_session_expiring ON remote_session (expires_at) WHERE closed_at IS NULL;
CREATE INDEX remote_session_project ON remote_session (project_id, opened_at DESC, id DESC);
CREATE INDEX remote_session_device ON remote_session (device_id, opened_at DESC, id DESC);

-- Everything that happened in a project, newest first (assignments, transfers, sessions, changes).
CREATE TABLE project_activity (
    id          uuid PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES project (id),
    at          timestamptz NOT NULL,
    type        text        NOT NULL,
    device_id   uuid,
    design_id   uuid,
    transfer_id uuid,
    session_id  uuid,
    actor       text,
    reason      text,
    detail      text
);
CREATE INDEX project_activity_page ON project_activity (project_id, at DESC, id DESC);
