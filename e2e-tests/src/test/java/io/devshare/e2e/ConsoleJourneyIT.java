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
            // The inviter signs in and lands on the partners page.
            rental.open(console + "/");
            rental.signIn(inviter.admin());
            rental.awaitText("Invite an organization");
            assertThat(rental.url()).startsWith(console + "/partners");
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
            assertThat(builder.find(By.id("status")).getText()).isEqualTo("accepted");
            builder.screenshot("invitation-accepted");

            // Within seconds, without a reload, the inviter sees the new partner.
            rental.awaitText("Your partners", Duration.ofSeconds(5));
            rental.await(
                    d -> rental.find(By.cssSelector("#live table")).getText().contains(invitee.name()) ? true : null);
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

            // Signing out ends the session: the console asks for a sign-in again.
            rental.click(By.linkText("Sign out"));
            rental.awaitText("You are signed out");
            rental.open(console + "/partners");
            rental.await(d -> d.getCurrentUrl().contains("/realms/devshare/") ? true : null);
            rental.screenshot("signed-out-asks-again");
        }
    }

    @Test
    void partnersByASharingCodeThenShareInTheDialogAndRevoke() {
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
            assertThat(user.find(By.cssSelector("#live table")).getText()).contains(agency.name());
            user.screenshot("connected");

            // The agency registers a machine (through the API: registration has no page yet) and shares it in the
            // dialog, whose preview says what the contractor will get before anything is shared.
            String device = register(agency);
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
            owner.await(
                    d -> owner.find(By.id("preview")).getText().contains("until the end of " + lastDay) ? true : null);
            String preview = owner.find(By.id("preview")).getText();
            assertThat(preview)
                    .contains(contractor.name())
                    .contains("Excavator <7>")
                    .contains("assign it to their projects")
                    .doesNotContain("change its settings");
            owner.screenshot("share-preview");
            owner.click(By.id("share"));
            owner.awaitText("Shared.");
            assertThat(owner.text())
                    .contains("Excavator <7>")
                    .contains(contractor.alias())
                    .contains("operator");
            owner.screenshot("shared");

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
            user.screenshot("device");

            owner.open(console + "/devices");
            owner.awaitText("shared with " + contractor.alias());
            owner.screenshot("devices-shared-out");

            // The agency takes it back from its sharing home; the confirmation says what the contractor loses.
            owner.open(console + "/sharing");
            owner.click(By.linkText("Revoke…"));
            owner.awaitText("can no longer");
            assertThat(owner.text()).contains("assign it to their projects");
            owner.screenshot("revoke-confirmation");
            owner.click(By.id("confirm"));
            owner.awaitText("Revoked");
            user.open(console + "/devices");
            user.await(d -> {
                d.navigate().refresh();
                return user.text().contains("Excavator <7>") ? null : true;
            });
            user.screenshot("devices-after-revoke");
        }
    }

    /** A device of {@code owner}'s, once sharing-service knows it (from device-events) and may share it. */
    private static String register(TestOrg owner) {
        RestAssured.given()
                .baseUri(suite.url(Suite.DEVICE))
                .auth()
                .oauth2(Tokens.of("operator"))
                .contentType(ContentType.JSON)
                .body(Map.of("size", 5))
                .put("/operator/organizations/" + owner.alias() + "/licences")
                .then()
                .statusCode(200);
        String device = RestAssured.given()
                .baseUri(suite.url(Suite.DEVICE))
                .auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "serialNumber", "WEB-" + UUID.randomUUID(),
                        "manufacturer", "Caterpillar",
                        "model", "336",
                        "kind", "MACHINE_CONTROL",
                        "displayName", "Excavator <7>",
                        "tags", List.of("riverside")))
                .post("/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
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
        return device;
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
