package io.devshare.project;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

import com.fasterxml.jackson.databind.JsonNode;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Assigning own and shared-in devices, the booking rule (also across organizations and under concurrency), and
 * devices leaving projects because access ended or shrank, the device was deleted or the project closed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
class AssignmentTest {

    static final String ASSIGNED = "io.devshare.project.device.assigned";
    static final String UNASSIGNED = "io.devshare.project.device.unassigned";

    static TestOrg contractor;
    static TestOrg rental;
    static TestOrg outsider;
    static World world;

    @Inject
    Pool pool;

    @BeforeAll
    static void orgs() {
        contractor = TestOrgs.create("contractor", "Contractor");
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
    void anOwnDeviceIsAssignedAndUnassignedWithEventsAndActivity() {
        UUID project = Api.project(contractor, "Own rover");
        UUID rover = world.device(contractor, "Rover 7");
        Api.assign(contractor, project, rover)
                .statusCode(201)
                .body("deviceId", equalTo(rover.toString()))
                .body("displayName", equalTo("Rover 7"))
                .body("ownerOrg", equalTo(contractor.alias()))
                .body("grantId", nullValue());
        JsonNode assigned = world.await(rover, ASSIGNED, project.toString());
        assertThat(assigned.at("/data/org").asText()).isEqualTo(contractor.alias());
        assertThat(assigned.at("/data/projectName").asText()).isEqualTo("Own rover");
        assertThat(assigned.at("/data/grantId").isNull()).isTrue();
        Api.devices(contractor, project).statusCode(200).body("items.deviceId", equalTo(List.of(rover.toString())));

        // A member reads but does not change.
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(contractor.memberToken())
                .contentType("application/json")
                .body(java.util.Map.of("deviceId", rover))
                .post("/projects/" + project + "/devices")
                .then()
                .statusCode(403);

        Api.unassign(contractor, project, rover)
                .statusCode(200)
                .body("reason", equalTo("MANUAL"))
                .body("unassignedAt", org.hamcrest.Matchers.notNullValue());
        JsonNode unassigned = world.await(rover, UNASSIGNED, project.toString());
        assertThat(unassigned.at("/data/reason").asText()).isEqualTo("MANUAL");
        assertThat(unassigned.at("/data/actedBy").isNull()).isFalse();
        Api.devices(contractor, project).statusCode(200).body("items", hasSize(0));
        Api.unassign(contractor, project, rover).statusCode(404);
        Api.activity(contractor, project)
                .statusCode(200)
                .body("items.type", equalTo(List.of("DEVICE_UNASSIGNED", "DEVICE_ASSIGNED", "PROJECT_CREATED")))
                .body("items[0].reason", equalTo("MANUAL"))
                .body("items[0].deviceId", equalTo(rover.toString()));
    }

    @Test
    void aSharedDeviceNeedsOperatorAndNoGrantIsNotFound() {
        UUID project = Api.project(contractor, "Shared excavators");
        UUID operated = world.device(rental, "Excavator 12");
        UUID viewed = world.device(rental, "Excavator 13");
        UUID unshared = world.device(rental, "Excavator 14");
        UUID grant = world.grant(rental, contractor, operated, "operator", World.OPERATOR);
        world.grant(rental, contractor, viewed, "viewer", World.VIEWER);

        Api.assign(contractor, project, operated)
                .statusCode(201)
                .body("ownerOrg", equalTo(rental.alias()))
                .body("grantId", equalTo(grant.toString()));
        JsonNode assigned = world.await(operated, ASSIGNED, project.toString());
        assertThat(assigned.at("/data/grantId").asText()).isEqualTo(grant.toString());
        assertThat(assigned.at("/data/ownerOrg").asText()).isEqualTo(rental.alias());

        Api.assign(contractor, project, viewed)
                .statusCode(403)
                .body("type", equalTo("https://devshare.io/problems/missing-capability"))
                .body("capability", equalTo("assign-to-project"));
        Api.assign(contractor, project, unshared).statusCode(404);
        Api.assign(contractor, project, UUID.randomUUID()).statusCode(404);
        // The owner cannot put a device into another organization's project.
        Api.assign(rental, project, viewed).statusCode(404);
        assertThat(world.count("SELECT count(*) FROM assignment WHERE device_id IN ($1, $2)", viewed, unshared))
                .isZero();
    }

    @Test
    void aDeviceIsActiveOnOneProjectAtATimeAcrossOrganizations() {
        UUID first = Api.project(contractor, "First site");
        UUID second = Api.project(contractor, "Second site");
        UUID device = world.device(rental, "Dozer 3");
        world.grant(rental, contractor, device, "operator", World.OPERATOR);

        Api.assign(contractor, first, device).statusCode(201);
        Api.assign(contractor, second, device)
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/device-booked"))
                .body("activeOrg", equalTo(contractor.alias()))
                .body("activeProjectId", equalTo(first.toString()))
                .body("activeProjectName", equalTo("First site"));
        Api.assign(contractor, first, device).statusCode(409);

        // The owner wants it for its own project: booked by the contractor; where is named by organization only.
        UUID ownersProject = Api.project(rental, "Yard work");
        Api.assign(rental, ownersProject, device)
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/device-booked"))
                .body("activeOrg", equalTo(contractor.alias()))
                .body("activeProjectId", nullValue());

        Api.unassign(contractor, first, device).statusCode(200);
        Api.assign(rental, ownersProject, device).statusCode(201).body("grantId", nullValue());
    }

    @Test
    void simultaneousAssignmentsBookTheDeviceOnce() throws Exception {
        UUID device = world.device(contractor, "Racing rover");
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            projects.add(Api.project(contractor, "Race " + i));
        }
        String token = contractor.adminToken();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (UUID p : projects) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(token)
                        .contentType("application/json")
                        .body(java.util.Map.of("deviceId", device))
                        .post("/projects/" + p + "/devices")
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var c : calls) {
            statuses.add(c.get());
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(world.count(
                        "SELECT count(*) FROM assignment WHERE device_id = $1 AND unassigned_at IS NULL", device))
                .isEqualTo(1);
    }

