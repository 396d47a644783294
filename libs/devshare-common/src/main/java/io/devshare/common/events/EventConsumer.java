package io.devshare.common.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.common.inbox.Inbox;

/**
 * How every service consumes a topic of CloudEvents: a record that is not a readable event fails at once (the
 * channel's dead-letter strategy moves it aside and consumption goes on); any other failure — a database, broker
 * or Keycloak outage — is retried in place with backoff, building the work anew each time, so nothing is lost and
 * per-key order holds.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final ObjectMapper mapper;
    private final Inbox inbox;

    @Inject
    public EventConsumer(ObjectMapper mapper, Inbox inbox) {
        this.mapper = mapper;
        this.inbox = inbox;
    }

    /** What a consumer does with one event's data; {@code at} is the event's time. */
    public interface Effect<T> {
        Uni<?> apply(T data, OffsetDateTime at);
    }

    public Uni<Void> consume(String topic, String record, Function<IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(mapper, record);
        } catch (MalformedEventException e) {
            LOG.warnf("unreadable record on %s sent to the dead-letter topic: %s", topic, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom()
                .deferred(() -> handler.apply(event))
                .onFailure(t -> !(t instanceof MalformedEventException))
                .invoke(t -> LOG.warnf("event %s not processed yet, retrying: %s", event.id(), t.toString()))
                .onFailure(t -> !(t instanceof MalformedEventException))
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
                .indefinitely();
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
        return Uni.createFrom().item(() -> event.dataAs(mapper, type));
    }
}
