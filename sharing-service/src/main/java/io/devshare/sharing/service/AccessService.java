package io.devshare.sharing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.common.page.Page;
import io.devshare.sharing.Basis;
import io.devshare.sharing.Capability;
import io.devshare.sharing.Decision;
import io.devshare.sharing.authority.AccessReplica;

/**
 * The access authority: may organization X do A on device D, and which devices can X reach. Decided from the
 * grants and the local device and group projections, in one or two indexed queries (reactive client, no ORM).
 *
 * <p>A check is answered from this replica's copy ({@link AccessReplica}) while the copy may answer. A change
 * answers only once every replica's copy has applied it, so a revoke is effective for every check that arrives
 * after the revoking request answered. Otherwise the check goes to PostgreSQL ({@link #checkInDatabase}), decided
 * after it arrived. There, under load, the checks that arrive on one event loop in
 * the same turn go to PostgreSQL together, in one statement and one round trip ({@link #CHECK_BATCH}); that
 * statement runs after the last of them arrived, so it decides each exactly as the single query would.
 */
@ApplicationScoped
public class AccessService {

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
    private final AccessReplica replica;
    private final boolean batching;
    private final int batchMax;
    private final DistributionSummary batchSizes;
    /** The checks waiting for the current turn of each event loop (touched only by that event loop's thread). */
    private final ThreadLocal<List<Pending>> waiting = new ThreadLocal<>();

    @Inject
    public AccessService(
            Pool pool,
            AccessReplica replica,
            MeterRegistry registry,
            @ConfigProperty(name = "devshare.access.batch-checks", defaultValue = "true") boolean batching,
            @ConfigProperty(name = "devshare.access.batch-max", defaultValue = "64") int batchMax) {
        this.pool = pool;
        this.replica = replica;
        this.batching = batching;
        this.batchMax = batchMax;
        this.batchSizes = DistributionSummary.builder("devshare.access.check.batch.size")
                .description("Access checks decided together in one statement (batches of two or more)")
                .register(registry);
    }

    /**
     * One round trip: the owner, else a direct grant, else a grant on a group the device is in — each an index
     * lookup ({@code device_view} primary key, the active (device, grantee) and (group) unique indexes). On an
     * event loop, the round trip is shared with the other checks of the same turn.
     */
    public Uni<Decision> check(String org, UUID deviceId, Capability capability) {
        Decision fromMemory = replica.decide(org, deviceId, capability);
        if (fromMemory != null) {
            return Uni.createFrom().item(fromMemory);
        }
        return checkInDatabase(org, deviceId, capability);
    }

    /** The same decision, by PostgreSQL (when this replica's copy may not answer, and to compare the two). */
    public Uni<Decision> checkInDatabase(String org, UUID deviceId, Capability capability) {
        Context context = Vertx.currentContext();
        if (!batching || context == null || !context.isEventLoopContext()) {
            return checkOne(org, deviceId, capability.wireName());
        }
        return Uni.createFrom()
                .emitter(emitter -> enqueue(new Pending(org, deviceId, capability.wireName(), context, emitter)));
    }

