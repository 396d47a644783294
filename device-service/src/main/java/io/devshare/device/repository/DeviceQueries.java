package io.devshare.device.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.common.page.PageCursor;
import io.devshare.device.events.DeviceEvents;

/**
 * The read side of devices, in plain SQL: what an organization can see is its own devices UNION ALL the devices
 * shared in to it (the {@code device_access} projection), each branch a keyset scan of its own index (owner: {@code
 * device_owner_page}; grantee: {@code device_access_grantee_page}), merged by (created_at desc, id desc).
 */
@ApplicationScoped
public class DeviceQueries {

    /** A grant row in effect now (inside its window). */
    static final String EFFECTIVE =
            "(a.starts_at IS NULL OR a.starts_at <= now())" + " AND (a.ends_at IS NULL OR a.ends_at > now())";

    private final Pool pool;

    @Inject
    public DeviceQueries(Pool pool) {
        this.pool = pool;
    }

    /** One keyset page ({@code limit + 1} rows, so the caller can tell there is more) of what {@code org} sees. */
    public Uni<List<DeviceRow>> page(String org, DeviceFilter filter, PageCursor cursor, int limit) {
        return select(org, filter, cursor, limit + 1, null);
    }

    /** The device, if {@code org} owns it or it is shared in to {@code org}; null otherwise. */
    public Uni<DeviceRow> visible(String org, UUID id) {
        return select(org, DeviceFilter.NONE, null, 1, id).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private Uni<List<DeviceRow>> select(String org, DeviceFilter filter, PageCursor cursor, int limit, UUID id) {
        Params p = new Params();
        String orgParam = p.add(org);
        String limitParam = p.add((long) limit);
        StringBuilder common = new StringBuilder();
        if (filter.kind() != null) {
            common.append(" AND d.kind = ").append(p.add(filter.kind()));
        }
        if (filter.tag() != null) {
            common.append(" AND d.tags @> ARRAY[").append(p.add(filter.tag())).append("::text]");
        }
        if (filter.groupId() != null) {
            common.append(" AND EXISTS (SELECT 1 FROM device_group_member m WHERE m.group_id = ")
                    .append(p.add(filter.groupId()))
                    .append(" AND m.device_id = d.id)");
        }
        if (id != null) {
            common.append(" AND d.id = ").append(p.add(id));
        }
        String ownedCursor = "";
        String sharedCursor = "";
        if (cursor != null) {
            String at = p.add(cursor.at());
            String after = p.add(cursor.id());
            ownedCursor = " AND (d.created_at, d.id) < (" + at + ", " + after + ")";
            sharedCursor = " AND (a.device_created_at, a.device_id) < (" + at + ", " + after + ")";
        }
        String owned = "SELECT d.id, d.created_at, false AS shared FROM device d"
                + " WHERE d.owner_org = " + orgParam + common + ownedCursor
                + " ORDER BY d.created_at DESC, d.id DESC LIMIT " + limitParam;
        // Paged on (device_created_at, device_id) alone, so it stays a plain scan of device_access_grantee_page (a
        // third sort key would force a sort of every grant); the role of the page's rows is picked further out.
        // The device is joined only when a filter needs its columns.
        String shared = "SELECT DISTINCT ON (a.device_created_at, a.device_id) a.device_id AS id,"
                + " a.device_created_at AS created_at, true AS shared FROM device_access a"
                + (common.isEmpty() ? "" : " JOIN device d ON d.id = a.device_id")
                + " WHERE a.grantee_org = " + orgParam + " AND " + EFFECTIVE + " AND '" + DeviceAccess.VIEW
                + "' = ANY (a.capabilities)" + common + sharedCursor
                + " ORDER BY a.device_created_at DESC, a.device_id DESC LIMIT " + limitParam;
        String branches;
        if (filter.ownership() == DeviceFilter.Ownership.OWNED || filter.groupId() != null) {
            // Groups hold only the organization's own devices: a group filter never matches a shared-in one.
            branches = owned;
        } else if (filter.ownership() == DeviceFilter.Ownership.SHARED) {
            branches = shared;
        } else {
            branches =
                    "(" + owned + ") UNION ALL (" + shared + ") ORDER BY created_at DESC, id DESC LIMIT " + limitParam;
        }
        String sql = "SELECT d.id, d.owner_org, d.serial_number, d.manufacturer, d.model, d.kind, d.display_name,"
                + " d.tags, d.created_at, d.updated_at, v.shared,"
                + " CASE WHEN v.shared THEN (SELECT a.role FROM device_access a WHERE a.device_id = d.id"
                + " AND a.grantee_org = " + orgParam + " AND " + EFFECTIVE + " AND '" + DeviceAccess.VIEW
                + "' = ANY (a.capabilities) ORDER BY cardinality(a.capabilities) DESC, a.role LIMIT 1) END AS role,"
                + " pos.lat, pos.lon, pos.altitude, pos.accuracy, pos.recorded_at, act.org AS active_org,"
                + " act.since AS active_since,"
                + " CASE WHEN v.shared THEN NULL ELSE (SELECT coalesce(json_agg(json_build_object('alias',"
                + " s.grantee_org, 'role', s.role) ORDER BY s.grantee_org), '[]'::json)::text FROM (SELECT DISTINCT"
                + " ON (a.grantee_org) a.grantee_org, a.role FROM device_access a WHERE a.device_id = d.id AND "
                + EFFECTIVE + " ORDER BY a.grantee_org, cardinality(a.capabilities) DESC) s) END AS shared_with"
                + " FROM (" + branches + ") v JOIN device d ON d.id = v.id"
                + " LEFT JOIN device_position pos ON pos.device_id = d.id"
                + " LEFT JOIN device_activity act ON act.device_id = d.id"
                + " ORDER BY v.created_at DESC, v.id DESC";
        return pool.preparedQuery(sql).execute(p.tuple()).map(rows -> {
            List<DeviceRow> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(row(r));
            }
            return out;
        });
    }

