package io.devshare.device.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import io.devshare.common.db.NativeSql;
import io.devshare.device.events.AccessEvent;
import io.devshare.device.events.ProjectEvent;

/**
 * device-service's projections of other services' events: shared-in access ({@code device_access}, from
 * sharing-events), the active account and the pending work of a device (from project-events). Every call runs in
 * the caller's reactive session, so in the transaction that also records the event in the inbox. An event about a
 * device that is not here (deleted meanwhile) changes nothing.
 */
@ApplicationScoped
public class DeviceProjections {

    /** access.granted / access.updated: the grant's row for the device, as the event says it is now. */
    public Uni<Integer> accessGranted(AccessEvent a, OffsetDateTime at) {
        return update(
                "INSERT INTO device_access (grant_id, device_id, owner_org, grantee_org, role, capabilities, group_id,"
                        + " starts_at, ends_at, device_created_at, updated_at)"
                        + " SELECT :grant, d.id, d.owner_org, :grantee, :role, string_to_array(:caps, ','), CAST(:grp AS uuid),"
                        + " CAST(:starts AS timestamptz), CAST(:ends AS timestamptz), d.created_at, :at FROM device d WHERE d.id = :device"
                        + " ON CONFLICT (grant_id, device_id) DO UPDATE SET role = EXCLUDED.role,"
                        + " capabilities = EXCLUDED.capabilities, group_id = EXCLUDED.group_id,"
                        + " starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, updated_at = EXCLUDED.updated_at"
                        + " WHERE device_access.updated_at <= EXCLUDED.updated_at",
                "grant",
                a.grantId(),
                "grantee",
                a.granteeOrg(),
                "role",
                a.role(),
                "caps",
                String.join(",", a.capabilities()),
                "grp",
                a.groupId(),
                "starts",
                a.startsAt(),
                "ends",
                a.endsAt(),
                "at",
                at,
                "device",
                a.deviceId());
    }

    /** access.revoked: the grant no longer reaches the device. */
    public Uni<Integer> accessRevoked(AccessEvent a) {
        return update(
                "DELETE FROM device_access WHERE grant_id = :grant AND device_id = :device",
                "grant",
                a.grantId(),
                "device",
                a.deviceId());
    }

    /** project.device.assigned: the project's organization is the device's active account. */
    public Uni<Integer> assigned(ProjectEvent p, OffsetDateTime at) {
        return update(
                "INSERT INTO device_activity (device_id, org, project_id, since)"
                        + " SELECT d.id, :org, :project, :at FROM device d WHERE d.id = :device"
                        + " ON CONFLICT (device_id) DO UPDATE SET org = EXCLUDED.org, project_id = EXCLUDED.project_id,"
                        + " since = EXCLUDED.since",
                "org",
                p.org(),
                "project",
                p.projectId(),
                "at",
                at,
                "device",
                p.deviceId());
    }

    /** project.device.unassigned: no active account any more, unless another project took the device since. */
    public Uni<Integer> unassigned(ProjectEvent p) {
        return update(
                "DELETE FROM device_activity WHERE device_id = :device AND project_id = :project",
                "device",
                p.deviceId(),
                "project",
                p.projectId());
    }

    /** design.published: a transfer for the device to fetch. */
    public Uni<Integer> designPublished(ProjectEvent p, OffsetDateTime at) {
        return update(
                "INSERT INTO device_work (id, device_id, kind, project_id, org, design_id, filename, content_type,"
                        + " size, sha256, status, created_at, updated_at)"
                        + " SELECT :id, d.id, 'DESIGN', :project, :org, CAST(:design AS uuid), CAST(:filename AS text), :type, CAST(:size AS bigint), CAST(:sha AS text),"
                        + " 'PENDING', :at, :at FROM device d WHERE d.id = :device ON CONFLICT (id) DO NOTHING",
                "id",
                p.transferId(),
                "project",
                p.projectId(),
                "org",
                p.org(),
                "design",
                p.designId(),
                "filename",
                p.filename(),
                "type",
                p.contentType(),
                "size",
                p.size(),
                "sha",
                p.sha256(),
                "at",
                at,
                "device",
                p.deviceId());
    }

    /** session.opened: a remote session for the device to join until it expires. */
    public Uni<Integer> sessionOpened(ProjectEvent p, OffsetDateTime at) {
        return update(
                "INSERT INTO device_work (id, device_id, kind, project_id, org, expires_at, status, created_at,"
                        + " updated_at) SELECT :id, d.id, 'SESSION', :project, :org, CAST(:expires AS timestamptz), 'PENDING', :at, :at"
                        + " FROM device d WHERE d.id = :device ON CONFLICT (id) DO NOTHING",
                "id",
                p.sessionId(),
                "project",
                p.projectId(),
                "org",
                p.org(),
                "expires",
                p.expiresAt(),
                "at",
                at,
                "device",
                p.deviceId());
    }

    /** transfer.cancelled / session.closed: the work is gone. */
    public Uni<Integer> workGone(UUID id, UUID deviceId) {
        return update("DELETE FROM device_work WHERE id = :id AND device_id = :device", "id", id, "device", deviceId);
    }

    private static Uni<Integer> update(String sql, Object... params) {
        return NativeSql.update(sql, params);
    }
}
