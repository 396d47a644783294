package io.devshare.sharing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.sharing.authority.AccessReplica;
import io.devshare.sharing.service.AccessService;
import io.devshare.sharing.service.GrantExpiry;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Grants and the access authority on the real servers, fed by real Kafka events; every org is fresh. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "sharing"))
class SharingFlowTest {

    static TestOrg owner;
    static TestOrg partner;
    static TestOrg outsider;
    static World world;

    @Inject
    Pool pool;

    @Inject
    GrantExpiry expiry;

    @Inject
    AccessService access;

    @Inject
    AccessReplica replica;

    @Inject
    io.vertx.core.Vertx vertx;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void orgs() {
        owner = TestOrgs.create("rental", "Rental Owner");
        partner = TestOrgs.create("contractor", "Contractor Partner");
        outsider = TestOrgs.create("stranger", "Stranger Org");
    }

    @BeforeEach
    void worldOnce() {
        if (world == null) {
            world = new World(pool, replica);
            world.partners(owner, partner);
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
    void sharingDevicesGrantsTheRolesCapabilitiesAndPublishesPerDevice() {
        UUID d1 = world.device(owner);
        UUID d2 = world.device(owner);
        var created = share(
                        owner, Map.of("granteeOrg", partner.alias(), "deviceIds", List.of(d1, d2), "role", "operator"))
                .statusCode(201)
                .body("grants", hasSize(2))
                .body("grants[0].capabilities", hasItem("publish-design"))
                .body("grants[0].effective", equalTo(true))
                .extract();
        String actionId = created.path("actionId");
        String grantId = created.path("grants.find { it.deviceId == '" + d1 + "' }.id");

        check(partner, partner.alias(), d1, "publish-design")
                .body("allowed", equalTo(true))
                .body("reason", equalTo("GRANT"))
                .body("grantId", equalTo(grantId))
                .body("role", equalTo("OPERATOR"));
        check(partner, partner.alias(), d1, "configure")
                .body("allowed", equalTo(false))
                .body("reason", equalTo("NONE"));
        check(owner, owner.alias(), d1, "configure")
                .body("allowed", equalTo(true))
                .body("reason", equalTo("OWNER"));
        check(outsider, outsider.alias(), d1, "view").body("allowed", equalTo(false));

        JsonNode granted = world.await(d1.toString(), "io.devshare.sharing.access.granted", grantId);
        assertThat(granted.at("/data/granteeOrg").asText()).isEqualTo(partner.alias());
        JsonNode shared = world.await(actionId, "io.devshare.sharing.share.granted", actionId);
        assertThat(shared.at("/data/deviceIds")).hasSize(2);
        // The share event names its devices, so mails need not wait for the devices' own events.
        assertThat(shared.at("/data/devices").findValuesAsText("displayName"))
                .containsExactlyInAnyOrder(World.nameOf(d1), World.nameOf(d2));

        // Reachable devices for the grantee, and who can reach the device for the owner.
        given().auth()
                .oauth2(partner.memberToken())
                .queryParam("capability", "assign-to-project")
                .get("/access/devices")
                .then()
                .statusCode(200)
                .body("items.deviceId", hasItem(d1.toString()))
                .body("items.deviceId", hasItem(d2.toString()));
        given().auth()
                .oauth2(owner.memberToken())
                .get("/access/devices/" + d1 + "/organizations")
                .then()
                .statusCode(200)
                .body("org", hasItem(partner.alias()));
        given().auth()
                .oauth2(partner.memberToken())
                .get("/access/devices/" + d1 + "/organizations")
                .then()
                .statusCode(404);

        // Sharing the same device again with the same org: change the role instead.
        share(owner, Map.of("granteeOrg", partner.alias(), "deviceIds", List.of(d1), "role", "viewer"))
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/already-shared"));
    }

    @Test
    void revokeIsInstantAndHistoryShowsWhoAndWhy() {
        UUID d = world.device(owner);
        String grantId = shareOne(d, "viewer");
        world.renameDevice(d, owner, "Excavator <2> & co");
        // The grantee can read the grant, so its revoke is refused as forbidden, not hidden: it leaves instead.
        given().auth()
                .oauth2(partner.adminToken())
                .post("/grants/" + grantId + "/revoke")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://devshare.io/problems/forbidden"));
        given().auth()
                .oauth2(owner.memberToken())
                .post("/grants/" + grantId + "/revoke")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(owner.adminToken())
                .post("/grants/" + grantId + "/revoke")
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("closeReason", equalTo("MANUAL"));
        check(partner, partner.alias(), d, "view").body("allowed", equalTo(false));
        world.await(d.toString(), "io.devshare.sharing.access.revoked", grantId);
        JsonNode revoked = world.await(grantId, "io.devshare.sharing.share.revoked", grantId);
        assertThat(revoked.at("/data/devices/0/deviceId").asText()).isEqualTo(d.toString());
        assertThat(revoked.at("/data/devices/0/displayName").asText()).isEqualTo("Excavator <2> & co");
        given().auth()
                .oauth2(partner.memberToken())
                .get("/grants/" + grantId + "/history")
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("GRANTED", "REVOKED")))
                .body("[1].reason", equalTo("MANUAL"));
        given().auth()
                .oauth2(owner.adminToken())
                .post("/grants/" + grantId + "/revoke")
                .then()
                .statusCode(409);
    }

