package io.devshare.project;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.databind.JsonNode;

import io.devshare.project.service.SessionExpiry;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Field data recorded in a project, the map of its devices, and remote sessions seen by both organizations. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
class FieldDataMapSessionTest {

    static TestOrg contractor;
    static TestOrg rental;
    static TestOrg outsider;
    static World world;

    @Inject
    Pool pool;

    @Inject
    SessionExpiry expiry;

    @BeforeAll
    static void orgs() {
        contractor = TestOrgs.create("surveyor", "Survey Contractor");
        rental = TestOrgs.create("rental", "Rental Agency");
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

    @Test
    void fieldDataIsLinkedToTheProjectOfItsTimeAndListedWhileReadable() {
        UUID project = Api.project(contractor, "Survey");
        UUID rented = world.device(rental, "Rover 21");
        UUID grant = world.grant(rental, contractor, rented, "operator", World.OPERATOR);
        UUID before = world.fieldData(rented, rental, "before.job");
        Api.assign(contractor, project, rented).statusCode(201);
        UUID during = world.fieldData(rented, rental, "during.job");
        assertThat(world.count(
                        "SELECT count(*) FROM field_data_file WHERE file_id = $1 AND project_id = $2", during, project))
                .isEqualTo(1);
        assertThat(world.count(
                        "SELECT count(*) FROM field_data_file WHERE file_id = $1 AND project_id IS NULL", before))
                .isEqualTo(1);

        given().auth()
                .oauth2(contractor.memberToken())
                .get("/projects/" + project + "/field-data")
                .then()
                .statusCode(200)
                .body("items.fileId", equalTo(List.of(during.toString())))
                .body("items[0].filename", equalTo("during.job"))
                .body("items[0].ownerOrg", equalTo(rental.alias()))
                .body("items[0].download", equalTo("/devices/" + rented + "/field-data/" + during));
        given().auth()
                .oauth2(contractor.memberToken())
                .queryParam("device", "x")
                .get("/projects/" + project + "/field-data")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("device"));

        // Reduced to viewer (read-field-data stays): still listed, though the device left the project.
        world.updateGrant(grant, rental, contractor, rented, "viewer", World.VIEWER);
        world.awaitCount("SELECT count(*) FROM assignment WHERE device_id = $1 AND unassigned_at IS NULL", 0, rented);
        UUID after = world.fieldData(rented, rental, "after.job");
        given().auth()
                .oauth2(contractor.memberToken())
                .get("/projects/" + project + "/field-data")
                .then()
                .statusCode(200)
                .body("items.fileId", equalTo(List.of(during.toString())))
                .body("items.fileId", not(hasItem(after.toString())));

        // Access ended: the files are no longer listed.
        world.revoke(grant, rental, contractor, rented, "EXPIRED");
        given().auth()
                .oauth2(contractor.memberToken())
                .get("/projects/" + project + "/field-data")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void theMapShowsTheProjectsDevicesWhosePositionTheOrganizationMaySee() {
        UUID project = Api.project(contractor, "Mapped");
        UUID own = world.device(contractor, "Rover 30");
        UUID rented = world.device(rental, "Excavator 31");
        UUID unplaced = world.device(contractor, "Rover 32");
        world.grant(rental, contractor, rented, "operator", World.OPERATOR);
        Api.assign(contractor, project, own).statusCode(201);
        Api.assign(contractor, project, rented).statusCode(201);
        Api.assign(contractor, project, unplaced).statusCode(201);
        world.position(own, contractor, 47.3769, 8.5417);
        world.position(rented, rental, 47.3801, 8.5501);

        given().auth()
                .oauth2(contractor.memberToken())
                .get("/projects/" + project + "/map")
                .then()
                .statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features", hasSize(2))
                .body("features.find { it.id == '" + own + "' }.geometry.type", equalTo("Point"))
                .body("features.find { it.id == '" + own + "' }.geometry.coordinates[0]", equalTo(8.5417f))
                .body("features.find { it.id == '" + own + "' }.geometry.coordinates[1]", equalTo(47.3769f))
                .body("features.find { it.id == '" + rented + "' }.properties.displayName", equalTo("Excavator 31"))
                .body("features.find { it.id == '" + rented + "' }.properties.ownerOrg", equalTo(rental.alias()))
                .body("truncated", equalTo(false));
        given().auth()
                .oauth2(contractor.memberToken())
                .queryParam("limit", 1)
                .get("/projects/" + project + "/map")
                .then()
                .statusCode(200)
                .body("features", hasSize(1))
                .body("truncated", equalTo(true));
        given().auth()
                .oauth2(contractor.memberToken())
                .queryParam("limit", 0)
                .get("/projects/" + project + "/map")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        // One last-position row per device.
        assertThat(world.count("SELECT count(*) FROM position_view WHERE device_id = $1", own))
                .isEqualTo(1);
    }

    @Test
    void sessionsAreOpenedJoinedClosedAndSeenByBothOrganizations() {
        UUID project = Api.project(contractor, "Remote help");
        UUID rented = world.device(rental, "Excavator 40");
        UUID viewerOnly = world.device(rental, "Excavator 41");
        UUID grant = world.grant(rental, contractor, rented, "operator", World.OPERATOR);
        Api.assign(contractor, project, rented).statusCode(201);

        String sessionId = Api.openSession(contractor, project, rented)
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("ownerOrg", equalTo(rental.alias()))
                .body("openedByName", equalTo(contractor.admin()))
                .body("expiresAt", notNullValue())
                .extract()
                .path("id");
        JsonNode opened = world.await(rented, "io.devshare.project.session.opened", sessionId);
        assertThat(opened.at("/data/org").asText()).isEqualTo(contractor.alias());
        Api.openSession(contractor, project, rented)
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/session-open"))
                .body("sessionId", equalTo(sessionId));

        world.joined(UUID.fromString(sessionId), rented, rental);
        world.awaitCount(
                "SELECT count(*) FROM remote_session WHERE id = $1::uuid AND joined_at IS NOT NULL", 1, sessionId);
        given().auth()
                .oauth2(contractor.memberToken())
                .get("/projects/" + project + "/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .body("status", equalTo("JOINED"));

        // The owner sees who opened which session on its device, and when.
        given().auth()
                .oauth2(rental.memberToken())
                .queryParam("device", rented)
                .get("/sessions")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(sessionId)))
                .body("items[0].org", equalTo(contractor.alias()))
                .body("items[0].openedByName", equalTo(contractor.admin()))
                .body("items[0].openedAt", notNullValue());
        given().auth()
                .oauth2(contractor.memberToken())
                .queryParam("device", rented)
                .get("/sessions")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(sessionId)));
        given().auth()
                .oauth2(outsider.memberToken())
                .queryParam("device", rented)
                .get("/sessions")
                .then()
                .statusCode(404);
        given().auth().oauth2(outsider.memberToken()).get("/sessions").then().statusCode(400);

        given().auth()
                .oauth2(contractor.adminToken())
                .post("/projects/" + project + "/sessions/" + sessionId + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closeReason", equalTo("CLOSED"));
        JsonNode closed = world.await(rented, "io.devshare.project.session.closed", sessionId);
        assertThat(closed.at("/data/reason").asText()).isEqualTo("CLOSED");
        given().auth()
                .oauth2(contractor.adminToken())
                .post("/projects/" + project + "/sessions/" + sessionId + "/close")
                .then()
                .statusCode(409);

        // A viewer grant has no remote-session; a device not on the project has no session.
        Api.openSession(contractor, project, viewerOnly).statusCode(404);
        world.grant(rental, contractor, viewerOnly, "viewer", World.VIEWER);
        Api.openSession(contractor, project, viewerOnly).statusCode(404);

        // Leaving the project closes an open session.
        String second = Api.openSession(contractor, project, rented)
                .statusCode(201)
                .extract()
                .path("id");
        world.revoke(grant, rental, contractor, rented, "LEFT");
        JsonNode unassigned = world.await(rented, "io.devshare.project.session.closed", second);
        assertThat(unassigned.at("/data/reason").asText()).isEqualTo("DEVICE_UNASSIGNED");
        Api.activity(contractor, project)
                .statusCode(200)
                .body("items.type", hasItem("SESSION_OPENED"))
                .body("items.type", hasItem("SESSION_JOINED"))
                .body("items.type", hasItem("SESSION_CLOSED"));
    }

    @Test
    void sessionsExpireAndOwnDevicesNeedNoGrant() {
        UUID project = Api.project(contractor, "Expiring");
        UUID own = world.device(contractor, "Rover 50");
        Api.assign(contractor, project, own).statusCode(201);
        String sessionId = Api.openSession(contractor, project, own)
                .statusCode(201)
                .extract()
                .path("id");
        // Its time is up (as if 15 minutes had passed): the job closes it, also right after a restart.
        pool.preparedQuery("UPDATE remote_session SET expires_at = now() - interval '1 second' WHERE id = $1::uuid")
                .execute(Tuple.of(sessionId))
                .await()
                .indefinitely();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            expireNow();
            return world.count(
                            "SELECT count(*) FROM remote_session WHERE id = $1::uuid AND close_reason = 'EXPIRED'",
                            sessionId)
                    == 1;
        });
        JsonNode expired = world.await(own, "io.devshare.project.session.closed", sessionId);
        assertThat(expired.at("/data/reason").asText()).isEqualTo("EXPIRED");
        given().auth()
                .oauth2(contractor.memberToken())
                .get("/projects/" + project + "/sessions")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(sessionId))
                .body("items[0].status", equalTo("CLOSED"))
                .body("items[0].closeReason", equalTo("EXPIRED"));
        given().auth()
                .oauth2(contractor.memberToken())
                .contentType("application/json")
                .body(java.util.Map.of("deviceId", own))
                .post("/projects/" + project + "/sessions")
                .then()
                .statusCode(403);
    }

    /** Runs the expiry job now (it also runs on its own schedule). */
    private void expireNow() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> expiry.expireAll());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
