package io.devshare.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds a consumer every kind of poison record on one key — an unreadable record, a known event whose data the
 * database refuses, an event of a type it does not know, a known event missing its members — followed by a good
 * event, and checks what issue 13 asks: the good event is processed (the partition moved on), the poison ones are on
 * the dead-letter topic with their reason, the unknown type was skipped without a dead letter, and the service's
 * {@code devshare_events_dead_lettered_total} counted them.
 */
public final class PoisonRecords implements AutoCloseable {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final KafkaCompanion kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    private final ConsumerTask<String, String> deadLetters;

    public PoisonRecords(String deadLetterTopic) {
        deadLetters = kafka.consumeStrings().fromTopics(deadLetterTopic);
    }

    /**
     * The producer's sample event of {@code type} with a fresh event id and fresh ids everywhere (each UUID of the
     * sample replaced by a new one, the same one wherever it repeats), so it is new to every consumer.
     */
    public static ObjectNode event(String producer, String type) {
        ObjectNode event = EventSamples.load(producer, type);
        Map<String, String> fresh = new HashMap<>();
        renew(event, fresh);
        event.put("id", UUID.randomUUID().toString());
        return event;
    }

    private static void renew(JsonNode node, Map<String, String> fresh) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && UUID_TEXT.matcher(value.asText()).matches()) {
                    field.setValue(TextNode.valueOf(fresh.computeIfAbsent(
                            value.asText(), k -> UUID.randomUUID().toString())));
                } else {
                    renew(value, fresh);
                }
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = node.get(i);
                if (value.isTextual() && UUID_TEXT.matcher(value.asText()).matches()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node)
                            .set(
                                    i,
                                    TextNode.valueOf(fresh.computeIfAbsent(
                                            value.asText(),
                                            k -> UUID.randomUUID().toString())));
                } else {
                    renew(value, fresh);
                }
            }
        }
    }

    /** {@link #event} by the producer's service name and the type after its prefix, e.g. {@code device.registered}. */
    public static ObjectNode sample(String producer, String type) {
        return event(producer, "io.devshare." + producer.replace("-service", "") + "." + type);
    }

    /**
     * Whether the service whose database is {@code database} processed an event: its inbox ({@code processed_event})
     * holds the id. Read over JDBC with the service's own login (the driver is on every service's classpath).
     */
    public static Predicate<String> inboxOf(String database) {
        Map<String, String> config = TestServers.serviceConfig(database);
        return eventId -> {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                            config.get("quarkus.datasource.jdbc.url"), database, database);
                    java.sql.PreparedStatement q =
                            c.prepareStatement("SELECT 1 FROM processed_event WHERE event_id = ?")) {
                q.setString(1, eventId);
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The event's data member at {@code path} (dots, e.g. {@code orgs.0.alias}) set to {@code text}. */
    public static ObjectNode withText(ObjectNode event, String path, String text) {
        String[] parts = path.split("\\.");
        JsonNode node = event.get("data");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        ((ObjectNode) node).put(parts[parts.length - 1], text);
        return event;
    }

    /**
     * The usual check of one topic: the producer's sample event of {@code type} with U+0000 in the stored text at
     * {@code path} as the record the database refuses, a fresh sample of it as the good event, the dead letters read
     * from {@code deadLetterTopic}.
     */
    public static void checkTopic(
            String deadLetterTopic,
            String topic,
            String producer,
            String type,
            String path,
            Predicate<String> processed) {
        try (PoisonRecords poison = new PoisonRecords(deadLetterTopic)) {
            poison.check(topic, withText(sample(producer, type), path, "a\u0000b"), sample(producer, type), processed);
        }
    }

    /**
     * Sends the four poison kinds and then {@code good} on {@code topic}, all keyed by {@code good}'s subject, and
     * checks the outcome. {@code refused} must be a known event whose data the database refuses (e.g. U+0000 in a
     * stored text); {@code processed} tells whether an event id was processed by the service.
     */
    public void check(String topic, ObjectNode refused, ObjectNode good, Predicate<String> processed) {
        String key = good.get("subject").asText();
        double malformedBefore = deadLettered(topic, "malformed");
        double refusedBefore = deadLettered(topic, "refused");

        ObjectNode unknown = refused.deepCopy();
        unknown.put("id", UUID.randomUUID().toString()).put("type", "io.devshare.unknown.something.happened");
        ObjectNode missing = refused.deepCopy();
        missing.put("id", UUID.randomUUID().toString()).putObject("data");
        List<String> records = List.of(
                "{\"id\":\"1\",\"type\":", refused.toString(), unknown.toString(), missing.toString(), good.toString());
        for (String value : records) {
            kafka.produceStrings()
                    .fromRecords(new ProducerRecord<>(topic, key, value))
                    .awaitCompletion(Duration.ofSeconds(10));
        }

        String goodId = good.get("id").asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> processed.test(goodId));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters(key).size() >= 3);
        List<ConsumerRecord<String, String>> letters = deadLetters(key);
        assertThat(letters).hasSize(3);
        assertThat(reason(letters.get(0))).contains("unreadable record");
        assertThat(letters.get(1).value()).isEqualTo(refused.toString());
        assertThat(reason(letters.get(1))).contains(refused.get("id").asText()).contains("database refused it");
        assertThat(letters.get(2).value()).isEqualTo(missing.toString());
        assertThat(letters).noneMatch(r -> r.value().equals(unknown.toString()));
        assertThat(processed.test(unknown.get("id").asText()))
                .as("an unknown type is skipped")
                .isFalse();
        // At least: other tests' poison on a shared topic may be dead-lettered by this service in the same window
        // (its consumer group reads the topic from where it stood); exactly three of ours are in the DLQ, above.
        assertThat(deadLettered(topic, "malformed") + deadLettered(topic, "refused"))
                .isGreaterThanOrEqualTo(malformedBefore + refusedBefore + 3);
        assertThat(deadLettered(topic, "refused")).isGreaterThanOrEqualTo(refusedBefore + 1);
    }

    private List<ConsumerRecord<String, String>> deadLetters(String key) {
        return deadLetters.getRecords().stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The service's dead-letter counter for {@code topic} and {@code reason}, from its Prometheus metrics. */
    public static double deadLettered(String topic, String reason) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("devshare_events_dead_lettered_total{")
                    && line.contains("topic=\"" + topic + "\"")
                    && line.contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Override
    public void close() {
        deadLetters.stop();
        kafka.close();
    }
}
