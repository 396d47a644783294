package io.devshare.project;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.PublishedEvents;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

/**
 * The world around project-service in its tests: device-service's and sharing-service's events put on the real
 * Kafka topics, shaped from their producers' samples (what a device does arrives as device-service's
 * design.fetched, design.reported and session.joined), and what project-service publishes, read back from
 * {@code project-events} and compared by shape with its own samples.
 */
final class World implements AutoCloseable {

    static final List<String> VIEWER = List.of("view", "view-position", "read-field-data");
    static final List<String> OPERATOR = List.of(
            "view", "view-position", "read-field-data", "assign-to-project", "publish-design", "remote-session");

    private final KafkaCompanion kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    private final PublishedEvents projectEvents = new PublishedEvents("project-service", "project-events");
    private final Pool pool;

    World(Pool pool) {
        this.pool = pool;
    }

    /** device-service's device.registered for a new device of {@code owner}; waits until project-service knows it. */
    UUID device(TestOrg owner, String name) {
        UUID id = UUID.randomUUID();
        ObjectNode event = deviceEvent("device.registered", id, owner);
        ((ObjectNode) event.get("data")).put("displayName", name).put("kind", "EXCAVATOR");
        publish("device-events", event);
        awaitCount("SELECT count(*) FROM device_view WHERE device_id = $1", 1, id);
        return id;
    }

    void deleteDevice(UUID id, TestOrg owner) {
        publish("device-events", deviceEvent("device.deleted", id, owner));
        awaitCount("SELECT count(*) FROM device_view WHERE device_id = $1 AND deleted", 1, id);
    }

    /** sharing-service's access.granted: {@code owner} shares {@code device} with {@code grantee}. */
    UUID grant(TestOrg owner, TestOrg grantee, UUID device, String role, List<String> capabilities) {
        return grant(UUID.randomUUID(), owner, grantee, device, role, capabilities);
    }

    /** As above for grant {@code grantId}; called again with another device, a grant of several (a group's). */
    UUID grant(UUID grantId, TestOrg owner, TestOrg grantee, UUID device, String role, List<String> capabilities) {
        publish("sharing-events", access("granted", grantId, owner, grantee, device, role, capabilities, null));
        awaitCount(
                "SELECT count(*) FROM access_view WHERE grant_id = $1 AND device_id = $2 AND NOT revoked",
                1,
                grantId,
                device);
        return grantId;
    }

    /** sharing-service's access.updated (a PATCH of the grant's role). */
    void updateGrant(UUID grantId, TestOrg owner, TestOrg grantee, UUID device, String role, List<String> caps) {
        ObjectNode event = access("updated", grantId, owner, grantee, device, role, caps, null);
        publish("sharing-events", event);
        awaitCount(
                "SELECT count(*) FROM access_view WHERE grant_id = $1 AND role = $2", 1, grantId, role.toUpperCase());
    }

    /** sharing-service's access.revoked with {@code reason} (MANUAL, EXPIRED, LEFT…). */
    void revoke(UUID grantId, TestOrg owner, TestOrg grantee, UUID device, String reason) {
        publish("sharing-events", access("revoked", grantId, owner, grantee, device, "operator", OPERATOR, reason));
        awaitCount("SELECT count(*) FROM access_view WHERE grant_id = $1 AND revoked", 1, grantId);
    }

    /** device-service's position.reported on device-positions. */
    void position(UUID device, TestOrg owner, double lat, double lon) {
        ObjectNode event = EventSamples.load("device-service", "io.devshare.device.position.reported");
        fresh(event, device);
        ((ObjectNode) event.get("data"))
                .put("deviceId", device.toString())
                .put("ownerOrg", owner.alias())
                .put("lat", lat)
                .put("lon", lon)
                .put("recordedAt", now());
        publish("device-positions", event);
        awaitCount("SELECT count(*) FROM position_view WHERE device_id = $1 AND lat = $2", 1, device, lat);
    }

