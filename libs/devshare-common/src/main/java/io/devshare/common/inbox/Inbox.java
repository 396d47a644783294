package io.devshare.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Idempotent consumption: records that a consumer processed an event, in the transaction of the effect. Call
 * it first inside that transaction; when it answers {@code false} the event was already processed and the
 * effect must be skipped.
 */
@ApplicationScoped
public class Inbox {

    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)"
                                        + " ON CONFLICT DO NOTHING")
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
