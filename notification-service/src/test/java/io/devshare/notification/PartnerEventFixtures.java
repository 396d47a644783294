package io.devshare.notification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

/**
 * partner-service's sample events rewritten for a test's own organizations, put on {@code partner-events}, and
 * what notification-service recorded for them, read back from its database.
 */
final class PartnerEventFixtures {

    static final String PREFIX = "io.devshare.partner.";

    private PartnerEventFixtures() {}

    /** The sample of {@code type} (e.g. {@code invitation.accepted}) with a fresh event id and Kafka key. */
    static ObjectNode sample(String type, String key) {
        ObjectNode event = EventSamples.load("partner-service", PREFIX + type);
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", key);
        return event;
    }

    /** An invitation event between two test organizations, keyed (like partner-service) by its invitation id. */
    static ObjectNode invitation(String type, TestOrg inviter, TestOrg invitee) {
        String invitationId = UUID.randomUUID().toString();
        ObjectNode event = sample(type, invitationId);
        ObjectNode data = data(event);
        data.put("invitationId", invitationId);
        org(data, "inviter", inviter);
        org(data, "invitee", invitee);
        return event;
    }

    /** A partnership event between two test organizations, keyed by its partnership id. */
    static ObjectNode partnership(String type, TestOrg first, TestOrg second) {
        String partnershipId = UUID.randomUUID().toString();
        ObjectNode event = sample(type, partnershipId);
        ObjectNode data = data(event);
        data.put("partnershipId", partnershipId);
        ArrayNode orgs = data.putArray("orgs");
        orgs.add(ref(first));
        orgs.add(ref(second));
        return event;
    }

    static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    static void org(ObjectNode parent, String field, TestOrg org) {
        parent.set(field, ref(org));
    }

    static ObjectNode ref(TestOrg org) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", org.id());
        o.put("alias", org.alias());
        o.put("name", org.name());
        return o;
    }

    static void notifyEmails(ObjectNode event, List<String> addresses) {
        data(event)
                .putArray("notifyEmails")
                .addAll(addresses.stream().map(TextNode::valueOf).toList());
    }

    static String id(ObjectNode event) {
        return event.get("id").asText();
    }

    static void publish(KafkaCompanion kafka, ObjectNode event) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>("partner-events", event.get("subject").asText(), event.toString());
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }

    static String memberEmail(TestOrg org) {
        return org.member() + "@" + org.domain();
    }

    /** The deliveries recorded for an event: recipient → org_ids. */
    static Map<String, List<String>> deliveries(String eventId) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT recipient, org_ids FROM mail_delivery WHERE event_id = ? ORDER BY recipient")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array ids = rs.getArray("org_ids");
                    out.put(rs.getString("recipient"), List.of((String[]) ids.getArray()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Which of these events notification-service's inbox recorded as processed. */
    static List<String> processed(List<String> eventIds) {
        List<String> out = new ArrayList<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT event_id FROM processed_event"
                        + " WHERE consumer = 'notification-service' AND event_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + TestServers.get("DEVSHARE_PG_HOST") + ":"
                + TestServers.get("DEVSHARE_PG_PORT") + "/notification";
        return DriverManager.getConnection(url, "notification", "notification");
    }
}
