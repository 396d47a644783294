package io.devshare.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import io.devshare.testsupport.KeycloakAdmin;
import io.devshare.testsupport.Mailbox;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' journeys as people do them, in a real Chromium against the console and the five services: an
 * organization invites another by its short name, the invited admin follows the mail's link, signs in and accepts,
 * and the inviter sees the new partner appear without reloading; partners by a sharing code, a device shared in
 * the dialog after its preview, its badges on both sides, and its revocation. Along the way: a service's refusal shown as a sentence, what a person typed shown as text
 * (never as markup), a form without its CSRF token refused, and signing out.
 */
class ConsoleJourneyIT {

    private static final Pattern INVITATION_LINK =
            Pattern.compile("(https?://\\S+/partners/invitations/[0-9a-f-]{36})");
    private static final String HOSTILE = "<script>window.__pwned=1</script><b>bold</b> & \"quoted\"";

    static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    @Test
    void invitedByNameAcceptedFromTheMailsLink() {
        TestOrg inviter = TestOrgs.create("webrent", "Web Rental");
        TestOrg invitee = TestOrgs.create("webbuild", "Web Builders");
        String console = suite.url(Suite.CONSOLE);

        try (Browser rental = new Browser("invitation");
                Browser builder = new Browser("invitation-invitee")) {
            // The inviter signs in and lands on the sharing home, then goes to the partners page.
            rental.open(console + "/");
            rental.signIn(inviter.admin());
            rental.awaitText("Waiting for your approval");
            assertThat(rental.url()).startsWith(console + "/sharing");
            assertThat(rental.text()).contains("You share nothing yet.").contains("Nothing is shared with you yet.");
            rental.screenshot("sharing-home-empty");
            rental.click(By.linkText("Partners"));
            rental.awaitText("Invite an organization");
            assertThat(rental.text()).contains(inviter.alias()).contains("No partners yet");
            rental.screenshot("partners-empty");

            // Invites by short name, with a note holding markup.
            rental.type("partnerAlias", invitee.alias());
            rental.type("message", HOSTILE);
            rental.click(By.cssSelector("form[action='/partners/invite'] button"));
            rental.awaitText("Invitation sent.");
            assertThat(rental.text()).contains(invitee.name());
            rental.screenshot("invitation-sent");

            // The invited admin gets the mail; its link goes to this console.
            String link = invitationLink(invitee.adminEmail());
            assertThat(link).startsWith(console + "/partners/invitations/");

            // The inviter keeps the partners page open: it will change without a reload.
            rental.script("window.__stillHere = true;");

            builder.open(link);
            builder.signIn(invitee.admin());
            builder.awaitText("invites you to become partners");
            assertThat(builder.url()).isEqualTo(link);
            // The note is text on the page, not markup.
            assertThat(builder.text()).contains(HOSTILE);
            assertThat(builder.script("return window.__pwned === undefined")).isEqualTo(true);
            assertThat(builder.source())
                    .doesNotContain("<script>window.__pwned")
                    .doesNotContain("<b>bold</b>");
            builder.screenshot("invitation-from-mail");

            builder.click(By.id("accept"));
            builder.awaitText("Invitation accepted");
            assertThat(builder.textOf(By.id("status"))).isEqualTo("accepted");
            builder.screenshot("invitation-accepted");

            // Within seconds, without a reload, the inviter sees the new partner.
            rental.awaitText("Your partners", Duration.ofSeconds(5));
            rental.await(d -> rental.textOf(By.cssSelector("#live table")).contains(invitee.name()) ? true : null);
            assertThat(rental.script("return window.__stillHere === true")).isEqualTo(true);
            rental.screenshot("partner-appeared");

            // Inviting a partner again: the service's 409 as a sentence next to the form.
            rental.type("partnerAlias", invitee.alias());
            rental.click(By.cssSelector("form[action='/partners/invite'] button"));
            rental.awaitText("already");
            assertThat(rental.find(By.cssSelector("form[action='/partners/invite'] .problem"))
                            .getText())
                    .contains("already");
            assertThat(rental.find(By.id("partnerAlias")).getAttribute("value")).isEqualTo(invitee.alias());
            rental.screenshot("refusal-as-sentence");

            // A form posted without its CSRF token is refused, and nothing happens.
            Object status = rental.asyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/partners/invite', {method: 'POST', headers: {'Content-Type':"
                            + " 'application/x-www-form-urlencoded'}, body: 'partnerAlias=' + arguments[0]})"
                            + ".then(r => done(r.status)).catch(e => done(String(e)));",
                    "nobody-" + UUID.randomUUID());
            assertThat(((Number) status).intValue()).isEqualTo(400);

            // Notification settings: a contact for one kind of mail, and the mails' language.
            rental.open(console + "/settings");
            rental.type("email-0", "dispatch@" + inviter.domain());
            rental.click(By.cssSelector("input[name='kinds.0']"));
            new org.openqa.selenium.support.ui.Select(rental.find(By.id("language"))).selectByValue("de");
            rental.click(By.id("save"));
            // The organization's pages follow its language at once, like its mails.
            rental.awaitText("Gespeichert.");
            assertThat(rental.find(By.cssSelector("html")).getAttribute("lang")).isEqualTo("de");
            // The wide table of kinds scrolls inside the page; the page itself does not scroll sideways.
            assertThat(((Number)
                                    rental.script(
                                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                            .intValue())
                    .isLessThanOrEqualTo(0);
            assertThat(rental.find(By.id("email-0")).getAttribute("value")).isEqualTo("dispatch@" + inviter.domain());
            assertThat(rental.find(By.cssSelector("input[name='kinds.0']")).isSelected())
                    .isTrue();
            rental.screenshot("settings");

            // Signing out ends the session: the console asks for a sign-in again.
            rental.click(By.linkText("Abmelden"));
            rental.awaitText("You are signed out");
            rental.open(console + "/partners");
            rental.await(d -> d.getCurrentUrl().contains("/realms/devshare/") ? true : null);
            rental.screenshot("signed-out-asks-again");
        }
    }

    @Test
    void partnersByASharingCodeThenShareAssignPublishAndRevoke() throws Exception {
        TestOrg agency = TestOrgs.create("webagency", "Web Agency");
        TestOrg contractor = TestOrgs.create("webcontr", "Web Contractor");
        String console = suite.url(Suite.CONSOLE);

        try (Browser owner = new Browser("sharing-code");
                Browser user = new Browser("sharing-code-partner", 412, 915)) {
            owner.open(console + "/partners");
            owner.signIn(agency.admin());
            String code = owner.find(By.id("sharing-code")).getText();
            assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
            owner.screenshot("sharing-code");

            // At phone width: a wrong code first, said as a sentence; then the right one.
            user.open(console + "/partners");
            user.signIn(contractor.admin());
            user.type("code", "AAAA-BBBB-CCCC");
            user.click(By.cssSelector("form[action='/partners/connect'] button"));
            user.awaitText("No organization has this sharing code.");
            user.screenshot("wrong-code");
            user.type("code", code.toLowerCase());
            user.click(By.cssSelector("form[action='/partners/connect'] button"));
            user.awaitText("Connected: you are partners now.");
            assertThat(user.textOf(By.cssSelector("#live table"))).contains(agency.name());
            user.screenshot("connected");

            // The agency registers a machine (its credentials shown this once) and shares it in the dialog, whose
            // preview says what the contractor will get before anything is shared.
            Registered machine = register(agency, owner, console);
            String device = machine.id();
            owner.open(console + "/sharing/new");
            new org.openqa.selenium.support.ui.Select(owner.find(By.id("partner"))).selectByValue(contractor.alias());
            owner.click(By.cssSelector("input[name='device'][value='" + device + "']"));
            owner.click(By.cssSelector("input[name='role'][value='OPERATOR']"));
            String lastDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    .plusDays(7)
                    .toString();
            owner.script(
                    "document.getElementById('endDate').value = arguments[0];"
                            + "document.getElementById('endDate').dispatchEvent(new Event('change', {bubbles: true}));",
                    lastDay);
            owner.await(d -> owner.textOf(By.id("preview")).contains("until the end of " + lastDay) ? true : null);
            String preview = owner.textOf(By.id("preview"));
            assertThat(preview)
                    .contains(contractor.name())
                    .contains("Excavator <7>")
                    .contains("assign it to their projects")
                    .doesNotContain("change its settings");
            owner.screenshot("share-preview");
            // The contractor waits on its sharing home: the share will arrive there without a reload.
            user.open(console + "/sharing");
            user.awaitText("Shared with you");
            user.script("window.__stillHere = true;");
            owner.click(By.id("share"));
            owner.awaitText("Shared.");
            assertThat(owner.text())
                    .contains("Excavator <7>")
                    .contains(contractor.alias())
                    .contains("operator");
            owner.screenshot("shared");

            user.await(d -> user.textOf(By.id("shared-with-us")).contains("Excavator <7>") ? true : null);
            assertThat(user.script("return window.__stillHere === true")).isEqualTo(true);
            user.screenshot("share-arrived");

            // The contractor's device list shows it once device-service has the share from sharing-events.
            user.open(console + "/devices");
            user.await(d -> {
                d.navigate().refresh();
                return user.text().contains("shared by " + agency.alias()) ? true : null;
            });
            assertThat(user.text()).contains("Excavator <7>").contains("operator");
            user.screenshot("devices-shared-in");
            user.open(console + "/devices/" + device);
            user.awaitText("Shared with you by");
            assertThat(user.source()).doesNotContain(machine.secret());
            assertThat(user.text()).doesNotContain("Who can reach this device");
            user.screenshot("device");
            owner.open(console + "/devices/" + device);
            owner.awaitText("Who can reach this device, and why");
            assertThat(owner.text()).contains(contractor.alias()).contains("operator share");
            assertThat(owner.source()).doesNotContain(machine.secret());
            owner.screenshot("device-reach");

            // A group of the agency's with the machine in it.
            owner.open(console + "/groups");
            owner.type("name", "Fleet <A>");
            owner.click(By.id("create-group"));
            owner.awaitText("Group created");
            new org.openqa.selenium.support.ui.Select(owner.find(By.id("deviceId"))).selectByValue(device);
            owner.click(By.id("add"));
            owner.awaitText("Added to the group");
            assertThat(owner.text()).contains("Fleet <A>").contains("Excavator <7>");

            // The utilisation report, on the page and as CSV.
            owner.open(console + "/reports/utilisation");
            owner.await(d -> {
                d.navigate().refresh();
                return owner.text().contains(contractor.alias()) ? true : null;
            });
            Object csv = owner.asyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('csv').href).then(r => r.text()).then(done);");
            assertThat((String) csv)
                    .startsWith("owner,partner,device,group,grants,share_days")
                    .contains("\"" + agency.alias() + "\",\"" + contractor.alias() + "\",\"" + device + "\"");
            owner.screenshot("utilisation");

            owner.open(console + "/devices");
            owner.awaitText("shared with " + contractor.alias());
            owner.screenshot("devices-shared-out");

            // The contractor puts it to work in a new project and publishes a design to it; the machine fetches the
            // design through the device API and reports it applied, which the open page shows without a reload.
            user.open(console + "/projects");
            user.type("name", "Riverside earthworks");
            user.click(By.id("create"));
            user.awaitText("Project created.");
            String projectPage = user.url().replaceFirst("\\?.*$", "");
            new org.openqa.selenium.support.ui.Select(user.find(By.id("deviceId"))).selectByValue(device);
            user.click(By.id("assign"));
            user.awaitText("The device works in this project now.");
            assertThat(user.textOf(By.id("project-devices")))
                    .contains("Excavator <7>")
                    .contains(agency.alias());
            java.nio.file.Path file = java.nio.file.Files.createTempFile("riverside-v3", ".ttm");
            java.nio.file.Files.writeString(file, "surface model " + UUID.randomUUID());
            user.find(By.id("design")).sendKeys(file.toString());
            user.click(By.id("publish"));
            user.awaitText("Design published");
            assertThat(user.textOf(By.id("designs"))).contains("pending");
            user.script("window.__stillHere = true;");
            String transfer = awaitWork(machine);
            RestAssured.given()
                    .baseUri(suite.url(Suite.DEVICE))
                    .auth()
                    .preemptive()
                    .basic(machine.id(), machine.secret())
                    .get("/device-api/designs/" + transfer)
                    .then()
                    .statusCode(200);
            RestAssured.given()
                    .baseUri(suite.url(Suite.DEVICE))
                    .auth()
                    .preemptive()
                    .basic(machine.id(), machine.secret())
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "APPLIED"))
                    .post("/device-api/designs/" + transfer + "/status")
                    .then()
                    .statusCode(204);
            user.await(d -> user.textOf(By.id("designs")).contains("applied") ? true : null);
            assertThat(user.script("return window.__stillHere === true")).isEqualTo(true);
            user.screenshot("project-design-applied");

