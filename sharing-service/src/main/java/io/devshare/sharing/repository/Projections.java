package io.devshare.sharing.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import io.devshare.common.db.NativeSql;

/**
 * sharing-service's local views of partnerships and devices, kept from partner-events and device-events. All
 * calls run in the caller's reactive session (and so its transaction).
 */
@ApplicationScoped
public class Projections {

    /** Whether the two organizations are partners, holding a share lock on that fact until the transaction ends. */
    public Uni<Boolean> lockPartnership(String org, String other) {
        String a = org.compareTo(other) < 0 ? org : other;
        String b = a.equals(org) ? other : org;
        return list(
                        "SELECT 1 FROM partnership_view WHERE org_a = :a AND org_b = :b AND active FOR SHARE",
                        "a",
                        a,
                        "b",
                        b)
                .map(rows -> !rows.isEmpty());
    }

    public Uni<Void> partnershipStarted(UUID id, String org, String other, OffsetDateTime at) {
        String a = org.compareTo(other) < 0 ? org : other;
        String b = a.equals(org) ? other : org;
        return update(
                "INSERT INTO partnership_view (partnership_id, org_a, org_b, active, updated_at)"
                        + " VALUES (:id, :a, :b, true, :at) ON CONFLICT (partnership_id) DO NOTHING",
                "id",
                id,
                "a",
                a,
                "b",
                b,
                "at",
                at);
    }

    public Uni<Void> partnershipEnded(UUID id, String org, String other, OffsetDateTime at) {
        String a = org.compareTo(other) < 0 ? org : other;
        String b = a.equals(org) ? other : org;
        return update(
                "INSERT INTO partnership_view (partnership_id, org_a, org_b, active, updated_at)"
                        + " VALUES (:id, :a, :b, false, :at)"
                        + " ON CONFLICT (partnership_id) DO UPDATE SET active = false, updated_at = :at",
                "id",
                id,
                "a",
                a,
                "b",
                b,
                "at",
                at);
    }

    public Uni<Void> deviceRegistered(UUID deviceId, String owner, String displayName, OffsetDateTime at) {
        return update(
                "INSERT INTO device_view (device_id, owner_org, display_name, updated_at) VALUES (:id, :owner, :name, :at)"
                        + " ON CONFLICT (device_id) DO UPDATE SET display_name = EXCLUDED.display_name"
                        + " WHERE device_view.display_name IS NULL AND NOT device_view.deleted",
                "id",
                deviceId,
                "owner",
                owner,
                "name",
                displayName,
                "at",
                at);
    }

    /** A renamed device (events of one device arrive in order; an older one never overwrites a newer). */
    public Uni<Void> deviceRenamed(UUID deviceId, String displayName, OffsetDateTime at) {
        return update(
                "UPDATE device_view SET display_name = :name, updated_at = :at"
                        + " WHERE device_id = :id AND NOT deleted AND updated_at <= :at",
                "id",
                deviceId,
                "name",
                displayName,
                "at",
                at);
    }

    /** The display names known for these devices (a device without one is left out). */
    public Uni<Map<UUID, String>> deviceNames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list(
                        "SELECT device_id, display_name FROM device_view"
                                + " WHERE device_id IN (:ids) AND display_name IS NOT NULL",
                        "ids",
                        ids)
                .map(rows -> {
                    Map<UUID, String> names = new HashMap<>();
                    for (Object row : rows) {
                        Object[] cols = (Object[]) row;
                        names.put((UUID) cols[0], (String) cols[1]);
                    }
                    return names;
                });
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
                .chain(() -> update("DELETE FROM group_member_view WHERE device_id = :id", "id", deviceId));
    }

    public Uni<Void> groupCreated(UUID groupId, String owner, OffsetDateTime at) {
        return groupSeen(groupId, owner, at);
    }

    /** Records the membership; answers whether it changed anything. */
    public Uni<Boolean> memberAdded(UUID groupId, String owner, UUID deviceId, OffsetDateTime at) {
        return groupSeen(groupId, owner, at)
                .chain(() -> count(
                        "INSERT INTO group_member_view (group_id, device_id) VALUES (:g, :d) ON CONFLICT DO NOTHING",
                        "g",
                        groupId,
                        "d",
                        deviceId))
                .map(n -> n > 0);
    }

    public Uni<Boolean> memberRemoved(UUID groupId, String owner, UUID deviceId, OffsetDateTime at) {
        return groupSeen(groupId, owner, at)
                .chain(() -> count(
                        "DELETE FROM group_member_view WHERE group_id = :g AND device_id = :d",
                        "g",
                        groupId,
                        "d",
                        deviceId))
                .map(n -> n > 0);
    }

    public Uni<Void> groupDeleted(UUID groupId, String owner, OffsetDateTime at) {
        return update(
                        "INSERT INTO device_group_view (group_id, owner_org, deleted, updated_at)"
                                + " VALUES (:g, :owner, true, :at)"
                                + " ON CONFLICT (group_id) DO UPDATE SET deleted = true, updated_at = :at",
                        "g",
                        groupId,
                        "owner",
                        owner,
                        "at",
                        at)
                .chain(() -> update("DELETE FROM group_member_view WHERE group_id = :g", "g", groupId));
    }

    private Uni<Void> groupSeen(UUID groupId, String owner, OffsetDateTime at) {
        return update(
                "INSERT INTO device_group_view (group_id, owner_org, updated_at) VALUES (:g, :owner, :at)"
                        + " ON CONFLICT (group_id) DO NOTHING",
                "g",
                groupId,
                "owner",
                owner,
                "at",
                at);
    }

    /** Of {@code ids}, those that are live devices of {@code owner}. */
    public Uni<List<UUID>> ownedDevices(String owner, Collection<UUID> ids) {
        return list(
                        "SELECT device_id FROM device_view WHERE owner_org = :owner AND NOT deleted"
                                + " AND device_id IN (:ids)",
                        "owner",
                        owner,
                        "ids",
                        ids)
                .map(rows -> rows.stream().map(UUID.class::cast).toList());
    }

    public Uni<Boolean> ownsGroup(String owner, UUID groupId) {
        return list(
                        "SELECT 1 FROM device_group_view WHERE group_id = :g AND owner_org = :owner AND NOT deleted",
                        "g",
                        groupId,
                        "owner",
                        owner)
                .map(rows -> !rows.isEmpty());
    }

    public Uni<List<UUID>> members(UUID groupId) {
        return list("SELECT device_id FROM group_member_view WHERE group_id = :g ORDER BY device_id", "g", groupId)
                .map(rows -> rows.stream().map(UUID.class::cast).toList());
    }

    private static Uni<List<Object>> list(String sql, Object... params) {
        return NativeSql.list(sql, params);
    }

    private static Uni<Void> update(String sql, Object... params) {
        return NativeSql.update(sql, params).replaceWithVoid();
    }

    private static Uni<Integer> count(String sql, Object... params) {
        return NativeSql.update(sql, params);
    }
}
