package io.devshare.common.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.common.db.DbClock;

/**
 * Appends an event to the outbox inside the caller's current transaction (the services call it inside their
 * {@code Panache.withTransaction} or {@code sessionFactory.withTransaction} blocks): the event exists if and only if
 * the change commits.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    @Inject
    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param topic the Kafka topic, named for the producing aggregate (e.g. {@code partner-events})
     * @param aggregateType e.g. {@code invitation}
     * @param aggregateId the Kafka key
     * @param type the CloudEvents type
     * @param data the event record, serialized as the CloudEvent's {@code data}
     * @return the event id (the CloudEvent {@code id})
     */
    public Uni<UUID> append(String topic, String aggregateType, String aggregateId, String type, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.type = type;
        event.occurredAt = DbClock.now();
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event data is not serializable", e));
        }
        return Panache.getSession().chain(session -> session.persist(event)).replaceWith(event.id);
    }
}
