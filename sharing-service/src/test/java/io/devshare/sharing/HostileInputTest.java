package io.devshare.sharing;

import java.util.UUID;

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
import static org.hamcrest.Matchers.containsString;

/**
 * Input a hostile user sends to sharing-service (issue 13): control characters, keys given twice, instants out of
 * range, contradictory changes. Each is a 400 problem naming the field; before, the first three were a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "sharing"))
class HostileInputTest {

    static TestOrg org;

    @BeforeAll
    static void setUp() {
        org = TestOrgs.create("hostile", "Hostile Sharing");
    }

    private static ValidatableResponse admin(String method, String path, String json) {
        return given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(json)
                .request(method, path)
                .then();
    }

    private static String share(String granteeOrg, String extra) {
        return "{\"granteeOrg\":" + granteeOrg + ",\"deviceIds\":[\"" + UUID.randomUUID() + "\"],\"role\":\"viewer\""
                + extra + "}";
    }

    @Test
    void aNulCharacterIsA400NamingTheField() {
        refused(admin("POST", "/grants", share("\"a\\u0000b\"", "")), "granteeOrg");
        refused(
                given().auth()
                        .oauth2(org.memberToken())
                        .queryParam("status", "a\u0000b")
                        .get("/grants")
                        .then(),
                "status");
    }

    @Test
    void anInstantOutOfRangeIsA400() {
        refused(admin("POST", "/grants", share("\"acme\"", ",\"endsAt\":\"+999999-01-01T00:00:00Z\"")), "endsAt");
        refused(admin("PATCH", "/grants/" + UUID.randomUUID(), "{\"endsAt\":\"+999999-01-01T00:00:00Z\"}"), "endsAt");
    }

    @Test
    void aKeyGivenTwiceIsA400() {
        refused(admin("POST", "/grants", share("\"acme\",\"granteeOrg\":\"rentco\"", "")), "granteeOrg");
    }

    @Test
    void aNewEndAndNoEndAtOnceIsA400() {
        refused(
                admin(
                        "PATCH",
                        "/grants/" + UUID.randomUUID(),
                        "{\"endsAt\":\"2030-01-01T00:00:00Z\",\"clearEndsAt\":true}"),
                "clearEndsAt");
        admin("PATCH", "/grants/" + UUID.randomUUID(), "{\"clearEndsAt\":\"yes\"}")
                .statusCode(400)
                .body("detail", containsString("clearEndsAt"));
    }
}
