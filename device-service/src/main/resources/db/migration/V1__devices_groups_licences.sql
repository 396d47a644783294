-- device-service. Organizations are keyed by their alias: what access tokens carry, and Keycloak keeps an
-- organization's alias immutable (sharing-service keys them the same way).

-- The licence pool of an organization: registering a device takes one, deleting it frees one. The row is
-- locked (SELECT … FOR UPDATE) by every registration, so concurrent registrations never exceed the pool.
CREATE TABLE licence_pool (
    org_alias  text PRIMARY KEY,
    size       integer     NOT NULL CHECK (size >= 0),
    used       integer     NOT NULL DEFAULT 0 CHECK (used >= 0),
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The demo organizations start with a pool each (the operator changes it through the API).
INSERT INTO licence_pool (org_alias, size, updated_by)
VALUES ('acme', 50, 'seed'), ('rentco', 50, 'seed'), ('subco', 50, 'seed');

-- A device, owned by the organization that registered it. Only a slow hash of its secret is stored.
CREATE TABLE device (
    id                uuid PRIMARY KEY,
    owner_org         text        NOT NULL,
    serial_number     text        NOT NULL,
    manufacturer      text        NOT NULL,
    model             text        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('MACHINE_CONTROL', 'GNSS_ROVER', 'BASE_STATION',
                                                           'TOTAL_STATION', 'TABLET', 'OTHER')),
    display_name      text        NOT NULL,
    tags              text[]      NOT NULL DEFAULT '{}',
    secret_hash       text        NOT NULL,
    secret_rotated_at timestamptz NOT NULL,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           integer     NOT NULL DEFAULT 0
);

-- A serial number is unique per manufacturer across all organizations (compared case-insensitively).
CREATE UNIQUE INDEX device_serial_per_manufacturer ON device (lower(manufacturer), lower(serial_number));
-- GET /devices: keyset pages of an organization's devices, newest first, optionally of one kind or tag.
CREATE INDEX device_owner_page ON device (owner_org, created_at DESC, id DESC);
CREATE INDEX device_owner_kind_page ON device (owner_org, kind, created_at DESC, id DESC);
CREATE INDEX device_tags ON device USING gin (tags);

-- The last known position of a device (one row per device, kept apart from the device row so that frequent
-- reports neither rewrite the device nor disturb its optimistic version). An older report never replaces a newer.
CREATE TABLE device_position (
    device_id   uuid PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    lat         double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon         double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    altitude    double precision,
    accuracy    double precision CHECK (accuracy >= 0),
    recorded_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL
);

-- Groups of an organization's own devices; a device may be in several groups.
CREATE TABLE device_group (
    id         uuid PRIMARY KEY,
    owner_org  text        NOT NULL,
    name       text        NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX device_group_name_per_org ON device_group (owner_org, lower(name));
CREATE INDEX device_group_owner_page ON device_group (owner_org, created_at DESC, id DESC);

CREATE TABLE device_group_member (
    group_id  uuid        NOT NULL REFERENCES device_group (id) ON DELETE CASCADE,
    device_id uuid        NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    added_by  text        NOT NULL,
    added_at  timestamptz NOT NULL,
    PRIMARY KEY (group_id, device_id)
);
CREATE INDEX device_group_member_device ON device_group_member (device_id);

-- Field-data files a device uploaded. The bytes live in the storage directory (devshare.field-data.dir) under
-- storage_path; the row is written only after the file is complete and in place.
CREATE TABLE field_data_file (
    id           uuid PRIMARY KEY,
    device_id    uuid        NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    owner_org    text        NOT NULL,
    filename     text,
    content_type text        NOT NULL,
    size         bigint      NOT NULL CHECK (size >= 0),
    sha256       text        NOT NULL,
    storage_path text        NOT NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX field_data_file_device_page ON field_data_file (device_id, uploaded_at DESC, id DESC);

-- Shared-in access: a projection of sharing-service's access events (filled by a later consumer of
-- sharing-events; empty until then). One row per grant and device, so a device reached through a direct grant
-- and through a group grant has two rows; queries take the strongest effective one. device_created_at copies
-- the device's sort key so the shared-in branch of GET /devices pages on its own index and is UNIONed with the
-- owned branch in one keyset query.
CREATE TABLE device_access (
    grant_id          uuid        NOT NULL,
    device_id         uuid        NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    owner_org         text        NOT NULL,
    grantee_org       text        NOT NULL,
    role              text        NOT NULL,
    capabilities      text[]      NOT NULL,
    group_id          uuid,
    starts_at         timestamptz,
    ends_at           timestamptz,
    device_created_at timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (grant_id, device_id)
);
CREATE INDEX device_access_grantee_page ON device_access (grantee_org, device_created_at DESC, device_id DESC);
CREATE INDEX device_access_device ON device_access (device_id, grantee_org);