            // A remote session on the machine, still open when the agency revokes.
            user.open(projectPage);
            user.click(By.cssSelector("form[action$='/sessions'] button"));
            user.awaitText("Remote session opened.");

            // The agency takes it back from its sharing home; the confirmation says what the contractor loses, and
            // which of its projects, sessions and people it concerns.
            owner.open(console + "/sharing");
            owner.click(By.linkText("Revoke…"));
            owner.awaitText("can no longer");
            assertThat(owner.text()).contains("assign it to their projects");
            assertThat(owner.textOf(By.id("impact")))
                    .contains(contractor.alias() + "'s project Riverside earthworks loses it")
                    .contains("1 open remote session by " + contractor.admin() + " closes")
                    .doesNotContain("could not be previewed");
            owner.screenshot("revoke-confirmation");
            owner.click(By.id("confirm"));
            owner.awaitText("Revoked");
            user.open(console + "/devices");
            user.await(d -> {
                d.navigate().refresh();
                return user.text().contains("Excavator <7>") ? null : true;
            });
            user.screenshot("devices-after-revoke");
            // ...and it left the contractor's project.
            user.open(projectPage);
            user.await(d -> {
                d.navigate().refresh();
                return user.text().contains("No device works in this project yet.") ? true : null;
            });
            user.screenshot("project-after-revoke");
        }
    }

    /**
     * A device registered by {@code owner}'s admin on the console (the platform operator gives licences first, through
     * the API), once sharing-service knows it (from device-events) and may share it.
     */
    private static Registered register(TestOrg owner, Browser browser, String console) {
        RestAssured.given()
                .baseUri(suite.url(Suite.DEVICE))
                .auth()
                .oauth2(Tokens.of("operator"))
                .contentType(ContentType.JSON)
                .body(Map.of("size", 5))
                .put("/operator/organizations/" + owner.alias() + "/licences")
                .then()
                .statusCode(200);
        browser.open(console + "/devices/new");
        browser.type("serialNumber", "WEB-" + UUID.randomUUID());
        browser.type("manufacturer", "Caterpillar");
        browser.type("model", "336");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("kind"))).selectByValue("MACHINE_CONTROL");
        browser.type("displayName", "Excavator <7>");
        browser.type("tags", "riverside");
        browser.click(By.id("register"));
        browser.awaitText("shown only this once");
        String device = browser.find(By.id("device-id")).getText();
        String secret = browser.find(By.id("device-secret")).getText();
        assertThat(secret).hasSizeGreaterThan(20);
        browser.screenshot("registered-credentials-once");
        browser.open(console + "/devices/" + device);
        browser.awaitText("Caterpillar 336");
        assertThat(browser.source()).doesNotContain(secret);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> RestAssured.given()
                        .baseUri(suite.url(Suite.SHARING))
                        .auth()
                        .oauth2(owner.adminToken())
                        .get("/access/devices")
                        .asString()
                        .contains(device));
        return new Registered(device, secret);
    }

    record Registered(String id, String secret) {}

    /** The id of the machine's first piece of work (a design transfer), once the device API offers it. */
    private static String awaitWork(Registered machine) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> RestAssured.given()
                                .baseUri(suite.url(Suite.DEVICE))
                                .auth()
                                .preemptive()
                                .basic(machine.id(), machine.secret())
                                .get("/device-api/work")
                                .then()
                                .extract()
                                .jsonPath()
                                .<String>getList("items.id"),
                        ids -> ids != null && !ids.isEmpty())
                .get(0);
    }

    @Test
    void aPersonOfTwoOrganizationsPicksOneAndEachSpeaksItsOwnLanguage() {
        TestOrg german = TestOrgs.create("webde", "Web Vermietung");
        TestOrg english = TestOrgs.create("weben", "Web English");
        // The German organization speaks German (its admin's token still names one organization)...
        RestAssured.given()
                .baseUri(suite.url(Suite.NOTIFICATION))
                .auth()
                .oauth2(german.adminToken())
                .contentType("application/json")
                .body(Map.of("language", "de"))
                .put("/notification-settings")
                .then()
                .statusCode(200);
        // ...and its admin becomes a member of the English one too.
        KeycloakAdmin keycloak = KeycloakAdmin.login();
        String person = keycloak.get("/users?exact=true&username=" + german.admin())
                .get(0)
                .path("id")
                .asText();
        keycloak.send("POST", "/organizations/" + english.id() + "/members", person);
        String console = suite.url(Suite.CONSOLE);
        // Health and metrics are on the management port; the pages' port (every path of which a public Ingress
        // routes) sends an anonymous /q/metrics to sign-in instead.
        RestAssured.given()
                .baseUri(suite.healthUrl(Suite.CONSOLE))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests"));
        RestAssured.given()
                .baseUri(console)
                .redirects()
                .follow(false)
                .get("/q/metrics")
                .then()
                .statusCode(302);
        try (Browser browser = new Browser("two-organizations")) {
            // Working for the German organization: its pages are German, the person's own words stay as typed.
            browser.open(console + "/partners");
            browser.signIn(german.admin(), german.alias());
            browser.awaitText("Eine Organisation einladen");
            assertThat(browser.find(By.cssSelector("html")).getAttribute("lang"))
                    .isEqualTo("de");
            assertThat(browser.textOf(By.cssSelector("header")))
                    .contains(german.alias())
                    .contains("Abmelden");
            browser.type("partnerAlias", english.alias());
            browser.click(By.cssSelector("form[action='/partners/invite'] button"));
            browser.awaitText("Einladung gesendet.");
            // Inviting again: the service's English refusal, said in German.
            browser.type("partnerAlias", english.alias());
            browser.click(By.cssSelector("form[action='/partners/invite'] button"));
            browser.awaitText("Eine Einladung zwischen Ihren Organisationen wartet bereits auf Antwort.");
            browser.open(console + "/devices");
            browser.awaitText("Noch keine Geräte");
            browser.screenshot("german");

            // Signed out and in again, the same person picks the English organization: English pages, that
            // organization's data (the invitation the German one sent is waiting for it).
            browser.click(By.linkText("Abmelden"));
            // Signed out, the page follows the browser's language (this one's is English).
            browser.awaitText("You are signed out");
            browser.open(console + "/partners");
            browser.signIn(german.admin(), english.alias());
            browser.awaitText("Invitations to you");
            assertThat(browser.find(By.cssSelector("html")).getAttribute("lang"))
                    .isEqualTo("en");
            assertThat(browser.textOf(By.cssSelector("header"))).contains(english.alias());
            assertThat(browser.textOf(By.id("live"))).contains(german.name() + " invites you to become partners");
            browser.screenshot("other-organization");
        }
    }

    @Test
    void theOperatorSetsALicencePoolAndAnAdminMayNot() {
        TestOrg org = TestOrgs.create("weblic", "Web Licences");
        String console = suite.url(Suite.CONSOLE);
        try (Browser operator = new Browser("licences");
                Browser admin = new Browser("licences-admin")) {
            operator.open(console + "/");
            operator.signIn("operator");
            operator.awaitText("Licence pools");
            operator.type("org", org.alias());
            operator.type("size", "7");
            operator.click(By.id("set-pool"));
            operator.awaitText("Saved.");
            assertThat(operator.text()).contains("Available");
            operator.type("size", "many");
            operator.click(By.id("set-pool"));
            operator.awaitText("A whole number of devices.");
            operator.screenshot("licences");

            admin.open(console + "/operator/licences?org=" + org.alias());
            admin.signIn(org.admin());
            admin.awaitText("Licence pools");
            admin.type("org", org.alias());
            admin.type("size", "1000");
            admin.click(By.id("set-pool"));
            admin.await(d -> admin.find(By.cssSelector(".problem")).isDisplayed() ? true : null);
            assertThat(admin.text()).doesNotContain("Saved.");
            assertThat(RestAssured.given()
                            .baseUri(suite.url(Suite.DEVICE))
                            .auth()
                            .oauth2(org.adminToken())
                            .get("/licences")
                            .then()
                            .statusCode(200)
                            .extract()
                            .<Integer>path("size"))
                    .isEqualTo(7);
        }
    }

    private static String invitationLink(String address) {
        List<Mailbox.ReceivedMail> mails = Mailbox.await(address, 1, Duration.ofSeconds(60));
        Matcher m = INVITATION_LINK.matcher(mails.get(0).text());
        assertThat(m.find())
                .as("an invitation link in: %s", mails.get(0).text())
                .isTrue();
        return m.group(1);
    }
}
