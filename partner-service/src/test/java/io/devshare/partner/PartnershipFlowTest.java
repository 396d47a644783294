package io.devshare.partner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.databind.JsonNode;

import io.devshare.partner.service.InvitationExpiry;
import io.devshare.testsupport.PublishedEvents;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.devshare.partner.PartnerApi.INVITATIONS;
import static io.devshare.partner.PartnerApi.act;
import static io.devshare.partner.PartnerApi.connect;
import static io.devshare.partner.PartnerApi.end;
import static io.devshare.partner.PartnerApi.get;
import static io.devshare.partner.PartnerApi.invite;
import static io.devshare.partner.PartnerApi.invited;
import static io.devshare.partner.PartnerApi.partnered;
import static io.devshare.partner.PartnerApi.partners;
import static io.devshare.partner.PartnerApi.sharingCode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Invitations, partnerships and sharing codes end to end on the real servers; every org is fresh. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class PartnershipFlowTest {

    static PublishedEvents events;

    @Inject
    Pool pool;

    @Inject
    InvitationExpiry expiry;

    @BeforeAll
    static void listen() {
        events = new PublishedEvents("partner-service", "partner-events");
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
    }

    @Test
    void acceptingStartsAPartnershipBothSidesSee() {
        TestOrg a = TestOrgs.create("acc-a", "Acceptor A");
        TestOrg b = TestOrgs.create("acc-b", "Acceptor B");
        String id = invited(a, b);

        // Only an admin of the invited organization may accept.
        given().auth()
                .oauth2(b.memberToken())
                .post(INVITATIONS + "/" + id + "/accept")
                .then()
                .statusCode(403);
        act(a, id, "accept").statusCode(404).contentType("application/problem+json");

        String partnershipId = act(b, id, "accept")
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("partnershipId", notNullValue())
                .body("closedAt", notNullValue())
                .extract()
                .path("partnershipId");
        partners(a)
                .statusCode(200)
                .body("items.find { it.id == '" + partnershipId + "' }.partner.alias", equalTo(b.alias()))
                .body("items.find { it.id == '" + partnershipId + "' }.partner.name", equalTo(b.name()))
                .body("items.find { it.id == '" + partnershipId + "' }.via", equalTo("INVITATION"))
                .body("items.find { it.id == '" + partnershipId + "' }.since", notNullValue());
        partners(b)
                .statusCode(200)
                .body("items.find { it.id == '" + partnershipId + "' }.partner.alias", equalTo(a.alias()));

        JsonNode accepted = events.await(id, "io.devshare.partner.invitation.accepted");
        assertThat(accepted.at("/data/partnershipId").asText()).isEqualTo(partnershipId);
        assertThat(accepted.at("/data/status").asText()).isEqualTo("ACCEPTED");
        JsonNode started = events.await(partnershipId, "io.devshare.partner.partnership.started");
        assertThat(started.at("/data/via").asText()).isEqualTo("INVITATION");
        assertThat(started.at("/data/invitationId").asText()).isEqualTo(id);
        assertThat(List.of(
                        started.at("/data/orgs/0/id").asText(),
                        started.at("/data/orgs/1/id").asText()))
                .containsExactlyInAnyOrder(a.id(), b.id());

        // Decided means decided.
        act(b, id, "accept").statusCode(409).body("type", equalTo("https://devshare.io/problems/invitation-closed"));
        act(b, id, "decline").statusCode(409);
        act(a, id, "cancel").statusCode(409);
        // Partners cannot invite each other again, either way.
        invite(a, b).statusCode(409).body("type", equalTo("https://devshare.io/problems/already-partners"));
        invite(b, a).statusCode(409).body("type", equalTo("https://devshare.io/problems/already-partners"));
    }

    @Test
    void decliningTellsTheReasonAndAllowsANewInvitation() {
        TestOrg a = TestOrgs.create("dec-a", "Decliner A");
        TestOrg b = TestOrgs.create("dec-b", "Decliner B");
        String id = invited(a, b);
        given().auth()
                .oauth2(b.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Fleet <fully> booked"))
                .post(INVITATIONS + "/" + id + "/decline")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("Fleet <fully> booked"));
        get(a, id).statusCode(200).body("declineReason", equalTo("Fleet <fully> booked"));
        JsonNode declined = events.await(id, "io.devshare.partner.invitation.declined");
        assertThat(declined.at("/data/reason").asText()).isEqualTo("Fleet <fully> booked");
        act(b, id, "accept").statusCode(409).body("invitationStatus", equalTo("DECLINED"));
        invited(a, b);
    }

    @Test
    void aDeclineReasonIsBounded() {
        TestOrg a = TestOrgs.create("decr-a", "Decline Reason A");
        TestOrg b = TestOrgs.create("decr-b", "Decline Reason B");
        String id = invited(a, b);
        given().auth()
                .oauth2(b.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x".repeat(501)))
                .post(INVITATIONS + "/" + id + "/decline")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        get(a, id).statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void onlyTheInviterCancels() {
        TestOrg a = TestOrgs.create("can-a", "Canceller A");
        TestOrg b = TestOrgs.create("can-b", "Canceller B");
        String id = invited(a, b);
        act(b, id, "cancel").statusCode(404);
        act(a, id, "cancel").statusCode(200).body("status", equalTo("CANCELLED"));
        events.await(id, "io.devshare.partner.invitation.cancelled");
        act(b, id, "accept").statusCode(409).body("invitationStatus", equalTo("CANCELLED"));
    }

    @Test
    void anExpiredInvitationCannotBeAcceptedAndExpiresWithItsEvent() throws Throwable {
        TestOrg a = TestOrgs.create("exp-a", "Expiring A");
        TestOrg b = TestOrgs.create("exp-b", "Expiring B");
        String id = invited(a, b);
        pool.preparedQuery("UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1::uuid")
                .execute(Tuple.of(id))
                .await()
                .indefinitely();

        act(b, id, "accept").statusCode(409).body("type", equalTo("https://devshare.io/problems/invitation-expired"));
        get(b, id).statusCode(200).body("status", equalTo("EXPIRED"));
        given().auth()
                .oauth2(b.memberToken())
                .queryParam("status", "expired")
                .get(INVITATIONS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));

        // The scheduled job may get there first; either way the invitation ends up expired, with its event.
        VertxContextSupport.subscribeAndAwait(() -> expiry.expireAll());
        JsonNode expired = events.await(id, "io.devshare.partner.invitation.expired");
        assertThat(expired.at("/data/status").asText()).isEqualTo("EXPIRED");
        assertThat(status(id)).isEqualTo("EXPIRED");
        // The pair is free again.
        invited(a, b);
    }

    @Test
    void whenThePartnerAlreadyInvitedYouTheConflictPointsToAcceptingIt() {
        TestOrg a = TestOrgs.create("cross-a", "Cross A");
        TestOrg b = TestOrgs.create("cross-b", "Cross B");
        String id = invited(a, b);
        invite(b, a)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://devshare.io/problems/invitation-pending-from-partner"))
                .body("invitationId", equalTo(id))
                .body("accept", equalTo("/partnerships/invitations/" + id + "/accept"));
        invite(a, b)
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/invitation-pending"))
                .body("invitationId", equalTo(id));
    }

    @Test
    void twoSimultaneousAcceptsMakeOnePartnership() throws Exception {
        TestOrg a = TestOrgs.create("race-a", "Racer A");
        TestOrg b = TestOrgs.create("race-b", "Racer B");
        String id = invited(a, b);
        String token = b.adminToken();
        List<Integer> statuses = concurrently(
                4,
                () -> given().auth()
                        .oauth2(token)
                        .post(INVITATIONS + "/" + id + "/accept")
                        .statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(count("SELECT count(*) FROM partnership WHERE invitation_id = $1::uuid", id))
                .isEqualTo(1);
    }

    @Test
    void simultaneousCrossInvitationsLeaveOnePendingInvitation() throws Exception {
        TestOrg a = TestOrgs.create("xrace-a", "Cross Racer A");
        TestOrg b = TestOrgs.create("xrace-b", "Cross Racer B");
        String tokenA = a.adminToken();
        String tokenB = b.adminToken();
        List<Integer> statuses = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> ab = CompletableFuture.supplyAsync(() -> await(go, () -> inviteStatus(tokenA, b)));
        CompletableFuture<Integer> ba = CompletableFuture.supplyAsync(() -> await(go, () -> inviteStatus(tokenB, a)));
        go.countDown();
        statuses.add(ab.get());
        statuses.add(ba.get());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(count(
                        "SELECT count(*) FROM invitation WHERE status = 'PENDING' AND inviter_org_id IN ($1, $2)"
                                + " AND invitee_org_id IN ($1, $2)",
                        a.id(),
                        b.id()))
                .isEqualTo(1);
    }

    @Test
    void listsAreFilteredAndPaginatedWithACursor() {
        TestOrg a = TestOrgs.create("list-a", "Lister A");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(invited(a, TestOrgs.create("list-to" + i, "Listed " + i)));
        }
        TestOrg declined = TestOrgs.create("list-no", "Listed No");
        String declinedId = invited(a, declined);
        act(declined, declinedId, "decline").statusCode(200);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth()
                    .oauth2(a.memberToken())
                    .queryParam("direction", "outgoing")
                    .queryParam("status", "PENDING")
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(INVITATIONS).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 5);
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactlyElementsOf(reversed(sent));

        given().auth()
                .oauth2(a.memberToken())
                .queryParam("direction", "outgoing")
                .queryParam("status", "declined")
                .get(INVITATIONS)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(declinedId)))
                .body("nextCursor", nullValue());
        // Incoming for the inviter: none of these.
        given().auth()
                .oauth2(a.memberToken())
                .get(INVITATIONS)
                .then()
                .statusCode(200)
                .body("items", empty());

        for (Map.Entry<String, Object> bad : List.of(
                Map.entry("direction", (Object) "sideways"),
                Map.entry("status", (Object) "maybe"),
                Map.entry("limit", (Object) 0),
                Map.entry("limit", (Object) 101),
                Map.entry("cursor", (Object) "not-a-cursor"))) {
            given().auth()
                    .oauth2(a.memberToken())
                    .queryParam(bad.getKey(), bad.getValue())
                    .get(INVITATIONS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.getKey()));
        }
    }

    @Test
    void eitherSideEndsAPartnership() {
        TestOrg a = TestOrgs.create("end-a", "Ender A");
        TestOrg b = TestOrgs.create("end-b", "Ender B");
        TestOrg c = TestOrgs.create("end-c", "Ender C");
        String partnershipId = partnered(a, b);

        end(c, partnershipId).statusCode(404);
        given().auth()
                .oauth2(b.memberToken())
                .delete("/partnerships/" + partnershipId)
                .then()
                .statusCode(403);
        end(b, partnershipId).statusCode(204);
        partners(a).statusCode(200).body("items.id", not(hasItem(partnershipId)));
        partners(b).statusCode(200).body("items.id", not(hasItem(partnershipId)));
        JsonNode ended = events.await(partnershipId, "io.devshare.partner.partnership.ended");
        assertThat(ended.at("/data/endedByOrg/id").asText()).isEqualTo(b.id());
        end(a, partnershipId).statusCode(404);
        // They may become partners again.
        partnered(a, b);
    }

    @Test
    void aSharingCodeConnectsAtOnceAndRegeneratingRevokesTheOldOne() {
        TestOrg owner = TestOrgs.create("code-own", "Code Owner");
        TestOrg partner = TestOrgs.create("code-par", "Code Partner");
        TestOrg other = TestOrgs.create("code-oth", "Code Other");

        given().auth()
                .oauth2(owner.memberToken())
                .get("/partnerships/sharing-code")
                .then()
                .statusCode(403);
        String first = sharingCode(owner);
        assertThat(first).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(sharingCode(owner)).isEqualTo(first);
        String second = given().auth()
                .oauth2(owner.adminToken())
                .post("/partnerships/sharing-code/regenerate")
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        assertThat(second).isNotEqualTo(first);

        connect(partner, first).statusCode(404).contentType("application/problem+json");
        connect(owner, second).statusCode(422);
        String partnershipId = connect(partner, second.toLowerCase().replace("-", " "))
                .statusCode(201)
                .body("partner.alias", equalTo(owner.alias()))
                .body("via", equalTo("SHARING_CODE"))
                .extract()
                .path("id");
        partners(owner).body("items.find { it.id == '" + partnershipId + "' }.partner.alias", equalTo(partner.alias()));
        JsonNode started = events.await(partnershipId, "io.devshare.partner.partnership.started");
        assertThat(started.at("/data/via").asText()).isEqualTo("SHARING_CODE");
        connect(partner, second).statusCode(409).body("type", equalTo("https://devshare.io/problems/already-partners"));

        // A third organization holding the code connects too; no event ever carries a code.
        connect(other, second).statusCode(201);
        assertThat(events.all()).doesNotContain(first.replace("-", "")).doesNotContain(second.replace("-", ""));
    }

    @Test
    void connectingByCodeClosesAPendingInvitationAsAccepted() {
        TestOrg a = TestOrgs.create("codeinv-a", "Code Invite A");
        TestOrg b = TestOrgs.create("codeinv-b", "Code Invite B");
        String id = invited(a, b);
        String partnershipId =
                connect(a, sharingCode(b)).statusCode(201).extract().path("id");
        get(b, id).statusCode(200).body("status", equalTo("ACCEPTED")).body("partnershipId", equalTo(partnershipId));
    }

    @Test
    void concurrentWrongCodesPassTheThrottleFiveTimesAtMost() throws Exception {
        LimitWindows.awaitFresh(pool, Duration.ofMinutes(15), Duration.ofMinutes(1));
        TestOrg guesser = TestOrgs.create("cguess", "Concurrent Guesser");
        String token = guesser.adminToken();

        List<Integer> statuses = Concurrently.run(
                40,
                () -> given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of("code", "AAAA-AAAA-AAAA"))
                        .post("/partnerships/connect")
                        .statusCode());

        assertThat(statuses).containsOnly(404, 429);
        assertThat(statuses.stream().filter(s -> s == 404)).hasSize(5);
    }

    @Test
    void wrongCodesAreThrottledWithRetryAfter() {
        LimitWindows.awaitFresh(pool, Duration.ofMinutes(15), Duration.ofMinutes(1));
        TestOrg guesser = TestOrgs.create("guess", "Guesser");
        TestOrg target = TestOrgs.create("guessed", "Guessed");
        String real = sharingCode(target);
        for (int i = 0; i < 5; i++) {
            connect(guesser, "AAAA-AAAA-AAA" + (i + 2)).statusCode(404);
        }
        String retryAfter = connect(guesser, "AAAA-AAAA-AAAA")
                .statusCode(429)
                .contentType("application/problem+json")
                .extract()
                .header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15L * 60 + 1);
        // Even the right code waits: throttling is per calling organization.
        connect(guesser, real).statusCode(429);
        assertThat(count(
                        "SELECT count(*) FROM partnership WHERE status = 'ACTIVE' AND (org_a_id = $1 OR org_b_id = $1)",
                        guesser.id()))
                .isZero();
    }

    @Test
    void aThirdOrganizationSeesAndChangesNothing() {
        TestOrg a = TestOrgs.create("iso-a", "Isolated A");
        TestOrg b = TestOrgs.create("iso-b", "Isolated B");
        TestOrg c = TestOrgs.create("iso-c", "Intruder C");
        String id = invited(a, b);
        String partnershipId = partnered(a, TestOrgs.create("iso-d", "Isolated D"));

        get(c, id).statusCode(404);
        for (String action : List.of("accept", "decline", "cancel")) {
            act(c, id, action).statusCode(404).contentType("application/problem+json");
        }
        end(c, partnershipId).statusCode(404);
        for (String direction : List.of("incoming", "outgoing")) {
            given().auth()
                    .oauth2(c.memberToken())
                    .queryParam("direction", direction)
                    .get(INVITATIONS)
                    .then()
                    .statusCode(200)
                    .body("items", empty());
        }
        partners(c).statusCode(200).body("items", hasSize(0));
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithExamples() {
        var doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths.keySet())
                .contains(
                        "/partnerships",
                        "/partnerships/{id}",
                        "/partnerships/connect",
                        "/partnerships/sharing-code",
                        "/partnerships/sharing-code/regenerate",
                        "/partnerships/invitations",
                        "/partnerships/invitations/{id}",
                        "/partnerships/invitations/{id}/accept",
                        "/partnerships/invitations/{id}/decline",
                        "/partnerships/invitations/{id}/cancel");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat(operation.get("summary"))
                    .as("%s %s summary", method, path)
                    .isNotNull();
            assertThat(operation.get("responses"))
                    .as("%s %s responses", method, path)
                    .isNotNull();
        }));
        String json = given().queryParam("format", "json").get("/q/openapi").asString();
        assertThat(json)
                .contains("\"examples\"")
                .contains("K7QM-2XHD-PW9R")
                .contains("invitation-pending-from-partner");
    }

    private static int inviteStatus(String token, TestOrg to) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerAlias", to.alias()))
                .post(INVITATIONS)
                .statusCode();
    }

    private static <T> List<T> concurrently(int n, Supplier<T> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(CompletableFuture.supplyAsync(() -> await(go, call)));
        }
        go.countDown();
        List<T> out = new ArrayList<>();
        for (CompletableFuture<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    private static <T> T await(CountDownLatch go, Supplier<T> call) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return call.get();
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private String status(String invitationId) {
        return pool.preparedQuery("SELECT status FROM invitation WHERE id = $1::uuid")
                .execute(Tuple.of(invitationId))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getString(0);
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql)
                .execute(Tuple.from(params))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
