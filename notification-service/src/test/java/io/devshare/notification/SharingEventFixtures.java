package io.devshare.notification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

/**
 * sharing-, device- and project-service's sample events rewritten for a test's own organizations and devices, put
 * on their topics, and what notification-service recorded for them.
 */
final class SharingEventFixtures {

    private SharingEventFixtures() {}

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    static String id(ObjectNode event) {
        return event.get("id").asText();
    }

    /** sharing-service's share.granted sample: one grant per device, owner → grantee, fresh ids, time now. */
    static ObjectNode shareGranted(TestOrg owner, TestOrg grantee, List<UUID> devices, OffsetDateTime endsAt) {
        ObjectNode event = EventSamples.load("sharing-service", "io.devshare.sharing.share.granted");
        UUID actionId = UUID.randomUUID();
        fresh(event, actionId.toString());
        ObjectNode data = data(event);
        data.put("actionId", actionId.toString());
        data.put("ownerOrg", owner.alias());
        data.put("granteeOrg", grantee.alias());
        data.putNull("groupId");
        ArrayNode grants = data.putArray("grantIds");
        ArrayNode ids = data.putArray("deviceIds");
        ArrayNode named = data.putArray("devices");
        for (UUID d : devices) {
            grants.add(UUID.randomUUID().toString());
            ids.add(d.toString());
            named.addObject().put("deviceId", d.toString()).putNull("displayName");
        }
        data.put("startsAt", now().toString());
        if (endsAt == null) {
            data.putNull("endsAt");
        } else {
            data.put("endsAt", endsAt.toString());
        }
        data.put("occurredAt", now().toString());
        return event;
    }

    /** The share event names this device as sharing-service knew it. */
    static ObjectNode naming(ObjectNode shareEvent, UUID deviceId, String displayName) {
        for (var d : data(shareEvent).withArray("devices")) {
            if (d.get("deviceId").asText().equals(deviceId.toString())) {
                ((ObjectNode) d).put("displayName", displayName);
            }
        }
        return shareEvent;
    }

    /** sharing-service's share.revoked sample for one grant of a granted share, with this reason. */
    static ObjectNode shareRevoked(ObjectNode granted, int grantIndex, String reason) {
        ObjectNode event = EventSamples.load("sharing-service", "io.devshare.sharing.share.revoked");
        String grantId = data(granted).get("grantIds").get(grantIndex).asText();
        fresh(event, grantId);
        ObjectNode data = data(event);
        ObjectNode g = data(granted);
        for (String f : List.of("actionId", "ownerOrg", "granteeOrg", "role", "startsAt", "endsAt")) {
            data.set(f, g.get(f));
        }
        data.putNull("groupId");
        data.putArray("grantIds").add(grantId);
        data.putArray("deviceIds").add(g.get("deviceIds").get(grantIndex).asText());
        data.putArray("devices").add(g.get("devices").get(grantIndex).deepCopy());
        data.put("reason", reason);
        data.put("occurredAt", now().toString());
        return event;
    }

    /** sharing-service's access.updated sample: the grant's device with a new end. */
    static ObjectNode accessUpdated(ObjectNode granted, int grantIndex, OffsetDateTime endsAt) {
        ObjectNode event = EventSamples.load("sharing-service", "io.devshare.sharing.access.updated");
        String deviceId = data(granted).get("deviceIds").get(grantIndex).asText();
        fresh(event, deviceId);
        ObjectNode data = data(event);
        ObjectNode g = data(granted);
        for (String f : List.of("actionId", "ownerOrg", "granteeOrg", "role", "startsAt")) {
            data.set(f, g.get(f));
        }
        data.putNull("groupId");
        data.put("deviceId", deviceId);
        data.put("grantId", g.get("grantIds").get(grantIndex).asText());
        data.put("endsAt", endsAt.toString());
        data.put("occurredAt", now().plusSeconds(1).toString());
        return event;
    }

    /** device-service's device.registered sample for a device of {@code owner} with this display name. */
    static ObjectNode deviceRegistered(TestOrg owner, UUID deviceId, String displayName) {
        ObjectNode event = EventSamples.load("device-service", "io.devshare.device.device.registered");
        fresh(event, deviceId.toString());
        ObjectNode data = data(event);
        data.put("deviceId", deviceId.toString());
        data.put("ownerOrg", owner.alias());
        data.put("displayName", displayName);
        data.put("occurredAt", now().toString());
        return event;
    }

    /** project-service's transfer.failed sample: a design of {@code project}'s project for a device of owner's. */
    static ObjectNode transferFailed(TestOrg project, TestOrg owner, String deviceName, String message) {
        ObjectNode event = EventSamples.load("project-service", "io.devshare.project.transfer.failed");
        UUID deviceId = UUID.randomUUID();
        fresh(event, deviceId.toString());
        ObjectNode data = data(event);
        data.put("transferId", UUID.randomUUID().toString());
        data.put("projectId", UUID.randomUUID().toString());
        data.put("org", project.alias());
        data.put("ownerOrg", owner.alias());
        data.put("deviceId", deviceId.toString());
        data.put("deviceName", deviceName);
        data.put("message", message);
        return event;
    }

    private static void fresh(ObjectNode event, String key) {
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", key);
        event.put("time", now().toString());
    }

    static void publish(KafkaCompanion kafka, String topic, ObjectNode event) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic, event.get("subject").asText(), event.toString());
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }

    static void publishShare(KafkaCompanion kafka, ObjectNode event) {
        publish(kafka, "sharing-events", event);
    }

    /** A device's display name as notification-service projected it (null while not projected). */
    static String deviceName(UUID deviceId) {
        return single("SELECT display_name FROM device_name WHERE device_id = ?::uuid", deviceId.toString());
    }

    /** The reminder status of a grant (null while none is recorded). */
    static String reminderStatus(String grantId) {
        return single("SELECT status FROM share_reminder WHERE grant_id = ?::uuid", grantId);
    }

    static String deliveryStatus(String eventId, String recipient) {
        try (Connection c = connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT status FROM mail_delivery WHERE event_id = ? AND recipient = ?")) {
            s.setString(1, eventId);
            s.setString(2, recipient);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int attempts(String eventId, String recipient) {
        try (Connection c = connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT attempts FROM mail_delivery WHERE event_id = ? AND recipient = ?")) {
            s.setString(1, eventId);
            s.setString(2, recipient);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(String sql, String param) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + TestServers.get("DEVSHARE_PG_HOST") + ":"
                + TestServers.get("DEVSHARE_PG_PORT") + "/notification";
        return DriverManager.getConnection(url, "notification", "notification");
    }
}
