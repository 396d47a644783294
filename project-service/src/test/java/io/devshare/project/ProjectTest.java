package io.devshare.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

import io.devshare.testsupport.LostAnswers;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Projects on the real servers: create, list, change, close; validation; roles; a third organization. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
class ProjectTest {

    static TestOrg org;
    static TestOrg outsider;
    static World world;

    @Inject
    Pool pool;

    @BeforeAll
    static void orgs() {
        org = TestOrgs.create("builder", "Builder Org");
        outsider = TestOrgs.create("stranger", "Stranger Org");
    }

    @BeforeEach
    void worldOnce() {
        if (world == null) {
            world = new World(pool);
        }
    }

    @AfterAll
    static void close() {
        if (world != null) {
            world.close();
            world = null;
        }
    }

    static final Map<String, Object> POLYGON = Map.of(
            "type",
            "Polygon",
            "coordinates",
            List.of(List.of(List.of(8.54, 47.37), List.of(8.55, 47.37), List.of(8.55, 47.38), List.of(8.54, 47.37))));

    @Test
    void createListUpdateAndCloseAProject() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Riverside earthworks");
        body.put("site", Map.of("address", "Riverside Road 12", "polygon", POLYGON));
        body.put("startDate", "2026-12-01");
        body.put("endDate", "2027-03-31");
        String id = Api.createProject(org, body)
                .statusCode(201)
                .header("Location", notNullValue())
                .body("name", equalTo("Riverside earthworks"))
                .body("org", equalTo(org.alias()))
                .body("status", equalTo("PLANNED"))
                .body("site.address", equalTo("Riverside Road 12"))
                .body("site.polygon.type", equalTo("Polygon"))
                .body("startDate", equalTo("2026-12-01"))
                .extract()
                .path("id");

