package io.devshare.partner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.devshare.testsupport.ProblemResponses.refused;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;

/**
 * Input a hostile user sends to partner-service (issue 13): control characters and keys given twice are a 400
 * problem naming the field (before: a 500), and no invitation is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class HostileInputTest {

    static TestOrg inviter;
    static TestOrg invitee;

    @BeforeAll
    static void setUp() {
        inviter = TestOrgs.create("hostile", "Hostile Inviter");
        invitee = TestOrgs.create("target", "Hostile Target");
    }

    private static ValidatableResponse post(String path, String json) {
        return given().auth()
                .oauth2(inviter.adminToken())
                .contentType(ContentType.JSON)
                .body(json)
                .post(path)
                .then();
    }

    @Test
    void controlCharactersAreA400AndNothingIsStored() {
        refused(
                post(
                        PartnerApi.INVITATIONS,
                        "{\"partnerAlias\":\"" + invitee.alias() + "\",\"message\":\"hello\\u0000there\"}"),
                "message");
        refused(post(PartnerApi.INVITATIONS, "{\"partnerAlias\":\"a\\u0000b\"}"), "partnerAlias");
        refused(
                post(
                        PartnerApi.INVITATIONS,
                        "{\"partnerAlias\":\"" + invitee.alias() + "\",\"notifyEmails\":[\"a\\u001b@x.example\"]}"),
                "notifyEmails[0]");
        refused(post("/partnerships/connect", "{\"code\":\"ABC\\u0000\"}"), "code");
        refused(
                given().auth()
                        .oauth2(inviter.memberToken())
                        .queryParam("direction", "out\u0000going")
                        .get(PartnerApi.INVITATIONS)
                        .then(),
                "direction");
        given().auth()
                .oauth2(inviter.memberToken())
                .queryParam("direction", "outgoing")
                .get(PartnerApi.INVITATIONS)
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void aKeyGivenTwiceIsA400() {
        refused(post("/partnerships/connect", "{\"code\":\"a\",\"code\":\"b\"}"), "code");
        refused(
                post(
                        PartnerApi.INVITATIONS,
                        "{\"partnerAlias\":\"" + invitee.alias() + "\",\"partnerAlias\":\"other\"}"),
                "partnerAlias");
    }
}