    /** device-service's fielddata.uploaded for a new file of {@code device}; waits for the projection. */
    UUID fieldData(UUID device, TestOrg owner, String filename) {
        UUID fileId = UUID.randomUUID();
        ObjectNode event = deviceEvent("fielddata.uploaded", device, owner);
        ((ObjectNode) event.get("data"))
                .put("fileId", fileId.toString())
                .put("filename", filename)
                .put("occurredAt", now());
        publish("device-events", event);
        awaitCount("SELECT count(*) FROM field_data_file WHERE file_id = $1", 1, fileId);
        return fileId;
    }

    /** device-service's design.fetched: the device downloaded the transfer's content. */
    void fetched(UUID transferId, UUID device, TestOrg owner) {
        ObjectNode event = deviceEvent("design.fetched", device, owner);
        ((ObjectNode) event.get("data")).put("transferId", transferId.toString());
        publish("device-events", event);
    }

    /** device-service's design.reported: APPLIED or FAILED with a message. */
    void reported(UUID transferId, UUID device, TestOrg owner, String status, String message) {
        ObjectNode event = deviceEvent("design.reported", device, owner);
        ((ObjectNode) event.get("data"))
                .put("transferId", transferId.toString())
                .put("status", status)
                .put("message", message);
        publish("device-events", event);
    }

    /** device-service's session.joined: the device joined the session. */
    void joined(UUID sessionId, UUID device, TestOrg owner) {
        ObjectNode event = deviceEvent("session.joined", device, owner);
        ((ObjectNode) event.get("data")).put("sessionId", sessionId.toString());
        publish("device-events", event);
    }

    /** A record no consumer can read, on one of project-service's input topics. */
    void garbage(String topic, String key) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, key, "{not json"))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    /**
     * The project event of {@code type} keyed by {@code deviceId} and mentioning {@code mention}, checked to be a
     * structured CloudEvent of project-service with exactly its sample's shape.
     */
    JsonNode await(UUID deviceId, String type, String mention) {
        return projectEvents.await(deviceId.toString(), type, mention);
    }

    /** How many events of {@code type} keyed by {@code deviceId} project-service published so far. */
    long countEvents(UUID deviceId, String type) {
        return projectEvents.count(deviceId.toString(), type);
    }

    long count(String sql, Object... params) {
        return pool.preparedQuery(sql)
                .execute(Tuple.from(params))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    void awaitCount(String sql, long expected, Object... params) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(sql, params) == expected);
    }

    private static ObjectNode access(
            String what,
            UUID grantId,
            TestOrg owner,
            TestOrg grantee,
            UUID device,
            String role,
            List<String> capabilities,
            String reason) {
        ObjectNode event = EventSamples.load("sharing-service", "io.devshare.sharing.access." + what);
        fresh(event, device);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("deviceId", device.toString())
                .put("grantId", grantId.toString())
                .put("ownerOrg", owner.alias())
                .put("granteeOrg", grantee.alias())
                .put("role", role.toUpperCase())
                .putNull("groupId")
                .putNull("startsAt")
                .putNull("endsAt")
                .put("occurredAt", now());
        ArrayNode caps = data.putArray("capabilities");
        capabilities.forEach(caps::add);
        if (reason != null) {
            data.put("reason", reason);
        }
        return event;
    }

    /** device-service's sample event of {@code type}, with fresh ids and the test organization as owner. */
    private static ObjectNode deviceEvent(String type, UUID deviceId, TestOrg owner) {
        ObjectNode event = EventSamples.load("device-service", "io.devshare.device." + type);
        fresh(event, deviceId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("deviceId", deviceId.toString());
        data.put("ownerOrg", owner.alias());
        if (data.has("occurredAt")) {
            data.put("occurredAt", now());
        }
        return event;
    }

    private static void fresh(ObjectNode event, UUID subject) {
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", subject.toString());
        event.put("time", now());
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    private void publish(String topic, ObjectNode event) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, event.get("subject").asText(), event.toString()))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        projectEvents.close();
        kafka.close();
    }
}