        given().auth()
                .oauth2(org.memberToken())
                .get("/projects/" + id)
                .then()
                .statusCode(200)
                .body("site.polygon.coordinates[0]", hasSize(4));
        given().auth()
                .oauth2(org.memberToken())
                .queryParam("status", "planned")
                .get("/projects")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));

        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Riverside earthworks II", "status", "active", "endDate", "2027-04-30"))
                .patch("/projects/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Riverside earthworks II"))
                .body("status", equalTo("ACTIVE"))
                .body("endDate", equalTo("2027-04-30"))
                .body("site.address", equalTo("Riverside Road 12"));

        given().auth()
                .oauth2(org.adminToken())
                .post("/projects/" + id + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Too late"))
                .patch("/projects/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/project-closed"));
        given().auth()
                .oauth2(org.adminToken())
                .post("/projects/" + id + "/close")
                .then()
                .statusCode(409);

        Api.activity(org, UUID.fromString(id))
                .statusCode(200)
                .body("items.type", equalTo(List.of("PROJECT_CLOSED", "PROJECT_UPDATED", "PROJECT_CREATED")))
                .body("items[1].detail", equalTo("name, endDate, status"));
    }

    @Test
    void listsAreCursorPaginated() {
        TestOrg pager = TestOrgs.create("pager", "Pager Org");
        for (int i = 0; i < 3; i++) {
            Api.project(pager, "Project " + i);
        }
        var first = given().auth()
                .oauth2(pager.memberToken())
                .queryParam("limit", 2)
                .get("/projects")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].name", equalTo("Project 2"))
                .extract();
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotNull();
        given().auth()
                .oauth2(pager.memberToken())
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/projects")
                .then()
                .statusCode(200)
                .body("items.name", equalTo(List.of("Project 0")))
                .body("nextCursor", nullValue());
        for (String bad : List.of("0", "101", "x")) {
            given().auth()
                    .oauth2(pager.memberToken())
                    .queryParam("limit", bad)
                    .get("/projects")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
        given().auth()
                .oauth2(pager.memberToken())
                .queryParam("cursor", "garbage!")
                .get("/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void invalidRequestsAreProblemsNamingTheFieldAndWriteNothing() {
        long before = world.count("SELECT count(*) FROM project WHERE org = $1", org.alias());
        Api.createProject(org, Map.of("name", " "))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        Api.createProject(org, Map.of("name", "x".repeat(201))).statusCode(400).body("errors.field", hasItem("name"));
        Api.createProject(org, Map.of("name", "Dates", "startDate", "2027-01-02", "endDate", "2027-01-01"))
                .statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        Api.createProject(org, Map.of("name", "Bad date", "startDate", "tomorrow"))
                .statusCode(400)
                .body("errors[0].field", equalTo("startDate"));
        Api.createProject(org, Map.of("name", "Status", "status", "finished"))
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Api.createProject(org, Map.of("name", "Closed", "status", "closed"))
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Api.createProject(
                        org,
                        Map.of(
                                "name",
                                "Open ring",
                                "site",
                                Map.of(
                                        "polygon",
                                        Map.of(
                                                "type",
                                                "Polygon",
                                                "coordinates",
                                                List.of(List.of(
                                                        List.of(8.54, 47.37),
                                                        List.of(8.55, 47.37),
                                                        List.of(8.55, 47.38),
                                                        List.of(8.56, 47.39)))))))
                .statusCode(400)
                .body("errors[0].field", equalTo("site.polygon"));
        Api.createProject(
                        org,
                        Map.of(
                                "name",
                                "Off the globe",
                                "site",
                                Map.of(
                                        "polygon",
                                        Map.of(
                                                "type",
                                                "Polygon",
                                                "coordinates",
                                                List.of(List.of(
                                                        List.of(200, 47.37),
                                                        List.of(8.55, 47.37),
                                                        List.of(8.55, 47.38),
                                                        List.of(200, 47.37)))))))
                .statusCode(400)
                .body("errors[0].field", equalTo("site.polygon"));
        Api.createProject(org, Map.of("name", "Point", "site", Map.of("polygon", Map.of("type", "Point"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("site.polygon"));
        Api.createProject(org, Map.of("name", "Long address", "site", Map.of("address", "a".repeat(501))))
                .statusCode(400)
                .body("errors[0].field", equalTo("site.address"));
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": [1]}")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        given().auth()
                .oauth2(org.memberToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Member's"))
                .post("/projects")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Anonymous"))
                .post("/projects")
                .then()
                .statusCode(401);
        assertThat(world.count("SELECT count(*) FROM project WHERE org = $1", org.alias()))
                .isEqualTo(before);

        UUID id = Api.project(org, "Valid");
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", "2020-01-01"))
                .patch("/projects/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", ""))
                .patch("/projects/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("name"));
        given().auth()
                .oauth2(org.memberToken())
                .get("/projects/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anIdempotencyKeyCreatesOnce() {
        Map<String, Object> body = Map.of("name", "Once only");
        String key = UUID.randomUUID().toString();
        String id = given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/projects")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("name", "Another"))
                .post("/projects")
                .then()
                .statusCode(422);
        assertThat(world.count("SELECT count(*) FROM project WHERE org = $1 AND name = 'Once only'", org.alias()))
                .isEqualTo(1);
    }

    @Test
    void aProjectWhoseAnswerWasNotKeptWasNotCreatedAndTheKeyCanBeRetried() {
        Map<String, Object> body = Map.of("name", "Answer lost");
        String prefix = "crash-" + UUID.randomUUID();
        String key = prefix + "-project";
        // The service dies after creating the project, before the key's answer: nothing of it may have committed.
        try (LostAnswers lost = LostAnswers.forKeysStartingWith(
                prefix, sql -> pool.query(sql).execute().await().indefinitely())) {
            create(key, body).statusCode(greaterThanOrEqualTo(500));
        }
        assertThat(world.count("SELECT count(*) FROM project WHERE org = $1 AND name = 'Answer lost'", org.alias()))
                .isZero();

        String id = create(key, body)
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("id");
        create(key, body).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertThat(world.count("SELECT count(*) FROM project WHERE org = $1 AND name = 'Answer lost'", org.alias()))
                .isEqualTo(1);
        assertThat(world.count("SELECT count(*) FROM project_activity WHERE project_id = $1", UUID.fromString(id)))
                .isEqualTo(1);
    }

    private static io.restassured.response.ValidatableResponse create(String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/projects")
                .then();
    }

    @Test
    void aThirdOrganizationSeesAndChangesNothing() {
        UUID id = Api.project(org, "Private");
        UUID any = UUID.randomUUID();
        for (String path : List.of(
                "/projects/" + id,
                "/projects/" + id + "/activity",
                "/projects/" + id + "/devices",
                "/projects/" + id + "/designs",
                "/projects/" + id + "/designs/" + any,
                "/projects/" + id + "/field-data",
                "/projects/" + id + "/map",
                "/projects/" + id + "/sessions",
                "/projects/" + id + "/sessions/" + any)) {
            given().auth()
                    .oauth2(outsider.memberToken())
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(outsider.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Mine now"))
                .patch("/projects/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider.adminToken())
                .post("/projects/" + id + "/close")
                .then()
                .statusCode(404);
        Api.assign(outsider, id, any).statusCode(404);
        Api.unassign(outsider, id, any).statusCode(404);
        Api.publish(outsider, id, "x.ttm", new byte[] {1}).statusCode(404);
        Api.openSession(outsider, id, any).statusCode(404);
        given().auth()
                .oauth2(outsider.adminToken())
                .post("/projects/" + id + "/sessions/" + any + "/close")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider.memberToken())
                .get("/projects")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItems(id.toString())));
        given().auth().oauth2(org.memberToken()).get("/projects/" + id).then().statusCode(200);
    }
}
