package io.devshare.common.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import io.devshare.common.db.PgListener;
import io.devshare.common.jobs.DrainLoop;

/**
 * Publishes committed outbox events to Kafka as structured CloudEvents, in commit order, keyed by aggregate id.
 *
 * <p>It wakes on PostgreSQL {@code NOTIFY devshare_outbox} (sent at commit by a trigger) and also sweeps
 * periodically, so an event survives a broker outage, a lost notification or a crash: it stays unpublished
 * until Kafka acknowledges it. One relay at a time per database publishes (transaction-scoped advisory lock),
 * so several replicas keep per-aggregate order. Each batch is one Kafka transaction ({@link TransactionalPublisher}):
 * consumers read committed records only, so a batch that failed half-way shows nothing, and its retry cannot
 * arrive after a later event. Delivery is at-least-once; consumers dedupe by event id.
 */
@ApplicationScoped
@IfBuildProperty(name = "devshare.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    static final String NOTIFY_CHANNEL = "devshare_outbox";
    /** Producer settings under this prefix override those of {@code kafka.*}. */
    static final String PRODUCER_PREFIX = "devshare.outbox.producer.";
    /** Advisory lock key: one publishing relay per database. */
    private static final long LOCK_KEY = 0x6465_7673_6861_7265L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final String source;
    private final int batchSize;
    private final PgConnectOptions listenOptions;
    private final Counter published;
    private final Counter failures;
    private final TransactionalPublisher publisher;
    /** Kafka's producer blocks; it runs on this one thread, one batch at a time. */
    private final ExecutorService kafkaThread =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "devshare-outbox-relay"));

    private final DrainLoop drainLoop;
    private volatile PgSubscriber subscriber;

    @Inject
    public OutboxRelay(
            Pool pool,
            Vertx vertx,
            ObjectMapper mapper,
            MeterRegistry registry,
            Config config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "devshare.outbox.source", defaultValue = "urn:devshare:${quarkus.application.name}")
                    String source,
            @ConfigProperty(name = "devshare.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "devshare.outbox.transactional-id") Optional<String> transactionalId,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> dbUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> dbPassword) {
        this.pool = pool;
        this.vertx = vertx;
        this.mapper = mapper;
        this.source = source;
        this.batchSize = batchSize;
        this.listenOptions = PgListener.connectOptions(reactiveUrl, dbUser, dbPassword);
        this.published = registry.counter("devshare.outbox.published");
        this.failures = registry.counter("devshare.outbox.publish.failures");
        this.publisher = new TransactionalPublisher(
                producerConfig(config, kafka, transactionalId.orElseGet(() -> defaultTransactionalId(application))));
        this.drainLoop = new DrainLoop(batchSize, this::drainOnce, failure -> {
            failures.increment();
            LOG.warnf("outbox publish failed, will retry: %s", failure.toString());
        });
    }

    /**
     * The shared {@code kafka.*} settings (bootstrap servers, security), then {@code devshare.outbox.producer.*}, then
     * the transactional id.
     */
    static Map<String, Object> producerConfig(Config config, Map<String, Object> kafka, String transactionalId) {
        Map<String, Object> c = new HashMap<>(kafka);
        // Consumer settings the shared map may carry.
        c.remove("group.id");
        c.remove("isolation.level");
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PRODUCER_PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(v -> c.put(name.substring(PRODUCER_PREFIX.length()), v));
            }
        }
        c.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        c.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "devshare-outbox-" + transactionalId);
        return c;
    }

    /**
     * One id per replica that a restarted replica keeps (its host name: the pod name on Kubernetes), so the new
     * process fences the killed one and aborts what it left open at once. Replicas sharing a host name need
     * {@code devshare.outbox.transactional-id} each.
     */
    static String defaultTransactionalId(String application) {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = UUID.randomUUID().toString();
            }
        }
        return application + "@" + host;
    }

    void onStart(@Observes StartupEvent event) {
        // Reconnect forever, once a second; after every (re)subscription sweep what may have been missed.
        subscriber = PgListener.listen(
                vertx,
                listenOptions,
                NOTIFY_CHANNEL,
                Duration.ofSeconds(1),
                payload -> wake(),
                this::wake,
                null,
                "outbox relay");
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        drainLoop.stop();
        PgSubscriber sub = subscriber;
        if (sub != null) {
            sub.closeAndForget();
        }
        kafkaThread.execute(publisher::close);
        kafkaThread.shutdown();
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
        drainLoop.wake();
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
                    List<ProducerRecord<String, String>> records = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                        records.add(record(row));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.createFrom()
                            .item(() -> {
                                publisher.publish(records);
                                return ids.size();
                            })
                            .runSubscriptionOn(kafkaThread)
                            .chain(() -> conn.preparedQuery(
                                            "UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids.toArray(new UUID[0]))))
                            .invoke(() -> published.increment(ids.size()))
                            .replaceWith(ids.size());
                });
    }

    /** A structured-mode CloudEvent (JSON), as SmallRye Reactive Messaging writes one. */
    private ProducerRecord<String, String> record(Row row) {
        String aggregateId = row.getString("aggregate_id");
        OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
        ObjectNode ce = mapper.createObjectNode()
                .put("specversion", "1.0")
                .put("id", row.getUUID("id").toString())
                .put("source", source)
                .put("type", row.getString("type"))
                .put("datacontenttype", "application/json")
                .put("subject", aggregateId)
                .put(
                        "time",
                        occurredAt
                                .withOffsetSameInstant(ZoneOffset.UTC)
                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ce.putRawValue("data", new RawValue(row.getString("payload")));
        String value;
        try {
            value = mapper.writeValueAsString(ce);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox event " + row.getUUID("id") + " cannot be written", e);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"), aggregateId, value);
        record.headers().add("content-type", CONTENT_TYPE);
        return record;
    }

    private static final byte[] CONTENT_TYPE =
            "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);
}
