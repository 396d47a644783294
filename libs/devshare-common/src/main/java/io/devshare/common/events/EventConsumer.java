package io.devshare.common.events;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.databind.ObjectMapper;

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

    @Inject
    public EventConsumer(ObjectMapper mapper) {
        this.mapper = mapper;
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

    /** The event's data read into the consumer's own tolerant record; unreadable data is a malformed event. */
    public <T> Uni<T> data(IncomingEvent event, Class<T> type) {
        return Uni.createFrom().item(() -> event.dataAs(mapper, type));
    }
}
