package io.devshare.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads what a service really published to its topics on the test broker, from the moment it is opened, and awaits
 * a published event: the record keyed by the aggregate id, checked to be a structured CloudEvent of that service with
 * exactly the shape of the sample its consumers test against ({@link EventSamples}).
 */
public final class PublishedEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String service;
    private final KafkaCompanion kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    private final ConsumerTask<String, String> records;

    /** What {@code service} (e.g. {@code partner-service}) publishes to {@code topics}. */
    public PublishedEvents(String service, String... topics) {
        this.service = service;
        this.records = kafka.consumeStrings().fromTopics(topics);
    }

    /** The event of {@code type} keyed by {@code key}, checked (see the class). */
    public JsonNode await(String key, String type) {
        return await(key, type, null);
    }

    /**
     * The event of {@code type} keyed by {@code key} and containing {@code mention} (when not null), checked to be a
     * structured CloudEvent of the service with exactly the shape of its sample.
     */
    public JsonNode await(String key, String type, String mention) {
        ConsumerRecord<String, String> record = awaitRecord(key, type, mention);
        JsonNode event;
        try {
            event = JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(event.get("type").asText()).isEqualTo(type);
        assertThat(event.get("source").asText()).isEqualTo("urn:devshare:" + service);
        assertThat(event.get("subject").asText()).isEqualTo(key);
        assertThat(EventSamples.shape(event))
                .as("shape of %s against its sample", type)
                .isEqualTo(EventSamples.shape(EventSamples.load(service, type)));
        return event;
    }

    /** The first record of {@code type} keyed by {@code key} (and containing {@code mention}, when not null), as is. */
    public ConsumerRecord<String, String> awaitRecord(String key, String type, String mention) {
        return Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> records.getRecords().stream()
                                .filter(r -> key.equals(r.key())
                                        && r.value().contains("\"" + type + "\"")
                                        && (mention == null || r.value().contains(mention)))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** How many events of {@code type} keyed by {@code key} were published so far. */
    public long count(String key, String type) {
        return records.getRecords().stream()
                .filter(r -> key.equals(r.key()) && r.value().contains("\"" + type + "\""))
                .count();
    }

    /** The values of every record keyed by {@code key} so far. */
    public List<String> valuesFor(String key) {
        return records.getRecords().stream()
                .filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Every record value published so far (to check that something never appears). */
    public String all() {
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
