package io.devshare.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import io.devshare.testsupport.Mailbox;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One share through the whole suite, with every service a separate process and every hop a real protocol: a
 * rental agency and a contractor become partners by sharing code (partner-service); the agency registers a machine
 * (device-service) and shares it as operator (sharing-service, which learns of the partnership and the device from
 * their events); the contractor sees it as shared in (device-service's projection of sharing-events), assigns it to
 * a project (project-service's projection), which sets the device's active account; a design published in the
 * project reaches the machine through the device API, streamed from project-service, and its report comes back as
 * the transfer's status; the agency revokes the share and the machine leaves the contractor's project at once;
 * both the share and its revocation are mailed (notification-service, real SMTP). A third organization sees none
 * of it.
 */
class ShareFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    @Test
    void aSharedMachineWorksInTheContractorsProjectUntilItIsTakenBack() throws Exception {
        TestOrg agency = TestOrgs.create("e2erent", "E2E Rental");
        TestOrg contractor = TestOrgs.create("e2ebuild", "E2E Builders");
        TestOrg third = TestOrgs.create("e2eother", "E2E Outsiders");

        // Partners by the agency's sharing code.
        String code = as(agency.adminToken(), Suite.PARTNER)
                .get("/partnerships/sharing-code")
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        as(contractor.adminToken(), Suite.PARTNER)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/partnerships/connect")
                .then()
                .statusCode(201);

        // The agency registers a machine (the platform operator gives it licences first).
        as(Tokens.of("operator"), Suite.DEVICE)
                .contentType(ContentType.JSON)
                .body(Map.of("size", 5))
                .put("/operator/organizations/" + agency.alias() + "/licences")
                .then()
                .statusCode(200);
        ExtractableResponse<Response> registered = as(agency.adminToken(), Suite.DEVICE)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "serialNumber", "E2E-" + UUID.randomUUID(),
                        "manufacturer", "Caterpillar",
                        "model", "336",
                        "kind", "MACHINE_CONTROL",
                        "displayName", "Excavator <12> & co",
                        "tags", List.of("e2e")))
                .post("/devices")
                .then()
                .statusCode(201)
                .extract();
        String device = registered.path("id");
        String secret = registered.path("credentials.secret");

        // Shared as operator, once sharing-service knows both the partnership and the device from their events.
        ExtractableResponse<Response> share = eventually(
                () -> as(agency.adminToken(), Suite.SHARING)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "granteeOrg", contractor.alias(), "deviceIds", List.of(device), "role", "OPERATOR"))
                        .post("/grants")
                        .then()
                        .extract(),
                201);
        String grant = share.path("grants[0].id");

        // The contractor sees it shared in, with its badges; the third organization does not.
        ExtractableResponse<Response> seen = eventually(
                () -> as(contractor.memberToken(), Suite.DEVICE)
                        .get("/devices/" + device)
                        .then()
                        .extract(),
                200);
        assertThat((String) seen.path("sharedBy.alias")).isEqualTo(agency.alias());
        assertThat((String) seen.path("role")).isEqualTo("OPERATOR");
        assertThat(seen.asString()).doesNotContain(secret);
        as(third.adminToken(), Suite.DEVICE).get("/devices/" + device).then().statusCode(404);

        // The contractor's project; the machine assigned to it is the device's active account.
        String project = as(contractor.adminToken(), Suite.PROJECT)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Riverside earthworks", "status", "active"))
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        eventually(
                () -> as(contractor.adminToken(), Suite.PROJECT)
                        .contentType(ContentType.JSON)
                        .body(Map.of("deviceId", device))
                        .post("/projects/" + project + "/devices")
                        .then()
                        .extract(),
                201);
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> contractor
                        .alias()
                        .equals(as(agency.memberToken(), Suite.DEVICE)
                                .get("/devices/" + device)
                                .then()
                                .extract()
                                .path("activeAccount.alias")));
        as(third.adminToken(), Suite.PROJECT).get("/projects/" + project).then().statusCode(404);

        // A design published in the project reaches the machine through the device API.
        byte[] design = ("surface model " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String transfer = as(contractor.adminToken(), Suite.PROJECT)
                .contentType("application/vnd.devshare.surface")
                .header("X-Filename", "riverside-v3.ttm")
                .body(design)
                .post("/projects/" + project + "/designs")
                .then()
                .statusCode(201)
                .extract()
                .path("transfers[0].id");
        String designId = as(contractor.adminToken(), Suite.PROJECT)
                .get("/projects/" + project + "/designs")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> device(device, secret)
                        .get("/device-api/work")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.id")
                        .contains(transfer));
        ExtractableResponse<Response> fetched = device(device, secret)
                .get("/device-api/designs/" + transfer)
                .then()
                .statusCode(200)
                .extract();
        assertThat(fetched.asByteArray()).isEqualTo(design);
        assertThat(fetched.contentType()).startsWith("application/vnd.devshare.surface");
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(design));
        assertThat(fetched.header("ETag")).contains(sha);
        awaitTransfer(contractor, project, designId, "DELIVERED");
        device(device, secret)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "APPLIED"))
                .post("/device-api/designs/" + transfer + "/status")
                .then()
                .statusCode(204);
        awaitTransfer(contractor, project, designId, "APPLIED");

        // The contractor's admins were told of the share (one mail naming the machine, its name escaped).
        List<Mailbox.ReceivedMail> shared = Mailbox.await(contractor.adminEmail(), 1, PATIENCE);
        assertThat(shared.get(0).text()).contains("Excavator <12> & co");
        assertThat(shared.get(0).html())
                .contains("Excavator &lt;12&gt; &amp; co")
                .doesNotContain("<12>");

        // The agency takes it back: gone for the contractor at once, out of its project, active account cleared.
        as(agency.adminToken(), Suite.SHARING)
                .post("/grants/" + grant + "/revoke")
                .then()
                .statusCode(200);
        eventually(
                () -> as(contractor.memberToken(), Suite.DEVICE)
                        .get("/devices/" + device)
                        .then()
                        .extract(),
                404);
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> as(contractor.memberToken(), Suite.PROJECT)
                        .get("/projects/" + project + "/devices")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.deviceId")
                        .isEmpty());
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> as(agency.memberToken(), Suite.DEVICE)
                                .get("/devices/" + device)
                                .then()
                                .extract()
                                .path("activeAccount")
                        == null);
        assertThat(as(contractor.memberToken(), Suite.PROJECT)
                        .get("/projects/" + project + "/activity")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("ACCESS_ENDED");
        Mailbox.await(contractor.adminEmail(), 2, PATIENCE);
        assertThat(Mailbox.messages(third.adminEmail())).isEmpty();
    }

    private static void awaitTransfer(TestOrg org, String project, String designId, String status) {
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> status.equals(as(org.memberToken(), Suite.PROJECT)
                        .get("/projects/" + project + "/designs/" + designId)
                        .then()
                        .extract()
                        .path("transfers[0].status")));
    }

    /** Repeats the call until it answers {@code status} (the services learn of each other's facts by events). */
    private static ExtractableResponse<Response> eventually(Supplier<ExtractableResponse<Response>> call, int status) {
        ExtractableResponse<Response>[] last = new ExtractableResponse[1];
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = call.get();
            return last[0].statusCode() == status;
        });
        return last[0];
    }

    private static RequestSpecification as(String token, String service) {
        return RestAssured.given().baseUri(suite.url(service)).auth().oauth2(token);
    }

    private static RequestSpecification device(String id, String secret) {
        return RestAssured.given()
                .baseUri(suite.url(Suite.DEVICE))
                .auth()
                .preemptive()
                .basic(id, secret);
    }
}