    private Uni<Decision> checkOne(String org, UUID deviceId, String capability) {
        return pool.preparedQuery(CHECK)
                .execute(Tuple.of(org, deviceId, capability))
                .map(rows ->
                        rows.iterator().hasNext() ? decision(rows.iterator().next()) : denied());
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

    /**
     * {@link #CHECK} for many questions at once: the i-th row answers the i-th (org, device, capability) of the three
     * arrays — a LEFT JOIN, so a denied question has a row too (basis null). Same index lookups per question.
     */
    static final String CHECK_BATCH = "SELECT q.i, r.basis, r.id, r.group_id, r.role"
            + " FROM unnest($1::text[], $2::uuid[], $3::text[]) WITH ORDINALITY AS q(org, device, cap, i)"
            + " LEFT JOIN LATERAL (SELECT basis, id, group_id, role FROM ("
            + "   SELECT 'OWNER' AS basis, NULL::uuid AS id, NULL::uuid AS group_id, NULL::text AS role, 0 AS rank"
            + "     FROM device_view WHERE device_id = q.device AND owner_org = q.org AND NOT deleted"
            + "   UNION ALL (SELECT 'GRANT', g.id, NULL, g.role, 1 FROM share_grant g"
            + "     WHERE g.device_id = q.device AND g.grantee_org = q.org AND g.device_id IS NOT NULL AND "
            + EFFECTIVE + "     AND q.cap = ANY (g.capabilities) LIMIT 1)"
            + "   UNION ALL (SELECT 'GRANT', g.id, g.group_id, g.role, 2 FROM group_member_view m"
            + "     JOIN share_grant g ON g.group_id = m.group_id"
            + "     WHERE m.device_id = q.device AND g.grantee_org = q.org AND g.group_id IS NOT NULL AND "
            + EFFECTIVE + "     AND q.cap = ANY (g.capabilities) LIMIT 1)"
            + " ) c ORDER BY rank LIMIT 1) r ON true"
            + " ORDER BY q.i";

    /** A check waiting for its event loop's turn to end, and where to answer it. */
    private record Pending(
            String org, UUID deviceId, String capability, Context context, UniEmitter<? super Decision> emitter) {

        void answer(Decision d) {
            if (Vertx.currentContext() == context) {
                emitter.complete(d);
            } else {
                // Each request resumes on its own (duplicated) context: its request scope lives there.
                context.runOnContext(v -> emitter.complete(d));
            }
        }

        void fail(Throwable t) {
            if (Vertx.currentContext() == context) {
                emitter.fail(t);
            } else {
                context.runOnContext(v -> emitter.fail(t));
            }
        }
    }

    /** Queues the check; the first of a turn schedules the flush, which runs once the loop's current work is done. */
    private void enqueue(Pending p) {
        List<Pending> batch = waiting.get();
        if (batch == null) {
            batch = new ArrayList<>();
            waiting.set(batch);
            List<Pending> scheduled = batch;
            p.context().runOnContext(v -> {
                waiting.remove();
                flush(scheduled);
            });
        }
        batch.add(p);
    }

    private void flush(List<Pending> batch) {
        for (int from = 0; from < batch.size(); from += batchMax) {
            List<Pending> chunk = batch.subList(from, Math.min(batch.size(), from + batchMax));
            if (chunk.size() == 1) {
                Pending p = chunk.get(0);
                checkOne(p.org(), p.deviceId(), p.capability()).subscribe().with(p::answer, p::fail);
            } else {
                runBatch(chunk);
            }
        }
    }

    private void runBatch(List<Pending> chunk) {
        int n = chunk.size();
        batchSizes.record(n);
        String[] orgs = new String[n];
        UUID[] devices = new UUID[n];
        String[] capabilities = new String[n];
        for (int i = 0; i < n; i++) {
            Pending p = chunk.get(i);
            orgs[i] = p.org();
            devices[i] = p.deviceId();
            capabilities[i] = p.capability();
        }
        pool.preparedQuery(CHECK_BATCH)
                .execute(Tuple.of(orgs, devices, capabilities))
                .subscribe()
                .with(
                        rows -> {
                            Decision[] answers = new Decision[n];
                            for (Row r : rows) {
                                answers[(int) (r.getLong("i") - 1)] =
                                        r.getString("basis") == null ? denied() : decision(r);
                            }
                            for (int i = 0; i < n; i++) {
                                if (answers[i] != null) {
                                    chunk.get(i).answer(answers[i]);
                                } else {
                                    chunk.get(i)
                                            .fail(new IllegalStateException("no answer in the batch for check " + i));
                                }
                            }
                        },
                        failure -> chunk.forEach(p -> p.fail(failure)));
    }

    private static Decision decision(Row r) {
        return new Decision(
                true, Basis.valueOf(r.getString("basis")), r.getUUID("id"), r.getUUID("group_id"), r.getString("role"));
    }

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
