package io.devshare.notification.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends recorded deliveries over SMTP. A batch is claimed with a lease ({@code SKIP LOCKED}, so replicas share
 * the work); a failure is retried with exponential backoff until {@code devshare.mail.max-attempts}, then the
 * delivery is marked failed. An SMTP outage delays mail and loses none.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final int maxAttempts;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @Inject
    public MailDispatcher(
            Pool pool,
            ReactiveMailer mailer,
            MeterRegistry registry,
            @ConfigProperty(name = "devshare.mail.max-attempts", defaultValue = "8") int maxAttempts) {
        this.pool = pool;
        this.mailer = mailer;
        this.maxAttempts = maxAttempts;
        this.sent = registry.counter("devshare.mail.sent");
        this.retried = registry.counter("devshare.mail.retried");
        this.failed = registry.counter("devshare.mail.failed");
    }

    @Scheduled(
            every = "${devshare.mail.sweep-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        wake();
    }

    public void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            loop();
        }
    }

    private void loop() {
        again.set(false);
        sendDue()
                .subscribe()
                .with(
                        count -> {
                            if (count >= BATCH || again.get()) {
                                loop();
                            } else {
                                running.set(false);
                                if (again.get() && running.compareAndSet(false, true)) {
                                    loop();
                                }
                            }
                        },
                        failure -> {
                            LOG.warnf("mail dispatch failed, will retry: %s", failure.toString());
                            running.set(false);
                        });
    }

    /** Claims and sends one batch of due deliveries; answers how many were claimed. */
    Uni<Integer> sendDue() {
        return pool.preparedQuery("UPDATE mail_delivery SET status = 'SENDING', attempts = attempts + 1,"
                        + " next_attempt_at = now() + make_interval(secs => $1)"
                        + " WHERE id IN (SELECT id FROM mail_delivery"
                        + "   WHERE status IN ('PENDING', 'RETRYING', 'SENDING') AND next_attempt_at <= now()"
                        + "   ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, recipient, subject, html_body, text_body, attempts")
                .execute(Tuple.of((double) LEASE.toSeconds(), BATCH))
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
        Mail mail = Mail.withHtml(row.getString("recipient"), row.getString("subject"), row.getString("html_body"))
                .setText(row.getString("text_body"));
        return mailer.send(mail)
                .chain(() -> pool.preparedQuery(
                                "UPDATE mail_delivery SET status = 'SENT', sent_at = now(), last_error = NULL"
                                        + " WHERE id = $1")
                        .execute(Tuple.of(id)))
                .invoke(() -> sent.increment())
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(e -> failed(id, attempts, e));
    }

    private Uni<Void> failed(UUID id, int attempts, Throwable e) {
        boolean giveUp = attempts >= maxAttempts;
        (giveUp ? failed : retried).increment();
        LOG.warnf("mail delivery %s attempt %d failed: %s", id, attempts, e.toString());
        String error = String.valueOf(e.getMessage());
        return pool.preparedQuery("UPDATE mail_delivery SET status = $2, last_error = $3,"
                        + " next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1")
                .execute(Tuple.of(
                        id,
                        giveUp ? "FAILED" : "RETRYING",
                        error.length() > 500 ? error.substring(0, 500) : error,
                        (double) backoff(attempts).toSeconds()))
                .replaceWithVoid();
    }

    /** 2 s, 4 s, 8 s … capped at 10 minutes. */
    static Duration backoff(int attempts) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(Math.max(attempts - 1, 0), 20);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }
}
