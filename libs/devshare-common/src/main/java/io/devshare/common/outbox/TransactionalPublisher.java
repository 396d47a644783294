package io.devshare.common.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes a batch of records in one Kafka transaction: consumers reading committed records see the whole batch
 * or none of it, in send order per partition. Without it, a batch whose first sends failed during a broker outage
 * while later ones landed left a later event visible before an earlier one (e.g. {@code access.revoked} before its
 * {@code access.granted}); the re-sent earlier event then arrived after the later one.
 *
 * <p>Blocking: call it from one thread only. Any failure aborts the transaction; when the producer cannot abort
 * (broker unreachable, a commit that timed out, a fenced or failed producer) it is closed and the next batch starts
 * a new one with the same {@code transactional.id}, whose initialization aborts (or completes) whatever the old one
 * left open. The same id for a restarted replica does that for a killed process too, so its open transaction does
 * not hold back consumers until the transaction timeout.
 */
final class TransactionalPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TransactionalPublisher.class);

    private final Function<Map<String, Object>, Producer<String, String>> factory;
    private final Map<String, Object> config;
    private Producer<String, String> producer;

    /**
     * @param config Kafka producer settings; {@code transactional.id} is required, serializers, {@code acks=all} and
     *     idempotence are set here
     */
    TransactionalPublisher(Map<String, Object> config) {
        this(config, c -> new KafkaProducer<>(c));
    }

    TransactionalPublisher(
            Map<String, Object> config, Function<Map<String, Object>, Producer<String, String>> factory) {
        if (config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG) == null) {
            throw new IllegalArgumentException("transactional.id is required");
        }
        Map<String, Object> c = new HashMap<>(config);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.config = Map.copyOf(c);
        this.factory = factory;
    }

    String transactionalId() {
        return (String) config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

    /** Publishes all records or, throwing, none of them (as far as read-committed consumers can tell). */
    void publish(List<ProducerRecord<String, String>> records) {
        Producer<String, String> p = producer();
        try {
            p.beginTransaction();
            for (ProducerRecord<String, String> record : records) {
                // A failed send (here or in its future) fails the commit below.
                p.send(record);
            }
            p.commitTransaction();
        } catch (RuntimeException e) {
            abortOrDiscard(p);
            throw e;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Producer<String, String> p = factory.apply(config);
            try {
                p.initTransactions();
            } catch (RuntimeException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            producer = p;
        }
        return producer;
    }

    private void abortOrDiscard(Producer<String, String> p) {
        try {
            p.abortTransaction();
        } catch (RuntimeException e) {
            LOG.debugf("outbox producer cannot abort (%s); a new one takes over", e.toString());
            discard();
        }
    }

    private void discard() {
        Producer<String, String> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf("closing the outbox producer: %s", e.toString());
            }
        }
    }

    @Override
    public void close() {
        discard();
    }
}
