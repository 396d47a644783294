package io.devshare.project.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import io.devshare.common.db.NativeSql;

/**
 * Writes project-service's local views of devices, grants, positions and field-data files from their events. Every
 * write is an upsert that a redelivery or an out-of-order event cannot spoil. All calls run in the caller's reactive
 * session (and so its transaction).
 */
@ApplicationScoped
public class Projections {

    public Uni<Void> deviceSeen(UUID deviceId, String owner, String displayName, String kind, OffsetDateTime at) {
        return update(
                "INSERT INTO device_view (device_id, owner_org, display_name, kind, updated_at)"
                        + " VALUES (:id, :owner, :name, :kind, :at)"
                        + " ON CONFLICT (device_id) DO UPDATE SET owner_org = :owner,"
                        + " display_name = coalesce(cast(:name as text), device_view.display_name),"
                        + " kind = coalesce(cast(:kind as text), device_view.kind), updated_at = :at"
                        + " WHERE device_view.updated_at <= :at AND NOT device_view.deleted",
                "id",
                deviceId,
                "owner",
                owner,
                "name",
                displayName,
                "kind",
                kind,
                "at",
                at);
    }

    public Uni<Void> deviceDeleted(UUID deviceId, String owner, OffsetDateTime at) {
        return update(
                        "INSERT INTO device_view (device_id, owner_org, deleted, updated_at) VALUES (:id, :owner, true, :at)"
                                + " ON CONFLICT (device_id) DO UPDATE SET deleted = true, updated_at = :at",
                        "id",
                        deviceId,
                        "owner",
                        owner,
                        "at",
                        at)
                .chain(() -> update("DELETE FROM position_view WHERE device_id = :id", "id", deviceId))
                .chain(() -> update("DELETE FROM field_data_file WHERE device_id = :id", "id", deviceId));
    }

    /** A grant's access to a device was granted or changed (a revoked row stays revoked). */
    public Uni<Void> accessChanged(
            UUID grantId,
            UUID deviceId,
            String owner,
            String grantee,
            String role,
            List<String> capabilities,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            OffsetDateTime at) {
        return update(
                "INSERT INTO access_view (grant_id, device_id, owner_org, grantee_org, role, capabilities, starts_at,"
                        + " ends_at, updated_at) VALUES (:g, :d, :owner, :grantee, :role, cast(:caps as text[]),"
                        + " :starts, :ends, :at)"
                        + " ON CONFLICT (grant_id, device_id) DO UPDATE SET role = :role,"
                        + " capabilities = cast(:caps as text[]), starts_at = :starts, ends_at = :ends, updated_at = :at"
                        + " WHERE NOT access_view.revoked AND access_view.updated_at <= :at",
                "g",
                grantId,
                "d",
                deviceId,
                "owner",
                owner,
                "grantee",
                grantee,
                "role",
                role,
                "caps",
                capabilityArray(capabilities),
                "starts",
                startsAt,
                "ends",
                endsAt,
                "at",
                at);
    }

    public Uni<Void> accessRevoked(
            UUID grantId, UUID deviceId, String owner, String grantee, String reason, OffsetDateTime at) {
        return update(
                "INSERT INTO access_view (grant_id, device_id, owner_org, grantee_org, capabilities, revoked, reason,"
                        + " updated_at) VALUES (:g, :d, :owner, :grantee, '{}', true, :reason, :at)"
                        + " ON CONFLICT (grant_id, device_id) DO UPDATE SET revoked = true, reason = :reason,"
                        + " updated_at = :at",
                "g",
                grantId,
                "d",
                deviceId,
                "owner",
                owner,
                "grantee",
                grantee,
                "reason",
                reason,
                "at",
                at);
    }

    public Uni<Void> position(
            UUID deviceId,
            String owner,
            double lat,
            double lon,
            Double altitude,
            Double accuracy,
            OffsetDateTime recordedAt) {
        return update(
                "INSERT INTO position_view (device_id, owner_org, lat, lon, altitude, accuracy, recorded_at)"
                        + " VALUES (:d, :owner, :lat, :lon, :alt, :acc, :at)"
                        + " ON CONFLICT (device_id) DO UPDATE SET owner_org = :owner, lat = :lat, lon = :lon,"
                        + " altitude = :alt, accuracy = :acc, recorded_at = :at"
                        + " WHERE position_view.recorded_at < :at",
                "d",
                deviceId,
                "owner",
                owner,
                "lat",
                lat,
                "lon",
                lon,
                "alt",
                altitude,
                "acc",
                accuracy,
                "at",
                recordedAt);
    }

    /** Records a field-data file, linked to the project {@code deviceId} was assigned to at {@code at} (if any). */
    public Uni<Void> fieldData(
            UUID fileId,
            UUID deviceId,
            String owner,
            String filename,
            String contentType,
            Long size,
            String sha256,
            OffsetDateTime at) {
        return update(
                "INSERT INTO field_data_file (file_id, device_id, owner_org, filename, content_type, size, sha256,"
                        + " recorded_at, project_id, org)"
                        + " SELECT cast(:f as uuid), cast(:d as uuid), cast(:owner as text), cast(:name as text),"
                        + " cast(:type as text), cast(:size as bigint), cast(:sha as text), cast(:at as timestamptz),"
                        + " a.project_id, a.org"
                        + " FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT project_id, org FROM assignment"
                        + " WHERE device_id = cast(:d as uuid) AND assigned_at <= cast(:at as timestamptz)"
                        + " AND (unassigned_at IS NULL OR unassigned_at > cast(:at as timestamptz))"
                        + " ORDER BY assigned_at DESC LIMIT 1) a ON true"
                        + " ON CONFLICT (file_id) DO NOTHING",
                "f",
                fileId,
                "d",
                deviceId,
                "owner",
                owner,
                "name",
                filename,
                "type",
                contentType,
                "size",
                size,
                "sha",
                sha256,
                "at",
                at);
    }

    /** Plain capability names only (anything else in an event is ignored). */
    static String[] capabilityArray(List<String> values) {
        return values.stream()
                .filter(v -> v != null && v.matches("[A-Za-z0-9_-]{1,64}"))
                .distinct()
                .toArray(String[]::new);
    }

    private static Uni<Void> update(String sql, Object... params) {
        return NativeSql.update(sql, params).replaceWithVoid();
    }
}
