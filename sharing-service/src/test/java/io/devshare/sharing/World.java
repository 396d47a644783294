package io.devshare.sharing;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.sharing.authority.AccessReplica;
import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.PublishedEvents;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

/**
 * The world around sharing-service in its tests: partnership and device events put on the real Kafka topics (as
 * partner-service and device-service publish them), and what sharing-service publishes, read back.
 */
final class World implements AutoCloseable {

    private final KafkaCompanion kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    private final PublishedEvents sharingEvents = new PublishedEvents("sharing-service", "sharing-events");
    private final Pool pool;

    private final AccessReplica replica;

    World(Pool pool, AccessReplica replica) {
        this.pool = pool;
        this.replica = replica;
    }

    /** partner-service's partnership.started for the two organizations; waits until sharing-service knows it. */
    UUID partners(TestOrg a, TestOrg b) {
        UUID id = UUID.randomUUID();
        publish("partner-events", partnership("started", id, a, b));
        awaitRow("SELECT count(*) FROM partnership_view WHERE partnership_id = $1 AND active", id);
        return id;
    }

    void endPartnership(UUID id, TestOrg a, TestOrg b) {
        publish("partner-events", partnership("ended", id, a, b));
        awaitRow("SELECT count(*) FROM partnership_view WHERE partnership_id = $1 AND NOT active", id);
    }

    /**
     * device-service's device.registered for a new device of {@code owner}, named {@link #nameOf}; waits for the
     * projection.
     */
    UUID device(TestOrg owner) {
        UUID id = UUID.randomUUID();
        ObjectNode event = deviceEvent("device.registered", id, null, owner, null);
        ((ObjectNode) event.get("data")).put("displayName", nameOf(id));
        publish("device-events", event);
        awaitRow("SELECT count(*) FROM device_view WHERE device_id = $1", id);
        return id;
    }

    static String nameOf(UUID deviceId) {
        return "Machine " + deviceId.toString().substring(0, 8);
    }

    /** device-service's device.updated renaming the device; waits for the projection. */
    void renameDevice(UUID id, TestOrg owner, String name) {
        ObjectNode event = deviceEvent("device.updated", id, null, owner, null);
        ((ObjectNode) event.get("data")).put("displayName", name);
        publish("device-events", event);
        awaitRow("SELECT count(*) FROM device_view WHERE device_id = $1 AND display_name = $2", id, name);
    }

    void deleteDevice(UUID id, TestOrg owner) {
        publish("device-events", deviceEvent("device.deleted", id, null, owner, null));
        awaitRow("SELECT count(*) FROM device_view WHERE device_id = $1 AND deleted", id);
    }

    void addToGroup(UUID groupId, UUID deviceId, TestOrg owner) {
        publish("device-events", deviceEvent("group.membership.changed", deviceId, groupId, owner, "ADDED"));
        awaitRow("SELECT count(*) FROM group_member_view WHERE group_id = $1 AND device_id = $2", groupId, deviceId);
    }

    void removeFromGroup(UUID groupId, UUID deviceId, TestOrg owner) {
        publish("device-events", deviceEvent("group.membership.changed", deviceId, groupId, owner, "REMOVED"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "SELECT count(*) FROM group_member_view WHERE group_id = $1 AND device_id = $2",
                                groupId,
                                deviceId)
                        == 0);
        replica.fence().await().atMost(Duration.ofSeconds(10));
    }

    /** The sharing event of {@code type} keyed by {@code key} (and mentioning {@code mention}), shape-checked. */
    JsonNode await(String key, String type, String mention) {
        return sharingEvents.await(key, type, mention);
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

    /**
     * Waits until sharing-service committed the event's effect, then until every replica of the access authority
     * has applied it (its fence): from then on a check sees it, as it would once the consumer has finished.
     */
    private void awaitRow(String sql, Object... params) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(sql, params) > 0);
        replica.fence().await().atMost(Duration.ofSeconds(10));
    }

    private static ObjectNode partnership(String what, UUID id, TestOrg a, TestOrg b) {
        ObjectNode event = EventSamples.load("partner-service", "io.devshare.partner.partnership." + what);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", id.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("partnershipId", id.toString());
        org(data.withArray("orgs").get(0), a);
        org(data.withArray("orgs").get(1), b);
        if (data.has("endedByOrg")) {
            org(data.get("endedByOrg"), a);
        }
        return event;
    }

    private static void org(JsonNode node, TestOrg org) {
        ((ObjectNode) node).put("id", org.id()).put("alias", org.alias()).put("name", org.name());
    }

    /**
     * device-service's sample event of {@code type}, with fresh ids and the test organization as owner: the shape
     * sharing-service reads is the one device-service publishes.
     */
    private static ObjectNode deviceEvent(String type, UUID deviceId, UUID groupId, TestOrg owner, String change) {
        ObjectNode event = EventSamples.load("device-service", "io.devshare.device." + type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", (groupId != null ? groupId : deviceId).toString());
        event.put("time", java.time.OffsetDateTime.now().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        if (data.has("deviceId")) {
            data.put("deviceId", deviceId.toString());
        }
        if (groupId != null) {
            data.put("groupId", groupId.toString());
        }
        data.put("ownerOrg", owner.alias());
        if (change != null) {
            data.put("change", change);
        }
        return event;
    }

    /** device-service's group.created for a new group of {@code owner}. */
    UUID group(TestOrg owner) {
        UUID id = UUID.randomUUID();
        publish("device-events", deviceEvent("group.created", null, id, owner, null));
        awaitRow("SELECT count(*) FROM device_group_view WHERE group_id = $1", id);
        return id;
    }

    private void publish(String topic, ObjectNode event) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, event.get("subject").asText(), event.toString()))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        sharingEvents.close();
        kafka.close();
    }
}
