package io.devshare.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.device.DeviceApi.Registered;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Registering devices: licences, serial numbers, the secret shown once, deleting, updating. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class DeviceRegistrationTest {

    @Inject
    Pool pool;

    @Test
    void registeringStoresTheDeviceUsesALicenceAndShowsTheSecretOnce() {
        TestOrg org = DeviceApi.orgWithPool("reg", 5);
        String serial = DeviceApi.serial();
        var created = DeviceApi.register(org, DeviceApi.device(serial, "GNSS_ROVER", List.of("survey", "riverside")))
                .statusCode(201)
                .header("Location", containsString("/devices/"))
                .header("Cache-Control", "no-store")
                .body("serialNumber", equalTo(serial))
                .body("manufacturer", equalTo("Trimble"))
                .body("kind", equalTo("GNSS_ROVER"))
                .body("tags", equalTo(List.of("survey", "riverside")))
                .body("owner.alias", equalTo(org.alias()))
                .body("sharedWith", empty())
                .body("sharedBy", nullValue())
                .body("role", nullValue())
                .body("activeAccount", nullValue())
                .body("lastPosition", nullValue())
                .body("credentials.secret", notNullValue())
                .extract();
        String id = created.path("id");
        String secret = created.path("credentials.secret");
        assertThat((String) created.path("credentials.deviceId")).isEqualTo(id);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);

        // Never again: neither in GET nor in the list; only a slow hash is stored.
        String again = DeviceApi.get(org, id)
                .statusCode(200)
                .body("$", not(hasKey("credentials")))
                .extract()
                .asString();
        assertThat(again).doesNotContain(secret);
        String list = given().auth()
                .oauth2(org.memberToken())
                .get("/devices")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list).doesNotContain(secret).contains(id);
        String stored = pool.preparedQuery("SELECT secret_hash FROM device WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id)))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getString(0);
        assertThat(stored).startsWith("hmac-sha256$").doesNotContain(secret);

        DeviceApi.licences(org)
                .statusCode(200)
                .body("organization", equalTo(org.alias()))
                .body("size", equalTo(5))
                .body("used", equalTo(1))
                .body("available", equalTo(4));
    }

    @Test
    void beyondThePoolIsA409StatingSizeAndUse() {
        TestOrg org = DeviceApi.orgWithPool("pool", 2);
        DeviceApi.registered(org);
        DeviceApi.registered(org);
        DeviceApi.register(org, DeviceApi.device(DeviceApi.serial()))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://devshare.io/problems/licences-exhausted"))
                .body("size", equalTo(2))
                .body("used", equalTo(2))
                .body("detail", containsString("2 of 2"));
        assertThat(count("SELECT count(*) FROM device WHERE owner_org = $1", org.alias()))
                .isEqualTo(2);
    }

    @Test
    void concurrentRegistrationsNeverExceedThePool() throws Exception {
        TestOrg org = DeviceApi.orgWithPool("race", 3);
        String token = org.adminToken();
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Integer> call = () -> given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(DeviceApi.device(DeviceApi.serial()))
                        .post("/devices")
                        .then()
                        .extract()
                        .statusCode();
                results.add(executor.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(3);
        } finally {
            executor.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM device WHERE owner_org = $1", org.alias()))
                .isEqualTo(3);
        DeviceApi.licences(org).body("used", equalTo(3)).body("size", equalTo(3));
    }

    @Test
    void aSerialNumberIsUniquePerManufacturerAcrossOrganizations() {
        TestOrg a = DeviceApi.orgWithPool("sera", 5);
        TestOrg b = DeviceApi.orgWithPool("serb", 5);
        String serial = DeviceApi.serial();
        DeviceApi.registered(a, DeviceApi.device(serial));
        Map<String, Object> same = new java.util.HashMap<>(DeviceApi.device(serial.toLowerCase()));
        same.put("manufacturer", "TRIMBLE");
        DeviceApi.register(b, same)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://devshare.io/problems/serial-number-taken"));
        // Another manufacturer may use the same serial number.
        Map<String, Object> other = new java.util.HashMap<>(DeviceApi.device(serial));
        other.put("manufacturer", "Leica");
        DeviceApi.register(b, other).statusCode(201);
        DeviceApi.licences(b).body("used", equalTo(1));
    }

    @Test
    void aNewOrganizationRegistersAtOnceFromItsStartingPool() throws Exception {
        // Never touched by an operator: its first registration stores the starting pool (10) and takes one.
        TestOrg first = TestOrgs.create("start", "Starting Pool");
        DeviceApi.registered(first);
        DeviceApi.licences(first)
                .statusCode(200)
                .body("size", equalTo(10))
                .body("used", equalTo(1))
                .body("available", equalTo(9));
        assertThat(text("SELECT updated_by FROM licence_pool WHERE org_alias = $1", first.alias()))
                .isEqualTo("starting-pool");

        // Its first look at its licences stores the pool too; two first registrations at once store one row.
        TestOrg looker = TestOrgs.create("look", "Looks First");
        DeviceApi.licences(looker).statusCode(200).body("size", equalTo(10)).body("used", equalTo(0));
        TestOrg racer = TestOrgs.create("firstrace", "First Race");
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(executor.submit(() -> DeviceApi.register(racer, DeviceApi.device(DeviceApi.serial()))
                        .extract()
                        .statusCode()));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isEqualTo(201);
            }
        } finally {
            executor.shutdownNow();
        }
        DeviceApi.licences(racer).body("size", equalTo(10)).body("used", equalTo(4));

        // The operator's setting overrides it, also when made before the organization is first seen; reading an
        // organization not seen yet shows the pool it will start with and stores nothing.
        TestOrg early = TestOrgs.create("early", "Operator First");
        given().auth()
                .oauth2(Tokens.of("operator"))
                .get("/operator/organizations/" + early.alias() + "/licences")
                .then()
                .statusCode(200)
                .body("size", equalTo(10))
                .body("used", equalTo(0));
        assertThat(count("SELECT count(*) FROM licence_pool WHERE org_alias = $1", early.alias()))
                .isZero();
        DeviceApi.setPool(early.alias(), 1).statusCode(200).body("size", equalTo(1));
        DeviceApi.registered(early);
        DeviceApi.register(early, DeviceApi.device(DeviceApi.serial()))
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/licences-exhausted"))
                .body("size", equalTo(1));
        DeviceApi.setPool(first.alias(), 50)
                .statusCode(200)
                .body("size", equalTo(50))
                .body("used", equalTo(1));
        DeviceApi.licences(first).body("size", equalTo(50));
    }

    @Test
    void anOperatorSetsPoolsAndNobodyElseMay() {
        TestOrg org = TestOrgs.create("op", "Operator Target");
        DeviceApi.licences(org).statusCode(200).body("size", equalTo(10)).body("used", equalTo(0));
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("size", 100))
                .put("/operator/organizations/" + org.alias() + "/licences")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        DeviceApi.setPool(org.alias(), 1).body("size", equalTo(1)).body("used", equalTo(0));
        DeviceApi.registered(org);
        DeviceApi.setPool(org.alias(), 0)
                .statusCode(409)
                .body("type", equalTo("https://devshare.io/problems/licences-in-use"))
                .body("used", equalTo(1));
        DeviceApi.setPool(org.alias(), -1).statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth()
                .oauth2(Tokens.of("operator"))
                .get("/operator/organizations/" + org.alias() + "/licences")
                .then()
                .statusCode(200)
                .body("size", equalTo(1))
                .body("used", equalTo(1));
        // The operator's token names no organization: it has no licences of its own.
        given().auth().oauth2(Tokens.of("operator")).get("/licences").then().statusCode(403);
    }

    @Test
    void demoOrganizationsHaveASeededPool() {
        given().auth()
                .oauth2(Tokens.of("operator"))
                .get("/operator/organizations/acme/licences")
                .then()
                .statusCode(200)
                .body("size", equalTo(50));
    }

    @Test
    void deviceCredentialsWorkUntilRotated() {
        TestOrg org = DeviceApi.orgWithPool("cred", 2);
        Registered device = DeviceApi.registered(org);
        DeviceApi.position(device, Map.of("lat", 47.3769, "lon", 8.5417)).statusCode(204);

        String fresh = given().auth()
                .oauth2(org.adminToken())
                .post("/devices/" + device.id() + "/credentials/rotate")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("deviceId", equalTo(device.id()))
                .extract()
                .path("secret");
        assertThat(fresh).isNotEqualTo(device.secret());
        DeviceApi.position(device, Map.of("lat", 47.0, "lon", 8.0))
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        DeviceApi.position(new Registered(device.id(), fresh), Map.of("lat", 47.0, "lon", 8.0))
                .statusCode(204);
    }

    private String text(String sql, Object param) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(param))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getString(0);
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
