package io.devshare.notification;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.Mailbox;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

import static io.devshare.notification.PartnerEventFixtures.data;
import static io.devshare.notification.PartnerEventFixtures.invitation;
import static io.devshare.notification.PartnerEventFixtures.notifyEmails;
import static io.devshare.notification.PartnerEventFixtures.publish;
import static io.devshare.notification.PartnerEventFixtures.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** GET /notifications: what was mailed about the caller's organization, and the invitations waiting for it. */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class InboxTest {

    static KafkaCompanion kafka;

    @BeforeAll
    static void setUp() {
        kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    }

    @AfterAll
    static void tearDown() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void bothOrganizationsSeeTheMailAndTheInviteeSeesThePendingInvitation() {
        TestOrg inviter = TestOrgs.create("inbox-a", "Inbox Inviter");
        TestOrg invitee = TestOrgs.create("inbox-b", "Inbox Invitee");
        TestOrg stranger = TestOrgs.create("inbox-c", "Inbox Stranger");
        ObjectNode created = invitation("invitation.created", inviter, invitee);
        notifyEmails(created, List.of());
        String invitationId = data(created).get("invitationId").asText();
        publish(kafka, created);
        Mailbox.await(invitee.adminEmail(), 1, Duration.ofSeconds(30));

        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().auth()
                        .oauth2(invitee.memberToken())
                        .get("/notifications")
                        .then()
                        .statusCode(200)
                        .body("items.find { it.recipient == '" + invitee.adminEmail() + "' }.status", equalTo("sent"))
                        .body(
                                "items.find { it.recipient == '" + invitee.adminEmail() + "' }.eventType",
                                equalTo("invitation.created"))
                        .body("pendingInvitations.invitationId", hasItem(invitationId))
                        .body(
                                "pendingInvitations.find { it.invitationId == '" + invitationId + "' }.inviterAlias",
                                equalTo(inviter.alias())));
        // The inviter sees that its invitation was mailed to the invitee, not to which of the invitee's addresses.
        given().auth()
                .oauth2(inviter.adminToken())
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].eventType", equalTo("invitation.created"))
                .body("items[0].recipient", nullValue())
                .body("items[0].recipientOrg", equalTo(invitee.alias()))
                .body("items[0].status", equalTo("sent"))
                .body("pendingInvitations.invitationId", not(hasItem(invitationId)));
        given().auth()
                .oauth2(stranger.memberToken())
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("pendingInvitations", hasSize(0));

        // Cancelled: no mail, and it leaves the invitee's pending list.
        ObjectNode cancelled = sample("invitation.cancelled", invitationId);
        PartnerEventFixtures.org(data(cancelled), "inviter", inviter);
        PartnerEventFixtures.org(data(cancelled), "invitee", invitee);
        data(cancelled).put("invitationId", invitationId);
        publish(kafka, cancelled);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().auth()
                        .oauth2(invitee.memberToken())
                        .get("/notifications")
                        .then()
                        .statusCode(200)
                        .body("pendingInvitations.invitationId", not(hasItem(invitationId))));
        // Cancelled: the inviter's inbox still names none of the invitee's addresses.
        String inviterView = given().auth()
                .oauth2(inviter.adminToken())
                .queryParam("limit", 100)
                .get("/notifications")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(inviterView)
                .doesNotContain(invitee.adminEmail())
                .doesNotContain("@" + invitee.domain());
    }

    @Test
    void eachOrganizationSeesOnlyItsOwnRecipientsAddresses() {
        TestOrg first = TestOrgs.create("inboxo-a", "Own Addresses A");
        TestOrg second = TestOrgs.create("inboxo-b", "Own Addresses B");
        // The second organization's mail about partnerships goes to a contact; the first's to its admins.
        String contact = "partners@" + second.domain();
        given().auth()
                .oauth2(second.adminToken())
                .contentType("application/json")
                .body(java.util.Map.of(
                        "contacts", List.of(java.util.Map.of("email", contact, "kinds", List.of("partnership.ended")))))
                .put("/notification-settings")
                .then()
                .statusCode(200);
        ObjectNode ended = PartnerEventFixtures.partnership("partnership.ended", first, second);
        PartnerEventFixtures.org(data(ended), "endedByOrg", first);
        publish(kafka, ended);
        Mailbox.await(contact, 1, Duration.ofSeconds(30));
        Mailbox.await(first.adminEmail(), 1, Duration.ofSeconds(30));

        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().auth()
                        .oauth2(first.memberToken())
                        .get("/notifications")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(2))
                        .body("items.recipient", containsInAnyOrder(first.adminEmail(), null))
                        .body("items.find { it.recipient == null }.recipientOrg", equalTo(second.alias()))
                        .body("items.find { it.recipient != null }.recipientOrg", equalTo(first.alias()))
                        .body("items.status", everyItem(equalTo("sent"))));
        given().auth()
                .oauth2(second.memberToken())
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.recipient", containsInAnyOrder(contact, null))
                .body("items.find { it.recipient == null }.recipientOrg", equalTo(first.alias()));
    }

    @Test
    void theInboxIsPaginatedWithACursor() {
        TestOrg inviter = TestOrgs.create("inboxp-a", "Paged Inviter");
        TestOrg invitee = TestOrgs.create("inboxp-b", "Paged Invitee");
        for (int i = 0; i < 3; i++) {
            ObjectNode created = invitation("invitation.created", inviter, invitee);
            notifyEmails(created, List.of("paged-" + i + "@" + invitee.domain()));
            publish(kafka, created);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(inviter.memberToken())
                        .queryParam("limit", 100)
                        .get("/notifications")
                        .then()
                        .body("items", hasSize(3)));
        String cursor = given().auth()
                .oauth2(inviter.memberToken())
                .queryParam("limit", 2)
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .path("nextCursor");
        given().auth()
                .oauth2(inviter.memberToken())
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", equalTo(null));
        given().auth()
                .oauth2(inviter.memberToken())
                .queryParam("limit", 0)
                .get("/notifications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().get("/notifications").then().statusCode(401);
    }
}
