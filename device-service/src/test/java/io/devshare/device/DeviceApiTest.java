package io.devshare.device;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.device.DeviceApi.Registered;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The device's own endpoints: credentials, positions, field data, pending work. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class DeviceApiTest {

    /** %test.devshare.field-data.max-size */
    static final int LIMIT = 64 * 1024;

    static TestOrg org;
    static Registered device;

    @Inject
    Pool pool;

    /** Once per class, but only once the application runs (a static @BeforeAll runs before it starts). */
    @BeforeEach
    void setUp() {
        if (org == null) {
            org = DeviceApi.orgWithPool("dapi", 20);
            device = DeviceApi.registered(org);
        }
    }

    @Test
    void missingOrWrongCredentialsAre401WithABasicChallenge() {
        Map<String, Object> here = Map.of("lat", 1.0, "lon", 2.0);
        given().contentType(ContentType.JSON)
                .body(here)
                .post("/device-api/position")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .contentType("application/problem+json");
        DeviceApi.position(new Registered(device.id(), device.secret() + "x"), here)
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        DeviceApi.position(new Registered(UUID.randomUUID().toString(), device.secret()), here)
                .statusCode(401);
        DeviceApi.position(new Registered("not-a-uuid", device.secret()), here).statusCode(401);
        given().header("Authorization", "Basic !!!not-base64")
                .contentType(ContentType.JSON)
                .body(here)
                .post("/device-api/position")
                .then()
                .statusCode(401);
        given().header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString(device.id().getBytes()))
                .get("/device-api/work")
                .then()
                .statusCode(401);
        // Another device's secret does not open this one.
        Registered other = DeviceApi.registered(org);
        DeviceApi.position(new Registered(device.id(), other.secret()), here).statusCode(401);
        assertThat(positionOf(device.id())).isNull();
    }

    @Test
    void aPersonsBearerTokenDoesNotOpenTheDeviceApi() {
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("lat", 1.0, "lon", 2.0))
                .post("/device-api/position")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth()
                .oauth2(org.adminToken())
                .contentType("text/plain")
                .body("hello")
                .post("/device-api/field-data")
                .then()
                .statusCode(401);
        given().auth().oauth2(org.adminToken()).get("/device-api/work").then().statusCode(401);
    }

    @Test
    void credentialsAreCheckedBeforeTheBodyIsRead() {
        given().auth()
                .preemptive()
                .basic(device.id(), "wrong")
                .contentType(ContentType.JSON)
                .body("{\"lat\": ")
                .post("/device-api/position")
                .then()
                .statusCode(401);
    }

    @Test
    void aPositionIsStoredAsTheLastKnownOneAndAnOlderReportDoesNotReplaceIt() {
        Registered d = DeviceApi.registered(org);
        String recorded = Instant.now()
                .minus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String earlier = Instant.now().minus(Duration.ofHours(2)).toString();
        DeviceApi.position(
                        d,
                        Map.of(
                                "lat",
                                47.3769,
                                "lon",
                                8.5417,
                                "altitude",
                                408.2,
                                "accuracy",
                                0.02,
                                "recordedAt",
                                recorded))
                .statusCode(204);
        DeviceApi.position(d, Map.of("lat", 10.0, "lon", 10.0, "recordedAt", earlier))
                .statusCode(204);
        DeviceApi.get(org, d.id())
                .statusCode(200)
                .body("lastPosition.lat", equalTo(47.3769f))
                .body("lastPosition.lon", equalTo(8.5417f))
                .body("lastPosition.altitude", equalTo(408.2f))
                .body("lastPosition.accuracy", equalTo(0.02f))
                .body("lastPosition.recordedAt", equalTo(recorded));
        // Without recordedAt the time of arrival counts, which is later.
        DeviceApi.position(d, Map.of("lat", -33.8688, "lon", 151.2093)).statusCode(204);
        DeviceApi.get(org, d.id()).body("lastPosition.lat", equalTo(-33.8688f));
    }

    @Test
    void positionsOutOfRangeOrMalformedAre400sNamingTheField() {
        DeviceApi.position(device, Map.of("lat", 90.5, "lon", 181.0, "accuracy", -1))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("lat", "lon", "accuracy"));
        DeviceApi.position(device, Map.of("lat", 1.0)).statusCode(400).body("errors.field", hasItem("lon"));
        DeviceApi.position(device, Map.of("lat", "north", "lon", 1.0))
                .statusCode(400)
                .body("errors[0].field", equalTo("lat"));
        DeviceApi.position(device, Map.of("lat", 1.0, "lon", 1.0, "recordedAt", "yesterday"))
                .statusCode(400)
                .body("errors[0].field", equalTo("recordedAt"));
        DeviceApi.position(device, Map.of("lat", 1.0, "lon", 1.0, "recordedAt", "2099-01-01T00:00:00Z"))
                .statusCode(400)
                .body("errors[0].field", equalTo("recordedAt"));
        DeviceApi.position(device, Map.of("lat", 1.0, "lon", 1.0, "altitude", 1e9))
                .statusCode(400)
                .body("errors[0].field", equalTo("altitude"));
        DeviceApi.position(device, "{\"lat\": 1.0, ").statusCode(400).body("title", equalTo("Malformed request"));
        DeviceApi.position(device, "{\"lat\": 1e400, \"lon\": 1.0}").statusCode(400);
        DeviceApi.position(device, "{\"lat\": NaN, \"lon\": 1.0}").statusCode(400);
        DeviceApi.position(device, "{\"lat\": null, \"lon\": 1.0}")
                .statusCode(400)
                .body("errors[0].field", equalTo("lat"));
        DeviceApi.position(device, "[1.0, 2.0]").statusCode(400);
        DeviceApi.position(device, "null").statusCode(400);
        given().auth()
                .preemptive()
                .basic(device.id(), device.secret())
                .contentType(ContentType.JSON)
                .post("/device-api/position")
                .then()
                .statusCode(400);
        given().auth()
                .preemptive()
                .basic(device.id(), device.secret())
                .contentType("text/plain")
                .body("47,8")
                .post("/device-api/position")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        assertThat(positionOf(device.id())).isNull();
    }

    @Test
    void pendingWorkIsAnEmptyListForNow() {
        given().auth()
                .preemptive()
                .basic(device.id(), device.secret())
                .get("/device-api/work")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void anUploadIsStoredWithItsChecksumAndDownloadsIdentically() throws Exception {
        Registered d = DeviceApi.registered(org);
        byte[] bytes = new byte[LIMIT - 10];
        new Random(42).nextBytes(bytes);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        var uploaded = DeviceApi.upload(d, bytes, "application/x-survey-job", "Site plan ü.job")
                .statusCode(201)
                .body("deviceId", equalTo(d.id()))
                .body("filename", equalTo("Site plan ü.job"))
                .body("contentType", equalTo("application/x-survey-job"))
                .body("size", equalTo(bytes.length))
                .body("sha256", equalTo(sha))
                .extract();
        String fileId = uploaded.path("id");
        assertThat(uploaded.header("Location")).endsWith("/devices/" + d.id() + "/field-data/" + fileId);

        given().auth()
                .oauth2(org.memberToken())
                .get("/devices/" + d.id() + "/field-data")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(fileId))
                .body("items[0].sha256", equalTo(sha))
                .body("items[0].size", equalTo(bytes.length))
                .body("items[0].filename", equalTo("Site plan ü.job"))
                .body("items[0].contentType", equalTo("application/x-survey-job"))
                .body("items[0].uploadedAt", notNullValue());

        var download = given().auth()
                .oauth2(org.memberToken())
                .get("/devices/" + d.id() + "/field-data/" + fileId)
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("application/x-survey-job"))
                .header("ETag", "\"" + sha + "\"")
                .header("Content-Disposition", containsString("attachment"))
                .extract();
        assertThat(download.asByteArray()).isEqualTo(bytes);
        Path stored = Path.of("target/field-data", d.id(), fileId);
        assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
    }

    @Test
    void aStreamedUploadWithoutLengthAndWithoutNameIsStored() {
        Registered d = DeviceApi.registered(org);
        byte[] bytes = "line 1\nline 2\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        DeviceApi.raw()
                .auth()
                .preemptive()
                .basic(d.id(), d.secret())
                .queryParam("filename", "log.txt")
                .contentType("text/plain")
                .body(new ByteArrayInputStream(bytes))
                .post("/device-api/field-data")
                .then()
                .statusCode(201)
                .body("size", equalTo(bytes.length))
                .body("filename", equalTo("log.txt"))
                .body("contentType", equalTo("text/plain"));
        given().auth()
                .preemptive()
                .basic(d.id(), d.secret())
                .body(new byte[] {1, 2, 3})
                .post("/device-api/field-data")
                .then()
                .statusCode(201)
                .body("filename", nullValue());
    }

    @Test
    void anUploadOverTheLimitIs413AndKeepsNothing() {
        Registered d = DeviceApi.registered(org);
        byte[] tooBig = new byte[LIMIT + 1];
        DeviceApi.upload(d, tooBig, "application/octet-stream", "big.bin")
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://devshare.io/problems/payload-too-large"))
                .body("maxBytes", equalTo(LIMIT));
        // Streamed without a declared length: refused once the limit is passed.
        given().auth()
                .preemptive()
                .basic(d.id(), d.secret())
                .contentType("application/octet-stream")
                .body(new ByteArrayInputStream(tooBig))
                .post("/device-api/field-data")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        assertThat(count("SELECT count(*) FROM field_data_file WHERE device_id = $1", UUID.fromString(d.id())))
                .isZero();
        assertThat(Path.of("target/field-data", d.id()))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void badUploadsAre400s() {
        Registered d = DeviceApi.registered(org);
        DeviceApi.upload(d, new byte[0], "application/octet-stream", "empty.bin")
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        DeviceApi.upload(d, new byte[] {1}, "application/octet-stream", "../../etc/passwd")
                .statusCode(400)
                .body("errors[0].field", equalTo("filename"));
        DeviceApi.upload(d, new byte[] {1}, "application/*", "a.bin")
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(count("SELECT count(*) FROM field_data_file WHERE device_id = $1", UUID.fromString(d.id())))
                .isZero();
    }

    @Test
    void fieldDataOfAnotherOrganizationsDeviceIs404() {
        Registered d = DeviceApi.registered(org);
        String fileId = DeviceApi.upload(d, new byte[] {1, 2}, "application/octet-stream", "x.bin")
                .statusCode(201)
                .extract()
                .path("id");
        TestOrg outsider = DeviceApi.orgWithPool("dapi-out", 1);
        given().auth()
                .oauth2(outsider.adminToken())
                .get("/devices/" + d.id() + "/field-data")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(outsider.adminToken())
                .get("/devices/" + d.id() + "/field-data/" + fileId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // A file of one device is not reachable under another device of the same organization.
        given().auth()
                .oauth2(org.adminToken())
                .get("/devices/" + device.id() + "/field-data/" + fileId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(org.adminToken())
                .get("/devices/" + d.id() + "/field-data/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(org.adminToken())
                .get("/devices/" + d.id() + "/field-data/not-a-uuid")
                .then()
                .statusCode(404);
    }

    @Test
    void fieldDataListsArePaginated() {
        Registered d = DeviceApi.registered(org);
        for (int i = 0; i < 3; i++) {
            DeviceApi.upload(d, new byte[] {(byte) i}, "application/octet-stream", "f" + i + ".bin")
                    .statusCode(201);
        }
        var first = given().auth()
                .oauth2(org.memberToken())
                .queryParam("limit", 2)
                .get("/devices/" + d.id() + "/field-data")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].filename", equalTo("f2.bin"))
                .extract();
        String cursor = first.path("nextCursor");
        given().auth()
                .oauth2(org.memberToken())
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/devices/" + d.id() + "/field-data")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].filename", equalTo("f0.bin"))
                .body("nextCursor", nullValue());
    }

    private String positionOf(String deviceId) {
        var rows = pool.preparedQuery("SELECT lat::text FROM device_position WHERE device_id = $1")
                .execute(Tuple.of(UUID.fromString(deviceId)))
                .await()
                .indefinitely();
        return rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null;
    }

    private long count(String sql, Object param) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(param))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
