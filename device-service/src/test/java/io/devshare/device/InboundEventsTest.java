package io.devshare.device;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.device.DeviceApi.Registered;
import io.devshare.testsupport.PublishedEvents;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * device-service's projections of other services' events, on the real broker: shared-in access from
 * sharing-events (the grantee sees the device, the owner sees with whom it is shared, revocation takes it away),
 * the active account and the pending work of a device from project-events, and what the device does with its work.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class InboundEventsTest {

    static Inputs inputs;
    static PublishedEvents published;
    static TestOrg owner;
    static TestOrg grantee;
    static TestOrg third;

    @BeforeEach
    void setUp() {
        if (inputs != null) {
            return;
        }
        inputs = new Inputs();
        published = new PublishedEvents("device-service", "device-events", "device-positions");
        owner = DeviceApi.orgWithPool("inown", 20);
        grantee = DeviceApi.orgWithPool("ingr", 5);
        third = DeviceApi.orgWithPool("inthird", 5);
    }

    @AfterAll
    static void tearDown() {
        if (inputs != null) {
            inputs.close();
            published.close();
            inputs = null;
        }
    }

    @Test
    void aGrantShowsTheDeviceToTheGranteeUntilItIsRevoked() {
        Registered device = DeviceApi.registered(owner);
        UUID grant = UUID.randomUUID();
        ObjectNode granted = inputs.access("granted", device.id(), grant, owner.alias(), grantee.alias(), "VIEWER");
        inputs.publish("sharing-events", granted);
        awaitStatus(grantee, device.id(), 200);
        DeviceApi.get(grantee, device.id())
                .body("sharedBy.alias", equalTo(owner.alias()))
                .body("role", equalTo("VIEWER"))
                .body("owner.alias", equalTo(owner.alias()))
                .body("sharedWith", empty());
        DeviceApi.get(owner, device.id())
                .body("sharedWith.alias", hasItem(grantee.alias()))
                .body("sharedWith.role", hasItem("VIEWER"))
                .body("sharedBy", nullValue());
        given().auth()
                .oauth2(grantee.memberToken())
                .queryParam("ownership", "shared")
                .get("/devices")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(device.id()));
        // The same event again changes nothing; a third organization sees nothing.
        inputs.publish("sharing-events", granted);
        DeviceApi.get(third, device.id()).statusCode(404);

        // The role changes to operator; an event naming it in lower case is still answered upper-case.
        inputs.publish(
                "sharing-events",
                inputs.access("updated", device.id(), grant, owner.alias(), grantee.alias(), "operator"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "OPERATOR"
                        .equals(DeviceApi.get(grantee, device.id()).extract().path("role")));

        // Revoked: gone for the grantee at once (404, no existence leak), the owner's badge is empty again.
        inputs.publish(
                "sharing-events",
                inputs.access("revoked", device.id(), grant, owner.alias(), grantee.alias(), "OPERATOR"));
        awaitStatus(grantee, device.id(), 404);
        DeviceApi.get(owner, device.id()).statusCode(200).body("sharedWith", empty());
    }

    @Test
    void anEventAboutAnUnknownDeviceOrAnUnreadableRecordDoesNotStopTheConsumer() {
        KafkaCompanion kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics("device-dlq");
        try {
            String unknown = UUID.randomUUID().toString();
            inputs.publish(
                    "sharing-events",
                    inputs.access("granted", unknown, UUID.randomUUID(), owner.alias(), grantee.alias(), "VIEWER"));
            String poisonKey = UUID.randomUUID().toString();
            inputs.publishRaw("sharing-events", poisonKey, "{not json");
            // Still consuming: a later grant arrives.
            Registered device = DeviceApi.registered(owner);
            inputs.publish(
                    "sharing-events",
                    inputs.access("granted", device.id(), UUID.randomUUID(), owner.alias(), grantee.alias(), "VIEWER"));
            awaitStatus(grantee, device.id(), 200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.getRecords().stream().anyMatch(r -> poisonKey.equals(r.key())));
        } finally {
            dlq.stop();
            kafka.close();
        }
    }

    @Test
    void anAssignmentIsTheDevicesActiveAccountUntilItIsUnassigned() {
        Registered device = DeviceApi.registered(owner);
        inputs.publish(
                "sharing-events",
                inputs.access("granted", device.id(), UUID.randomUUID(), owner.alias(), grantee.alias(), "OPERATOR"));
        awaitStatus(grantee, device.id(), 200);
        UUID project = UUID.randomUUID();
        inputs.publish("project-events", inputs.project("device.assigned", device.id(), project, grantee.alias()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> grantee.alias()
                        .equals(DeviceApi.get(owner, device.id()).extract().path("activeAccount.alias")));
        DeviceApi.get(grantee, device.id())
                .body("activeAccount.alias", equalTo(grantee.alias()))
                .body("activeAccount.since", notNullValue());
        // An unassignment from another project leaves it; from this one clears it.
        inputs.publish(
                "project-events", inputs.project("device.unassigned", device.id(), UUID.randomUUID(), grantee.alias()));
        inputs.publish("project-events", inputs.project("device.unassigned", device.id(), project, grantee.alias()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> DeviceApi.get(owner, device.id()).extract().path("activeAccount") == null);
    }

    @Test
    void aDeviceFetchesItsWorkReportsDesignsAndJoinsSessions() {
        Registered device = DeviceApi.registered(owner);
        Registered other = DeviceApi.registered(owner);
        UUID project = UUID.randomUUID();
        ObjectNode design = inputs.project("design.published", device.id(), project, grantee.alias());
        UUID transfer = UUID.randomUUID();
        ((ObjectNode) design.get("data")).put("transferId", transfer.toString());
        inputs.publish("project-events", design);
        ObjectNode session = inputs.project("session.opened", device.id(), project, grantee.alias());
        UUID sessionId = UUID.randomUUID();
        ((ObjectNode) session.get("data"))
                .put("sessionId", sessionId.toString())
                .put("expiresAt", OffsetDateTime.now().plusMinutes(15).toString());
        inputs.publish("project-events", session);
        ObjectNode expired = inputs.project("session.opened", device.id(), project, grantee.alias());
        UUID expiredId = UUID.randomUUID();
        ((ObjectNode) expired.get("data"))
                .put("sessionId", expiredId.toString())
                .put("expiresAt", OffsetDateTime.now().minusMinutes(1).toString());
        inputs.publish("project-events", expired);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> work(device).extract().jsonPath().getList("items").size() == 2);
        var items = work(device).extract().jsonPath();
        assertThat(items.getString("items[0].id")).isEqualTo(transfer.toString());
        assertThat(items.getString("items[0].kind")).isEqualTo("DESIGN");
        assertThat(items.getString("items[0].status")).isEqualTo("PENDING");
        assertThat(items.getString("items[0].filename")).isEqualTo("riverside-surface-v3.ttm");
        assertThat(items.getString("items[0].href")).isEqualTo("/device-api/designs/" + transfer);
        assertThat(items.getString("items[1].id")).isEqualTo(sessionId.toString());
        assertThat(items.getString("items[1].kind")).isEqualTo("SESSION");
        // Another device sees none of it and may not act on it.
        work(other).body("items", empty());
        basic(other).post("/device-api/sessions/" + sessionId + "/join").then().statusCode(404);
        basic(other)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "APPLIED"))
                .post("/device-api/designs/" + transfer + "/status")
                .then()
                .statusCode(404);
        basic(other).get("/device-api/designs/" + transfer).then().statusCode(404);
        // No project-service runs in these tests: fetching the content is a clean 503, the transfer stays pending.
        basic(device)
                .get("/device-api/designs/" + transfer)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://devshare.io/problems/designs-unavailable"));
        // An expired session cannot be joined; the open one can, once and again.
        basic(device).post("/device-api/sessions/" + expiredId + "/join").then().statusCode(404);
        basic(device).post("/device-api/sessions/" + sessionId + "/join").then().statusCode(204);
        basic(device).post("/device-api/sessions/" + sessionId + "/join").then().statusCode(204);
        JsonNode joined = published.await(device.id(), "io.devshare.device.session.joined");
        assertThat(joined.at("/data/sessionId").asText()).isEqualTo(sessionId.toString());
        assertThat(published.valuesFor(device.id()).stream()
                        .filter(v -> v.contains("session.joined"))
                        .count())
                .isEqualTo(1);
        work(device).body("items.find { it.kind == 'SESSION' }.status", equalTo("JOINED"));

        // A bad report is 400 naming the field; a good one publishes design.reported and ends the transfer.
        basic(device)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "LOST"))
                .post("/device-api/designs/" + transfer + "/status")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        basic(device)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "FAILED", "message", "unsupported surface format"))
                .post("/device-api/designs/" + transfer + "/status")
                .then()
                .statusCode(204);
        JsonNode reported = published.await(device.id(), "io.devshare.device.design.reported");
        assertThat(reported.at("/data/transferId").asText()).isEqualTo(transfer.toString());
        assertThat(reported.at("/data/status").asText()).isEqualTo("FAILED");
        assertThat(reported.at("/data/ownerOrg").asText()).isEqualTo(owner.alias());
        work(device).body("items.kind", not(hasItem("DESIGN")));

        // Closing the session takes it off the list.
        ObjectNode closed = inputs.project("session.closed", device.id(), project, grantee.alias());
        ((ObjectNode) closed.get("data")).put("sessionId", sessionId.toString());
        inputs.publish("project-events", closed);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> work(device).extract().jsonPath().getList("items").isEmpty());
    }

    @Test
    void aCancelledTransferLeavesTheWorkList() {
        Registered device = DeviceApi.registered(owner);
        UUID project = UUID.randomUUID();
        UUID transfer = UUID.randomUUID();
        ObjectNode design = inputs.project("design.published", device.id(), project, owner.alias());
        ((ObjectNode) design.get("data")).put("transferId", transfer.toString());
        inputs.publish("project-events", design);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> work(device).extract().jsonPath().getList("items").size() == 1);
        ObjectNode cancelled = inputs.project("transfer.cancelled", device.id(), project, owner.alias());
        ((ObjectNode) cancelled.get("data")).put("transferId", transfer.toString());
        inputs.publish("project-events", cancelled);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> work(device).extract().jsonPath().getList("items").isEmpty());
        basic(device).get("/device-api/designs/" + transfer).then().statusCode(404);
    }

    @Test
    void aNewerPositionIsPublishedOnTheCompactedTopicAnOlderOneIsNot() {
        Registered device = DeviceApi.registered(owner);
        OffsetDateTime now = OffsetDateTime.now();
        DeviceApi.position(device, Map.of("lat", 47.1, "lon", 8.5, "recordedAt", now.toString()))
                .statusCode(204);
        JsonNode event = published.await(device.id(), "io.devshare.device.position.reported");
        assertThat(event.at("/data/lat").asDouble()).isEqualTo(47.1);
        assertThat(event.at("/data/ownerOrg").asText()).isEqualTo(owner.alias());
        assertThat(OffsetDateTime.parse(event.at("/data/recordedAt").asText()).toInstant())
                .isEqualTo(now.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        // An older report is not the last position: nothing is published for it.
        DeviceApi.position(
                        device,
                        Map.of(
                                "lat",
                                10.0,
                                "lon",
                                10.0,
                                "recordedAt",
                                now.minusHours(1).toString()))
                .statusCode(204);
        DeviceApi.position(
                        device,
                        Map.of(
                                "lat",
                                47.2,
                                "lon",
                                8.6,
                                "recordedAt",
                                now.plusSeconds(1).toString()))
                .statusCode(204);
        published.await(device.id(), "io.devshare.device.position.reported", "47.2");
        assertThat(published.valuesFor(device.id()).stream()
                        .filter(v -> v.contains("position.reported"))
                        .toList())
                .hasSize(2)
                .noneMatch(v -> v.contains("\"lat\":10.0") || v.contains("\"lat\":10,"));
    }

    private static io.restassured.response.ValidatableResponse work(Registered device) {
        return basic(device).get("/device-api/work").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification basic(Registered device) {
        return given().auth().preemptive().basic(device.id(), device.secret());
    }

    private static void awaitStatus(TestOrg org, String deviceId, int status) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> DeviceApi.get(org, deviceId).extract().statusCode() == status);
    }
}
