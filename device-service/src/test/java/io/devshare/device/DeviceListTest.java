package io.devshare.device;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.device.DeviceApi.Registered;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** GET /devices (one keyset list of owned and shared-in devices, with badges and filters) and the map. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class DeviceListTest {

    @Inject
    Pool pool;

    @Test
    void theListIsPaginatedNewestFirstAcrossPages() {
        TestOrg org = DeviceApi.orgWithPool("list", 10);
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(DeviceApi.registered(org).id());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(org.memberToken()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page =
                    request.get("/devices").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        java.util.Collections.reverse(registered);
        assertThat(seen).containsExactlyElementsOf(registered);
    }

    @Test
    void theListFiltersByKindTagAndOwnership() {
        TestOrg org = DeviceApi.orgWithPool("filt", 10);
        String rover = DeviceApi.registered(org, DeviceApi.device(DeviceApi.serial(), "GNSS_ROVER", List.of("river")))
                .id();
        String tablet = DeviceApi.registered(
                        org, DeviceApi.device(DeviceApi.serial(), "TABLET", List.of("river", "cab")))
                .id();
        String station = DeviceApi.registered(
                        org, DeviceApi.device(DeviceApi.serial(), "TOTAL_STATION", List.of("harbour")))
                .id();
        list(org, Map.of("kind", "tablet")).body("items.id", contains(tablet));
        list(org, Map.of("tag", "river")).body("items.id", contains(tablet, rover));
        list(org, Map.of("tag", "river", "kind", "GNSS_ROVER")).body("items.id", contains(rover));
        list(org, Map.of("tag", "nowhere")).body("items", empty());
        list(org, Map.of("ownership", "owned")).body("items.id", contains(station, tablet, rover));
        list(org, Map.of("ownership", "shared")).body("items", empty()).body("nextCursor", nullValue());

        list(org, Map.of("kind", "DRONE")).statusCode(400).body("errors[0].field", equalTo("kind"));
        list(org, Map.of("ownership", "borrowed")).statusCode(400).body("errors[0].field", equalTo("ownership"));
        list(org, Map.of("group", "not-a-uuid")).statusCode(400).body("errors[0].field", equalTo("group"));
        list(org, Map.of("group", UUID.randomUUID().toString())).statusCode(400);
        list(org, Map.of("tag", "x".repeat(41))).statusCode(400).body("errors[0].field", equalTo("tag"));
        list(org, Map.of("limit", "101")).statusCode(400).body("errors[0].field", equalTo("limit"));
        list(org, Map.of("limit", "many")).statusCode(400).body("errors[0].field", equalTo("limit"));
        list(org, Map.of("cursor", "bm9wZQ")).statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void sharedInDevicesJoinTheListWithTheirBadges() {
        TestOrg owner = DeviceApi.orgWithPool("shown", 5);
        TestOrg grantee = DeviceApi.orgWithPool("shgr", 5);
        Registered shared = DeviceApi.registered(owner);
        Registered own = DeviceApi.registered(grantee);
        DeviceApi.position(shared, Map.of("lat", 46.0, "lon", 7.0)).statusCode(204);
        // What the consumer of sharing-events will write (the projection is filled by hand here).
        grant(shared.id(), owner, grantee, "VIEWER", List.of("view", "view-position", "read-field-data"), null);
        grant(
                shared.id(),
                owner,
                grantee,
                "OPERATOR",
                List.of("view", "view-position", "read-field-data", "assign-to-project"),
                null);

        given().auth()
                .oauth2(grantee.memberToken())
                .get("/devices")
                .then()
                .statusCode(200)
                .body("items.id", contains(own.id(), shared.id()))
                .body("items[1].owner.alias", equalTo(owner.alias()))
                .body("items[1].sharedBy.alias", equalTo(owner.alias()))
                .body("items[1].role", equalTo("OPERATOR"))
                .body("items[1].sharedWith", empty())
                .body("items[0].sharedBy", nullValue());
        list(grantee, Map.of("ownership", "shared")).body("items.id", contains(shared.id()));
        list(grantee, Map.of("ownership", "owned")).body("items.id", contains(own.id()));
        // Filters apply to both branches (the shared-in one joins the device for them).
        list(grantee, Map.of("tag", "survey")).body("items.id", contains(own.id(), shared.id()));
        list(grantee, Map.of("tag", "survey", "ownership", "shared")).body("items.id", contains(shared.id()));
        list(grantee, Map.of("kind", "TABLET")).body("items", empty());
        list(grantee, Map.of("limit", "1")).body("items.id", contains(own.id())).body("nextCursor", notNullValue());
        DeviceApi.get(grantee, shared.id()).statusCode(200).body("role", equalTo("OPERATOR"));
        DeviceApi.get(owner, shared.id())
                .statusCode(200)
                .body("sharedWith.alias", contains(grantee.alias()))
                .body("sharedWith[0].role", equalTo("OPERATOR"));

        // Seeing is not owning: changes are 403 for the grantee.
        given().auth()
                .oauth2(grantee.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Mine now"))
                .patch("/devices/" + shared.id())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(grantee.adminToken())
                .delete("/devices/" + shared.id())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(grantee.adminToken())
                .post("/devices/" + shared.id() + "/credentials/rotate")
                .then()
                .statusCode(403);
        String group = DeviceApi.group(grantee, "Borrowed");
        DeviceApi.addToGroup(grantee, group, shared.id()).statusCode(403);
        given().auth()
                .oauth2(grantee.memberToken())
                .get("/devices/" + shared.id() + "/field-data")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(grantee.memberToken())
                .get("/devices/locations")
                .then()
                .statusCode(200)
                .body("features.id", contains(shared.id()));

        // A third organization sees nothing of it.
        TestOrg third = DeviceApi.orgWithPool("shthird", 1);
        DeviceApi.get(third, shared.id()).statusCode(404);
        list(third, Map.of()).body("items", empty());
    }

    @Test
    void aGrantOutsideItsWindowOrWithoutTheCapabilityGivesNothing() {
        TestOrg owner = DeviceApi.orgWithPool("winown", 5);
        TestOrg grantee = DeviceApi.orgWithPool("wingr", 5);
        Registered ended = DeviceApi.registered(owner);
        Registered viewOnly = DeviceApi.registered(owner);
        grant(
                ended.id(),
                owner,
                grantee,
                "VIEWER",
                List.of("view", "read-field-data"),
                OffsetDateTime.now().minusDays(1));
        grant(viewOnly.id(), owner, grantee, "CUSTOM", List.of("view"), null);
        DeviceApi.get(grantee, ended.id()).statusCode(404);
        list(grantee, Map.of()).body("items.id", contains(viewOnly.id()));
        DeviceApi.position(viewOnly, Map.of("lat", 1.0, "lon", 1.0)).statusCode(204);
        given().auth()
                .oauth2(grantee.memberToken())
                .get("/devices/locations")
                .then()
                .body("features", empty());
        given().auth()
                .oauth2(grantee.memberToken())
                .get("/devices/" + viewOnly.id() + "/field-data")
                .then()
                .statusCode(403)
                .body("capability", equalTo("read-field-data"));
        given().auth()
                .oauth2(grantee.memberToken())
                .get("/devices/" + ended.id() + "/field-data")
                .then()
                .statusCode(404);
    }

    @Test
    void theMapIsGeoJsonOfTheDevicesWithAPositionOptionallyInABoundingBox() {
        TestOrg org = DeviceApi.orgWithPool("map", 5);
        Registered zurich = DeviceApi.registered(org);
        Registered sydney = DeviceApi.registered(org);
        Registered fiji = DeviceApi.registered(org);
        DeviceApi.registered(org); // never reported: not on the map
        DeviceApi.position(zurich, Map.of("lat", 47.3769, "lon", 8.5417, "altitude", 408.0))
                .statusCode(204);
        DeviceApi.position(sydney, Map.of("lat", -33.8688, "lon", 151.2093)).statusCode(204);
        DeviceApi.position(fiji, Map.of("lat", -17.7134, "lon", 178.065)).statusCode(204);
        TestOrg other = DeviceApi.orgWithPool("mapx", 1);
        DeviceApi.position(DeviceApi.registered(other), Map.of("lat", 47.4, "lon", 8.5))
                .statusCode(204);

        given().auth()
                .oauth2(org.memberToken())
                .get("/devices/locations")
                .then()
                .statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("truncated", equalTo(false))
                .body("features", hasSize(3))
                .body("features.id", containsInAnyOrder(zurich.id(), sydney.id(), fiji.id()))
                .body("features.geometry.type", contains("Point", "Point", "Point"));
        given().auth()
                .oauth2(org.memberToken())
                .queryParam("bbox", "8.4,47.3,8.7,47.5")
                .get("/devices/locations")
                .then()
                .statusCode(200)
                .body("features", hasSize(1))
                .body("features[0].type", equalTo("Feature"))
                .body("features[0].geometry.coordinates", contains(8.5417f, 47.3769f, 408.0f))
                .body("features[0].properties.id", equalTo(zurich.id()))
                .body("features[0].properties.displayName", equalTo(displayName(org, zurich.id())))
                .body("features[0].properties.kind", equalTo("GNSS_ROVER"))
                .body("features[0].properties.recordedAt", notNullValue());
        // Across the antimeridian: from 170°E to 150°W.
        given().auth()
                .oauth2(org.memberToken())
                .queryParam("bbox", "170,-20,-150,0")
                .get("/devices/locations")
                .then()
                .body("features.id", contains(fiji.id()));
        given().auth()
                .oauth2(org.memberToken())
                .queryParam("limit", 1)
                .get("/devices/locations")
                .then()
                .body("features", hasSize(1))
                .body("truncated", equalTo(true));
        given().auth()
                .oauth2(org.memberToken())
                .accept(ContentType.JSON)
                .get("/devices/locations")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);

        for (String bad : List.of("1,2,3", "a,b,c,d", "0,0,200,10", "0,10,10,0", "0,-91,1,1", "NaN,0,1,1", ",,,")) {
            given().auth()
                    .oauth2(org.memberToken())
                    .queryParam("bbox", bad)
                    .get("/devices/locations")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("bbox"));
        }
    }

    private String displayName(TestOrg org, String id) {
        return DeviceApi.get(org, id).extract().path("displayName");
    }

    private io.restassured.response.ValidatableResponse list(TestOrg org, Map<String, ?> params) {
        return given().auth()
                .oauth2(org.memberToken())
                .queryParams(params)
                .get("/devices")
                .then();
    }

    private void grant(
            String deviceId,
            TestOrg owner,
            TestOrg grantee,
            String role,
            List<String> capabilities,
            OffsetDateTime endsAt) {
        pool.preparedQuery(
                        "INSERT INTO device_access (grant_id, device_id, owner_org, grantee_org, role,"
                                + " capabilities, starts_at, ends_at, device_created_at, updated_at)"
                                + " SELECT $1, d.id, $3, $4, $5, $6, NULL, $7, d.created_at, now() FROM device d WHERE d.id = $2")
                .execute(Tuple.tuple(java.util.Arrays.asList(
                        UUID.randomUUID(),
                        UUID.fromString(deviceId),
                        owner.alias(),
                        grantee.alias(),
                        role,
                        capabilities.toArray(new String[0]),
                        endsAt == null ? null : endsAt.withOffsetSameInstant(ZoneOffset.UTC))))
                .await()
                .indefinitely();
    }
}
