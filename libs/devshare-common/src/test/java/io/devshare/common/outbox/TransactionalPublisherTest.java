package io.devshare.common.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The publisher's handling of a failed batch, against Kafka's own {@link MockProducer} (which keeps only committed
 * records in its history). The same property against a real broker: {@code OutboxTransactionsTest} in
 * partner-service.
 */
class TransactionalPublisherTest {

    private static final Map<String, Object> CONFIG = Map.of("transactional.id", "test@host");

    private final List<MockProducer<String, String>> producers = new ArrayList<>();
    private final TransactionalPublisher publisher = new TransactionalPublisher(CONFIG, c -> {
        MockProducer<String, String> p = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        producers.add(p);
        return p;
    });

    private static final List<ProducerRecord<String, String>> GRANT_THEN_REVOKE = List.of(
            new ProducerRecord<>("sharing-events", "device-1", "access.granted"),
            new ProducerRecord<>("sharing-events", "device-1", "access.revoked"));

    @Test
    void aFailedSendLeavesNothingOfItsBatchAndTheRetryPublishesItInOrder() {
        publisher.publish(List.of(new ProducerRecord<>("sharing-events", "device-0", "before")));
        MockProducer<String, String> producer = producers.get(0);
        producer.sendException = new TimeoutException("metadata not available after 5000 ms");

        assertThatThrownBy(() -> publisher.publish(GRANT_THEN_REVOKE)).isInstanceOf(TimeoutException.class);
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(values(producer)).containsExactly("before");

        producer.sendException = null;
        publisher.publish(GRANT_THEN_REVOKE);
        assertThat(values(producer)).containsExactly("before", "access.granted", "access.revoked");
        assertThat(producers).hasSize(1);
    }

    @Test
    void aCommitThatFailsIsAbortedAndNothingOfItIsVisible() {
        publisher.publish(List.of());
        MockProducer<String, String> producer = producers.get(0);
        producer.commitTransactionException = new KafkaException("a record of the batch expired");

        assertThatThrownBy(() -> publisher.publish(GRANT_THEN_REVOKE)).isInstanceOf(KafkaException.class);
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aProducerThatCannotAbortIsClosedAndANewOneTakesOverUnderTheSameId() {
        publisher.publish(List.of());
        MockProducer<String, String> first = producers.get(0);
        first.commitTransactionException = new TimeoutException("commit not acknowledged within max.block.ms");
        first.abortTransactionException = new IllegalStateException("the timed-out commit must be retried");

        assertThatThrownBy(() -> publisher.publish(GRANT_THEN_REVOKE)).isInstanceOf(TimeoutException.class);
        assertThat(first.closed()).isTrue();

        publisher.publish(GRANT_THEN_REVOKE);
        assertThat(producers).hasSize(2);
        MockProducer<String, String> second = producers.get(1);
        assertThat(second.transactionInitialized()).isTrue();
        assertThat(values(second)).containsExactly("access.granted", "access.revoked");
    }

    @Test
    void aFencedProducerIsReplaced() {
        publisher.publish(List.of());
        producers.get(0).fenceProducer();

        assertThatThrownBy(() -> publisher.publish(GRANT_THEN_REVOKE)).isInstanceOf(ProducerFencedException.class);
        assertThat(producers.get(0).closed()).isTrue();

        publisher.publish(GRANT_THEN_REVOKE);
        assertThat(values(producers.get(1))).containsExactly("access.granted", "access.revoked");
    }

    @Test
    void aBrokerThatCannotBeReachedAtStartIsTriedAgainWithANewProducer() {
        TransactionalPublisher unreachable = new TransactionalPublisher(CONFIG, c -> {
            MockProducer<String, String> p =
                    new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
            if (producers.isEmpty()) {
                p.initTransactionException = new TimeoutException("no broker within max.block.ms");
            }
            producers.add(p);
            return p;
        });

        assertThatThrownBy(() -> unreachable.publish(GRANT_THEN_REVOKE)).isInstanceOf(TimeoutException.class);
        assertThat(producers.get(0).closed()).isTrue();
        unreachable.publish(GRANT_THEN_REVOKE);
        assertThat(values(producers.get(1))).containsExactly("access.granted", "access.revoked");
    }

    @Test
    void requiresATransactionalIdAndSetsWhatTransactionsNeed() {
        assertThatThrownBy(() -> new TransactionalPublisher(Map.of())).isInstanceOf(IllegalArgumentException.class);
        List<Map<String, Object>> seen = new ArrayList<>();
        new TransactionalPublisher(Map.of("transactional.id", "a@b", "acks", "1"), c -> {
                    seen.add(c);
                    return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
                })
                .publish(List.of());
        assertThat(seen.get(0)).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
    }

    private static List<String> values(MockProducer<String, String> producer) {
        return producer.history().stream().map(ProducerRecord::value).toList();
    }
}
