package io.devshare.common.outbox;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Publishes committed outbox events to Kafka as structured CloudEvents, in commit order, keyed by aggregate id.
 *
 * <p>It wakes on PostgreSQL {@code NOTIFY devshare_outbox} (sent at commit by a trigger) and also sweeps
 * periodically, so an event survives a broker outage, a lost notification or a crash: it stays unpublished
 * until Kafka acknowledges it. One relay at a time per database publishes (transaction-scoped advisory lock),
 * so several replicas keep per-aggregate order. Delivery is at-least-once; consumers dedupe by event id.
 */
@ApplicationScoped
@IfBuildProperty(name = "devshare.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    static final String CHANNEL = "devshare-outbox";
    static final String NOTIFY_CHANNEL = "devshare_outbox";
    /** Advisory lock key: one publishing relay per database. */
    private static final long LOCK_KEY = 0x6465_7673_6861_7265L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final MutinyEmitter<Map<String, Object>> emitter;
    private final Vertx vertx;
    private final URI source;
    private final int batchSize;
    private final String reactiveUrl;
    private final Optional<String> dbUser;
    private final Optional<String> dbPassword;
    private final Counter published;
    private final Counter failures;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;

    @Inject
    public OutboxRelay(
            Pool pool,
            @Channel(CHANNEL) MutinyEmitter<Map<String, Object>> emitter,
            Vertx vertx,
            MeterRegistry registry,
            @ConfigProperty(name = "devshare.outbox.source", defaultValue = "urn:devshare:${quarkus.application.name}")
                    String source,
            @ConfigProperty(name = "devshare.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> dbUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> dbPassword) {
        this.pool = pool;
        this.emitter = emitter;
        this.vertx = vertx;
        this.source = URI.create(source);
        this.batchSize = batchSize;
        this.reactiveUrl = reactiveUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.published = registry.counter("devshare.outbox.published");
        this.failures = registry.counter("devshare.outbox.publish.failures");
    }

    void onStart(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl);
        dbUser.ifPresent(options::setUser);
        dbPassword.ifPresent(options::setPassword);
        PgSubscriber sub = PgSubscriber.subscriber(vertx, options);
        // Reconnect forever, once a second; after every (re)subscription sweep what may have been missed.
        sub.reconnectPolicy(retries -> 1000L);
        sub.channel(NOTIFY_CHANNEL).handler(payload -> wake()).subscribeHandler(this::wake);
        sub.connect()
                .subscribe()
                .with(
                        ok -> LOG.debug("outbox relay listening"),
                        e -> LOG.warnf("outbox relay cannot listen yet: %s", e));
        subscriber = sub;
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        PgSubscriber sub = subscriber;
        if (sub != null) {
            sub.closeAndForget();
        }
    }

    /** Safety net for lost notifications and for retrying after a broker outage. */
    @Scheduled(
            every = "${devshare.outbox.sweep-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        wake();
    }

    /** Removes events published long ago (they stay a while for diagnosis). */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return pool.query("DELETE FROM outbox_event WHERE published_at < now() - interval '7 days'")
                .execute()
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    /** Asks for a drain; at most one drain runs at a time, and a wake during a drain causes one more. */
    public void wake() {
        if (stopped) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            drainLoop();
        }
    }

    private void drainLoop() {
        again.set(false);
        drainOnce()
                .subscribe()
                .with(
                        count -> {
                            if (count >= batchSize || again.get()) {
                                drainLoop();
                            } else {
                                running.set(false);
                                if (again.get() && running.compareAndSet(false, true)) {
                                    drainLoop();
                                }
                            }
                        },
                        failure -> {
                            failures.increment();
                            LOG.warnf("outbox publish failed, will retry: %s", failure.getMessage());
                            running.set(false);
                        });
    }

    /** Publishes one batch in one transaction; returns how many events were published. */
    Uni<Integer> drainOnce() {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .execute(Tuple.of(LOCK_KEY))
                .chain(rs -> rs.iterator().next().getBoolean("locked")
                        ? publishBatch(conn)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch(SqlConnection conn) {
        return conn.preparedQuery("SELECT id, topic, aggregate_id, type, payload, occurred_at FROM outbox_event"
                        + " WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE")
                .execute(Tuple.of(batchSize))
                .chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                        sends.add(send(row));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join()
                            .all(sends)
                            .andFailFast()
                            .chain(() -> conn.preparedQuery(
                                            "UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids.toArray(new UUID[0]))))
                            .invoke(() -> published.increment(ids.size()))
                            .replaceWith(ids.size());
                });
    }

    private Uni<Void> send(Row row) {
        String aggregateId = row.getString("aggregate_id");
        OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(row.getUUID("id").toString())
                .withType(row.getString("type"))
                .withSource(source)
                .withSubject(aggregateId)
                .withDataContentType("application/json")
                .withTimestamp(occurredAt.atZoneSameInstant(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(aggregateId)
                .build();
        Map<String, Object> data = new JsonObject(row.getString("payload")).getMap();
        return emitter.sendMessage(Message.of(data).addMetadata(ce).addMetadata(kafka));
    }
}
