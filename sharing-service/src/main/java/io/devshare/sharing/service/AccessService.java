package io.devshare.sharing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.common.page.Page;
import io.devshare.sharing.Capability;

/**
 * The access authority: may organization X do A on device D, and which devices can X reach. Decided from the
 * grants and the local device and group projections, in one or two indexed queries (reactive client, no ORM).
 */
@ApplicationScoped
public class AccessService {

    public enum Basis {
        OWNER,
        GRANT,
        NONE
    }

    /** The answer: allowed or not, and why (the owner, or which grant, through which group). */
    public record Decision(boolean allowed, Basis basis, UUID grantId, UUID viaGroupId, String role) {}

    /** One organization that can reach a device, and how. */
    public record Reach(
            String org,
            Basis basis,
            UUID grantId,
            UUID viaGroupId,
            String role,
            List<String> capabilities,
            java.time.OffsetDateTime startsAt,
            java.time.OffsetDateTime endsAt) {}

    /** One device an organization can reach with a capability. */
    public record Reachable(UUID deviceId, Basis basis, UUID grantId, UUID viaGroupId) {}

    static final String EFFECTIVE = "g.status = 'ACTIVE' AND (g.starts_at IS NULL OR g.starts_at <= now())"
            + " AND (g.ends_at IS NULL OR g.ends_at > now())";

    private final Pool pool;

    @Inject
    public AccessService(Pool pool) {
        this.pool = pool;
    }

    /**
     * One round trip: the owner, else a direct grant, else a grant on a group the device is in — each an index
     * lookup ({@code device_view} primary key, the active (device, grantee) and (group) unique indexes).
     */
    public Uni<Decision> check(String org, UUID deviceId, Capability capability) {
        return pool.preparedQuery(CHECK)
                .execute(Tuple.of(org, deviceId, capability.wireName()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return denied();
                    }
                    Row r = rows.iterator().next();
                    Basis basis = Basis.valueOf(r.getString("basis"));
                    return new Decision(true, basis, r.getUUID("id"), r.getUUID("group_id"), r.getString("role"));
                });
    }

    static final String CHECK = "SELECT basis, id, group_id, role FROM ("
            + " SELECT 'OWNER' AS basis, NULL::uuid AS id, NULL::uuid AS group_id, NULL::text AS role, 0 AS rank"
            + "   FROM device_view WHERE device_id = $2 AND owner_org = $1 AND NOT deleted"
            + " UNION ALL (SELECT 'GRANT', g.id, NULL, g.role, 1 FROM share_grant g"
            + "   WHERE g.device_id = $2 AND g.grantee_org = $1 AND g.device_id IS NOT NULL AND " + EFFECTIVE
            + "   AND $3 = ANY (g.capabilities) LIMIT 1)"
            + " UNION ALL (SELECT 'GRANT', g.id, g.group_id, g.role, 2 FROM group_member_view m"
            + "   JOIN share_grant g ON g.group_id = m.group_id"
            + "   WHERE m.device_id = $2 AND g.grantee_org = $1 AND g.group_id IS NOT NULL AND " + EFFECTIVE
            + "   AND $3 = ANY (g.capabilities) LIMIT 1)"
            + ") r ORDER BY rank LIMIT 1";

    /** The devices {@code org} can reach with {@code capability}, by device id (keyset after {@code after}). */
    public Uni<Page<Reachable>> reachable(String org, Capability capability, UUID after, int limit) {
        String sql = "SELECT DISTINCT ON (device_id) device_id, basis, grant_id, group_id FROM ("
                + " SELECT device_id, 'OWNER' AS basis, NULL::uuid AS grant_id, NULL::uuid AS group_id, 0 AS rank"
                + "   FROM device_view WHERE owner_org = $1 AND NOT deleted"
                + " UNION ALL SELECT g.device_id, 'GRANT', g.id, NULL, 1 FROM share_grant g"
                + "   WHERE " + EFFECTIVE + " AND g.grantee_org = $1 AND $2 = ANY (g.capabilities)"
                + "   AND g.device_id IS NOT NULL"
                + " UNION ALL SELECT m.device_id, 'GRANT', g.id, g.group_id, 2 FROM share_grant g"
                + "   JOIN group_member_view m ON m.group_id = g.group_id"
                + "   WHERE " + EFFECTIVE + " AND g.grantee_org = $1 AND $2 = ANY (g.capabilities)"
                + ") r WHERE ($3::uuid IS NULL OR device_id > $3) ORDER BY device_id, rank LIMIT $4";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(org, capability.wireName(), after, limit + 1))
                .map(rows -> {
                    List<Reachable> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Reachable(
                                r.getUUID("device_id"),
                                Basis.valueOf(r.getString("basis")),
                                r.getUUID("grant_id"),
                                r.getUUID("group_id")));
                    }
                    boolean more = out.size() > limit;
                    List<Reachable> shown = more ? out.subList(0, limit) : out;
                    return new Page<>(
                            List.copyOf(shown),
                            more ? shown.get(shown.size() - 1).deviceId().toString() : null);
                });
    }

    /** For the owner of {@code deviceId}: every organization that can reach it now, and why. */
    public Uni<List<Reach>> whoCanReach(UUID deviceId) {
        return pool.preparedQuery("SELECT g.grantee_org, g.id, g.group_id, g.role, g.capabilities, g.starts_at,"
                        + " g.ends_at FROM share_grant g WHERE " + EFFECTIVE
                        + " AND (g.device_id = $1 OR g.group_id IN (SELECT group_id FROM group_member_view"
                        + " WHERE device_id = $1)) ORDER BY g.grantee_org, g.created_at")
                .execute(Tuple.of(deviceId))
                .map(rows -> {
                    List<Reach> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Reach(
                                r.getString("grantee_org"),
                                Basis.GRANT,
                                r.getUUID("id"),
                                r.getUUID("group_id"),
                                r.getString("role"),
                                List.of(r.getArrayOfStrings("capabilities")),
                                r.getOffsetDateTime("starts_at"),
                                r.getOffsetDateTime("ends_at")));
                    }
                    return out;
                });
    }

    /** The owner of a live device, if the projection knows it. */
    public Uni<String> ownerOf(UUID deviceId) {
        return pool.preparedQuery("SELECT owner_org FROM device_view WHERE device_id = $1 AND NOT deleted")
                .execute(Tuple.of(deviceId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    private static Decision denied() {
        return new Decision(false, Basis.NONE, null, null, null);
    }
}