    @Test
    void assignmentsRacingUnderKeysAnswerWhereTheWinnerIs() throws Exception {
        UUID device = world.device(contractor, "Keyed racer");
        List<UUID> projects = List.of(Api.project(contractor, "Keyed race 1"), Api.project(contractor, "Keyed race 2"));
        String token = contractor.adminToken();
        // Each insert waits a moment, so both pass the check for an active assignment and the unique index decides;
        // the loser reads the winner apart from its aborted transaction, which its key's transaction encloses.
        String slow = "test_slow_assignment_" + UUID.randomUUID().toString().replace("-", "");
        sql("CREATE FUNCTION " + slow + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2);"
                + " RETURN NEW; END $$; CREATE TRIGGER " + slow + " BEFORE INSERT ON assignment FOR EACH ROW"
                + " WHEN (NEW.device_id = '" + device + "') EXECUTE FUNCTION " + slow + "()");
        List<io.restassured.response.Response> answers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Callable<io.restassured.response.Response>> calls = projects.stream()
                    .<Callable<io.restassured.response.Response>>map(p -> () -> io.restassured.RestAssured.given()
                            .auth()
                            .oauth2(token)
                            .contentType("application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(java.util.Map.of("deviceId", device))
                            .post("/projects/" + p + "/devices"))
                    .toList();
            for (Future<io.restassured.response.Response> f : threads.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            threads.shutdownNow();
            sql("DROP TRIGGER " + slow + " ON assignment; DROP FUNCTION " + slow + "()");
        }
        assertThat(answers.stream().map(r -> r.statusCode()).sorted()).containsExactly(201, 409);
        int winner = answers.get(0).statusCode() == 201 ? 0 : 1;
        io.restassured.response.Response lost = answers.get(1 - winner);
        assertThat(lost.jsonPath().getString("type")).isEqualTo("https://devshare.io/problems/device-booked");
        assertThat(lost.jsonPath().getString("activeProjectId"))
                .isEqualTo(projects.get(winner).toString());
        assertThat(world.count(
                        "SELECT count(*) FROM assignment WHERE device_id = $1 AND unassigned_at IS NULL", device))
                .isEqualTo(1);
    }

    private void sql(String script) {
        pool.query(script).execute().await().indefinitely();
    }

    @Test
    void revokedExpiredAndLeftGrantsTakeTheDeviceOffAtOnce() {
        for (String reason : List.of("MANUAL", "EXPIRED", "LEFT")) {
            UUID project = Api.project(contractor, "Rental " + reason);
            UUID device = world.device(rental, "Loader " + reason);
            UUID grant = world.grant(rental, contractor, device, "operator", World.OPERATOR);
            Api.assign(contractor, project, device).statusCode(201);

            world.revoke(grant, rental, contractor, device, reason);
            JsonNode event = world.await(device, UNASSIGNED, project.toString());
            assertThat(event.at("/data/reason").asText()).isEqualTo("ACCESS_ENDED");
            assertThat(event.at("/data/accessReason").asText()).isEqualTo(reason);
            assertThat(event.at("/data/actedBy").isNull()).isTrue();
            assertThat(event.at("/data/ownerOrg").asText()).isEqualTo(rental.alias());
            Api.devices(contractor, project).statusCode(200).body("items", hasSize(0));
            Api.activity(contractor, project)
                    .statusCode(200)
                    .body("items[0].type", equalTo("DEVICE_UNASSIGNED"))
                    .body("items[0].reason", equalTo("ACCESS_ENDED"))
                    .body("items[0].detail", equalTo("access " + reason));
            Api.assign(contractor, project, device).statusCode(404);
        }
    }

