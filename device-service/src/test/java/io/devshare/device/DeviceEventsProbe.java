package io.devshare.device;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads what device-service really published to {@code device-events} (or other topics) on the test broker. */
final class DeviceEventsProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaCompanion kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    private final ConsumerTask<String, String> records;

    DeviceEventsProbe() {
        this("device-events");
    }

    DeviceEventsProbe(String... topics) {
        records = kafka.consumeStrings().fromTopics(topics);
    }

    /**
     * The event of {@code type} keyed by {@code key} (and containing {@code marker}, when given), checked to be a
     * structured CloudEvent of device-service with exactly the shape of the sample consumers test against.
     */
    JsonNode await(String key, String type, String marker) {
        ConsumerRecord<String, String> record = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> records.getRecords().stream()
                                .filter(r -> key.equals(r.key())
                                        && r.value().contains("\"" + type + "\"")
                                        && (marker == null || r.value().contains(marker)))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        try {
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("type").asText()).isEqualTo(type);
            assertThat(event.get("source").asText()).isEqualTo("urn:devshare:device-service");
            assertThat(event.get("subject").asText()).isEqualTo(key);
            assertThat(EventSamples.shape(event))
                    .as("shape of %s against its sample", type)
                    .isEqualTo(EventSamples.shape(EventSamples.load("device-service", type)));
            return event;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode await(String key, String type) {
        return await(key, type, null);
    }

    /** The values of every record keyed by {@code key} so far. */
    List<String> valuesFor(String key) {
        return records.getRecords().stream()
                .filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Every record value published so far. */
    String all() {
        StringBuilder sb = new StringBuilder();
        records.getRecords().forEach(r -> sb.append(r.value()).append('\n'));
        return sb.toString();
    }

    @Override
    public void close() {
        records.stop();
        kafka.close();
    }
}
