package io.devshare.device;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.TestServers;

/**
 * What other services publish to device-service in its tests: sharing-service's and project-service's sample events
 * with fresh ids, put on the real topics (so the shape device-service reads is the one its producers publish).
 */
final class Inputs implements AutoCloseable {

    private final KafkaCompanion kafka = new KafkaCompanion(TestServers.kafkaBootstrap());

    /** sharing-service's access event of {@code what} (granted, updated, revoked) for one device and grant. */
    ObjectNode access(String what, String deviceId, UUID grantId, String owner, String grantee, String role) {
        ObjectNode event = sample("sharing-service", "io.devshare.sharing.access." + what, deviceId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("deviceId", deviceId)
                .put("grantId", grantId.toString())
                .put("ownerOrg", owner)
                .put("granteeOrg", grantee)
                .put("role", role)
                .putNull("groupId")
                .putNull("startsAt")
                .putNull("endsAt");
        var caps = data.putArray("capabilities");
        capabilities(role).forEach(caps::add);
        return event;
    }

    static List<String> capabilities(String role) {
        return switch (role.toUpperCase(Locale.ROOT)) {
            case "VIEWER" -> List.of("view", "view-position", "read-field-data");
            case "OPERATOR" ->
                List.of(
                        "view",
                        "view-position",
                        "read-field-data",
                        "assign-to-project",
                        "publish-design",
                        "remote-session");
            default -> throw new IllegalArgumentException(role);
        };
    }

    /** project-service's event of {@code type} (after io.devshare.project.) about one device. */
    ObjectNode project(String type, String deviceId, UUID projectId, String org) {
        ObjectNode event = sample("project-service", "io.devshare.project." + type, deviceId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("deviceId", deviceId).put("projectId", projectId.toString()).put("org", org);
        return event;
    }

    void publish(String topic, ObjectNode event) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, event.get("subject").asText(), event.toString()))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    void publishRaw(String topic, String key, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, key, value))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    private static ObjectNode sample(String producer, String type, String deviceId) {
        ObjectNode event = EventSamples.load(producer, type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", deviceId);
        event.put("time", OffsetDateTime.now().toString());
        return event;
    }

    @Override
    public void close() {
        kafka.close();
    }
}