    /** What {@code org} may do with the device, {@code capability} being the one asked for. */
    public Uni<DeviceAccess> access(String org, UUID deviceId, String capability) {
        String sql = "SELECT d.owner_org = $2 AS owner,"
                + " EXISTS (SELECT 1 FROM device_access a WHERE a.device_id = d.id AND a.grantee_org = $2 AND "
                + EFFECTIVE + " AND '" + DeviceAccess.VIEW + "' = ANY (a.capabilities)) AS visible,"
                + " EXISTS (SELECT 1 FROM device_access a WHERE a.device_id = d.id AND a.grantee_org = $2 AND "
                + EFFECTIVE + " AND $3 = ANY (a.capabilities)) AS capable"
                + " FROM device d WHERE d.id = $1";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(deviceId, org, capability))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return DeviceAccess.NONE;
                    }
                    Row r = it.next();
                    return new DeviceAccess(
                            true, r.getBoolean("owner"), r.getBoolean("visible"), r.getBoolean("capable"));
                });
    }

    /** A bounding box in degrees; {@code minLon > maxLon} crosses the antimeridian. */
    public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {}

    /** The last position of one device {@code org} may see on the map. */
    public record Located(UUID id, String displayName, String kind, DeviceRow.Position position) {}

    /**
     * The devices {@code org} owns or may see the position of (capability {@code view-position}) that have a last
     * position, optionally inside {@code box}; most recently reported first, at most {@code limit + 1}.
     */
    public Uni<List<Located>> located(String org, BoundingBox box, int limit) {
        Params p = new Params();
        String orgParam = p.add(org);
        StringBuilder where = new StringBuilder();
        if (box != null) {
            where.append(" AND pos.lat BETWEEN ")
                    .append(p.add(box.minLat()))
                    .append(" AND ")
                    .append(p.add(box.maxLat()));
            String minLon = p.add(box.minLon());
            String maxLon = p.add(box.maxLon());
            if (box.minLon() <= box.maxLon()) {
                where.append(" AND pos.lon BETWEEN ")
                        .append(minLon)
                        .append(" AND ")
                        .append(maxLon);
            } else {
                where.append(" AND (pos.lon >= ")
                        .append(minLon)
                        .append(" OR pos.lon <= ")
                        .append(maxLon)
                        .append(")");
            }
        }
        String sql = "SELECT d.id, d.display_name, d.kind, pos.lat, pos.lon, pos.altitude, pos.accuracy,"
                + " pos.recorded_at FROM device_position pos JOIN device d ON d.id = pos.device_id"
                + " WHERE d.id IN (SELECT o.id FROM device o WHERE o.owner_org = " + orgParam
                + " UNION SELECT a.device_id FROM device_access a WHERE a.grantee_org = " + orgParam + " AND "
                + EFFECTIVE + " AND '" + DeviceAccess.VIEW_POSITION + "' = ANY (a.capabilities))" + where
                + " ORDER BY pos.recorded_at DESC, d.id DESC LIMIT " + p.add((long) limit + 1);
        return pool.preparedQuery(sql).execute(p.tuple()).map(rows -> {
            List<Located> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Located(r.getUUID("id"), r.getString("display_name"), r.getString("kind"), position(r)));
            }
            return out;
        });
    }

    /**
     * Stores a reported position as the device's last one unless a later-recorded one is already stored, and in the
     * same statement (so the same transaction) appends it to the outbox for the compacted {@code device-positions}
     * topic — only when it became the last position. Answers false when the device no longer exists.
     */
    public Uni<Boolean> reportPosition(
            UUID deviceId, double lat, double lon, Double altitude, Double accuracy, OffsetDateTime recordedAt) {
        String sql = "WITH up AS (INSERT INTO device_position (device_id, lat, lon, altitude, accuracy, recorded_at,"
                + " received_at) SELECT d.id, $2::float8, $3::float8, $4::float8, $5::float8, $6::timestamptz, now()"
                + " FROM device d WHERE d.id = $1"
                + " ON CONFLICT (device_id) DO UPDATE SET lat = EXCLUDED.lat, lon = EXCLUDED.lon,"
                + " altitude = EXCLUDED.altitude, accuracy = EXCLUDED.accuracy, recorded_at = EXCLUDED.recorded_at,"
                + " received_at = EXCLUDED.received_at WHERE device_position.recorded_at <= EXCLUDED.recorded_at"
                + " RETURNING device_id, lat, lon, altitude, accuracy, recorded_at),"
                + " ev AS (INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, type, payload, occurred_at)"
                + " SELECT gen_random_uuid(), '" + DeviceEvents.POSITIONS_TOPIC + "', '" + DeviceEvents.DEVICE
                + "', up.device_id::text, '" + DeviceEvents.POSITION_REPORTED + "', json_build_object('deviceId',"
                + " up.device_id, 'ownerOrg', d.owner_org, 'lat', up.lat, 'lon', up.lon, 'altitude', up.altitude,"
                + " 'accuracy', up.accuracy, 'recordedAt', up.recorded_at)::text, now()"
                + " FROM up JOIN device d ON d.id = up.device_id)"
                + " SELECT device_id FROM up";
        Tuple t = Tuple.tuple(Arrays.asList(deviceId, lat, lon, altitude, accuracy, recordedAt));
        return pool.preparedQuery(sql)
                .execute(t)
                .chain(rows -> rows.rowCount() > 0
                        ? Uni.createFrom().item(true)
                        // Nothing written: an older report (keep the newer one) or the device is gone.
                        : pool.preparedQuery("SELECT 1 FROM device WHERE id = $1")
                                .execute(Tuple.of(deviceId))
                                .map(r -> r.rowCount() > 0));
    }

    private static DeviceRow row(Row r) {
        String[] tags = r.getArrayOfStrings("tags");
        String sharedWith = r.getString("shared_with");
        List<DeviceRow.Grantee> grantees = new ArrayList<>();
        if (sharedWith != null) {
            for (Object o : new JsonArray(sharedWith)) {
                JsonObject g = (JsonObject) o;
                grantees.add(new DeviceRow.Grantee(g.getString("alias"), g.getString("role")));
            }
        }
        boolean shared = r.getBoolean("shared");
        return new DeviceRow(
                r.getUUID("id"),
                r.getString("owner_org"),
                r.getString("serial_number"),
                r.getString("manufacturer"),
                r.getString("model"),
                r.getString("kind"),
                r.getString("display_name"),
                tags == null ? List.of() : List.of(tags),
                shared,
                shared ? r.getString("role") : null,
                List.copyOf(grantees),
                position(r),
                r.getString("active_org") == null
                        ? null
                        : new DeviceRow.ActiveAccount(r.getString("active_org"), r.getOffsetDateTime("active_since")),
                r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("updated_at"));
    }

    private static DeviceRow.Position position(Row r) {
        if (r.getValue("lat") == null) {
            return null;
        }
        return new DeviceRow.Position(
                r.getDouble("lat"),
                r.getDouble("lon"),
                r.getDouble("altitude"),
                r.getDouble("accuracy"),
                r.getOffsetDateTime("recorded_at"));
    }

    /** Positional parameters ($1, $2, …) collected while a statement is built. */
    private static final class Params {
        private final List<Object> values = new ArrayList<>();

        String add(Object value) {
            values.add(value);
            return "$" + values.size();
        }

        Tuple tuple() {
            return Tuple.tuple(values);
        }
    }
}
