package io.devshare.partner;

import java.time.Duration;
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

/** Reads what partner-service really published to {@code partner-events} on the test broker. */
final class PartnerEventsProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaCompanion kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    private final ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics("partner-events");

    /**
     * The event of {@code type} keyed by {@code key}, checked to be a structured CloudEvent of partner-service
     * with exactly the shape of the sample consumers test against.
     */
    JsonNode await(String key, String type) {
        ConsumerRecord<String, String> record = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> records.getRecords().stream()
                                .filter(r -> key.equals(r.key()) && r.value().contains("\"" + type + "\""))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        try {
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("type").asText()).isEqualTo(type);
            assertThat(event.get("source").asText()).isEqualTo("urn:devshare:partner-service");
            assertThat(event.get("subject").asText()).isEqualTo(key);
            assertThat(EventSamples.shape(event))
                    .as("shape of %s against its sample", type)
                    .isEqualTo(EventSamples.shape(EventSamples.load("partner-service", type)));
            return event;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record value published so far (to check that something never appears). */
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
