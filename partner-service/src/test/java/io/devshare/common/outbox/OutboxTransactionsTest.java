package io.devshare.common.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.devshare.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox relay's Kafka transactions against the real broker, read as every service's consumers read
 * ({@code isolation.level=read_committed}). Partner-service hosts it because it has the test servers at hand; the
 * relay itself lives in devshare-common.
 */
class OutboxTransactionsTest {

    private final String topic = "outbox-transactions-test-" + UUID.randomUUID();

    @Test
    void aBatchThatFailedHalfWayShowsNothingAndItsRetryArrivesWhole() {
        try (TransactionalPublisher publisher = new TransactionalPublisher(config("relay-" + UUID.randomUUID()))) {
            publisher.publish(List.of(record("before")));
            // The middle record is larger than the producer may send: the batch fails after "granted" was sent.
            String tooLarge = "x".repeat(2 * 1024 * 1024);
            assertThatThrownBy(() -> publisher.publish(List.of(record("granted"), record(tooLarge), record("revoked"))))
                    .isInstanceOf(org.apache.kafka.common.KafkaException.class);

            publisher.publish(List.of(record("granted"), record("revoked")));

            assertThat(readCommitted(3, Duration.ofSeconds(20))).containsExactly("before", "granted", "revoked");
        }
    }

    @Test
    void aRestartedRelayAbortsWhatItsKilledPredecessorLeftOpen() throws Exception {
        String id = "relay-" + UUID.randomUUID();
        try (TransactionalPublisher first = new TransactionalPublisher(config(id))) {
            first.publish(List.of(record("before")));
        }
        // A relay killed mid-batch: its transaction holds records and is never committed nor aborted.
        Map<String, Object> zombieConfig = new HashMap<>(config(id));
        zombieConfig.put("key.serializer", StringSerializer.class.getName());
        zombieConfig.put("value.serializer", StringSerializer.class.getName());
        zombieConfig.put("transaction.timeout.ms", "60000");
        KafkaProducer<String, String> zombie = new KafkaProducer<>(zombieConfig);
        try {
            zombie.initTransactions();
            zombie.beginTransaction();
            zombie.send(record("never committed"));
            zombie.flush();

            // Until it is resolved, read-committed consumers cannot read past its first record.
            long started = System.nanoTime();
            try (TransactionalPublisher restarted = new TransactionalPublisher(config(id))) {
                restarted.publish(List.of(record("after")));
            }
            List<String> seen = readCommitted(2, Duration.ofSeconds(20));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(seen).containsExactly("before", "after");
            // Far below the killed transaction's 60 s timeout: the restart's initialization aborted it.
            assertThat(waited).isLessThan(Duration.ofSeconds(30));
        } finally {
            zombie.close(Duration.ZERO);
        }
    }

    private ProducerRecord<String, String> record(String value) {
        return new ProducerRecord<>(topic, "device-1", value);
    }

    private static Map<String, Object> config(String transactionalId) {
        return Map.of(
                "bootstrap.servers",
                TestServers.kafkaBootstrap(),
                "transactional.id",
                transactionalId,
                "max.block.ms",
                "10000",
                "linger.ms",
                "1");
    }

    private List<String> readCommitted(int count, Duration within) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", TestServers.kafkaBootstrap(),
                "isolation.level", "read_committed",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + within.toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            // Anything more arriving shortly after would be a duplicate or an aborted record.
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                values.add(r.value());
            }
        }
        return values;
    }
}
