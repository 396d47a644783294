package io.devshare.notification.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.common.jobs.DrainLoop;

/**
 * Sends recorded deliveries over SMTP. A batch is claimed ({@code SKIP LOCKED}, so replicas share the work) in the
 * name of this dispatcher instance, which beats a heartbeat row ({@code mail_dispatcher}) every
 * {@code devshare.mail.heartbeat-interval}; a delivery in flight whose dispatcher has not beaten for
 * {@code devshare.mail.dispatcher-timeout} (it crashed) is claimed again by a live one, else after a 2-minute lease.
 * A failure is retried with exponential backoff ({@code devshare.mail.first-backoff} doubling up to
 * {@code devshare.mail.max-backoff}) until {@code devshare.mail.max-attempts}, then the delivery is marked failed,
 * counted ({@code devshare.mail.failed}) and reported on the dead-letter topic ({@code notification-dlq}, keyed by
 * event id; reported once Kafka acknowledges, so a broker outage delays the report and loses none). An SMTP outage
 * delays mail and loses none. Every delivery carries the same {@code Message-ID} on each attempt, so the copy sent
 * again after a crash between SMTP's acceptance and the record of it can be recognised by the receiver.
 *
 * <p>It sends through the Vert.x mail client that Quarkus configures ({@code quarkus.mailer.*}), not through Quarkus'
 * {@code ReactiveMailer}: that one always hands Vert.x a (possibly empty) {@code Cc} list, and Vert.x writes a header
 * for any list that is not null, so every mail carried an empty {@code Cc:} header. A message here names only its one
 * recipient; there is no {@code Cc} and no {@code Bcc}.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final Pool pool;
    private final MailClient mailer;
    private final String from;
    private final MutinyEmitter<String> deadLetters;
    private final ObjectMapper mapper;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration sendTimeout;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final Counter deadLettered;
    private final Duration dispatcherTimeout;
    /** This dispatcher instance: its heartbeat row and the claim on each delivery it sends. */
    private final UUID instance = UUID.randomUUID();

    private final AtomicBoolean reporting = new AtomicBoolean();
    private final DrainLoop sending;

    @Inject
    public MailDispatcher(
            Pool pool,
            MailClient mailer,
            @ConfigProperty(name = "quarkus.mailer.from") String from,
            @Channel("mail-dead-letters") MutinyEmitter<String> deadLetters,
            ObjectMapper mapper,
            MeterRegistry registry,
            @ConfigProperty(name = "devshare.mail.max-attempts", defaultValue = "8") int maxAttempts,
            @ConfigProperty(name = "devshare.mail.first-backoff", defaultValue = "2S") Duration firstBackoff,
            @ConfigProperty(name = "devshare.mail.max-backoff", defaultValue = "10M") Duration maxBackoff,
            @ConfigProperty(name = "devshare.mail.send-timeout", defaultValue = "30S") Duration sendTimeout,
            @ConfigProperty(name = "devshare.mail.dispatcher-timeout", defaultValue = "10S")
                    Duration dispatcherTimeout) {
        this.pool = pool;
        this.mailer = mailer;
        this.from = from;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.sendTimeout = sendTimeout;
        this.dispatcherTimeout = dispatcherTimeout;
        this.sent = registry.counter("devshare.mail.sent");
        this.retried = registry.counter("devshare.mail.retried");
        this.failed = registry.counter("devshare.mail.failed");
        this.deadLettered = registry.counter("devshare.mail.dead.lettered");
        this.sending = new DrainLoop(
                BATCH, this::sendDue, e -> LOG.warnf("mail dispatch failed, will retry: %s", e.toString()));
    }

    @Scheduled(
            every = "${devshare.mail.sweep-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        wake();
        reportFailed();
    }

    /**
     * This instance is alive: stores its heartbeat (and forgets instances silent for a day; their deliveries are
     * claimable either way).
     */
    @Scheduled(
            every = "${devshare.mail.heartbeat-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> heartbeat() {
        return pool.preparedQuery("WITH gone AS (DELETE FROM mail_dispatcher WHERE heartbeat_at < now() - interval"
                        + " '1 day') INSERT INTO mail_dispatcher (id, started_at, heartbeat_at) VALUES ($1, now(), now())"
                        + " ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()")
                .execute(Tuple.of(instance))
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("dispatcher heartbeat failed: %s", e.toString());
                    return null;
                });
    }

    /** Asks for a drain of the due deliveries; at most one runs at a time, and a wake during one causes another. */
    public void wake() {
        sending.wake();
    }

    /**
     * Claims and sends one batch of due deliveries; answers how many were claimed. Due: waiting ones whose time has
     * come, and ones in flight whose dispatcher stopped beating (or whose lease ran out). The claim beats this
     * instance's heartbeat in the same statement, so no other dispatcher takes a fresh claim for a dead one's.
     */
    Uni<Integer> sendDue() {
        return pool.preparedQuery("WITH beat AS (INSERT INTO mail_dispatcher (id, started_at, heartbeat_at)"
                        + "   VALUES ($3, now(), now()) ON CONFLICT (id) DO UPDATE SET heartbeat_at = now())"
                        + " UPDATE mail_delivery SET status = 'SENDING', attempts = attempts + 1, claimed_by = $3,"
                        + " next_attempt_at = now() + make_interval(secs => $1)"
                        + " WHERE id IN (SELECT m.id FROM mail_delivery m"
                        + "   WHERE m.status IN ('PENDING', 'RETRYING', 'SENDING')"
                        + "   AND (m.next_attempt_at <= now() OR m.status = 'SENDING' AND NOT EXISTS ("
                        + "     SELECT 1 FROM mail_dispatcher d WHERE d.id = m.claimed_by"
                        + "     AND d.heartbeat_at > now() - make_interval(secs => $4)))"
                        + "   ORDER BY m.next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, recipient, subject, html_body, text_body, attempts")
                .execute(Tuple.of((double) LEASE.toSeconds(), BATCH, instance, dispatcherTimeout.toMillis() / 1000.0))
                .chain(rows -> {
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        sends.add(send(row));
                    }
                    if (sends.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(sends).andCollectFailures().replaceWith(sends.size());
                });
    }

    private Uni<Void> send(Row row) {
        UUID id = row.getUUID("id");
        int attempts = row.getInteger("attempts");
        String subject = row.getString("subject");
        MailMessage mail = message(id, row.getString("recipient"), subject, row);
        // A server that accepts the connection and then says nothing (or drops it unanswered) fails the attempt.
        return mailer.sendMail(mail)
                .ifNoItem()
                .after(sendTimeout)
                .failWith(() -> new java.util.concurrent.TimeoutException("SMTP did not answer within " + sendTimeout))
                .chain(() -> pool.preparedQuery(
                                "UPDATE mail_delivery SET status = 'SENT', sent_at = now(), last_error = NULL"
                                        + " WHERE id = $1")
                        .execute(Tuple.of(id)))
                .invoke(() -> sent.increment())
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(e -> failed(id, attempts, e));
    }

    /**
     * One delivery's message: from the configured sender to its one recipient; no {@code Cc} or {@code Bcc} list at
     * all (Vert.x writes a header for any list that is not null, even an empty one).
     */
    private MailMessage message(UUID id, String recipient, String subject, Row row) {
        return new MailMessage()
                .setFrom(from)
                .setTo(List.of(recipient))
                .setSubject(subject)
                .setHtml(row.getString("html_body"))
                .setText(row.getString("text_body"))
                // The subject as RFC 2047 encoded words (see MailHeaders), and one Message-ID for every attempt.
                .setHeaders(MultiMap.caseInsensitiveMultiMap()
                        .add("Subject", MailHeaders.subject(subject))
                        .add("Message-ID", MailHeaders.messageId(id)));
    }

    private Uni<Void> failed(UUID id, int attempts, Throwable e) {
        boolean giveUp = attempts >= maxAttempts;
        (giveUp ? failed : retried).increment();
        LOG.warnf("mail delivery %s attempt %d failed: %s", id, attempts, e.toString());
        String error = String.valueOf(e.getMessage());
        // Only while the claim is still ours: a delivery another dispatcher took over (and maybe sent) stays its.
        return pool.preparedQuery("UPDATE mail_delivery SET status = $2, last_error = $3,"
                        + " next_attempt_at = now() + make_interval(secs => $4)"
                        + " WHERE id = $1 AND claimed_by = $5 AND status = 'SENDING'")
                .execute(Tuple.from(List.of(
                        id,
                        giveUp ? "FAILED" : "RETRYING",
                        error.length() > 500 ? error.substring(0, 500) : error,
                        backoff(attempts, firstBackoff, maxBackoff).toMillis() / 1000.0,
                        instance)))
                .replaceWithVoid()
                .invoke(() -> {
                    if (giveUp) {
                        reportFailed();
                    }
                });
    }

    /** Reports failed deliveries not yet reported on the dead-letter topic, one batch at a time. */
    void reportFailed() {
        if (!reporting.compareAndSet(false, true)) {
            return;
        }
        pool.preparedQuery("SELECT id, event_id, event_type, recipient, subject, attempts, last_error, created_at"
                        + " FROM mail_delivery WHERE status = 'FAILED' AND dead_lettered_at IS NULL"
                        + " ORDER BY created_at LIMIT $1")
                .execute(Tuple.of(BATCH))
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem()
                .transformToUniAndConcatenate(this::report)
                .collect()
                .last()
                .subscribe()
                .with(done -> reporting.set(false), failure -> {
                    LOG.warnf("dead-letter report failed, will retry: %s", failure.toString());
                    reporting.set(false);
                });
    }

    private Uni<Void> report(Row row) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("reason", "mail-delivery-failed");
        record.put("deliveryId", row.getUUID("id").toString());
        record.put("eventId", row.getString("event_id"));
        record.put("kind", row.getString("event_type"));
        record.put("recipient", row.getString("recipient"));
        record.put("subject", row.getString("subject"));
        record.put("attempts", row.getInteger("attempts"));
        record.put("lastError", row.getString("last_error"));
        record.put("createdAt", String.valueOf(row.getOffsetDateTime("created_at")));
        String json;
        try {
            json = mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Message<String> message = Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(row.getString("event_id"))
                        .build());
        return deadLetters
                .sendMessage(message)
                .chain(() -> pool.preparedQuery("UPDATE mail_delivery SET dead_lettered_at = now() WHERE id = $1")
                        .execute(Tuple.of(row.getUUID("id"))))
                .invoke(() -> deadLettered.increment())
                .replaceWithVoid();
    }

    /** 2 s, 4 s, 8 s … capped at 10 minutes (the defaults). */
    static Duration backoff(int attempts) {
        return backoff(attempts, FIRST_BACKOFF, MAX_BACKOFF);
    }

    static Duration backoff(int attempts, Duration first, Duration max) {
        long millis = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
