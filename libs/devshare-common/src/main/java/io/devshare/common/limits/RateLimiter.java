package io.devshare.common.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Counts actions against {@link Limit}s in PostgreSQL, so every replica counts in the same place: one row per
 * limit, key and fixed window, raised by a single atomic upsert ({@code INSERT … ON CONFLICT … DO UPDATE SET count =
 * count + n RETURNING count}) in the caller's transaction. Call {@link #take} inside the transaction of the action
 * it counts and let a {@link LimitExceededException} end that transaction: the refused action and its count are
 * rolled back together, and an action that fails for any other reason counts nothing either. The upsert holds the
 * counter row's lock until the transaction ends, so concurrent actions of one key are counted one after another and
 * never exceed the limit together.
 *
 * <p>An attempt that must stay counted whatever becomes of the action (e.g. a wrong sharing code, answered 404)
 * is counted with {@link #takeCommitted} instead: in a transaction of its own, on a connection of its own, committed
 * before it answers — also when the caller runs inside a transaction that will roll back (e.g. one opened by
 * {@code Idempotency} around the action).
 *
 * <p>A fixed window allows up to twice {@code max} across a window boundary (the end of one window and the start of
 * the next); that is the price of one row per key.
 */
@ApplicationScoped
public class RateLimiter {

    /** The start of the current window of {@code :window} seconds, aligned to the epoch (the database's clock). */
    private static final String WINDOW_START =
            "to_timestamp(floor(extract(epoch FROM now()) / CAST(:window AS bigint)) * CAST(:window AS bigint))";

    static final String TAKE = "INSERT INTO rate_limit_counter AS c (name, key, window_start, window_end, count)"
            + " SELECT CAST(:name AS text), CAST(:key AS text), w.start,"
            + " w.start + make_interval(secs => CAST(:window AS bigint)), CAST(:amount AS bigint)"
            + " FROM (SELECT " + WINDOW_START + " AS start) w"
            + " ON CONFLICT (name, key, window_start) DO UPDATE SET count = c.count + EXCLUDED.count"
            + " RETURNING c.count, CAST(ceil(extract(epoch FROM c.window_end - now())) AS bigint)";

    static final String GIVE_BACK = "UPDATE rate_limit_counter SET count = greatest(count - CAST(:amount AS bigint), 0)"
            + " WHERE name = :name AND key = :key AND window_start = " + WINDOW_START;

    /** {@link #TAKE} and {@link #GIVE_BACK} for the reactive client: $1 name, $2 key, $3 window, $4 amount. */
    static final String TAKE_POSITIONAL = positional(TAKE);

    static final String GIVE_BACK_POSITIONAL = positional(GIVE_BACK);

    private final Pool pool;
    private final MeterRegistry registry;

    @Inject
    public RateLimiter(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
    }

    /**
     * Counts {@code amount} units for {@code key} in the current window of {@code limit}, in the caller's
     * transaction; answers the window's count including them, or fails with {@link LimitExceededException} when
     * that count would pass {@code max}. An amount of 0 counts nothing and is never refused.
     */
    public Uni<Long> take(Limit limit, String key, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (amount == 0) {
            return Uni.createFrom().item(0L);
        }
        long window = limit.window().getSeconds();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(TAKE)
                        .setParameter("name", limit.name())
                        .setParameter("key", key)
                        .setParameter("window", window)
                        .setParameter("amount", amount)
                        .getSingleResult())
                .map(result -> {
                    Object[] row = (Object[]) result;
                    long count = ((Number) row[0]).longValue();
                    if (count > limit.max()) {
                        long retryAfter = Math.max(1, ((Number) row[1]).longValue());
                        refused(limit).increment();
                        throw new LimitExceededException(limit, retryAfter);
                    }
                    return count;
                });
    }

    /**
     * Takes back {@code amount} units counted for {@code key} in the current window (e.g. an attempt counted before
     * it was known to be a good one), in the caller's transaction. Units of a window that has ended stay there.
     */
    public Uni<Void> giveBack(Limit limit, String key, long amount) {
        if (amount <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(GIVE_BACK)
                        .setParameter("name", limit.name())
                        .setParameter("key", key)
                        .setParameter("window", limit.window().getSeconds())
                        .setParameter("amount", amount)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * As {@link #take}, but in a transaction of its own on a connection of its own (not the caller's session), so
     * the count commits before this answers and stays whatever becomes of the caller's transaction. A refusal counts
     * nothing, as with {@link #take}. The counter row is locked only for this statement's transaction.
     */
    public Uni<Long> takeCommitted(Limit limit, String key, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (amount == 0) {
            return Uni.createFrom().item(0L);
        }
        return pool.withTransaction(conn -> conn.preparedQuery(TAKE_POSITIONAL)
                .execute(Tuple.of(limit.name(), key, limit.window().getSeconds(), amount))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    long count = row.getLong(0);
                    if (count > limit.max()) {
                        refused(limit).increment();
                        // Failing the transaction rolls the refused units back.
                        throw new LimitExceededException(limit, Math.max(1, row.getLong(1)));
                    }
                    return count;
                }));
    }

    /** As {@link #giveBack}, but committed at once on a connection of its own, like {@link #takeCommitted}. */
    public Uni<Void> giveBackCommitted(Limit limit, String key, long amount) {
        if (amount <= 0) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(GIVE_BACK_POSITIONAL)
                .execute(Tuple.of(limit.name(), key, limit.window().getSeconds(), amount))
                .replaceWithVoid();
    }

    private static String positional(String sql) {
        return sql.replace(":name", "$1")
                .replace(":key", "$2")
                .replace(":window", "$3")
                .replace(":amount", "$4");
    }

    private Counter refused(Limit limit) {
        return Counter.builder("devshare.limits.refused")
                .description("Actions refused because a rate limit was reached")
                .tag("limit", limit.name())
                .register(registry);
    }

    /** Counters of windows that have ended are deleted. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return pool.query("DELETE FROM rate_limit_counter WHERE window_end < now()")
                .execute()
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }
}
