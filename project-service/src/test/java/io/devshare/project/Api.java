package io.devshare.project;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;

/** project-service's REST API as the tests call it, with real tokens of fresh organizations. */
final class Api {

    private Api() {}

    static ValidatableResponse createProject(TestOrg as, Map<String, Object> body) {
        return given().auth()
                .oauth2(as.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/projects")
                .then();
    }

    /** A new planned project of {@code as}; answers its id. */
    static UUID project(TestOrg as, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("site", Map.of("address", "Riverside Road 12, Zurich"));
        body.put("startDate", "2026-12-01");
        body.put("endDate", "2027-03-31");
        return UUID.fromString(createProject(as, body).statusCode(201).extract().path("id"));
    }

    static ValidatableResponse assign(TestOrg as, UUID projectId, UUID deviceId) {
        return given().auth()
                .oauth2(as.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", deviceId))
                .post("/projects/" + projectId + "/devices")
                .then();
    }

    static ValidatableResponse unassign(TestOrg as, UUID projectId, UUID deviceId) {
        return given().auth()
                .oauth2(as.adminToken())
                .delete("/projects/" + projectId + "/devices/" + deviceId)
                .then();
    }

    static ValidatableResponse devices(TestOrg as, UUID projectId) {
        return given().auth()
                .oauth2(as.memberToken())
                .get("/projects/" + projectId + "/devices")
                .then();
    }

    static ValidatableResponse activity(TestOrg as, UUID projectId) {
        return given().auth()
                .oauth2(as.memberToken())
                .queryParam("limit", 200)
                .get("/projects/" + projectId + "/activity")
                .then();
    }

    static ValidatableResponse publish(TestOrg as, UUID projectId, String filename, byte[] content) {
        return given().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth()
                .oauth2(as.adminToken())
                .contentType("application/vnd.devshare.surface")
                .header("X-Filename", filename)
                .body(content)
                .post("/projects/" + projectId + "/designs")
                .then();
    }

    static ValidatableResponse design(TestOrg as, UUID projectId, String designId) {
        return given().auth()
                .oauth2(as.memberToken())
                .get("/projects/" + projectId + "/designs/" + designId)
                .then();
    }

    static ValidatableResponse openSession(TestOrg as, UUID projectId, UUID deviceId) {
        return given().auth()
                .oauth2(as.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", deviceId))
                .post("/projects/" + projectId + "/sessions")
                .then();
    }
}
