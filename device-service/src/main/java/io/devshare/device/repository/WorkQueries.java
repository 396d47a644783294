package io.devshare.device.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A device's pending work ({@code device_work}, kept from project-events): read with the plain pool; the changes
 * the device makes run in the caller's reactive session, beside the event they publish.
 */
@ApplicationScoped
public class WorkQueries {

    /** Bound of one answer of GET /device-api/work (oldest first; the device fetches again after working). */
    public static final int MAX_ITEMS = 100;

    private static final String COLUMNS = "id, device_id, kind, status, project_id, org, design_id, filename,"
            + " content_type, size, sha256, expires_at, created_at";

    private final Pool pool;

    @Inject
    public WorkQueries(Pool pool) {
        this.pool = pool;
    }

    /** Designs not yet reported, sessions not yet expired; oldest first. */
    public Uni<List<WorkItem>> pending(UUID deviceId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM device_work WHERE device_id = $1"
                        + " AND (kind = 'DESIGN' OR expires_at > now()) ORDER BY created_at, id LIMIT " + MAX_ITEMS)
                .execute(Tuple.of(deviceId))
                .map(rows -> {
                    List<WorkItem> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(item(r));
                    }
                    return out;
                });
    }

    /** The device's design transfer, or null when it has none of that id. */
    public Uni<WorkItem> design(UUID deviceId, UUID transferId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM device_work WHERE id = $1 AND device_id = $2"
                        + " AND kind = 'DESIGN'")
                .execute(Tuple.of(transferId, deviceId))
                .map(rows -> rows.iterator().hasNext() ? item(rows.iterator().next()) : null);
    }

    /** PENDING → FETCHED; answers whether it changed (the first fetch only). */
    public Uni<Boolean> markFetched(UUID deviceId, UUID transferId) {
        return update(
                        "UPDATE device_work SET status = 'FETCHED', updated_at = now() WHERE id = :id"
                                + " AND device_id = :device AND kind = 'DESIGN' AND status = 'PENDING'",
                        transferId,
                        deviceId)
                .map(n -> n == 1);
    }

    /** The device reported the design applied or failed: it leaves the list. Answers whether it was there. */
    public Uni<Boolean> designDone(UUID deviceId, UUID transferId) {
        return update(
                        "DELETE FROM device_work WHERE id = :id AND device_id = :device AND kind = 'DESIGN'",
                        transferId,
                        deviceId)
                .map(n -> n == 1);
    }

    /** PENDING → JOINED while the session has not expired; answers whether it changed. */
    public Uni<Boolean> join(UUID deviceId, UUID sessionId) {
        return update(
                        "UPDATE device_work SET status = 'JOINED', updated_at = now() WHERE id = :id"
                                + " AND device_id = :device AND kind = 'SESSION' AND status = 'PENDING'"
                                + " AND expires_at > now()",
                        sessionId,
                        deviceId)
                .map(n -> n == 1);
    }

    /** Whether the device has that session, joined and not expired (a repeated join is no error). */
    public Uni<Boolean> joined(UUID deviceId, UUID sessionId) {
        return pool.preparedQuery("SELECT 1 FROM device_work WHERE id = $1 AND device_id = $2 AND kind = 'SESSION'"
                        + " AND status = 'JOINED' AND expires_at > now()")
                .execute(Tuple.of(sessionId, deviceId))
                .map(rows -> rows.rowCount() > 0);
    }

    private static Uni<Integer> update(String sql, UUID id, UUID deviceId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql)
                        .setParameter("id", id)
                        .setParameter("device", deviceId)
                        .executeUpdate());
    }

    private static WorkItem item(Row r) {
        return new WorkItem(
                r.getUUID("id"),
                r.getUUID("device_id"),
                r.getString("kind"),
                r.getString("status"),
                r.getUUID("project_id"),
                r.getString("org"),
                r.getUUID("design_id"),
                r.getString("filename"),
                r.getString("content_type"),
                r.getLong("size"),
                r.getString("sha256"),
                r.getOffsetDateTime("expires_at"),
                r.getOffsetDateTime("created_at"));
    }
}
