package io.devshare.partner;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.PublishedEvents;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The walking skeleton's first half, on the real servers: a real Keycloak token, PostgreSQL, the outbox relay
 * and Kafka. Every organization is created fresh in Keycloak for this test.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class InvitationResourceTest {

    private static final String INVITATIONS = "/partnerships/invitations";
    private static final ObjectMapper JSON = new ObjectMapper();

    static TestOrg inviter;
    static TestOrg invitee;
    static TestOrg outsider;
    static PublishedEvents partnerEvents;

    @Inject
    Pool pool;

    @BeforeAll
    static void setUp() {
        inviter = TestOrgs.create("inviter", "Inviter & Sons");
        invitee = TestOrgs.create("invitee", "Invitee Rentals");
        outsider = TestOrgs.create("outsider", "Outsider Works");
        partnerEvents = new PublishedEvents("partner-service", "partner-events");
    }

    @AfterAll
    static void tearDown() {
        if (partnerEvents != null) {
            partnerEvents.close();
        }
    }

    @Test
    void inviteStoresTheInvitationAndPublishesACloudEvent() throws Exception {
        String id = given().auth()
                .oauth2(inviter.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "partnerAlias", invitee.alias(),
                        "notifyEmails", List.of("ops@" + invitee.domain()),
                        "message", "Let us share machines."))
                .when()
                .post(INVITATIONS)
                .then()
                .statusCode(201)
                .header("Location", containsString(INVITATIONS + "/"))
                .body("status", equalTo("PENDING"))
                .body("inviter.alias", equalTo(inviter.alias()))
                .body("inviter.name", equalTo(inviter.name()))
                .body("invitee.alias", equalTo(invitee.alias()))
                .body("invitee.name", equalTo(invitee.name()))
                .body("notifyEmails", hasItem("ops@" + invitee.domain()))
                .extract()
                .path("id");

        // Both organizations can read it; a third one cannot even learn that it exists.
        given().auth()
                .oauth2(invitee.memberToken())
                .get(INVITATIONS + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().auth()
                .oauth2(outsider.adminToken())
                .get(INVITATIONS + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        // The relay publishes it after commit: structured CloudEvent, keyed by invitation id.
        ConsumerRecord<String, String> record =
                partnerEvents.awaitRecord(id, "io.devshare.partner.invitation.created", null);
        assertThat(record.headers().lastHeader("content-type").value())
                .asString()
                .startsWith("application/cloudevents+json");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("io.devshare.partner.invitation.created");
        assertThat(event.get("source").asText()).isEqualTo("urn:devshare:partner-service");
        assertThat(event.get("subject").asText()).isEqualTo(id);
        JsonNode data = event.get("data");
        assertThat(data.get("invitationId").asText()).isEqualTo(id);
        assertThat(data.at("/inviter/id").asText()).isEqualTo(inviter.id());
        assertThat(data.at("/inviter/name").asText()).isEqualTo(inviter.name());
        assertThat(data.at("/invitee/alias").asText()).isEqualTo(invitee.alias());
        assertThat(data.at("/notifyEmails/0").asText()).isEqualTo("ops@" + invitee.domain());
        assertThat(record.value()).doesNotContainIgnoringCase("sharingCode");
        // The sample consumers test against has exactly the shape of what is really published.
        assertThat(EventSamples.shape(event))
                .isEqualTo(EventSamples.shape(
                        EventSamples.load("partner-service", "io.devshare.partner.invitation.created")));

        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                        + "' AND published_at IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void aSecondPendingInvitationBetweenTheSameOrganizationsIsAConflict() {
        TestOrg a = TestOrgs.create("pair-a", "Pair A");
        TestOrg b = TestOrgs.create("pair-b", "Pair B");
        given().auth()
                .oauth2(a.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("partnerAlias", b.alias()))
                .post(INVITATIONS)
                .then()
                .statusCode(201);
        nothingWrittenBy(
                b,
                () -> given().auth()
                        .oauth2(b.adminToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("partnerAlias", a.alias()))
                        .post(INVITATIONS)
                        .then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("alias", equalTo(a.alias())));
    }

    @Test
    void withoutATokenNothingIsStoredOrPublished() {
        nothingWrittenBy(
                inviter,
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("partnerAlias", invitee.alias()))
                        .post(INVITATIONS)
                        .then()
                        .statusCode(401));
    }

    @Test
    void aForgedTokenIsRejected() {
        String token = inviter.adminToken();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        nothingWrittenBy(
                inviter,
                () -> given().auth()
                        .oauth2(forged)
                        .contentType(ContentType.JSON)
                        .body(Map.of("partnerAlias", invitee.alias()))
                        .post(INVITATIONS)
                        .then()
                        .statusCode(401));
    }

    @Test
    void anUnknownAliasIsA404NamingTheAlias() {
        nothingWrittenBy(
                inviter,
                () -> given().auth()
                        .oauth2(inviter.adminToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("partnerAlias", "no-such-org-xyz"))
                        .post(INVITATIONS)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("status", equalTo(404))
                        .body("type", startsWith("https://devshare.io/problems/"))
                        .body("alias", equalTo("no-such-org-xyz"))
                        .body("detail", containsString("no-such-org-xyz")));
    }

    @Test
    void malformedJsonIsA400Problem() {
        nothingWrittenBy(
                inviter,
                () -> given().auth()
                        .oauth2(inviter.adminToken())
                        .contentType(ContentType.JSON)
                        .body("{\"partnerAlias\": \"" + invitee.alias() + "\", ")
                        .post(INVITATIONS)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("status", equalTo(400))
                        .body("title", equalTo("Malformed request")));
    }

    @Test
    void aWronglyTypedFieldIsA400NamingIt() {
        nothingWrittenBy(
                inviter,
                () -> given().auth()
                        .oauth2(inviter.adminToken())
                        .contentType(ContentType.JSON)
                        .body("{\"partnerAlias\": \"" + invitee.alias() + "\", \"notifyEmails\": {\"a\": 1}}")
                        .post(INVITATIONS)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("notifyEmails")));
    }

    @Test
    void invalidFieldsAre400sNamingEachField() {
        nothingWrittenBy(
                inviter,
                () -> given().auth()
                        .oauth2(inviter.adminToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "partnerAlias", "",
                                "notifyEmails", List.of("ok@example.com", "not-an-address"),
                                "message", "x".repeat(2001)))
                        .post(INVITATIONS)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem("partnerAlias"))
                        .body("errors.field", hasItem("notifyEmails[1]"))
                        .body("errors.field", hasItem("message")));
    }

    @Test
    void tooManyNotifyAddressesAreRejected() {
        List<String> many = java.util.stream.IntStream.range(0, 21)
                .mapToObj(i -> "p" + i + "@example.com")
                .toList();
        nothingWrittenBy(
                inviter,
                () -> given().auth()
                        .oauth2(inviter.adminToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("partnerAlias", invitee.alias(), "notifyEmails", many))
                        .post(INVITATIONS)
                        .then()
                        .statusCode(400)
                        .body("errors.field", hasItem("notifyEmails")));
    }

    @Test
    void aMissingBodyIsA400() {
        nothingWrittenBy(
                inviter,
                () -> given().auth()
                        .oauth2(inviter.adminToken())
                        .contentType(ContentType.JSON)
                        .post(INVITATIONS)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json"));
    }

    @Test
    void aMemberMayNotInvite() {
        nothingWrittenBy(
                inviter,
                () -> given().auth()
                        .oauth2(inviter.memberToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("partnerAlias", invitee.alias()))
                        .post(INVITATIONS)
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json"));
    }

    @Test
    void anOrganizationCannotInviteItself() {
        nothingWrittenBy(
                inviter,
                () -> given().auth()
                        .oauth2(inviter.adminToken())
                        .contentType(ContentType.JSON)
                        .body(Map.of("partnerAlias", inviter.alias()))
                        .post(INVITATIONS)
                        .then()
                        .statusCode(422)
                        .contentType("application/problem+json"));
    }

    @Test
    void oddPathsAndParametersAreClientErrorProblems() {
        for (String path : List.of("/a%20b", "/%25", "/%E2%82%AC")) {
            given().auth()
                    .oauth2(inviter.memberToken())
                    .urlEncodingEnabled(false)
                    .get(INVITATIONS + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(inviter.memberToken())
                .queryParam("limit", "abc")
                .get(INVITATIONS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void anUnknownInvitationIdIsA404() {
        given().auth()
                .oauth2(inviter.adminToken())
                .get(INVITATIONS + "/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(inviter.adminToken())
                .get(INVITATIONS + "/not-a-uuid")
                .then()
                .statusCode(404);
    }

    /**
     * Runs a rejected request of {@code org} and checks that it stored no invitation involving that organization
     * and queued no event naming it (scoped, so other tests writing at the same time cannot disturb it).
     */
    private void nothingWrittenBy(TestOrg org, Runnable request) {
        String invitations = "SELECT count(*) FROM invitation WHERE inviter_org_id = '" + org.id()
                + "' OR invitee_org_id = '" + org.id() + "'";
        String events = "SELECT count(*) FROM outbox_event WHERE payload LIKE '%" + org.id() + "%'";
        long invitationsBefore = count(invitations);
        long eventsBefore = count(events);
        request.run();
        assertThat(count(invitations)).isEqualTo(invitationsBefore);
        assertThat(count(events)).isEqualTo(eventsBefore);
    }

    private long count(String sql) {
        return pool.query(sql)
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
    }
}
