package io.devshare.device;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

import static io.restassured.RestAssured.given;

/** device-service's API as the tests call it, with real tokens of the given organization's users. */
final class DeviceApi {

    static final String DEVICES = "/devices";
    static final String GROUPS = "/device-groups";

    private DeviceApi() {}

    /** A registered device and the secret shown once at registration. */
    record Registered(String id, String secret) {}

    /** A fresh organization with a licence pool of {@code size}, set by the platform operator. */
    static TestOrg orgWithPool(String prefix, int size) {
        TestOrg org = TestOrgs.create(prefix, "Devices " + prefix);
        setPool(org.alias(), size).statusCode(200);
        return org;
    }

    static ValidatableResponse setPool(String alias, int size) {
        return given().auth()
                .oauth2(Tokens.of("operator"))
                .contentType(ContentType.JSON)
                .body(Map.of("size", size))
                .put("/operator/organizations/" + alias + "/licences")
                .then();
    }

    static Map<String, Object> device(String serial) {
        return device(serial, "GNSS_ROVER", List.of("survey"));
    }

    static Map<String, Object> device(String serial, String kind, List<String> tags) {
        return Map.of(
                "serialNumber",
                serial,
                "manufacturer",
                "Trimble",
                "model",
                "SPS986",
                "kind",
                kind,
                "displayName",
                "Rover " + serial,
                "tags",
                tags);
    }

    static String serial() {
        return "SN-" + UUID.randomUUID();
    }

    static ValidatableResponse register(TestOrg org, Object body) {
        return given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(DEVICES)
                .then();
    }

    static Registered registered(TestOrg org) {
        return registered(org, device(serial()));
    }

    static Registered registered(TestOrg org, Object body) {
        var r = register(org, body).statusCode(201).extract();
        return new Registered(r.path("id"), r.path("credentials.secret"));
    }

    static ValidatableResponse get(TestOrg org, String id) {
        return given().auth().oauth2(org.memberToken()).get(DEVICES + "/" + id).then();
    }

    static ValidatableResponse licences(TestOrg org) {
        return given().auth().oauth2(org.memberToken()).get("/licences").then();
    }

    static ValidatableResponse createGroup(TestOrg org, String name) {
        return given().auth()
                .oauth2(org.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post(GROUPS)
                .then();
    }

    static String group(TestOrg org, String name) {
        return createGroup(org, name).statusCode(201).extract().path("id");
    }

    static ValidatableResponse addToGroup(TestOrg org, String groupId, String deviceId) {
        return given().auth()
                .oauth2(org.adminToken())
                .put(GROUPS + "/" + groupId + "/devices/" + deviceId)
                .then();
    }

    /** A request whose Content-Type is sent exactly as given (REST Assured appends a charset by default). */
    static RequestSpecification raw() {
        return given().config(RestAssured.config()
                .encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    static ValidatableResponse position(Registered device, Object body) {
        return given().auth()
                .preemptive()
                .basic(device.id(), device.secret())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/device-api/position")
                .then();
    }

    static ValidatableResponse upload(Registered device, byte[] bytes, String contentType, String filename) {
        var request = raw().auth().preemptive().basic(device.id(), device.secret());
        if (filename != null) {
            request.header("X-Filename", filename);
        }
        return request.contentType(contentType)
                .body(bytes)
                .post("/device-api/field-data")
                .then();
    }
}
