package io.devshare.sharing.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rental billing: how many days each device (or group) was shared with each partner within a period. A grant
 * counts from its start (or creation) to its end, revocation or expiry, clipped to the period; a group grant
 * counts once for the group (its membership over time is not kept).
 */
@ApplicationScoped
public class UtilisationService {

    /** One line: what was shared between whom, and for how many days of the period. */
    public record Line(String ownerOrg, String granteeOrg, UUID deviceId, UUID groupId, int grants, double shareDays) {}

    private final Pool pool;

    @Inject
    public UtilisationService(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Line>> report(String org, OffsetDateTime from, OffsetDateTime to) {
        String sql = "SELECT owner_org, grantee_org, device_id, group_id, count(*) AS grants,"
                + " sum(extract(epoch FROM (upper_bound - lower_bound)) / 86400.0) AS days FROM ("
                + "  SELECT owner_org, grantee_org, device_id, group_id,"
                + "   greatest(coalesce(starts_at, created_at), created_at, $2) AS lower_bound,"
                + "   least(coalesce(closed_at, 'infinity'), coalesce(ends_at, 'infinity'), now(), $3) AS upper_bound"
                + "  FROM share_grant WHERE (owner_org = $1 OR grantee_org = $1)) g"
                + " WHERE upper_bound > lower_bound"
                + " GROUP BY owner_org, grantee_org, device_id, group_id"
                + " ORDER BY owner_org, grantee_org, device_id NULLS LAST, group_id";
        return pool.preparedQuery(sql).execute(Tuple.of(org, from, to)).map(rows -> {
            List<Line> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Line(
                        r.getString("owner_org"),
                        r.getString("grantee_org"),
                        r.getUUID("device_id"),
                        r.getUUID("group_id"),
                        r.getLong("grants").intValue(),
                        Math.round(r.getDouble("days") * 1000.0) / 1000.0));
            }
            return out;
        });
    }
}