    @Test
    void aGrantReducedToViewerTakesTheDeviceOffButAnotherGrantKeepsIt() {
        UUID project = Api.project(contractor, "Reduced");
        UUID device = world.device(rental, "Grader 1");
        UUID grant = world.grant(rental, contractor, device, "operator", World.OPERATOR);
        Api.assign(contractor, project, device).statusCode(201);
        world.updateGrant(grant, rental, contractor, device, "viewer", World.VIEWER);
        JsonNode event = world.await(device, UNASSIGNED, project.toString());
        assertThat(event.at("/data/reason").asText()).isEqualTo("ACCESS_REDUCED");
        assertThat(event.at("/data/accessReason").isNull()).isTrue();

        // With a second effective grant (a group's, say), ending the first keeps the device on the project.
        UUID kept = world.device(rental, "Grader 2");
        UUID direct = world.grant(rental, contractor, kept, "operator", World.OPERATOR);
        UUID viaGroup = world.grant(rental, contractor, kept, "manager", World.OPERATOR);
        Api.assign(contractor, project, kept).statusCode(201);
        world.revoke(direct, rental, contractor, kept, "MANUAL");
        world.awaitCount(
                "SELECT count(*) FROM assignment WHERE device_id = $1 AND unassigned_at IS NULL AND grant_id = $2",
                1,
                kept,
                viaGroup);
        assertThat(world.countEvents(kept, UNASSIGNED)).isZero();
    }

    @Test
    void aDeletedDeviceAndAClosedProjectUnassign() {
        UUID project = Api.project(contractor, "Closing");
        UUID own = world.device(contractor, "Own dumper");
        UUID doomed = world.device(contractor, "Doomed dumper");
        UUID other = Api.project(contractor, "Deleting");
        Api.assign(contractor, project, own).statusCode(201);
        Api.assign(contractor, other, doomed).statusCode(201);

        world.deleteDevice(doomed, contractor);
        JsonNode deleted = world.await(doomed, UNASSIGNED, other.toString());
        assertThat(deleted.at("/data/reason").asText()).isEqualTo("DEVICE_DELETED");
        Api.devices(contractor, other).statusCode(200).body("items", hasSize(0));

        io.restassured.RestAssured.given()
                .auth()
                .oauth2(contractor.adminToken())
                .post("/projects/" + project + "/close")
                .then()
                .statusCode(200);
        JsonNode closed = world.await(own, UNASSIGNED, project.toString());
        assertThat(closed.at("/data/reason").asText()).isEqualTo("PROJECT_CLOSED");
        Api.assign(contractor, project, own)
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/project-closed"));
        Api.activity(contractor, project)
                .statusCode(200)
                .body("items.type", hasItem("PROJECT_CLOSED"))
                .body("items.reason", hasItem("PROJECT_CLOSED"));
    }

    @Test
    void anIdempotencyKeyAssignsOnceAndBadInputIsAProblem() {
        UUID project = Api.project(contractor, "Idempotent");
        UUID device = world.device(contractor, "Once rover");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            io.restassured.RestAssured.given()
                    .auth()
                    .oauth2(contractor.adminToken())
                    .contentType("application/json")
                    .header("Idempotency-Key", key)
                    .body(java.util.Map.of("deviceId", device))
                    .post("/projects/" + project + "/devices")
                    .then()
                    .statusCode(201);
        }
        assertThat(world.count("SELECT count(*) FROM assignment WHERE device_id = $1", device))
                .isEqualTo(1);
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(contractor.adminToken())
                .contentType("application/json")
                .body("{\"deviceId\": \"not-a-uuid\"}")
                .post("/projects/" + project + "/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("deviceId"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(contractor.adminToken())
                .contentType("application/json")
                .body("{}")
                .post("/projects/" + project + "/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("deviceId"));
        // The device is not visible to a third organization's project listing.
        Api.devices(outsider, project).statusCode(404);
        Api.devices(contractor, project).statusCode(200).body("items.deviceId", not(hasItem("x")));
    }
}
