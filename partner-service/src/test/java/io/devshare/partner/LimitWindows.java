package io.devshare.partner;

import java.time.Duration;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rate limits count in fixed windows aligned to the epoch (database clock). A test that fills a window waits, when
 * the current one is about to end, for the next one to start, so the counting it checks happens in one window.
 */
final class LimitWindows {

    private LimitWindows() {}

    static void awaitFresh(Pool pool, Duration window, Duration needed) {
        double left = pool.preparedQuery("SELECT extract(epoch FROM to_timestamp((floor(extract(epoch FROM now())"
                        + " / $1) + 1) * $1) - now())::float8")
                .execute(Tuple.of(window.getSeconds()))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getDouble(0);
        if (left < needed.getSeconds()) {
            try {
                Thread.sleep((long) (left * 1000) + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
