package io.devshare.device;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import io.devshare.device.DeviceApi.Registered;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

import static io.devshare.testsupport.ProblemResponses.refused;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Input a hostile user or a faulty device sends (issue 13): control characters, keys given twice, values of the
 * wrong JSON type, numbers out of range. Each is a 400 problem naming the field — before, several were a 500 — and
 * nothing is written.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class HostileInputTest {

    static TestOrg org;
    static Registered device;
    static String group;

    /** Once per class, after the application started (RestAssured knows its port only then). */
    @BeforeEach
    void setUp() {
        if (org != null) {
            return;
        }
        org = DeviceApi.orgWithPool("hostile", 3);
        device = DeviceApi.registered(org);
        group = DeviceApi.group(org, "Hostile group");
    }

    private static ValidatableResponse admin(String method, String path, String json) {
        return given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(json)
                .request(method, path)
                .then();
    }

    private static String registration(String serialJson, String displayNameJson) {
        return """
                {"serialNumber":%s,"manufacturer":"Trimble","model":"SPS986","kind":"GNSS_ROVER",
                 "displayName":%s,"tags":["survey"]}""".formatted(serialJson, displayNameJson);
    }

    @Test
    void aNulCharacterAnywhereIsA400NamingTheField() {
        refused(admin("POST", "/devices", registration("\"SN-nul\"", "\"a\\u0000b\"")), "displayName");
        refused(admin("POST", "/device-groups", "{\"name\":\"a\\u0000b\"}"), "name");
        refused(admin("PATCH", "/devices/" + device.id(), "{\"tags\":[\"ok\",\"a\\u0000b\"]}"), "tags[1]");
        refused(
                given().auth()
                        .oauth2(org.memberToken())
                        .queryParam("tag", "a\u0000b")
                        .get("/devices")
                        .then(),
                "tag");
    }

    @Test
    void aDeviceCannotReportAControlCharacterThatWouldPoisonAConsumer() {
        refused(
                given().auth()
                        .preemptive()
                        .basic(device.id(), device.secret())
                        .contentType(ContentType.JSON)
                        .body("{\"status\":\"FAILED\",\"message\":\"a\\u0000b\"}")
                        .post("/device-api/designs/" + UUID.randomUUID() + "/status")
                        .then(),
                "message");
        refused(DeviceApi.position(device, "{\"lat\":1e400,\"lon\":6.1}"), "lat");
    }

    @Test
    void aKeyGivenTwiceIsA400() {
        refused(admin("POST", "/device-groups", "{\"name\":\"a\",\"name\":\"b\"}"), "name");
        refused(admin("PATCH", "/device-groups/" + group, "{\"name\":\"a\",\"name\":\"b\"}"), "name");
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedNotCoerced() {
        refused(admin("POST", "/devices", registration("5", "\"Rover\"")), "serialNumber");
        for (String size : new String[] {"\"10\"", "1.5", "99999999999"}) {
            refused(
                    given().auth()
                            .oauth2(Tokens.of("operator"))
                            .contentType(ContentType.JSON)
                            .body("{\"size\":" + size + "}")
                            .put("/operator/organizations/" + org.alias() + "/licences")
                            .then(),
                    "size");
        }
        // Nothing was written: the pool and its use are as before.
        DeviceApi.licences(org).statusCode(200).body("size", equalTo(3)).body("used", equalTo(1));
    }
}
