package io.devshare.common.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event waiting to be published (or already published) to Kafka. Written in the same transaction as the
 * change it describes; the {@link OutboxRelay} publishes it after commit. The table is created by the
 * migration in {@code db/devshare-common}.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    /** Insertion order, assigned by the database; the relay publishes in this order. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    /** The Kafka key: events of one aggregate go to one partition, in order. */
    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    /** CloudEvents type, e.g. {@code io.devshare.partner.invitation.created}. */
    @Column(nullable = false)
    public String type;

    /** The CloudEvent {@code data}, as JSON text. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
