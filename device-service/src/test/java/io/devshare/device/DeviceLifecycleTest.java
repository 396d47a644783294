package io.devshare.device;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.databind.JsonNode;

import io.devshare.device.DeviceApi.Registered;
import io.devshare.testsupport.PublishedEvents;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** Updating and deleting devices, idempotent registration, and the events all of it publishes. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class DeviceLifecycleTest {

    @Inject
    Pool pool;

    @Test
    void registeringUpdatingAndDeletingPublishEventsOfTheSamplesShape() {
        TestOrg org = DeviceApi.orgWithPool("life", 3);
        try (PublishedEvents events = new PublishedEvents("device-service", "device-events")) {
            Registered d = DeviceApi.registered(
                    org, DeviceApi.device(DeviceApi.serial(), "MACHINE_CONTROL", List.of("excavator")));
            JsonNode registered = events.await(d.id(), "io.devshare.device.device.registered");
            assertThat(registered.at("/data/deviceId").asText()).isEqualTo(d.id());
            assertThat(registered.at("/data/ownerOrg").asText()).isEqualTo(org.alias());
            assertThat(registered.at("/data/kind").asText()).isEqualTo("MACHINE_CONTROL");
            assertThat(registered.toString()).doesNotContain(d.secret()).doesNotContain("hmac-sha256");

            given().auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("displayName", "Excavator 3", "tags", List.of("harbour", "harbour", " night ")))
                    .patch("/devices/" + d.id())
                    .then()
                    .statusCode(200)
                    .body("displayName", equalTo("Excavator 3"))
                    .body("tags", equalTo(List.of("harbour", "night")))
                    .body("kind", equalTo("MACHINE_CONTROL"))
                    .body("$", not(hasKey("credentials")));
            JsonNode updated = events.await(d.id(), "io.devshare.device.device.updated");
            assertThat(updated.at("/data/displayName").asText()).isEqualTo("Excavator 3");

            String group = DeviceApi.group(org, "Fleet");
            DeviceApi.addToGroup(org, group, d.id()).statusCode(204);
            DeviceApi.position(d, Map.of("lat", 1.0, "lon", 2.0)).statusCode(204);
            String fileId = DeviceApi.upload(d, new byte[] {1, 2, 3}, "application/octet-stream", "a.bin")
                    .statusCode(201)
                    .extract()
                    .path("id");
            JsonNode uploaded = events.await(d.id(), "io.devshare.device.fielddata.uploaded");
            assertThat(uploaded.at("/data/fileId").asText()).isEqualTo(fileId);
            assertThat(uploaded.at("/data/size").asLong()).isEqualTo(3);
            assertThat(uploaded.at("/data/sha256").asText()).hasSize(64);

            given().auth()
                    .oauth2(org.adminToken())
                    .delete("/devices/" + d.id())
                    .then()
                    .statusCode(204);
            JsonNode deleted = events.await(d.id(), "io.devshare.device.device.deleted");
            assertThat(deleted.at("/data/groupIds/0").asText()).isEqualTo(group);
            assertThat(deleted.at("/data/ownerOrg").asText()).isEqualTo(org.alias());

            // Gone: its licence is free again, its credentials and files with it.
            DeviceApi.get(org, d.id()).statusCode(404);
            DeviceApi.licences(org).body("used", equalTo(0));
            DeviceApi.position(d, Map.of("lat", 1.0, "lon", 2.0)).statusCode(401);
            given().auth()
                    .oauth2(org.memberToken())
                    .get("/device-groups/" + group)
                    .then()
                    .body("deviceCount", equalTo(0));
            assertThat(Path.of("target/field-data", d.id())).doesNotExist();
            assertThat(count("SELECT count(*) FROM field_data_file WHERE device_id = $1", UUID.fromString(d.id())))
                    .isZero();
            given().auth()
                    .oauth2(org.adminToken())
                    .delete("/devices/" + d.id())
                    .then()
                    .statusCode(404);

            // Positions are not published (high volume; see DeviceEvents).
            assertThat(events.valuesFor(d.id())).noneMatch(v -> v.contains("position"));
        }
    }

    @Test
    void anUpdateThatChangesNothingPublishesNothingAndIdentityCannotChange() {
        TestOrg org = DeviceApi.orgWithPool("same", 2);
        Registered d = DeviceApi.registered(org);
        String name = DeviceApi.get(org, d.id()).extract().path("displayName");
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", name))
                .patch("/devices/" + d.id())
                .then()
                .statusCode(200);
        assertThat(count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND type LIKE '%device.updated'",
                        d.id()))
                .isZero();
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "SUBMARINE");
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("serialNumber", "OTHER", "manufacturer", "Leica", "displayName", " ", "tags", List.of("")))
                .patch("/devices/" + d.id())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("serialNumber", "manufacturer", "displayName", "tags[0]"));
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .patch("/devices/" + d.id())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        DeviceApi.get(org, d.id()).body("displayName", equalTo(name));
    }

    @Test
    void aRetriedRegistrationIsCreatedOnceAndItsSecretIsNotReplayed() {
        TestOrg org = DeviceApi.orgWithPool("idem", 3);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = DeviceApi.device(DeviceApi.serial());
        var first = register(org, key, body).statusCode(201).extract();
        String id = first.path("id");
        String secret = first.path("credentials.secret");
        assertThat(secret).isNotBlank();
        // The answer is built from the registered device, not read back: it is what reading it back answers.
        Map<String, Object> answered = new HashMap<>(first.jsonPath().getMap("$"));
        answered.remove("credentials");
        assertThat(answered)
                .isEqualTo(DeviceApi.get(org, id).extract().jsonPath().getMap("$"));
        var again = register(org, key, body)
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .body("credentials.deviceId", equalTo(id))
                .body("credentials", not(hasKey("secret")))
                .extract();
        assertThat(again.asString()).doesNotContain(secret);
        assertThat(count("SELECT count(*) FROM idempotency_record WHERE body LIKE $1", "%" + secret + "%"))
                .isZero();
        DeviceApi.licences(org).body("used", equalTo(1));
        register(org, key, DeviceApi.device(DeviceApi.serial()))
                .statusCode(422)
                .body("type", equalTo("https://devshare.io/problems/idempotency-key-reused"));
        // The secret of the first answer works.
        DeviceApi.position(new Registered(id, secret), Map.of("lat", 0.0, "lon", 0.0))
                .statusCode(204);
    }

    private static io.restassured.response.ValidatableResponse register(TestOrg org, String key, Object body) {
        return given().auth()
                .oauth2(org.adminToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/devices")
                .then();
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
