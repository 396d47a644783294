package io.devshare.project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

import com.fasterxml.jackson.databind.JsonNode;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Design files published to a project's devices: one transfer per device, its status moved on by device-service's
 * events, the failure published, cancellation when the device leaves, and the internal content endpoint.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
class DesignTest {

    static final String PUBLISHED = "io.devshare.project.design.published";

    static TestOrg contractor;
    static TestOrg rental;
    static World world;

    @Inject
    Pool pool;

    @BeforeAll
    static void orgs() {
        contractor = TestOrgs.create("designer", "Design Contractor");
        rental = TestOrgs.create("rental", "Rental Agency");
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
    void publishingMakesOneTransferPerDeviceThatMovesOnWithTheDevicesReports() throws Exception {
        UUID project = Api.project(contractor, "Riverside surfaces");
        UUID own = world.device(contractor, "Rover 1");
        UUID rented = world.device(rental, "Excavator 12");
        world.grant(rental, contractor, rented, "operator", World.OPERATOR);
        Api.assign(contractor, project, own).statusCode(201);
        Api.assign(contractor, project, rented).statusCode(201);

        byte[] content = "surface model v3".getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        ExtractableResponse<Response> published = Api.publish(contractor, project, "riverside-v3.ttm", content)
                .statusCode(201)
                .body("filename", equalTo("riverside-v3.ttm"))
                .body("contentType", equalTo("application/vnd.devshare.surface"))
                .body("size", equalTo(content.length))
                .body("sha256", equalTo(sha))
                .body("transfers", hasSize(2))
                .body("transfers.status", equalTo(List.of("PENDING", "PENDING")))
                .extract();
        String designId = published.path("id");
        UUID ownTransfer = UUID.fromString(published.path("transfers.find { it.deviceId == '" + own + "' }.id"));
        UUID rentedTransfer = UUID.fromString(published.path("transfers.find { it.deviceId == '" + rented + "' }.id"));

        JsonNode event = world.await(rented, PUBLISHED, rentedTransfer.toString());
        assertThat(event.at("/data/designId").asText()).isEqualTo(designId);
        assertThat(event.at("/data/ownerOrg").asText()).isEqualTo(rental.alias());
        assertThat(event.at("/data/sha256").asText()).isEqualTo(sha);
        world.await(own, PUBLISHED, ownTransfer.toString());

        // device-service streams the content with a services token.
        given().auth()
                .oauth2(Tokens.serviceToken())
                .queryParam("device", rented)
                .get("/internal/transfers/" + rentedTransfer + "/content")
                .then()
                .statusCode(200)
                .contentType("application/vnd.devshare.surface")
                .header("Content-Length", String.valueOf(content.length))
                .header("ETag", "\"" + sha + "\"")
                .body(equalTo("surface model v3"));

        world.fetched(rentedTransfer, rented, rental);
        world.awaitCount("SELECT count(*) FROM transfer WHERE id = $1 AND status = 'DELIVERED'", 1, rentedTransfer);
        world.reported(rentedTransfer, rented, rental, "APPLIED", null);
        world.awaitCount("SELECT count(*) FROM transfer WHERE id = $1 AND status = 'APPLIED'", 1, rentedTransfer);

        world.fetched(ownTransfer, own, contractor);
        world.reported(ownTransfer, own, contractor, "FAILED", "unsupported surface format");
        world.awaitCount("SELECT count(*) FROM transfer WHERE id = $1 AND status = 'FAILED'", 1, ownTransfer);
        JsonNode failed = world.await(own, "io.devshare.project.transfer.failed", ownTransfer.toString());
        assertThat(failed.at("/data/message").asText()).isEqualTo("unsupported surface format");
        assertThat(failed.at("/data/deviceName").asText()).isEqualTo("Rover 1");
        assertThat(failed.at("/data/projectName").asText()).isEqualTo("Riverside surfaces");
        assertThat(failed.at("/data/filename").asText()).isEqualTo("riverside-v3.ttm");

        // A late or repeated report changes nothing; a finished transfer's content is no longer served.
        world.reported(rentedTransfer, rented, rental, "FAILED", "late");
        given().auth()
                .oauth2(Tokens.serviceToken())
                .queryParam("device", rented)
                .get("/internal/transfers/" + rentedTransfer + "/content")
                .then()
                .statusCode(404);

        Api.design(contractor, project, designId)
                .statusCode(200)
                .body("transfers.find { it.deviceId == '" + rented + "' }.status", equalTo("APPLIED"))
                .body("transfers.find { it.deviceId == '" + own + "' }.status", equalTo("FAILED"))
                .body("transfers.find { it.deviceId == '" + own + "' }.message", equalTo("unsupported surface format"));
        given().auth()
                .oauth2(contractor.memberToken())
                .get("/projects/" + project + "/designs")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(designId)));
        Api.activity(contractor, project)
                .statusCode(200)
                .body(
                        "items.type",
                        org.hamcrest.Matchers.hasItems(
                                "DESIGN_PUBLISHED", "TRANSFER_DELIVERED", "TRANSFER_APPLIED", "TRANSFER_FAILED"));
        assertThat(world.count("SELECT count(*) FROM transfer WHERE id = $1 AND status = 'APPLIED'", rentedTransfer))
                .isEqualTo(1);
    }

    @Test
    void aDeviceLeavingTheProjectHasItsOpenTransfersCancelled() {
        UUID project = Api.project(contractor, "Cancelled");
        UUID device = world.device(rental, "Excavator 20");
        UUID grant = world.grant(rental, contractor, device, "operator", World.OPERATOR);
        Api.assign(contractor, project, device).statusCode(201);
        String transfer = Api.publish(contractor, project, "linework.dxf", "lines".getBytes(StandardCharsets.UTF_8))
                .statusCode(201)
                .extract()
                .path("transfers[0].id");

        world.revoke(grant, rental, contractor, device, "MANUAL");
        JsonNode cancelled = world.await(device, "io.devshare.project.transfer.cancelled", transfer);
        assertThat(cancelled.at("/data/reason").asText()).isEqualTo("DEVICE_UNASSIGNED");
        world.awaitCount("SELECT count(*) FROM transfer WHERE id = $1::uuid AND status = 'CANCELLED'", 1, transfer);
        given().auth()
                .oauth2(Tokens.serviceToken())
                .queryParam("device", device)
                .get("/internal/transfers/" + transfer + "/content")
                .then()
                .statusCode(404);
        Api.activity(contractor, project).statusCode(200).body("items.type", hasItem("TRANSFER_CANCELLED"));
        // No device left: nothing to publish to.
        Api.publish(contractor, project, "again.dxf", new byte[] {1, 2})
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/no-devices"));
    }

    @Test
    void theContentEndpointIsForServicesAndTheRightDeviceOnly() {
        UUID project = Api.project(contractor, "Internal");
        UUID device = world.device(contractor, "Rover 9");
        UUID otherDevice = world.device(contractor, "Rover 10");
        Api.assign(contractor, project, device).statusCode(201);
        String transfer = Api.publish(contractor, project, "plan.xml", "<plan/>".getBytes(StandardCharsets.UTF_8))
                .statusCode(201)
                .extract()
                .path("transfers[0].id");
        String path = "/internal/transfers/" + transfer + "/content";
        given().auth()
                .oauth2(contractor.adminToken())
                .queryParam("device", device)
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().queryParam("device", device).get(path).then().statusCode(401);
        String service = Tokens.serviceToken();
        given().auth()
                .oauth2(service)
                .queryParam("device", otherDevice)
                .get(path)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(service)
                .queryParam("device", device)
                .get("/internal/transfers/" + UUID.randomUUID() + "/content")
                .then()
                .statusCode(404);
        given().auth().oauth2(service).get(path).then().statusCode(400).body("errors[0].field", equalTo("device"));
        given().auth()
                .oauth2(service)
                .queryParam("device", "nope")
                .get(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("device"));
        given().auth()
                .oauth2(service)
                .queryParam("device", device)
                .get(path)
                .then()
                .statusCode(200)
                .body(equalTo("<plan/>"));
    }

    @Test
    void badUploadsAreRefusedAndKeepNothing() {
        UUID project = Api.project(contractor, "Uploads");
        Api.publish(contractor, project, "early.ttm", new byte[] {1})
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/no-devices"));
        UUID device = world.device(contractor, "Rover 11");
        Api.assign(contractor, project, device).statusCode(201);
        long before = world.count("SELECT count(*) FROM design WHERE project_id = $1", project);
        Api.publish(contractor, project, "big.ttm", new byte[65 * 1024])
                .statusCode(413)
                .body("maxBytes", equalTo(64 * 1024));
        Api.publish(contractor, project, "empty.ttm", new byte[0])
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().auth()
                .oauth2(contractor.adminToken())
                .contentType("application/octet-stream")
                .body(new byte[] {1})
                .post("/projects/" + project + "/designs")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("filename"));
        Api.publish(contractor, project, "../escape", new byte[] {1})
                .statusCode(400)
                .body("errors[0].field", equalTo("filename"));
        given().auth()
                .oauth2(contractor.memberToken())
                .contentType("application/octet-stream")
                .header("X-Filename", "member.ttm")
                .body(new byte[] {1})
                .post("/projects/" + project + "/designs")
                .then()
                .statusCode(403);
        assertThat(world.count("SELECT count(*) FROM design WHERE project_id = $1", project))
                .isEqualTo(before);
        Api.design(contractor, project, UUID.randomUUID().toString()).statusCode(404);
        given().auth()
                .oauth2(contractor.memberToken())
                .queryParam("limit", Map.of().size())
                .get("/projects/" + project + "/designs")
                .then()
                .statusCode(400);
    }
}
