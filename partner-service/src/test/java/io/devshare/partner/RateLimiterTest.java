package io.devshare.partner;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.common.limits.Limit;
import io.devshare.common.limits.LimitExceededException;
import io.devshare.common.limits.RateLimiter;
import io.devshare.testsupport.RealServersResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The common rate-limit counter ({@code io.devshare.common.limits}) on the real PostgreSQL of this service: atomic
 * under concurrency, counted in the caller's transaction (a refused or failed action counts nothing), or committed
 * apart from it ({@code takeCommitted}).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class RateLimiterTest {

    private static final Limit FIVE_PER_HOUR = new Limit("test-five-per-hour", 5, Duration.ofHours(1), "tries");

    @Inject
    RateLimiter limiter;

    @Inject
    Pool pool;

    @Test
    void concurrentTakesNeverPassTheLimit() throws Exception {
        LimitWindows.awaitFresh(pool, FIVE_PER_HOUR.window(), Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();

        List<String> outcomes = Concurrently.run(40, () -> {
            try {
                inTransaction(() -> limiter.take(FIVE_PER_HOUR, key, 1));
                return "taken";
            } catch (LimitExceededException e) {
                return "refused";
            }
        });

        assertThat(outcomes.stream().filter("taken"::equals)).hasSize(5);
        assertThat(outcomes.stream().filter("refused"::equals)).hasSize(35);
        assertThat(counted(FIVE_PER_HOUR, key)).isEqualTo(5);
    }

    @Test
    void aRefusalNamesTheLimitAndCountsNothing() throws Exception {
        LimitWindows.awaitFresh(pool, FIVE_PER_HOUR.window(), Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();
        assertThat(inTransaction(() -> limiter.take(FIVE_PER_HOUR, key, 3))).isEqualTo(3L);

        assertThatThrownBy(() -> inTransaction(() -> limiter.take(FIVE_PER_HOUR, key, 3)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.limit()).isEqualTo(FIVE_PER_HOUR);
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 3600L);
                    assertThat(e.headers()).containsEntry("Retry-After", Long.toString(e.retryAfterSeconds()));
                });
        assertThat(counted(FIVE_PER_HOUR, key)).isEqualTo(3);
        assertThat(inTransaction(() -> limiter.take(FIVE_PER_HOUR, key, 2))).isEqualTo(5L);
    }

    @Test
    void anActionThatFailsAfterwardsCountsNothing() {
        LimitWindows.awaitFresh(pool, FIVE_PER_HOUR.window(), Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> inTransaction(() -> limiter.take(FIVE_PER_HOUR, key, 1)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the action failed")))))
                .hasMessageContaining("the action failed");

        assertThat(counted(FIVE_PER_HOUR, key)).isZero();
    }

    @Test
    void givenBackUnitsCanBeTakenAgainAndKeysAreCountedApart() throws Exception {
        LimitWindows.awaitFresh(pool, FIVE_PER_HOUR.window(), Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        inTransaction(() -> limiter.take(FIVE_PER_HOUR, key, 5));
        assertThatThrownBy(() -> inTransaction(() -> limiter.take(FIVE_PER_HOUR, key, 1)))
                .isInstanceOf(LimitExceededException.class);
        assertThat(inTransaction(() -> limiter.take(FIVE_PER_HOUR, other, 5))).isEqualTo(5L);

        inTransaction(() -> limiter.giveBack(FIVE_PER_HOUR, key, 2));

        assertThat(inTransaction(() -> limiter.take(FIVE_PER_HOUR, key, 2))).isEqualTo(5L);
        assertThat(inTransaction(() -> limiter.take(FIVE_PER_HOUR, key, 0))).isZero();
        assertThat(counted(FIVE_PER_HOUR, key)).isEqualTo(5);
    }

    @Test
    void committedCountsStayWhenTheCallersTransactionRollsBack() throws Exception {
        LimitWindows.awaitFresh(pool, FIVE_PER_HOUR.window(), Duration.ofMinutes(1));
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> inTransaction(() -> limiter.takeCommitted(FIVE_PER_HOUR, key, 1)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the action failed")))))
                .hasMessageContaining("the action failed");
        assertThat(counted(FIVE_PER_HOUR, key)).isEqualTo(1);

        assertThat(inTransaction(() -> limiter.takeCommitted(FIVE_PER_HOUR, key, 4)))
                .isEqualTo(5L);
        assertThatThrownBy(() -> inTransaction(() -> limiter.takeCommitted(FIVE_PER_HOUR, key, 1)))
                .isInstanceOf(LimitExceededException.class);
        assertThat(counted(FIVE_PER_HOUR, key)).as("a refusal counts nothing").isEqualTo(5);

        assertThatThrownBy(() -> inTransaction(() -> limiter.giveBackCommitted(FIVE_PER_HOUR, key, 2)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the action failed")))))
                .hasMessageContaining("the action failed");
        assertThat(counted(FIVE_PER_HOUR, key)).isEqualTo(3);
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Exception e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private long counted(Limit limit, String key) {
        var rows = pool.preparedQuery(
                        "SELECT coalesce(sum(count), 0) FROM rate_limit_counter WHERE name = $1" + " AND key = $2")
                .execute(Tuple.of(limit.name(), key))
                .await()
                .indefinitely();
        return rows.iterator().next().getLong(0);
    }
}
