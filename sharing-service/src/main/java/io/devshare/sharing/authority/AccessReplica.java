package io.devshare.sharing.authority;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

import io.devshare.common.db.PgListener;
import io.devshare.sharing.Capability;
import io.devshare.sharing.Decision;

/**
 * This replica's copy of everything an access check reads ({@link AccessTable}), kept current from PostgreSQL,
 * and the fence that makes a change effective on every replica before the request that made it answers.
 *
 * <p><b>Current.</b> Triggers on {@code share_grant}, {@code device_view} and {@code group_member_view} send the
 * state after each committed change on {@code NOTIFY devshare_access} (migration V3). PostgreSQL delivers
 * notifications in commit order. The replica listens first, then reads a consistent snapshot of the three tables
 * (one repeatable-read transaction), then applies what arrived meanwhile: every change is then in the copy. When the
 * listening connection closes, the copy is dropped and rebuilt after the new subscription; checks meanwhile go to
 * PostgreSQL.
 *
 * <p><b>Fresh (the lease).</b> Every {@code heartbeat} the replica sends itself a heartbeat on the same channel,
 * stamped with its send time. Since notifications arrive in commit order, receiving it means every change
 * committed before it was sent has been applied. The copy answers checks only until {@code lease} after the send
 * time of the last heartbeat received: a replica cut off from PostgreSQL, or whose notifications stall, stops
 * answering from memory within the lease (checks then go to PostgreSQL, and fail there if it is unreachable).
 *
 * <p><b>Instant (the fence).</b> After a change commits, {@link #fence()} sends a fence on the channel and
 * completes once every replica that was live has acknowledged it (each acknowledges after applying all that came
 * before), or once the lease of those that did not has run out — they no longer answer from memory, or, if they
 * do, their heartbeat was sent after the fence, so they have applied the change. So a check that arrives at any
 * replica after the changing request answered is decided on the changed state, as when every check went to
 * PostgreSQL.
 */
@ApplicationScoped
public class AccessReplica {

    static final String CHANNEL = "devshare_access";
    /** How a fence's notification begins (JsonObject keeps the order its keys were put in). */
    private static final String FENCE_PREFIX = "{\"k\":\"f\",";

    private static final Logger LOG = Logger.getLogger(AccessReplica.class);

    private final Pool pool;
    private final Vertx vertx;
    private final PgConnectOptions connectOptions;
    private final boolean enabled;
    private final long heartbeatMillis;
    private final long leaseNanos;
    private final String id = UUID.randomUUID().toString();

    private final Timer fenceTimer;
    private final Counter fencesOnLease;

    /** The copy checks read, or null (not loaded, or dropped). */
    private volatile AccessTable table;
    /** Until when (System.nanoTime) the copy may answer. */
    private volatile long freshUntil;

    // Guarded by this: the subscription's state.
    private int generation;
    private long loadStarted;
    private List<String> buffered;
    private final Map<String, Long> liveUntil = new HashMap<>();

    private final Map<String, PendingFence> fences = new ConcurrentHashMap<>();
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;
    private long heartbeatTimer = -1;

