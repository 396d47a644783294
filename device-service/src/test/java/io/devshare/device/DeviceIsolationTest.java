package io.devshare.device;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.device.DeviceApi.Registered;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/**
 * Tenant isolation (another organization gets 404 for every id it cannot see), roles (a member may read, not
 * change), and malformed requests (a 4xx problem, nothing written).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class DeviceIsolationTest {

    static TestOrg owner;
    static TestOrg outsider;
    static Registered device;
    static String fileId;
    static String group;

    @Inject
    Pool pool;

    @BeforeEach
    void setUp() {
        if (owner == null) {
            owner = DeviceApi.orgWithPool("iso", 10);
            outsider = DeviceApi.orgWithPool("isox", 10);
            device = DeviceApi.registered(owner);
            fileId = DeviceApi.upload(device, new byte[] {7}, "application/octet-stream", "x.bin")
                    .statusCode(201)
                    .extract()
                    .path("id");
            group = DeviceApi.group(owner, "Owner's group");
        }
    }

    @Test
    void anotherOrganizationGets404ForEveryIdItCannotSee() {
        String id = device.id();
        String token = outsider.adminToken();
        expect404(given().auth().oauth2(token).get("/devices/" + id).then());
        expect404(given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Hijacked"))
                .patch("/devices/" + id)
                .then());
        expect404(given().auth().oauth2(token).delete("/devices/" + id).then());
        expect404(given().auth()
                .oauth2(token)
                .post("/devices/" + id + "/credentials/rotate")
                .then());
        expect404(given().auth()
                .oauth2(token)
                .get("/devices/" + id + "/field-data")
                .then());
        expect404(given().auth()
                .oauth2(token)
                .get("/devices/" + id + "/field-data/" + fileId)
                .then());
        expect404(given().auth().oauth2(token).get("/device-groups/" + group).then());
        expect404(given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Hijacked"))
                .patch("/device-groups/" + group)
                .then());
        expect404(given().auth().oauth2(token).delete("/device-groups/" + group).then());
        expect404(given().auth()
                .oauth2(token)
                .put("/device-groups/" + group + "/devices/" + id)
                .then());
        expect404(given().auth()
                .oauth2(token)
                .delete("/device-groups/" + group + "/devices/" + id)
                .then());
        String ownGroup = DeviceApi.group(outsider, "Outsider's group " + UUID.randomUUID());
        expect404(DeviceApi.addToGroup(outsider, ownGroup, id));
        // Unknown ids look exactly the same.
        String unknown = UUID.randomUUID().toString();
        expect404(given().auth().oauth2(token).get("/devices/" + unknown).then());
        expect404(given().auth().oauth2(token).delete("/devices/" + unknown).then());
        // Nothing changed for the owner.
        DeviceApi.get(owner, id).statusCode(200).body("displayName", startsWith("Rover"));
        given().auth()
                .oauth2(owner.memberToken())
                .get("/device-groups/" + group)
                .then()
                .statusCode(200);
        assertThat(given().auth().oauth2(token).get("/devices").then().extract().asString())
                .doesNotContain(id);
    }

    @Test
    void aMemberReadsButMayNotChange() {
        String id = device.id();
        String member = owner.memberToken();
        DeviceApi.get(owner, id).statusCode(200);
        given().auth()
                .oauth2(member)
                .get("/devices/" + id + "/field-data/" + fileId)
                .then()
                .statusCode(200);
        given().auth().oauth2(member).get("/devices/locations").then().statusCode(200);
        given().auth().oauth2(member).get("/licences").then().statusCode(200);
        expect403(given().auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .body(DeviceApi.device(DeviceApi.serial()))
                .post("/devices")
                .then());
        expect403(given().auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "By a member"))
                .patch("/devices/" + id)
                .then());
        expect403(given().auth().oauth2(member).delete("/devices/" + id).then());
        expect403(given().auth()
                .oauth2(member)
                .post("/devices/" + id + "/credentials/rotate")
                .then());
        expect403(given().auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .body(Map.of("size", 1000))
                .put("/operator/organizations/" + owner.alias() + "/licences")
                .then());
        DeviceApi.get(owner, id).body("displayName", startsWith("Rover"));
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().get("/devices").then().statusCode(401).contentType("application/problem+json");
        given().get("/devices/" + device.id()).then().statusCode(401);
        given().get("/licences").then().statusCode(401);
        given().get("/device-groups").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("size", 1))
                .put("/operator/organizations/acme/licences")
                .then()
                .statusCode(401);
    }

    @Test
    void malformedRegistrationsAre400ProblemsAndWriteNothing() {
        nothingWritten(() ->
                register("{\"serialNumber\": \"x\", ").statusCode(400).body("title", equalTo("Malformed request")));
        nothingWritten(() -> register("").statusCode(400));
        nothingWritten(() -> register("[]").statusCode(400));
        nothingWritten(() -> register("{\"serialNumber\": \"A1\", \"manufacturer\": \"M\", \"model\": \"X\","
                        + " \"kind\": \"SUBMARINE\", \"displayName\": \"D\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("kind")));
        nothingWritten(() -> register("{\"serialNumber\": \"A1\", \"manufacturer\": \"M\", \"model\": \"X\","
                        + " \"kind\": \"TABLET\", \"displayName\": \"D\", \"tags\": \"one\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("tags")));
        nothingWritten(() -> register("{\"serialNumber\": {\"a\": 1}, \"manufacturer\": \"M\", \"model\": \"X\","
                        + " \"kind\": \"TABLET\", \"displayName\": \"D\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("serialNumber")));
        List<String> tooMany =
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList();
        nothingWritten(() -> given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "serialNumber", " ",
                        "manufacturer", "M".repeat(101),
                        "model", "",
                        "displayName", "D",
                        "tags", tooMany))
                .post("/devices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("serialNumber", "manufacturer", "model", "kind", "tags")));
        nothingWritten(() -> given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "serialNumber", "S",
                        "manufacturer", "M",
                        "model", "X",
                        "kind", "TABLET",
                        "displayName", "D",
                        "tags", List.of("ok", "x".repeat(41))))
                .post("/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tags[1]")));
        nothingWritten(() -> given().auth()
                .oauth2(owner.adminToken())
                .contentType("text/plain")
                .body("serial=1")
                .post("/devices")
                .then()
                .statusCode(415)
                .contentType("application/problem+json"));
        nothingWritten(() -> given().auth()
                .oauth2(owner.adminToken())
                .header("Idempotency-Key", "x".repeat(300))
                .contentType(ContentType.JSON)
                .body(DeviceApi.device(DeviceApi.serial()))
                .post("/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key")));
    }

    @Test
    void badIdsAre404sAndBadMethodsAre405s() {
        given().auth()
                .oauth2(owner.memberToken())
                .get("/devices/not-a-uuid")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(owner.adminToken())
                .post("/devices/not-a-uuid/credentials/rotate")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(owner.memberToken())
                .get("/devices/" + device.id() + "/field-data/123")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body("{}")
                .put("/devices/" + device.id())
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body("{\"displayName\": ")
                .patch("/devices/" + device.id())
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .patch("/devices/" + device.id())
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.of("operator"))
                .contentType(ContentType.JSON)
                .body("{\"size\": \"lots\"}")
                .put("/operator/organizations/" + owner.alias() + "/licences")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth()
                .oauth2(Tokens.of("operator"))
                .contentType(ContentType.JSON)
                .body(Map.of("size", 1))
                .put("/operator/organizations/bad.alias!/licences")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("org"));
        // A path that decodes to something no URI may contain: a 4xx problem, never a server error.
        given().auth()
                .oauth2(Tokens.of("operator"))
                .get("/operator/organizations/bad alias/licences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("org"));
        for (String path : List.of("/devices/a b", "/devices/%", "/x y")) {
            given().auth()
                    .oauth2(owner.memberToken())
                    .urlEncodingEnabled(true)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    private ValidatableResponse register(String json) {
        return given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body(json)
                .post("/devices")
                .then();
    }

    /** Runs a refused request and checks that no device, licence use or event of the owner was written. */
    private void nothingWritten(Runnable request) {
        long devices = count("SELECT count(*) FROM device WHERE owner_org = $1");
        long used = count("SELECT used FROM licence_pool WHERE org_alias = $1");
        long events = count("SELECT count(*) FROM outbox_event WHERE payload LIKE '%\"' || $1 || '\"%'");
        request.run();
        assertThat(count("SELECT count(*) FROM device WHERE owner_org = $1")).isEqualTo(devices);
        assertThat(count("SELECT used FROM licence_pool WHERE org_alias = $1")).isEqualTo(used);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE '%\"' || $1 || '\"%'"))
                .isEqualTo(events);
    }

    private long count(String sql) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(owner.alias()))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    private static void expect404(ValidatableResponse r) {
        r.statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    private static void expect403(ValidatableResponse r) {
        r.statusCode(403).contentType("application/problem+json");
    }
}
