package io.devshare.common.db;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * {@code LISTEN} on a PostgreSQL channel of the service's own database, over a connection of its own (the pool's
 * connections are not kept, so they cannot listen), which reconnects forever and subscribes again each time.
 */
public final class PgListener {

    private static final Logger LOG = Logger.getLogger(PgListener.class);

    private PgListener() {}

    /**
     * Options for a connection of its own to the service's database: {@code quarkus.datasource.reactive.url},
     * {@code quarkus.datasource.username} and {@code quarkus.datasource.password}.
     */
    public static PgConnectOptions connectOptions(
            String reactiveUrl, Optional<String> user, Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options;
    }

    /**
     * Starts listening on {@code channel}: each notification's payload goes to {@code onNotification};
     * {@code onSubscribed} runs after every (re)subscription (what was sent meanwhile is lost: catch up there), and
     * {@code onClosed} (may be null) each time the connection is lost. A connection that fails or drops is tried
     * again every {@code reconnect}. Answers the subscriber at once, connecting in the background (a first attempt
     * that fails is logged as {@code "<what> cannot listen yet"}); close it with {@code closeAndForget()}.
     */
    public static PgSubscriber listen(
            Vertx vertx,
            PgConnectOptions options,
            String channel,
            Duration reconnect,
            Consumer<String> onNotification,
            Runnable onSubscribed,
            Runnable onClosed,
            String what) {
        PgSubscriber sub = PgSubscriber.subscriber(vertx, options);
        long reconnectMillis = reconnect.toMillis();
        sub.reconnectPolicy(retries -> reconnectMillis);
        sub.channel(channel).handler(onNotification).subscribeHandler(onSubscribed);
        if (onClosed != null) {
            sub.closeHandler(onClosed);
        }
        sub.connect()
                .subscribe()
                .with(
                        ok -> LOG.debugf("%s listening on %s", what, channel),
                        e -> LOG.warnf("%s cannot listen yet: %s", what, e));
        return sub;
    }
}
