package io.devshare.project;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The preview of a revoke or a give-back: what ending a grant would take from the grantee's projects, asked by the
 * owner or the grantee, and by no one else.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
class ImpactTest {

    static TestOrg contractor;
    static TestOrg rental;
    static TestOrg outsider;
    static World world;

    @Inject
    Pool pool;

    @BeforeAll
    static void orgs() {
        contractor = TestOrgs.create("builder", "Bridge Builder");
        rental = TestOrgs.create("lessor", "Machine Lessor");
        outsider = TestOrgs.create("nosy", "Nosy Neighbour");
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

    static ValidatableResponse impact(String token, Object grant) {
        return given().auth()
                .oauth2(token)
                .queryParam("grant", grant)
                .get("/projects/impact")
                .then();
    }

    @Test
    void theOwnerAndTheGranteeSeeWhatEndingTheGrantTakesAndNoOneElseDoes() {
        UUID project = Api.project(contractor, "North Bridge");
        UUID excavator = world.device(rental, "Excavator 40");
        UUID grant = world.grant(rental, contractor, excavator, "operator", World.OPERATOR);
        Api.assign(contractor, project, excavator).statusCode(201);
        String session = Api.openSession(contractor, project, excavator)
                .statusCode(201)
                .extract()
                .path("id");
        byte[] content = "surface".getBytes(StandardCharsets.UTF_8);
        Api.publish(contractor, project, "north.ttm", content).statusCode(201);
        Api.publish(contractor, project, "north-v2.ttm", content).statusCode(201);

        // The owner's admin and member (members read, as everywhere), and the grantee itself.
        for (String token : List.of(rental.adminToken(), rental.memberToken(), contractor.adminToken())) {
            impact(token, grant)
                    .statusCode(200)
                    .body("grantId", equalTo(grant.toString()))
                    .body("ownerOrg", equalTo(rental.alias()))
                    .body("granteeOrg", equalTo(contractor.alias()))
                    .body("projects", hasSize(1))
                    .body("projects[0].id", equalTo(project.toString()))
                    .body("projects[0].name", equalTo("North Bridge"))
                    .body("projects[0].status", equalTo("PLANNED"))
                    .body("projects[0].devices", equalTo(1))
                    .body("projects[0].openSessions", equalTo(1))
                    .body("projects[0].designs", equalTo(2))
                    .body("projects[0].transfers", equalTo(2))
                    .body("moreProjects", equalTo(0))
                    .body("devices[0].deviceId", equalTo(excavator.toString()))
                    .body("devices[0].displayName", equalTo("Excavator 40"))
                    .body("devices[0].projectId", equalTo(project.toString()))
                    .body("sessions", hasSize(1))
                    .body("sessions[0].id", equalTo(session))
                    .body("sessions[0].openedByName", equalTo(contractor.admin()))
                    .body("sessions[0].status", equalTo("OPEN"))
                    .body("designs.filename", equalTo(List.of("north-v2.ttm", "north.ttm")))
                    .body("moreDesigns", equalTo(0))
                    .body("transfers", equalTo(2))
                    .body("people", hasSize(1))
                    .body("people[0].name", equalTo(contractor.admin()))
                    .body("people[0].roles", equalTo(List.of("assigned-device", "opened-session", "published-design")))
                    .body("keptThroughAnotherGrant", equalTo(0));
        }

        // An organization that neither owns the device nor received the grant: the same 404 as an unknown grant.
        String unknown = impact(rental.adminToken(), UUID.randomUUID())
                .statusCode(404)
                .extract()
                .path("detail");
        for (String token : List.of(outsider.adminToken(), outsider.memberToken())) {
            impact(token, grant)
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo(unknown))
                    .body("projects", nullValue());
        }

        // Asking changed nothing.
        Api.devices(contractor, project).statusCode(200).body("items", hasSize(1));
        assertThat(world.count(
                        "SELECT count(*) FROM remote_session WHERE id = $1::uuid AND closed_at IS NULL", session))
                .isEqualTo(1);

        // Once revoked, there is nothing left to lose.
        world.revoke(grant, rental, contractor, excavator, "MANUAL");
        world.awaitCount(
                "SELECT count(*) FROM assignment WHERE device_id = $1 AND unassigned_at IS NULL", 0, excavator);
        impact(rental.adminToken(), grant)
                .statusCode(200)
                .body("projects", hasSize(0))
                .body("sessions", hasSize(0))
                .body("designs", hasSize(0))
                .body("transfers", equalTo(0))
                .body("people", hasSize(0));
    }

    @Test
    void aGrantWhoseOwnerTheDeviceViewContradictsIsNotTheClaimantsToAsk() {
        UUID project = Api.project(contractor, "Harbour");
        UUID excavator = world.device(rental, "Excavator 41");
        // sharing-events say the outsider owns it; device-events say the rental agency does.
        UUID grant = world.grant(outsider, contractor, excavator, "operator", World.OPERATOR);
        Api.assign(contractor, project, excavator).statusCode(201);

        impact(outsider.adminToken(), grant).statusCode(404);
        impact(rental.adminToken(), grant).statusCode(404);
        impact(contractor.adminToken(), grant).statusCode(200).body("projects.name", equalTo(List.of("Harbour")));
        Api.unassign(contractor, project, excavator).statusCode(200);
    }

    @Test
    void aGrantOfSeveralDevicesIsBoundedAndAnotherGrantKeepsWhatItAllows() {
        UUID alpha = Api.project(contractor, "Alpha");
        UUID beta = Api.project(contractor, "Beta");
        UUID first = world.device(rental, "Excavator 42");
        UUID second = world.device(rental, "Excavator 43");
        UUID grant = UUID.randomUUID();
        world.grant(grant, rental, contractor, first, "operator", World.OPERATOR);
        world.grant(grant, rental, contractor, second, "operator", World.OPERATOR);
        Api.assign(contractor, alpha, first).statusCode(201);
        Api.assign(contractor, beta, second).statusCode(201);

        given().auth()
                .oauth2(rental.adminToken())
                .queryParam("grant", grant)
                .queryParam("limit", 1)
                .get("/projects/impact")
                .then()
                .statusCode(200)
                .body("projects.name", equalTo(List.of("Alpha")))
                .body("moreProjects", equalTo(1))
                .body("devices", hasSize(1))
                .body("moreDevices", equalTo(1))
                .body("people", hasSize(1))
                .body("people[0].roles", equalTo(List.of("assigned-device")));

        // A second grant on the second device would keep it in Beta.
        world.grant(rental, contractor, second, "manager", World.OPERATOR);
        impact(rental.adminToken(), grant)
                .statusCode(200)
                .body("projects.name", equalTo(List.of("Alpha")))
                .body("devices.deviceId", equalTo(List.of(first.toString())))
                .body("keptThroughAnotherGrant", equalTo(1));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().auth()
                .oauth2(rental.adminToken())
                .get("/projects/impact")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("grant"));
        impact(rental.adminToken(), "not-a-uuid").statusCode(400).body("errors[0].field", equalTo("grant"));
        for (String limit : List.of("0", "101", "many")) {
            given().auth()
                    .oauth2(rental.adminToken())
                    .queryParam("grant", UUID.randomUUID())
                    .queryParam("limit", limit)
                    .get("/projects/impact")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
        given().get("/projects/impact?grant=" + UUID.randomUUID()).then().statusCode(401);
        // The projects' own paths are untouched: a non-UUID project id stays a 404.
        given().auth()
                .oauth2(rental.adminToken())
                .get("/projects/impacts")
                .then()
                .statusCode(404);
    }
}
