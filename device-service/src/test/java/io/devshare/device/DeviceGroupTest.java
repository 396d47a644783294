package io.devshare.device;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import com.fasterxml.jackson.databind.JsonNode;

import io.devshare.device.DeviceApi.Registered;
import io.devshare.testsupport.PublishedEvents;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Device groups: an organization's own devices only; membership changes published. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class DeviceGroupTest {

    @Test
    void groupsHoldOwnDevicesAndPublishTheirChanges() throws InterruptedException {
        TestOrg org = DeviceApi.orgWithPool("grp", 5);
        Registered a = DeviceApi.registered(org);
        Registered b = DeviceApi.registered(org);
        try (PublishedEvents events = new PublishedEvents("device-service", "device-events")) {
            String rovers = DeviceApi.createGroup(org, "Riverside rovers")
                    .statusCode(201)
                    .header("Location", containsString("/device-groups/"))
                    .body("name", equalTo("Riverside rovers"))
                    .body("deviceCount", equalTo(0))
                    .extract()
                    .path("id");
            String survey = DeviceApi.group(org, "Survey kit");
            DeviceApi.addToGroup(org, rovers, a.id()).statusCode(204);
            DeviceApi.addToGroup(org, rovers, b.id()).statusCode(204);
            DeviceApi.addToGroup(org, rovers, a.id()).statusCode(204); // again: no change, no event
            DeviceApi.addToGroup(org, survey, a.id()).statusCode(204); // a device may be in several groups

            given().auth()
                    .oauth2(org.memberToken())
                    .get("/device-groups/" + rovers)
                    .then()
                    .statusCode(200)
                    .body("deviceCount", equalTo(2))
                    .body("deviceIds", contains(a.id(), b.id()));
            given().auth()
                    .oauth2(org.memberToken())
                    .queryParam("limit", 1)
                    .get("/device-groups")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].name", equalTo("Survey kit"))
                    .body("items[0].deviceCount", equalTo(1))
                    .body("items[0]", not(hasKey("deviceIds")))
                    .body("nextCursor", notNullValue());

            // Renaming; a name the organization already uses is a conflict.
            given().auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Harbour rovers"))
                    .patch("/device-groups/" + rovers)
                    .then()
                    .statusCode(200)
                    .body("name", equalTo("Harbour rovers"))
                    .body("deviceIds", containsInAnyOrder(a.id(), b.id()));
            given().auth()
                    .oauth2(org.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "survey KIT"))
                    .patch("/device-groups/" + rovers)
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("https://devshare.io/problems/group-name-taken"));
            DeviceApi.createGroup(org, "Harbour Rovers").statusCode(409);

            // The device list filters by group.
            given().auth()
                    .oauth2(org.memberToken())
                    .queryParam("group", survey)
                    .get("/devices")
                    .then()
                    .statusCode(200)
                    .body("items.id", contains(a.id()));

            given().auth()
                    .oauth2(org.adminToken())
                    .delete("/device-groups/" + rovers + "/devices/" + b.id())
                    .then()
                    .statusCode(204);
            given().auth()
                    .oauth2(org.adminToken())
                    .delete("/device-groups/" + rovers + "/devices/" + b.id())
                    .then()
                    .statusCode(204); // again: no change, no event

            JsonNode created = events.await(rovers, "io.devshare.device.group.created");
            assertThat(created.at("/data/ownerOrg").asText()).isEqualTo(org.alias());
            JsonNode added = events.await(rovers, "io.devshare.device.group.membership.changed", "\"ADDED\"");
            assertThat(added.at("/data/groupId").asText()).isEqualTo(rovers);
            assertThat(added.at("/data/ownerOrg").asText()).isEqualTo(org.alias());
            JsonNode removed = events.await(rovers, "io.devshare.device.group.membership.changed", "\"REMOVED\"");
            assertThat(removed.at("/data/deviceId").asText()).isEqualTo(b.id());

            given().auth()
                    .oauth2(org.adminToken())
                    .delete("/device-groups/" + rovers)
                    .then()
                    .statusCode(204);
            JsonNode deleted = events.await(rovers, "io.devshare.device.group.deleted");
            assertThat(deleted.at("/data/deviceIds/0").asText()).isEqualTo(a.id());
            given().auth()
                    .oauth2(org.memberToken())
                    .get("/device-groups/" + rovers)
                    .then()
                    .statusCode(404);
            // The devices stay.
            DeviceApi.get(org, a.id()).statusCode(200);

            // Three membership changes (a, b added; b removed): the repeated add and remove published nothing.
            Thread.sleep(1000);
            assertThat(events.valuesFor(rovers).stream()
                            .filter(v -> v.contains("group.membership.changed"))
                            .count())
                    .isEqualTo(3);
        }
    }

    @Test
    void anotherOrganizationsGroupsAndDevicesAre404() {
        TestOrg org = DeviceApi.orgWithPool("grpo", 2);
        TestOrg other = DeviceApi.orgWithPool("grpx", 2);
        Registered own = DeviceApi.registered(org);
        Registered foreign = DeviceApi.registered(other);
        String group = DeviceApi.group(org, "Mine");
        String foreignGroup = DeviceApi.group(other, "Theirs");

        DeviceApi.addToGroup(org, group, foreign.id()).statusCode(404).contentType("application/problem+json");
        DeviceApi.addToGroup(org, group, UUID.randomUUID().toString()).statusCode(404);
        DeviceApi.addToGroup(org, foreignGroup, own.id()).statusCode(404);
        given().auth()
                .oauth2(org.adminToken())
                .delete("/device-groups/" + group + "/devices/" + foreign.id())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(org.memberToken())
                .get("/device-groups/" + foreignGroup)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Taken over"))
                .patch("/device-groups/" + foreignGroup)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(org.adminToken())
                .delete("/device-groups/" + foreignGroup)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(org.adminToken())
                .get("/device-groups/not-a-uuid")
                .then()
                .statusCode(404);
        // Filtering the device list by another organization's group tells nothing either.
        given().auth()
                .oauth2(org.memberToken())
                .queryParam("group", foreignGroup)
                .get("/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("group"));
        given().auth()
                .oauth2(other.memberToken())
                .get("/device-groups/" + foreignGroup)
                .then()
                .statusCode(200)
                .body("name", equalTo("Theirs"))
                .body("deviceIds", hasSize(0));
        given().auth()
                .oauth2(org.memberToken())
                .get("/device-groups")
                .then()
                .body("items.name", contains("Mine"))
                .body("nextCursor", nullValue());
    }

    @Test
    void membersReadGroupsButOnlyAdminsChangeThem() {
        TestOrg org = DeviceApi.orgWithPool("grpm", 1);
        Registered d = DeviceApi.registered(org);
        String group = DeviceApi.group(org, "Admins only");
        given().auth()
                .oauth2(org.memberToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "By a member"))
                .post("/device-groups")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(org.memberToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed"))
                .patch("/device-groups/" + group)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(org.memberToken())
                .put("/device-groups/" + group + "/devices/" + d.id())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(org.memberToken())
                .delete("/device-groups/" + group + "/devices/" + d.id())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(org.memberToken())
                .delete("/device-groups/" + group)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(org.memberToken())
                .get("/device-groups/" + group)
                .then()
                .statusCode(200);
    }

    @Test
    void invalidGroupRequestsAre400s() {
        TestOrg org = DeviceApi.orgWithPool("grpv", 1);
        DeviceApi.createGroup(org, " ").statusCode(400).body("errors[0].field", equalTo("name"));
        DeviceApi.createGroup(org, "x".repeat(101)).statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body("{\"name\": [1]}")
                .post("/device-groups")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body("{")
                .post("/device-groups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(org.memberToken())
                .queryParam("limit", 0)
                .get("/device-groups")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().auth()
                .oauth2(org.memberToken())
                .queryParam("cursor", "garbage")
                .get("/device-groups")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth()
                .oauth2(org.memberToken())
                .get("/device-groups")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }
}
