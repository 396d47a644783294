package io.devshare.project;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
import static org.hamcrest.Matchers.equalTo;

/**
 * Input a hostile user sends to project-service (issue 13): control characters, keys given twice, dates out of
 * range. Each is a 400 problem naming the field (before: a 500) and no project is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
class HostileInputTest {

    static TestOrg org;
    static UUID project;

    /** Once per class, after the application started (RestAssured knows its port only then). */
    @BeforeEach
    void setUp() {
        if (org != null) {
            return;
        }
        org = TestOrgs.create("hostile", "Hostile Projects");
        project = Api.project(org, "Hostile site");
    }

    private static ValidatableResponse admin(String method, String path, String json) {
        return given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(json)
                .request(method, path)
                .then();
    }

    @Test
    void controlCharactersAreA400AndNothingIsStored() {
        TestOrg fresh = TestOrgs.create("hostile-empty", "Hostile Empty");
        for (String body : new String[] {
            "{\"name\":\"a\\u0000b\"}",
            "{\"name\":\"ok\",\"site\":{\"address\":\"Road \\u0000 12\"}}",
            "{\"name\":\"ok\",\"site\":{\"polygon\":{\"type\":\"Polygon\\u0000\",\"coordinates\":[]}}}",
        }) {
            given().auth()
                    .oauth2(fresh.adminToken())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/projects")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        refused(admin("POST", "/projects", "{\"name\":\"a\\u0000b\"}"), "name");
        refused(
                admin("POST", "/projects", "{\"name\":\"ok\",\"site\":{\"address\":\"Road \\u0000 12\"}}"),
                "site.address");
        given().auth()
                .oauth2(fresh.memberToken())
                .get("/projects")
                .then()
                .statusCode(200)
                .body("items", empty());
        refused(admin("PATCH", "/projects/" + project, "{\"name\":\"\\u001b[31mred\"}"), "name");
    }

    @Test
    void aKeyGivenTwiceIsA400() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String twice = "{\"deviceId\":\"" + a + "\",\"deviceId\":\"" + b + "\"}";
        refused(admin("POST", "/projects/" + project + "/devices", twice), "deviceId");
        refused(admin("POST", "/projects/" + project + "/sessions", twice), "deviceId");
    }

    /** Found by the fuzz: a refused request under an Idempotency-Key kept the key "in progress" for a minute. */
    @Test
    void aRefusedRequestReleasesItsIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"name\":\"Dates\",\"startDate\":\"2027-01-15\",\"endDate\":\"2026-12-31\"}")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"name\":\"Dates\",\"startDate\":\"2026-12-31\",\"endDate\":\"2027-01-15\"}")
                .post("/projects")
                .then()
                .statusCode(201);
    }

    @Test
    void aDateOutOfRangeIsA400() {
        refused(admin("POST", "/projects", "{\"name\":\"ok\",\"startDate\":\"+999999-01-01\"}"), "startDate");
    }
}
