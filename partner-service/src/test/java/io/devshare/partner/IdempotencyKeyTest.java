package io.devshare.partner;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