    @Test
    void theGranteeLeavesAndTheOwnerChangesTheRole() {
        UUID d = world.device(owner);
        String grantId = shareOne(d, "viewer");
        check(partner, partner.alias(), d, "assign-to-project").body("allowed", equalTo(false));
        // The grantee reads its grant but may not change it: 403 (the truth), not 404; nothing changes.
        given().auth()
                .oauth2(partner.adminToken())
                .get("/grants/" + grantId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(partner.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "manager"))
                .patch("/grants/" + grantId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://devshare.io/problems/forbidden"));
        check(partner, partner.alias(), d, "configure").body("allowed", equalTo(false));
        given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "manager"))
                .patch("/grants/" + grantId)
                .then()
                .statusCode(200)
                .body("role", equalTo("MANAGER"));
        check(partner, partner.alias(), d, "configure").body("allowed", equalTo(true));
        world.await(d.toString(), "io.devshare.sharing.access.updated", grantId);

        given().auth()
                .oauth2(owner.adminToken())
                .post("/grants/" + grantId + "/leave")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(partner.adminToken())
                .post("/grants/" + grantId + "/leave")
                .then()
                .statusCode(200)
                .body("closeReason", equalTo("LEFT"));
        check(partner, partner.alias(), d, "view").body("allowed", equalTo(false));
    }

    @Test
    void rolesAreReadInAnyCaseAndAnsweredUpperCase() throws Exception {
        UUID d = world.device(owner);
        String grantId = share(owner, Map.of("granteeOrg", partner.alias(), "deviceIds", List.of(d), "role", " Viewer"))
                .statusCode(201)
                .body("grants[0].role", equalTo("VIEWER"))
                .extract()
                .path("grants[0].id");
        given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "OPERATOR"))
                .patch("/grants/" + grantId)
                .then()
                .statusCode(200)
                .body("role", equalTo("OPERATOR"));
        given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "manager"))
                .patch("/grants/" + grantId)
                .then()
                .statusCode(200)
                .body("role", equalTo("MANAGER"));
        given().auth()
                .oauth2(partner.memberToken())
                .get("/grants/" + grantId + "/history")
                .then()
                .statusCode(200)
                .body("role", equalTo(List.of("VIEWER", "OPERATOR", "MANAGER")));
        check(partner, partner.alias(), d, "configure").body("role", equalTo("MANAGER"));
        given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "owner"))
                .patch("/grants/" + grantId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", equalTo("unknown value 'owner'"));

        // The contract says so too: one enumeration, upper-case, wherever a role goes in or comes out.
        JsonNode doc = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        for (String schema :
                List.of("ShareRequest", "UpdateGrantRequest", "GrantResponse", "HistoryEntry", "AccessCheckResponse")) {
            assertThat(doc.at("/components/schemas/" + schema + "/properties/role/enum")
                            .toString())
                    .as(schema)
                    .isEqualTo("[\"VIEWER\",\"OPERATOR\",\"MANAGER\"]");
        }
    }

    @Test
    void aGroupIsSharedWithOneOrganizationAndFollowsItsMembers() {
        TestOrg second = TestOrgs.create("second", "Second Partner");
        world.partners(owner, second);
        UUID group = world.group(owner);
        UUID d1 = world.device(owner);
        UUID d2 = world.device(owner);
        world.addToGroup(group, d1, owner);

        String grantId = share(owner, Map.of("granteeOrg", partner.alias(), "groupId", group, "role", "operator"))
                .statusCode(201)
                .extract()
                .path("grants[0].id");
        check(partner, partner.alias(), d1, "view")
                .body("allowed", equalTo(true))
                .body("viaGroupId", equalTo(group.toString()));
        check(partner, partner.alias(), d2, "view").body("allowed", equalTo(false));
        share(owner, Map.of("granteeOrg", second.alias(), "groupId", group, "role", "viewer"))
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/group-already-shared"));

        world.addToGroup(group, d2, owner);
        check(partner, partner.alias(), d2, "view").body("allowed", equalTo(true));
        world.await(d2.toString(), "io.devshare.sharing.access.granted", grantId);
        world.removeFromGroup(group, d1, owner);
        check(partner, partner.alias(), d1, "view").body("allowed", equalTo(false));
        world.await(d1.toString(), "io.devshare.sharing.access.revoked", "REMOVED_FROM_GROUP");
    }

    @Test
    void endingThePartnershipRevokesEveryGrantBothWays() {
        TestOrg a = TestOrgs.create("end-own", "Ending Owner");
        TestOrg b = TestOrgs.create("end-par", "Ending Partner");
        UUID partnership = world.partners(a, b);
        UUID da = world.device(a);
        UUID db = world.device(b);
        share(a, Map.of("granteeOrg", b.alias(), "deviceIds", List.of(da), "role", "viewer"))
                .statusCode(201);
        share(b, Map.of("granteeOrg", a.alias(), "deviceIds", List.of(db), "role", "viewer"))
                .statusCode(201);
        world.endPartnership(partnership, a, b);
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> world.count(
                                "SELECT count(*) FROM share_grant WHERE status = 'ACTIVE' AND owner_org IN ($1, $2)",
                                a.alias(),
                                b.alias())
                        == 0);
        check(b, b.alias(), da, "view").body("allowed", equalTo(false));
        check(a, a.alias(), db, "view").body("allowed", equalTo(false));
        world.await(da.toString(), "io.devshare.sharing.access.revoked", "PARTNERSHIP_ENDED");
        share(a, Map.of("granteeOrg", b.alias(), "deviceIds", List.of(da), "role", "viewer"))
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/not-partners"));
    }

    @Test
    void deletingADeviceRevokesItsGrants() {
        UUID d = world.device(owner);
        String grantId = shareOne(d, "viewer");
        world.deleteDevice(d, owner);
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> world.count(
                                "SELECT count(*) FROM share_grant WHERE id = $1::uuid AND close_reason = 'DEVICE_DELETED'",
                                grantId)
                        == 1);
        check(partner, partner.alias(), d, "view").body("allowed", equalTo(false));
    }

    @Test
    void aRentalPeriodLimitsTheGrantAndItsEndExpiresIt() {
        UUID later = world.device(owner);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        share(
                        owner,
                        Map.of(
                                "granteeOrg", partner.alias(),
                                "deviceIds", List.of(later),
                                "role", "viewer",
                                "startsAt", now.plusDays(1).toString()))
                .statusCode(201)
                .body("grants[0].effective", equalTo(false));
        check(partner, partner.alias(), later, "view").body("allowed", equalTo(false));

        UUID soon = world.device(owner);
        String grantId = share(
                        owner,
                        Map.of(
                                "granteeOrg", partner.alias(),
                                "deviceIds", List.of(soon),
                                "role", "viewer",
                                "endsAt", now.plusHours(1).toString()))
                .statusCode(201)
                .extract()
                .path("grants[0].id");
        check(partner, partner.alias(), soon, "view").body("allowed", equalTo(true));
        // The rental period ends (moved into the past rather than waited for, so a slow machine cannot race it):
        // not effective at once, before the expiry job has even run; then the job expires it.
        pool.preparedQuery("UPDATE share_grant SET ends_at = now() - interval '1 second' WHERE id = $1::uuid")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(grantId))
                .await()
                .indefinitely();
        // A change written behind the service's back reaches the replicas' copies too; fence it as the service does.
        replica.fence().await().atMost(java.time.Duration.ofSeconds(10));
        check(partner, partner.alias(), soon, "view").body("allowed", equalTo(false));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            expireNow();
            return world.count("SELECT count(*) FROM share_grant WHERE id = $1::uuid AND status = 'EXPIRED'", grantId)
                    == 1;
        });
        check(partner, partner.alias(), soon, "view").body("allowed", equalTo(false));
        world.await(grantId, "io.devshare.sharing.share.revoked", "EXPIRED");
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() {
        UUID d = world.device(owner);
        UUID foreign = world.device(outsider);
        long before = world.count("SELECT count(*) FROM share_grant WHERE owner_org = $1", owner.alias());
        share(owner, Map.of("granteeOrg", outsider.alias(), "deviceIds", List.of(d), "role", "viewer"))
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/not-partners"));
        share(owner, Map.of("granteeOrg", partner.alias(), "deviceIds", List.of(d, foreign), "role", "viewer"))
                .statusCode(404);
        share(owner, Map.of("granteeOrg", owner.alias(), "deviceIds", List.of(d), "role", "viewer"))
                .statusCode(422);
        share(owner, Map.of("granteeOrg", partner.alias(), "deviceIds", List.of(d), "role", "king"))
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
        share(owner, Map.of("granteeOrg", partner.alias(), "role", "viewer")).statusCode(400);
        Map<String, Object> both = new HashMap<>(Map.of(
                "granteeOrg",
                partner.alias(),
                "deviceIds",
                List.of(d),
                "groupId",
                UUID.randomUUID(),
                "role",
                "viewer"));
        share(owner, both).statusCode(400);
        share(
                        owner,
                        Map.of(
                                "granteeOrg",
                                partner.alias(),
                                "deviceIds",
                                List.of(d),
                                "role",
                                "viewer",
                                "endsAt",
                                "2020-01-01T00:00:00Z"))
                .statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body("{\"granteeOrg\": ")
                .post("/grants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(owner.memberToken())
                .contentType(ContentType.JSON)
                .body(Map.of("granteeOrg", partner.alias(), "deviceIds", List.of(d), "role", "viewer"))
                .post("/grants")
                .then()
                .statusCode(403);
        assertThat(world.count("SELECT count(*) FROM share_grant WHERE owner_org = $1", owner.alias()))
                .isEqualTo(before);
    }

    @Test
    void aThirdOrganizationSeesAndChangesNothing() {
        UUID d = world.device(owner);
        String grantId = shareOne(d, "viewer");
        for (String path : List.of("/grants/" + grantId, "/grants/" + grantId + "/history")) {
            given().auth().oauth2(outsider.memberToken()).get(path).then().statusCode(404);
        }
        for (String action : List.of("revoke", "leave")) {
            given().auth()
                    .oauth2(outsider.adminToken())
                    .post("/grants/" + grantId + "/" + action)
                    .then()
                    .statusCode(404);
        }
        given().auth()
                .oauth2(outsider.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "manager"))
                .patch("/grants/" + grantId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(outsider.memberToken())
                .queryParam("direction", "incoming")
                .get("/grants")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(grantId)));
        // A person may ask the authority only about its own organization; a service about any.
        check(outsider, partner.alias(), d, "view").statusCode(403);
        given().auth()
                .oauth2(Tokens.serviceToken())
                .contentType(ContentType.JSON)
                .body(Map.of("org", partner.alias(), "device", d, "capability", "view"))
                .post("/access/check")
                .then()
                .statusCode(200)
                .body("allowed", equalTo(true));
        check(partner, partner.alias(), d, "fly").statusCode(400).body("errors[0].field", equalTo("capability"));
    }

    @Test
    void theUtilisationReportCountsShareDaysWithinThePeriod() {
        UUID d = world.device(owner);
        String grantId = shareOne(d, "viewer");
        given().auth()
                .oauth2(owner.adminToken())
                .post("/grants/" + grantId + "/revoke")
                .then()
                .statusCode(200);
        // Move the grant's life to a known past: shared 1 to 11 January.
        pool.preparedQuery("UPDATE share_grant SET created_at = '2025-12-20T00:00:00Z', starts_at ="
                        + " '2026-01-01T00:00:00Z', closed_at = '2026-01-11T00:00:00Z' WHERE id = $1::uuid")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(grantId))
                .await()
                .indefinitely();
        for (TestOrg viewer : List.of(owner, partner)) {
            given().auth()
                    .oauth2(viewer.memberToken())
                    .queryParam("from", "2026-01-05T00:00:00Z")
                    .queryParam("to", "2026-02-01T00:00:00Z")
                    .get("/reports/utilisation")
                    .then()
                    .statusCode(200)
                    .body("find { it.deviceId == '" + d + "' }.shareDays", equalTo(6.0f))
                    .body("find { it.deviceId == '" + d + "' }.granteeOrg", equalTo(partner.alias()));
        }
        // Plain dates are UTC days: from is the start of its day, to includes its whole day (5 to 9 January is
        // five days; the same as the timestamps 2026-01-05T00:00:00Z to 2026-01-10T00:00:00Z).
        given().auth()
                .oauth2(owner.memberToken())
                .queryParam("from", "2026-01-05")
                .queryParam("to", "2026-01-09")
                .get("/reports/utilisation")
                .then()
                .statusCode(200)
                .body("find { it.deviceId == '" + d + "' }.shareDays", equalTo(5.0f));
        given().auth()
                .oauth2(owner.memberToken())
                .queryParam("from", "2026-01-10")
                .queryParam("to", "2026-02-01T00:00:00Z")
                .get("/reports/utilisation")
                .then()
                .statusCode(200)
                .body("find { it.deviceId == '" + d + "' }.shareDays", equalTo(1.0f));
        // A single day is a valid period.
        given().auth()
                .oauth2(owner.memberToken())
                .queryParam("from", "2026-01-05")
                .queryParam("to", "2026-01-05")
                .get("/reports/utilisation")
                .then()
                .statusCode(200)
                .body("find { it.deviceId == '" + d + "' }.shareDays", equalTo(1.0f));
        // Anything else is a problem naming the field: {from, to, the field named}.
        for (List<String> bad : List.of(
                List.of("2026-13-01", "2026-12-31", "from"),
                List.of("2026-12-01", "31.12.2026", "to"),
                List.of("2026-12-01T00:00:00", "2026-12-31", "from"))) {
            given().auth()
                    .oauth2(owner.memberToken())
                    .queryParam("from", bad.get(0))
                    .queryParam("to", bad.get(1))
                    .get("/reports/utilisation")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.get(2)));
        }
        given().auth()
                .oauth2(outsider.memberToken())
                .queryParam("from", "2026-01-05T00:00:00Z")
                .queryParam("to", "2026-02-01T00:00:00Z")
                .get("/reports/utilisation")
                .then()
                .statusCode(200)
                .body("deviceId", not(hasItem(d.toString())));
        given().auth()
                .oauth2(owner.memberToken())
                .queryParam("from", "2026-02-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .get("/reports/utilisation")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().auth()
                .oauth2(owner.memberToken())
                .get("/reports/utilisation")
                .then()
                .statusCode(400);
    }

    @Test
    void twoPartnersRacingForOneGroupGetItOnce() throws Exception {
        TestOrg third = TestOrgs.create("race", "Racing Partner");
        world.partners(owner, third);
        UUID group = world.group(owner);
        world.addToGroup(group, world.device(owner), owner);
        String token = owner.adminToken();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<Integer>> calls = new java.util.ArrayList<>();
        for (TestOrg to : List.of(partner, third, partner, third)) {
            calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of("granteeOrg", to.alias(), "groupId", group, "role", "viewer"))
                        .post("/grants")
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var c : calls) {
            statuses.add(c.get());
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(world.count("SELECT count(*) FROM share_grant WHERE group_id = $1 AND status = 'ACTIVE'", group))
                .isEqualTo(1);
    }

    /** A question to the authority and the answer it must give. */
    record Question(
            TestOrg as, String org, UUID device, String capability, boolean allowed, Basis basis, String grantId) {}

    private List<Question> questionsWithKnownAnswers() {
        UUID direct = world.device(owner);
        UUID unshared = world.device(owner);
        UUID group = world.group(owner);
        UUID inGroup = world.device(owner);
        world.addToGroup(group, inGroup, owner);
        String directGrant = shareOne(direct, "operator");
        String groupGrant = share(owner, Map.of("granteeOrg", partner.alias(), "groupId", group, "role", "viewer"))
                .statusCode(201)
                .extract()
                .path("grants[0].id");
        return List.of(
                new Question(partner, partner.alias(), direct, "publish-design", true, Basis.GRANT, directGrant),
                new Question(partner, partner.alias(), direct, "configure", false, Basis.NONE, null),
                new Question(partner, partner.alias(), unshared, "view", false, Basis.NONE, null),
                new Question(owner, owner.alias(), unshared, "configure", true, Basis.OWNER, null),
                new Question(partner, partner.alias(), inGroup, "view", true, Basis.GRANT, groupGrant),
                new Question(partner, partner.alias(), inGroup, "assign-to-project", false, Basis.NONE, null),
                new Question(outsider, outsider.alias(), direct, "view", false, Basis.NONE, null),
                new Question(outsider, outsider.alias(), inGroup, "view", false, Basis.NONE, null));
    }

    @Test
    void checksOfOneEventLoopTurnShareOneStatementAndEachGetsItsOwnAnswer() throws Exception {
        List<Question> questions = questionsWithKnownAnswers();
        List<Question> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            asked.addAll(questions);
        }
        java.util.Collections.shuffle(asked, new java.util.Random(5));
        DistributionSummary batches =
                registry.find("devshare.access.check.batch.size").summary();
        long batchesBefore = batches.count();
        double checksBefore = batches.totalAmount();

        // All asked in one turn of one event loop, as concurrent requests are.
        java.util.concurrent.CompletableFuture<List<Decision>> answers = new java.util.concurrent.CompletableFuture<>();
        vertx.getOrCreateContext()
                .runOnContext(v -> Uni.join()
                        .all(asked.stream()
                                .map(q -> access.checkInDatabase(
                                        q.org(),
                                        q.device(),
                                        io.devshare.sharing.Capability.fromWire(q.capability())
                                                .orElseThrow()))
                                .toList())
                        .andFailFast()
                        .subscribe()
                        .with(answers::complete, answers::completeExceptionally));
        List<Decision> got = answers.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(batches.count()).as("one statement for the turn").isEqualTo(batchesBefore + 1);
        assertThat(batches.totalAmount() - checksBefore).isEqualTo(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            Question q = asked.get(i);
            Decision d = got.get(i);
            assertThat(d.allowed()).as("allowed: %s", q).isEqualTo(q.allowed());
            assertThat(d.basis()).as("basis: %s", q).isEqualTo(q.basis());
            assertThat(d.grantId() == null ? null : d.grantId().toString())
                    .as("grant: %s", q)
                    .isEqualTo(q.grantId());
        }
    }

    @Test
    void concurrentChecksOfDifferentCallersEachGetTheirOwnAnswer() throws Exception {
        List<Question> questions = questionsWithKnownAnswers();
        String service = Tokens.serviceToken();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (Question q : questions) {
                    boolean asService = round % 2 == 0;
                    calls.add(callers.submit(() -> given().auth()
                            .oauth2(asService ? service : q.as().memberToken())
                            .contentType(ContentType.JSON)
                            .body(Map.of("org", q.org(), "device", q.device(), "capability", q.capability()))
                            .post("/access/check")
                            .then()
                            .statusCode(200)
                            .body("allowed", equalTo(q.allowed()))
                            .body("reason", equalTo(q.basis().name()))
                            .body("grantId", equalTo(q.grantId()))));
                }
            }
            for (var c : calls) {
                c.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anInvalidCheckNamesEveryInvalidFieldAndWritesNothing() {
        String service = Tokens.serviceToken();
        given().auth()
                .oauth2(service)
                .contentType(ContentType.JSON)
                .body(Map.of("capability", " "))
                .post("/access/check")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("capability", "device", "org")));
        given().auth()
                .oauth2(service)
                .contentType(ContentType.JSON)
                .body("{\"org\": \"x\", \"device\": \"not-a-uuid\", \"capability\": \"view\"}")
                .post("/access/check")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("device"));
        given().auth()
                .oauth2(service)
                .contentType(ContentType.JSON)
                .post("/access/check")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(service)
                .contentType(ContentType.JSON)
                .body(Map.of("device", UUID.randomUUID(), "capability", "view"))
                .post("/access/check")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("org"));
    }

    @Test
    void pingIsTheBareCeiling() {
        given().get("/ping").then().statusCode(200).body(equalTo("pong"));
    }

    /** Runs the expiry job now (it also runs on its own schedule). */
    private void expireNow() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> expiry.expireAll());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private String shareOne(UUID device, String role) {
        return share(owner, Map.of("granteeOrg", partner.alias(), "deviceIds", List.of(device), "role", role))
                .statusCode(201)
                .extract()
                .path("grants[0].id");
    }

    private static ValidatableResponse share(TestOrg as, Map<String, Object> body) {
        return given().auth()
                .oauth2(as.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/grants")
                .then();
    }

    private static ValidatableResponse check(TestOrg as, String org, UUID device, String capability) {
        return given().auth()
                .oauth2(as.memberToken())
                .contentType(ContentType.JSON)
                .body(Map.of("org", org, "device", device, "capability", capability))
                .post("/access/check")
                .then();
    }
}
