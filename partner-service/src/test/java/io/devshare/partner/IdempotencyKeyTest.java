package io.devshare.partner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.testsupport.LostAnswers;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Creating writes accept an Idempotency-Key: a retry gets the first answer and creates nothing new. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class IdempotencyKeyTest {

    @Inject
    Pool pool;

    @Test
    void aRetriedInvitationIsCreatedOnceAndAnsweredTheSame() {
        TestOrg a = TestOrgs.create("idem-a", "Idempotent A");
        TestOrg b = TestOrgs.create("idem-b", "Idempotent B");
        String key = UUID.randomUUID().toString();
        String first = invite(a, b, key, "hello").statusCode(201).extract().path("id");
        String again = invite(a, b, key, "hello")
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .path("id");
        assertThat(again).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM invitation WHERE inviter_org_id = $1", a.id()))
                .isEqualTo(1);

        invite(a, b, key, "a different message")
                .statusCode(422)
                .body("type", equalTo("https://devshare.io/problems/idempotency-key-reused"));
        // Without the key the retry is a new request: the pending invitation makes it a conflict.
        invite(a, b, null, "hello").statusCode(409);
    }

    @Test
    void aFailedRequestKeepsNothingSoTheKeyCanBeRetried() {
        TestOrg a = TestOrgs.create("idemf-a", "Idempotent Failing A");
        String key = UUID.randomUUID().toString();
        given().auth()
                .oauth2(a.adminToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerAlias", "no-such-org-idem"))
                .post(PartnerApi.INVITATIONS)
                .then()
                .statusCode(404);
        assertThat(count("SELECT count(*) FROM idempotency_record WHERE key = $1", key))
                .isZero();
    }

    @Test
    void anInvitationWhoseAnswerWasNotKeptDidNotHappenAndTheKeyCanBeRetried() {
        TestOrg a = TestOrgs.create("idemc-a", "Idempotent Crash A");
        TestOrg b = TestOrgs.create("idemc-b", "Idempotent Crash B");
        String prefix = "crash-" + UUID.randomUUID();
        String key = prefix + "-invite";
        // The service dies after the invitation, before the key's answer: nothing of it may have committed.
        try (LostAnswers lost = LostAnswers.forKeysStartingWith(prefix, this::sql)) {
            invite(a, b, key, "hello").statusCode(greaterThanOrEqualTo(500));
        }
        assertThat(count("SELECT count(*) FROM invitation WHERE inviter_org_id = $1", a.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE '%' || $1 || '%'", a.id()))
                .isZero();

        String id = invite(a, b, key, "hello")
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("id");
        invite(a, b, key, "hello")
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        assertThat(count("SELECT count(*) FROM invitation WHERE inviter_org_id = $1", a.id()))
                .isEqualTo(1);
    }

    @Test
    void wrongSharingCodesUnderKeysAreStillCountedAndThrottled() {
        LimitWindows.awaitFresh(pool, Duration.ofMinutes(15), Duration.ofMinutes(1));
        TestOrg guesser = TestOrgs.create("idemg", "Idempotent Guesser");
        TestOrg target = TestOrgs.create("idemg-t", "Idempotent Guessed");
        String real = PartnerApi.sharingCode(target);
        // Each wrong code answers 404, which rolls the request's transaction back: its count must stay anyway.
        for (int i = 0; i < 5; i++) {
            connect(guesser, "AAAA-AAAA-AAA" + (i + 2), UUID.randomUUID().toString())
                    .statusCode(404);
        }
        connect(guesser, "AAAA-AAAA-AAAA", UUID.randomUUID().toString())
                .statusCode(429)
                .header("Retry-After", notNullValue());
        connect(guesser, real, UUID.randomUUID().toString()).statusCode(429);
        connect(guesser, real, null).statusCode(429);
    }

    @Test
    void invitationsCrossingEachOtherAnswerTheSameConflictWithAndWithoutKeys() throws Exception {
        assertThat(crossInvitations("idemx", false)).containsExactly(201, 409);
        assertThat(crossInvitations("idemxk", true)).containsExactly(201, 409);
    }

    /**
     * A and B invite each other at once; each insert waits a moment, so both pass the check for a pending
     * invitation and the unique index decides: the loser is answered 409 invitation-pending (the check would have
     * answered invitation-pending-from-partner). Answers the two statuses, in order.
     */
    private List<Integer> crossInvitations(String prefix, boolean withKeys) throws Exception {
        TestOrg a = TestOrgs.create(prefix + "-a", "Crossing A");
        TestOrg b = TestOrgs.create(prefix + "-b", "Crossing B");
        String slow = "test_slow_invitation_" + UUID.randomUUID().toString().replace("-", "");
        sql("CREATE FUNCTION " + slow + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2);"
                + " RETURN NEW; END $$; CREATE TRIGGER " + slow + " BEFORE INSERT ON invitation FOR EACH ROW"
                + " WHEN (NEW.inviter_org_id IN ('" + a.id() + "', '" + b.id() + "')) EXECUTE FUNCTION " + slow
                + "()");
        List<String[]> sides =
                List.of(new String[] {a.adminToken(), b.alias()}, new String[] {b.adminToken(), a.alias()});
        AtomicInteger next = new AtomicInteger();
        List<Response> answers;
        try {
            answers = Concurrently.run(2, () -> {
                String[] side = sides.get(next.getAndIncrement());
                var request = given().auth().oauth2(side[0]).contentType(ContentType.JSON);
                if (withKeys) {
                    request.header("Idempotency-Key", UUID.randomUUID().toString());
                }
                return request.body(Map.of("partnerAlias", side[1], "message", "hello"))
                        .post(PartnerApi.INVITATIONS);
            });
        } finally {
            sql("DROP TRIGGER " + slow + " ON invitation; DROP FUNCTION " + slow + "()");
        }
        List<Integer> statuses =
                answers.stream().map(Response::statusCode).sorted().toList();
        answers.stream()
                .filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.jsonPath().getString("type"))
                        .as("decided by the unique index, mapped inside the invitation's transaction")
                        .isEqualTo("https://devshare.io/problems/invitation-pending"));
        return statuses;
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeader() {
        TestOrg a = TestOrgs.create("idemk-a", "Idempotent Key A");
        TestOrg b = TestOrgs.create("idemk-b", "Idempotent Key B");
        invite(a, b, "x".repeat(256), "hello").statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    private static io.restassured.response.ValidatableResponse invite(
            TestOrg from, TestOrg to, String key, String msg) {
        var request = given().auth().oauth2(from.adminToken()).contentType(ContentType.JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("partnerAlias", to.alias(), "message", msg))
                .post(PartnerApi.INVITATIONS)
                .then();
    }

    private static io.restassured.response.ValidatableResponse connect(TestOrg org, String code, String key) {
        var request = given().auth().oauth2(org.adminToken()).contentType(ContentType.JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("code", code)).post("/partnerships/connect").then();
    }

    private void sql(String script) {
        pool.query(script).execute().await().indefinitely();
    }

    private long count(String sql, Object param) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(param))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