    @Inject
    public AccessReplica(
            Pool pool,
            Vertx vertx,
            MeterRegistry registry,
            @ConfigProperty(name = "devshare.access.replica.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "devshare.access.replica.heartbeat", defaultValue = "200ms") Duration heartbeat,
            @ConfigProperty(name = "devshare.access.replica.lease", defaultValue = "2s") Duration lease,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> dbUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> dbPassword) {
        this.pool = pool;
        this.vertx = vertx;
        this.enabled = enabled;
        this.heartbeatMillis = Math.max(10, heartbeat.toMillis());
        this.leaseNanos = lease.toNanos();
        if (leaseNanos < heartbeat.toNanos() * 3) {
            throw new IllegalArgumentException("devshare.access.replica.lease must be at least 3 heartbeats");
        }
        this.connectOptions = PgListener.connectOptions(reactiveUrl, dbUser, dbPassword);
        connectOptions.addProperty("application_name", "devshare-access-" + id);
        this.fenceTimer = Timer.builder("devshare.access.replica.fence")
                .description("From a change's commit until every live replica has applied it")
                .register(registry);
        this.fencesOnLease = Counter.builder("devshare.access.replica.fence.lease.waits")
                .description("Fences that ended because a replica's lease ran out, not by its acknowledgement")
                .register(registry);
        Gauge.builder("devshare.access.replica.grants", this, r -> {
                    AccessTable t = r.table;
                    return t == null ? -1 : t.activeGrants();
                })
                .description("Active grants in this replica's copy (-1: no copy; checks go to PostgreSQL)")
                .register(registry);
        Gauge.builder("devshare.access.replica.fresh", this, r -> r.isFresh() ? 1 : 0)
                .description("1 while this replica answers checks from its copy")
                .register(registry);
        Gauge.builder("devshare.access.replica.peers", this, AccessReplica::peers)
                .description("Other replicas heard within their lease, whose acknowledgements a change waits for")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** This replica's name on the channel; its listening connection's {@code application_name} ends with it. */
    public String id() {
        return id;
    }

    /** Listens, loads the copy and starts the heartbeat (at start-up). */
    public void start() {
        if (!enabled) {
            return;
        }
        subscriber = PgListener.listen(
                vertx,
                connectOptions,
                CHANNEL,
                Duration.ofMillis(500),
                this::received,
                this::subscribed,
                this::unsubscribed,
                "access replica");
        heartbeatTimer = vertx.setPeriodic(heartbeatMillis, t -> heartbeat());
    }

    /** Stops listening and heartbeating: the copy no longer answers (at shutdown). */
    public void stop() {
        stopped = true;
        table = null;
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        PgSubscriber sub = subscriber;
        if (sub != null) {
            sub.closeAndForget();
        }
    }

    /**
     * The decision from memory, or null when this replica's copy may not answer now (disabled, not loaded, or its
     * lease ran out): the caller then asks PostgreSQL.
     */
    public Decision decide(String org, UUID deviceId, Capability capability) {
        AccessTable t = table;
        if (t == null || System.nanoTime() - freshUntil >= 0) {
            return null;
        }
        return t.decide(org, deviceId, capability, System.currentTimeMillis());
    }

    /** The other replicas heard within their lease: the ones a fence waits for. */
    public synchronized int peers() {
        long now = System.nanoTime();
        liveUntil.values().removeIf(until -> until - now <= 0);
        return liveUntil.size();
    }

    public boolean isFresh() {
        return table != null && System.nanoTime() - freshUntil < 0;
    }

    /**
     * Completes once every live replica has applied every change committed before this call (or once the lease of a
     * replica that did not acknowledge has run out). Call it after the changing transaction committed and before
     * answering. Never fails; waits at most about one lease.
     */
    public Uni<Void> fence() {
        if (!enabled || stopped) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().<Void>emitter(emitter -> {
            Context caller = io.vertx.core.Vertx.currentContext();
            String fenceId = UUID.randomUUID().toString();
            long started = System.nanoTime();
            PendingFence fence = new PendingFence(() -> {
                fenceTimer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                if (caller != null) {
                    caller.runOnContext(v -> emitter.complete(null));
                } else {
                    emitter.complete(null);
                }
            });
            fences.put(fenceId, fence);
            // Whatever happens to the fence message, the lease bounds the wait.
            fence.timer = vertx.setTimer(leaseNanos / 1_000_000 + heartbeatMillis, t -> {
                if (fence.finish()) {
                    fencesOnLease.increment();
                    fences.remove(fenceId);
                }
            });
            notify(new JsonObject().put("k", "f").put("id", fenceId).put("r", id));
        });
    }

    // ---- the subscription

    private synchronized void subscribed() {
        LOG.debugf("access replica %s subscribed, loading its copy", id);
        int gen = ++generation;
        loadStarted = System.nanoTime();
        table = null;
        freshUntil = System.nanoTime();
        buffered = new ArrayList<>();
        load().subscribe().with(built -> loaded(gen, built), failure -> {
            LOG.warnf("access replica could not read its snapshot, checks go to PostgreSQL: %s", failure);
            synchronized (this) {
                if (gen == generation) {
                    buffered = null;
                }
            }
            // The subscription stays; try again on the next reconnect, or now if it is still there.
            vertx.setTimer(1000, t -> {
                PgSubscriber sub = subscriber;
                if (!stopped && sub != null && !sub.closed()) {
                    synchronized (this) {
                        if (gen == generation && table == null) {
                            subscribed();
                        }
                    }
                }
            });
        });
    }

    private synchronized void loaded(int gen, AccessTable built) {
        if (gen != generation || buffered == null) {
            return;
        }
        List<String> meanwhile = buffered;
        buffered = null;
        table = built;
        try {
            for (String payload : meanwhile) {
                apply(payload);
            }
        } catch (RuntimeException e) {
            LOG.warnf("access replica could not apply a change, reloading its copy: %s", e);
            subscribed();
            return;
        }
        LOG.infof(
                "access replica loaded %d devices and %d active grants in %d ms (%d changes during the load)",
                built.devices(), built.activeGrants(), (System.nanoTime() - loadStarted) / 1_000_000, meanwhile.size());
        heartbeat();
    }

    private synchronized void unsubscribed() {
        generation++;
        table = null;
        buffered = null;
        freshUntil = System.nanoTime();
        if (!stopped) {
            LOG.warn("access replica lost its subscription: checks go to PostgreSQL until it is back");
        }
    }

    private synchronized void received(String payload) {
        if (buffered != null) {
            buffered.add(payload);
            if (payload.startsWith(FENCE_PREFIX)) {
                // While loading, this copy does not answer; when it does, it will have applied everything up to
                // here. So the writer need not wait for the load: acknowledge at once (the replay does it again).
                apply(payload);
            }
            return;
        }
        try {
            apply(payload);
        } catch (RuntimeException e) {
            // The copy may now differ from PostgreSQL: drop it and read it again.
            LOG.warnf("access replica could not apply a change, reloading its copy: %s", e);
            subscribed();
        }
    }

    /** One notification, in commit order (holding the monitor). */
    private void apply(String payload) {
        JsonObject n;
        try {
            n = new JsonObject(payload);
        } catch (RuntimeException e) {
            LOG.warnf("access replica ignored an unreadable notification (%d chars)", payload.length());
            return;
        }
        AccessTable t = table;
        switch (n.getString("k", "")) {
            case "g" -> {
                if (t != null) {
                    t.grant(
                            UUID.fromString(n.getString("id")),
                            n.getBoolean("a", false),
                            n.getString("o"),
                            uuid(n, "d"),
                            uuid(n, "gr"),
                            n.getString("r"),
                            capabilities(n.getJsonArray("c")),
                            millis(n, "s", Long.MIN_VALUE),
                            millis(n, "e", Long.MAX_VALUE));
                }
            }
            case "d" -> {
                if (t != null) {
                    t.device(UUID.fromString(n.getString("id")), n.getString("o"), n.getBoolean("x", false));
                }
            }
            case "m" -> {
                if (t != null) {
                    t.membership(
                            UUID.fromString(n.getString("g")),
                            UUID.fromString(n.getString("d")),
                            n.getBoolean("in", false));
                }
            }
            case "h" -> heartbeatReceived(n.getString("r"), n.getLong("t", 0L));
            case "f" -> fenceReceived(n.getString("id"), n.getString("r"));
            case "a" -> ackReceived(n.getString("id"), n.getString("r"));
            default -> LOG.debugf("access replica ignored a notification of kind %s", n.getString("k"));
        }
    }

    private void heartbeatReceived(String replica, long sentAt) {
        if (id.equals(replica)) {
            LOG.tracef("access replica %s: own heartbeat back after %d µs", id, (System.nanoTime() - sentAt) / 1000);
            if (table != null && sentAt + leaseNanos - freshUntil > 0) {
                freshUntil = sentAt + leaseNanos;
            }
        } else if (replica != null) {
            liveUntil.put(replica, System.nanoTime() + leaseNanos);
        }
    }

    private void fenceReceived(String fenceId, String from) {
        if (!id.equals(from)) {
            // Everything committed before the fence is applied here (or this copy does not answer): acknowledge.
            notify(new JsonObject().put("k", "a").put("id", fenceId).put("r", id));
            return;
        }
        PendingFence fence = fences.get(fenceId);
        if (fence == null || fence.awaiting()) {
            return; // already came back (seen once while loading, again in the replay)
        }
        long now = System.nanoTime();
        liveUntil.values().removeIf(until -> until - now <= 0);
        if (fence.await(liveUntil.keySet())) {
            vertx.cancelTimer(fence.timer);
            fences.remove(fenceId);
            return;
        }
        // Those that do not answer stop answering checks when their lease runs out: wait no longer than that.
        long latest = liveUntil.values().stream().mapToLong(u -> u - now).max().orElse(0);
        vertx.cancelTimer(fence.timer);
        fence.timer = vertx.setTimer(Math.max(1, latest / 1_000_000 + 1), t -> {
            if (fence.finish()) {
                fencesOnLease.increment();
                fences.remove(fenceId);
            }
        });
    }

    private void ackReceived(String fenceId, String from) {
        PendingFence fence = fences.get(fenceId);
        if (fence != null && fence.acknowledged(from)) {
            vertx.cancelTimer(fence.timer);
            fences.remove(fenceId);
        }
    }

    private void heartbeat() {
        if (stopped) {
            return;
        }
        notify(new JsonObject().put("k", "h").put("r", id).put("t", System.nanoTime()));
    }

    private void notify(JsonObject message) {
        pool.preparedQuery("SELECT pg_notify($1, $2)")
                .execute(Tuple.of(CHANNEL, message.encode()))
                .subscribe()
                .with(ok -> {}, e -> LOG.debugf("access replica could not notify: %s", e.getMessage()));
    }

    // ---- the snapshot

    static final String DEVICES = "SELECT device_id, owner_org, deleted FROM device_view";
    static final String MEMBERS = "SELECT group_id, device_id FROM group_member_view";
    static final String GRANTS = "SELECT id, grantee_org, device_id, group_id, role, capabilities,"
            + " ceil(extract(epoch FROM starts_at) * 1000)::bigint AS starts_ms,"
            + " floor(extract(epoch FROM ends_at) * 1000)::bigint AS ends_ms"
            + " FROM share_grant WHERE status = 'ACTIVE'";

    private Uni<AccessTable> load() {
        return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute()
                .chain(() -> conn.query("SELECT (SELECT count(*) FROM device_view),"
                                + " (SELECT count(*) FROM device_group_view)")
                        .execute())
                .chain(counts -> {
                    Row c = counts.iterator().next();
                    AccessTable built = new AccessTable(
                            (int) c.getLong(0).longValue(), (int) c.getLong(1).longValue());
                    return read(conn, DEVICES, r -> built.device(r.getUUID(0), r.getString(1), r.getBoolean(2)))
                            .chain(() -> read(conn, MEMBERS, r -> built.membership(r.getUUID(0), r.getUUID(1), true)))
                            .chain(() -> read(
                                    conn,
                                    GRANTS,
                                    r -> built.grant(
                                            r.getUUID(0),
                                            true,
                                            r.getString(1),
                                            r.getUUID(2),
                                            r.getUUID(3),
                                            r.getString(4),
                                            AccessTable.bits(r.getArrayOfStrings(5)),
                                            r.getLong(6) == null ? Long.MIN_VALUE : r.getLong(6),
                                            r.getLong(7) == null ? Long.MAX_VALUE : r.getLong(7))))
                            .replaceWith(built);
                }));
    }

    private static Uni<Void> read(SqlConnection conn, String sql, java.util.function.Consumer<Row> each) {
        return conn.prepare(sql).chain(ps -> readAll(ps.cursor(), each).call(ps::close));
    }

    private static Uni<Void> readAll(io.vertx.mutiny.sqlclient.Cursor cursor, java.util.function.Consumer<Row> each) {
        return cursor.read(10_000).chain(rows -> {
            rows.forEach(each);
            return cursor.hasMore() ? readAll(cursor, each) : cursor.close();
        });
    }

    private static long millis(JsonObject n, String key, long absent) {
        Long v = n.getLong(key);
        return v == null ? absent : v;
    }

    private static UUID uuid(JsonObject n, String key) {
        String v = n.getString(key);
        return v == null ? null : UUID.fromString(v);
    }

    private static int capabilities(JsonArray names) {
        if (names == null) {
            return 0;
        }
        String[] wire = new String[names.size()];
        for (int i = 0; i < wire.length; i++) {
            wire[i] = names.getString(i);
        }
        return AccessTable.bits(wire);
    }

    /** A fence waiting for the acknowledgements of the replicas that were live when it came back. */
    private static final class PendingFence {
        final Runnable done;
        private Set<String> waitingFor;
        private boolean finished;
        volatile long timer;

        PendingFence(Runnable done) {
            this.done = done;
        }

        synchronized boolean awaiting() {
            return waitingFor != null;
        }

        /** Returns true when nobody else needs to acknowledge (then it is finished). */
        synchronized boolean await(Set<String> replicas) {
            waitingFor = new HashSet<>(replicas);
            return waitingFor.isEmpty() && finish();
        }

        synchronized boolean acknowledged(String replica) {
            return waitingFor != null && waitingFor.remove(replica) && waitingFor.isEmpty() && finish();
        }

        synchronized boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            done.run();
            return true;
        }
    }
}
