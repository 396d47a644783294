package io.devshare.partner;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;

/** partner-service's API as the tests call it, with real tokens of the given organization's users. */
final class PartnerApi {

    static final String INVITATIONS = "/partnerships/invitations";

    private PartnerApi() {}

    static ValidatableResponse invite(TestOrg from, TestOrg to) {
        return given().auth()
                .oauth2(from.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("partnerAlias", to.alias()))
                .post(INVITATIONS)
                .then();
    }

    static String invited(TestOrg from, TestOrg to) {
        return invite(from, to).statusCode(201).extract().path("id");
    }

    static ValidatableResponse act(TestOrg org, String invitationId, String action) {
        return given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body("{}")
                .post(INVITATIONS + "/" + invitationId + "/" + action)
                .then();
    }

    static ValidatableResponse get(TestOrg org, String invitationId) {
        return given().auth()
                .oauth2(org.memberToken())
                .get(INVITATIONS + "/" + invitationId)
                .then();
    }

    static ValidatableResponse partners(TestOrg org) {
        return given().auth().oauth2(org.memberToken()).get("/partnerships").then();
    }

    /** Makes two organizations partners through an accepted invitation; answers the partnership id. */
    static String partnered(TestOrg a, TestOrg b) {
        return act(b, invited(a, b), "accept").statusCode(200).extract().path("partnershipId");
    }

    static ValidatableResponse end(TestOrg org, String partnershipId) {
        return given().auth()
                .oauth2(org.adminToken())
                .delete("/partnerships/" + partnershipId)
                .then();
    }

    static String sharingCode(TestOrg org) {
        return given().auth()
                .oauth2(org.adminToken())
                .get("/partnerships/sharing-code")
                .then()
                .statusCode(200)
                .extract()
                .path("code");
    }

    static ValidatableResponse connect(TestOrg org, String code) {
        return given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/partnerships/connect")
                .then();
    }
}
