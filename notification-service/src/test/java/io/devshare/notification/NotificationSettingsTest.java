package io.devshare.notification;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** GET/PUT /notification-settings: the organization's contacts, validated, for its admins only. */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class NotificationSettingsTest {

    @Test
    void anAdminReplacesAndReadsItsOrganizationsSettingsAndNoOtherOrganizationSeesThem() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg stranger = TestOrgs.create("stranger", "Stranger Ltd");
        given().auth()
                .oauth2(acme.adminToken())
                .get("/notification-settings")
                .then()
                .statusCode(200)
                .body("org", equalTo(acme.alias()))
                .body("language", equalTo("en"))
                .body("contacts", hasSize(0))
                .body("updatedAt", nullValue())
                .body("availableKinds", hasItem("share.ending"));

        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "contacts",
                        List.of(
                                Map.of(
                                        "email",
                                        " Dispatch@Acme.example ",
                                        "kinds",
                                        List.of("share.granted", "share.granted")),
                                Map.of(
                                        "email",
                                        "pm@acme.example",
                                        "kinds",
                                        List.of("transfer.failed", "share.ending")))))
                .put("/notification-settings")
                .then()
                .statusCode(200)
                .body("contacts.email", containsInAnyOrder("dispatch@acme.example", "pm@acme.example"))
                .body("contacts[0].kinds", equalTo(List.of("share.granted")))
                .body("updatedAt", notNullValue());
        given().auth()
                .oauth2(acme.adminToken())
                .get("/notification-settings")
                .then()
                .statusCode(200)
                .body("contacts[1].email", equalTo("pm@acme.example"))
                .body("contacts[1].kinds", equalTo(List.of("transfer.failed", "share.ending")));

        // A third organization sees only its own (empty) settings and cannot reach acme's.
        given().auth()
                .oauth2(stranger.adminToken())
                .get("/notification-settings")
                .then()
                .statusCode(200)
                .body("org", equalTo(stranger.alias()))
                .body("contacts", hasSize(0));
        given().auth()
                .oauth2(stranger.adminToken())
                .contentType("application/json")
                .body(Map.of("contacts", List.of()))
                .put("/notification-settings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(acme.adminToken())
                .get("/notification-settings")
                .then()
                .body("contacts", hasSize(2));
    }

    @Test
    void onlyAdminsMayReadOrChangeThem() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        given().auth()
                .oauth2(acme.memberToken())
                .get("/notification-settings")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(acme.memberToken())
                .contentType("application/json")
                .body(Map.of("contacts", List.of(Map.of("email", "x@acme.example", "kinds", List.of("share.granted")))))
                .put("/notification-settings")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/notification-settings").then().statusCode(401);
        // The language is the organization's, for every member (the console shows its pages in it).
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of("language", "de"))
                .put("/notification-settings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(acme.memberToken())
                .get("/notification-settings/language")
                .then()
                .statusCode(200)
                .body("language", equalTo("de"));
        given().get("/notification-settings/language").then().statusCode(401);
        given().auth()
                .oauth2(acme.adminToken())
                .get("/notification-settings")
                .then()
                .body("contacts", hasSize(0));
    }

    @Test
    void invalidSettingsNameEachFieldAndStoreNothing() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "language",
                        "xx",
                        "contacts",
                        List.of(
                                Map.of("email", "ok@acme.example", "kinds", List.of("share.granted", "no.such.kind")),
                                Map.of(
                                        "email",
                                        "evil@acme.example\r\nBcc: victim@x.example",
                                        "kinds",
                                        List.of("share.granted")),
                                Map.of("email", "OK@acme.example", "kinds", List.of()),
                                Map.of("email", "Name <n@acme.example>", "kinds", List.of("share.left")))))
                .put("/notification-settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "language",
                                "contacts[0].kinds[1]",
                                "contacts[1].email",
                                "contacts[2].email",
                                "contacts[2].kinds",
                                "contacts[3].email"));
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body("{\"contacts\": [{\"email\": 5, \"kinds\": \"share.granted\"}")
                .put("/notification-settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "contacts",
                        java.util.Collections.nCopies(
                                51, Map.of("email", "a@b.example", "kinds", List.of("share.left")))))
                .put("/notification-settings")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("contacts"));
        given().auth()
                .oauth2(acme.adminToken())
                .get("/notification-settings")
                .then()
                .statusCode(200)
                .body("contacts", hasSize(0))
                .body("updatedAt", nullValue());
    }

    @Test
    void aContactAddressWithAnInvisibleControlFormatOrSeparatorCharacterIsRefusedNamingTheField() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "contacts",
                        List.of(
                                Map.of("email", "ops\u2028@acme.example", "kinds", List.of("share.granted")),
                                Map.of("email", "ops@acme.example\u2029x", "kinds", List.of("share.granted")),
                                Map.of("email", "o\u200bps@acme.example", "kinds", List.of("share.granted")),
                                Map.of("email", "ops@acme\u202e.example", "kinds", List.of("share.granted")),
                                Map.of("email", "ops@acme.\u00a0example", "kinds", List.of("share.granted")),
                                Map.of("email", "ok@acme.example\u2028", "kinds", List.of("share.granted")),
                                Map.of("email", "fine@acme.example", "kinds", List.of("share.granted")))))
                .put("/notification-settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "contacts[0].email",
                                "contacts[1].email",
                                "contacts[2].email",
                                "contacts[3].email",
                                "contacts[4].email",
                                "contacts[5].email"))
                .body("errors.find { it.field == 'contacts[0].email' }.message", containsString("U+2028"));
        given().auth()
                .oauth2(acme.adminToken())
                .get("/notification-settings")
                .then()
                .statusCode(200)
                .body("contacts", hasSize(0));
    }

    @Test
    void aPutReplacesOnlyWhatItNames() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "language",
                        "de",
                        "contacts",
                        List.of(Map.of("email", "pm@acme.example", "kinds", List.of("share.granted")))))
                .put("/notification-settings")
                .then()
                .statusCode(200);

        // Only the language: the contacts stay.
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of("language", "en"))
                .put("/notification-settings")
                .then()
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("contacts.email", equalTo(List.of("pm@acme.example")));
        // Only the contacts: the language stays.
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of("language", "de"))
                .put("/notification-settings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of("contacts", List.of(Map.of("email", "ops@acme.example", "kinds", List.of("share.left")))))
                .put("/notification-settings")
                .then()
                .statusCode(200)
                .body("language", equalTo("de"))
                .body("contacts.email", equalTo(List.of("ops@acme.example")));
        // Naming nothing is refused; an empty list clears the contacts.
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body("{}")
                .put("/notification-settings")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("contacts"));
        given().auth()
                .oauth2(acme.adminToken())
                .contentType("application/json")
                .body(Map.of("contacts", List.of()))
                .put("/notification-settings")
                .then()
                .statusCode(200)
                .body("language", equalTo("de"))
                .body("contacts", hasSize(0));
    }
}
