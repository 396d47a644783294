package io.devshare.partner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.devshare.partner.PartnerApi.INVITATIONS;
import static io.devshare.partner.PartnerApi.act;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 6: invitations email whoever the inviter names, so an organization may send at most
 * {@code devshare.limits.invitations-per-hour} (20) of them per hour and name at most
 * {@code devshare.limits.notify-addresses-per-day} (100) addresses per day; beyond, 429 with Retry-After naming the
 * limit, and nothing is stored or published. Default limits.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class MailLimitsTest {

    @Inject
    Pool pool;

    @Test
    void inviteAndCancelRoundsStopAtTwentyInvitationsPerHour() {
        LimitWindows.awaitFresh(pool, Duration.ofHours(1), Duration.ofMinutes(3));
        TestOrg spammer = TestOrgs.create("spam-h", "Spammer Hourly");
        TestOrg target = TestOrgs.create("spam-ht", "Spam Target Hourly");
        for (int round = 0; round < 20; round++) {
            String id = invite(spammer, target, addresses(round * 2, 2), "buy now")
                    .statusCode(201)
                    .extract()
                    .path("id");
            act(spammer, id, "cancel").statusCode(200);
        }

        ExtractableResponse<Response> refused = invite(spammer, target, addresses(100, 2), "buy now")
                .statusCode(429)
                .contentType("application/problem+json")
                .extract();
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://devshare.io/problems/rate-limited");
        assertThat(refused.jsonPath().getString("limit")).isEqualTo("invitations-per-hour");
        assertThat(refused.jsonPath().getLong("max")).isEqualTo(20);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(refused.jsonPath().getLong("retryAfter")).isEqualTo(retryAfter);

        // The refused invitation left nothing behind: no row, no event (20 created + 20 cancelled).
        assertThat(count("SELECT count(*) FROM invitation WHERE inviter_org_id = $1", spammer.id()))
                .isEqualTo(20);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id IN"
                                + " (SELECT id::text FROM invitation WHERE inviter_org_id = $1)",
                        spammer.id()))
                .isEqualTo(40);
        // Cancelling is not limited, and the limit is the inviter's own: others still invite the same target.
        TestOrg other = TestOrgs.create("spam-ho", "Other Inviter");
        invite(other, target, List.of(), null).statusCode(201);
    }

    @Test
    void notifyAddressesStopAtOneHundredPerDay() {
        LimitWindows.awaitFresh(pool, Duration.ofDays(1), Duration.ofMinutes(3));
        TestOrg spammer = TestOrgs.create("spam-d", "Spammer Daily");
        TestOrg target = TestOrgs.create("spam-dt", "Spam Target Daily");
        for (int round = 0; round < 5; round++) {
            String id = invite(spammer, target, addresses(round * 20, 20), null)
                    .statusCode(201)
                    .extract()
                    .path("id");
            act(spammer, id, "cancel").statusCode(200);
        }

        ExtractableResponse<Response> refused = invite(spammer, target, addresses(500, 1), null)
                .statusCode(429)
                .contentType("application/problem+json")
                .extract();
        assertThat(refused.jsonPath().getString("limit")).isEqualTo("notify-addresses-per-day");
        assertThat(refused.jsonPath().getLong("max")).isEqualTo(100);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 86_400L);
        assertThat(count("SELECT count(*) FROM invitation WHERE inviter_org_id = $1", spammer.id()))
                .isEqualTo(5);

        // Without notify addresses the invitation goes to the invited organization's admins: only counted as one.
        invite(spammer, target, List.of(), null).statusCode(201);
    }

    private static List<String> addresses(int from, int n) {
        return IntStream.range(from, from + n)
                .mapToObj(i -> "victim" + i + "@spam-target.example")
                .toList();
    }

    private static ValidatableResponse invite(TestOrg from, TestOrg to, List<String> notify, String message) {
        Map<String, Object> body = message == null
                ? Map.of("partnerAlias", to.alias(), "notifyEmails", notify)
                : Map.of("partnerAlias", to.alias(), "notifyEmails", notify, "message", message);
        return given().auth()
                .oauth2(from.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(INVITATIONS)
                .then();
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
