package io.devshare.common.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.devshare.common.inbox.Inbox;

/**
 * How every service consumes a topic of CloudEvents, so that no record can stop a consumer for everyone:
 * <ul>
 *   <li>a record that is not a readable event fails at once;
 *   <li>a failure caused by the record's data (the database refuses a value, a required member is missing, a bug
 *       the record triggers) is retried a few times ({@code devshare.events.attempts}), then fails;
 *   <li>an infrastructure failure ({@link Failures#isInfrastructure}: a database, broker or Keycloak outage) is
 *       retried in place with backoff until it passes, building the work anew each time, so nothing is lost and
 *       per-key order holds.
 * </ul>
 * A failed record goes to the channel's dead-letter topic with the reason (its {@code dead-letter-reason} header),
 * is counted in {@code devshare_events_dead_lettered_total{topic,reason}} (alert on any increase), and the
 * partition moves on. Events are read with a tolerant mapper of their own, not the strict one of request bodies.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /** Reads events: unknown members ignored, nothing refused that the consumer's own checks do not refuse. */
    private static final ObjectMapper EVENTS = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Inbox inbox;
    private final MeterRegistry registry;
    private final int attempts;
    private final Duration backoff;

    @Inject
    public EventConsumer(
            Inbox inbox,
            MeterRegistry registry,
            @ConfigProperty(name = "devshare.events.attempts", defaultValue = "4") int attempts,
            @ConfigProperty(name = "devshare.events.first-backoff", defaultValue = "PT0.5S") Duration backoff) {
        this.inbox = inbox;
        this.registry = registry;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
    }

    /** What a consumer does with one event's data; {@code at} is the event's time. */
    public interface Effect<T> {
        Uni<?> apply(T data, OffsetDateTime at);
    }

    public Uni<Void> consume(String topic, String record, Function<IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(EVENTS, record);
        } catch (MalformedEventException e) {
            return deadLetter(topic, "malformed", "unreadable record: " + e.getMessage(), e);
        }
        AtomicInteger dataFailures = new AtomicInteger();
        return Uni.createFrom()
                .deferred(() -> handler.apply(event))
                .onFailure(t -> retry(event, t, dataFailures))
                .retry()
                .withBackOff(backoff, Duration.ofSeconds(30))
                .indefinitely()
                .onFailure()
                .recoverWithUni(t -> deadLetter(
                        topic,
                        t instanceof MalformedEventException ? "malformed" : "refused",
                        "event " + event.id() + " of type " + event.type() + ": " + Failures.describe(t),
                        t));
    }

    /** Whether to try a failed event again: always for an infrastructure failure, a few times for its data. */
    private boolean retry(IncomingEvent event, Throwable failure, AtomicInteger dataFailures) {
        if (failure instanceof MalformedEventException) {
            return false;
        }
        boolean again = Failures.isInfrastructure(failure) || dataFailures.incrementAndGet() < attempts;
        if (again) {
            LOG.warnf("event %s not processed yet, retrying: %s", event.id(), failure.toString());
        }
        return again;
    }

    private Uni<Void> deadLetter(String topic, String reason, String detail, Throwable cause) {
        LOG.errorf("record on %s sent to the dead-letter topic (%s): %s", topic, reason, detail);
        registry.counter("devshare.events.dead.lettered", "topic", topic, "reason", reason)
                .increment();
        return Uni.createFrom().failure(new PoisonRecordException(detail, cause));
    }

    /**
     * Reads the event's data into the consumer's own tolerant record, then applies the effect in one transaction with
     * the inbox record of the event, unless {@code consumerName} processed that event before (a redelivery changes
     * nothing). The effect gets the event's time, or now when the event has none.
     */
    public <T> Uni<Void> once(String consumerName, IncomingEvent event, Class<T> type, Effect<T> effect) {
        OffsetDateTime at = event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
        return data(event, type)
                .chain(data -> Panache.withTransaction(() -> inbox.firstDelivery(consumerName, event.id())
                        .chain(first -> first
                                ? effect.apply(data, at).replaceWithVoid()
                                : Uni.createFrom().voidItem())));
    }

    /** The event's data read into the consumer's own tolerant record; unreadable data is a malformed event. */
    public <T> Uni<T> data(IncomingEvent event, Class<T> type) {
        return Uni.createFrom().item(() -> event.dataAs(EVENTS, type));
    }
}
