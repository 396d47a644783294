package io.devshare.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.Mailbox;
import io.devshare.testsupport.Mailbox.ReceivedMail;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

import static io.devshare.notification.PartnerEventFixtures.data;
import static io.devshare.notification.PartnerEventFixtures.deliveries;
import static io.devshare.notification.PartnerEventFixtures.id;
import static io.devshare.notification.PartnerEventFixtures.invitation;
import static io.devshare.notification.PartnerEventFixtures.memberEmail;
import static io.devshare.notification.PartnerEventFixtures.notifyEmails;
import static io.devshare.notification.PartnerEventFixtures.org;
import static io.devshare.notification.PartnerEventFixtures.partnership;
import static io.devshare.notification.PartnerEventFixtures.processed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every partnership email, on the real servers: partner-service's sample events rewritten for fresh
 * organizations in the test Keycloak, put on Kafka, become real email to the right organizations' admins (read
 * from Keycloak's admin API), once.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class PartnershipMailTest {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);
    private static final String BASE = "http://localhost:8080";
    static KafkaCompanion kafka;

    @BeforeAll
    static void setUp() {
        kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    }

    @AfterAll
    static void tearDown() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anInvitationWithoutNotifyEmailsReachesTheInviteesAdmins() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ObjectNode event = invitation("invitation.created", acme, rentco);
        data(event).remove("notifyEmails");
        publish(event);

        ReceivedMail mail = Mailbox.await(rentco.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.to()).containsExactly(rentco.adminEmail());
        assertThat(mail.subject())
                .isEqualTo(acme.name() + " invites " + rentco.name() + " to become partners on Devshare");
        String link = BASE + "/partners/invitations/"
                + data(event).get("invitationId").asText();
        assertThat(mail.html()).contains(acme.name(), rentco.name(), "href=\"" + link + "\"");
        assertThat(mail.text())
                .contains(acme.name(), rentco.name(), link, "You receive this email as an admin of " + rentco.name());
        assertThat(deliveries(id(event))).containsOnlyKeys(rentco.adminEmail());
        assertThat(deliveries(id(event)).get(rentco.adminEmail())).containsExactly(acme.id(), rentco.id());
        assertThat(Mailbox.messages(memberEmail(rentco))).isEmpty();
        assertThat(Mailbox.messages(acme.adminEmail())).isEmpty();
    }

    @Test
    void anInvitationWithNotifyEmailsGoesToThoseAddressesOnly() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        String named = "dispatch-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.example";
        ObjectNode event = invitation("invitation.created", acme, rentco);
        notifyEmails(event, List.of(named));
        publish(event);

        ReceivedMail mail = Mailbox.await(named, 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.text()).contains(acme.name() + " named your address when inviting " + rentco.name());
        assertThat(deliveries(id(event))).containsOnlyKeys(named);
        assertThat(Mailbox.messages(rentco.adminEmail())).isEmpty();
    }

    @Test
    void anAcceptedInvitationTellsTheInvitersAdminsOnly() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ObjectNode event = invitation("invitation.accepted", acme, rentco);
        publish(event);

        ReceivedMail mail = Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.to()).containsExactly(acme.adminEmail());
        assertThat(mail.from()).isEqualTo("no-reply@devshare.example");
        assertThat(mail.subject())
                .isEqualTo(rentco.name() + " accepted the invitation from " + acme.name() + ": you are now partners");
        assertThat(mail.html())
                .contains("<strong>" + rentco.name() + "</strong> accepted your invitation;"
                        + " you are now partners and can share devices.")
                .contains(acme.name())
                .contains("href=\"" + BASE + "/partners\"");
        assertThat(mail.text())
                .contains(rentco.name() + " accepted your invitation; you are now partners and can share devices.")
                .contains(acme.name() + " and " + rentco.name() + " are partners")
                .contains(BASE + "/partners");
        Map<String, List<String>> recorded = deliveries(id(event));
        assertThat(recorded).containsOnlyKeys(acme.adminEmail());
        assertThat(recorded.get(acme.adminEmail())).containsExactly(acme.id(), rentco.id());
        assertThat(Mailbox.messages(memberEmail(acme))).isEmpty();
        assertThat(Mailbox.messages(rentco.adminEmail())).isEmpty();
    }

    @Test
    void aDeclinedInvitationTellsTheInvitersAdminsWithTheReasonEscaped() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ObjectNode event = invitation("invitation.declined", acme, rentco);
        String reason = "Not this season <script>alert(1)</script> & <img src=x onerror=alert(2)>";
        data(event).put("reason", reason);
        publish(event);

        ReceivedMail mail = Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.to()).containsExactly(acme.adminEmail());
        assertThat(mail.subject())
                .isEqualTo(rentco.name() + " declined the partnership invitation from " + acme.name());
        String link = BASE + "/partners/invitations/"
                + data(event).get("invitationId").asText();
        assertThat(mail.html())
                .contains(acme.name(), rentco.name(), "href=\"" + link + "\"")
                .contains("declined your invitation")
                .contains("Not this season &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x")
                .doesNotContain("<script>")
                .doesNotContain("<img");
        assertThat(mail.text()).contains(acme.name(), rentco.name(), link, reason);
        assertThat(deliveries(id(event))).containsOnlyKeys(acme.adminEmail());
        assertThat(Mailbox.messages(memberEmail(acme))).isEmpty();
        assertThat(Mailbox.messages(rentco.adminEmail())).isEmpty();
    }

    @Test
    void aDeclineWithoutReasonSaysNothingAboutOne() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ObjectNode event = invitation("invitation.declined", acme, rentco);
        data(event).putNull("reason");
        publish(event);

        ReceivedMail mail = Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.html()).doesNotContain("Their reason");
        assertThat(mail.text()).doesNotContain("Their reason").doesNotContain("null");
    }

    @Test
    void anEndedPartnershipTellsTheAdminsOfBothOrganizations() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ObjectNode event = partnership("partnership.ended", acme, rentco);
        org(data(event), "endedByOrg", rentco);
        publish(event);

        for (TestOrg[] pair : new TestOrg[][] {{acme, rentco}, {rentco, acme}}) {
            TestOrg org = pair[0];
            TestOrg partner = pair[1];
            ReceivedMail mail = Mailbox.await(org.adminEmail(), 1, MAIL_TIMEOUT).get(0);
            assertThat(mail.to()).containsExactly(org.adminEmail());
            assertThat(mail.subject())
                    .isEqualTo(rentco.name() + " ended the partnership between " + org.name() + " and " + partner.name()
                            + " on Devshare");
            assertThat(mail.html())
                    .contains("<strong>" + rentco.name() + "</strong> ended the partnership between")
                    .contains(org.name(), partner.name())
                    .contains("Every device share between the two organizations was revoked")
                    .contains("href=\"" + BASE + "/partners\"");
            assertThat(mail.text())
                    .contains(rentco.name() + " ended the partnership between " + org.name() + " and " + partner.name())
                    .contains("Every device share between the two organizations was revoked")
                    .contains(BASE + "/partners")
                    .contains("You receive this email as an admin of " + org.name());
        }
        Map<String, List<String>> recorded = deliveries(id(event));
        assertThat(recorded).containsOnlyKeys(acme.adminEmail(), rentco.adminEmail());
        assertThat(recorded.values()).allSatisfy(ids -> assertThat(ids).containsExactly(acme.id(), rentco.id()));
        assertThat(Mailbox.messages(memberEmail(acme))).isEmpty();
        assertThat(Mailbox.messages(memberEmail(rentco))).isEmpty();
    }

    @Test
    void anInvitationIsWordedInTheInvitedOrganizationsLanguageForItsAdminsAndForNamedAddresses() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ShareMailTest.putSettings(rentco, Map.of("language", "de", "contacts", List.of()));
        ObjectNode event = invitation("invitation.created", acme, rentco);
        data(event).remove("notifyEmails");
        data(event).put("message", "Wir brauchen <b>Bagger</b> & Kräne.");
        publish(event);

        ReceivedMail mail = Mailbox.await(rentco.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.to()).containsExactly(rentco.adminEmail());
        assertThat(mail.subject())
                .isEqualTo(acme.name() + " lädt " + rentco.name() + " ein, auf Devshare Partner zu werden");
        String link = BASE + "/partners/invitations/"
                + data(event).get("invitationId").asText();
        assertThat(mail.html())
                .contains("<html lang=\"de\">")
                .contains("<strong>" + acme.name() + "</strong> (" + acme.alias() + ") lädt <strong>" + rentco.name()
                        + "</strong> ein, auf Devshare Partner zu werden.")
                .contains("Die Nachricht dazu:")
                .contains("Wir brauchen &lt;b&gt;Bagger&lt;/b&gt; &amp; Kräne.")
                .contains("<a href=\"" + link + "\">Einladung ansehen</a>")
                .doesNotContain("<b>")
                .doesNotContain("invites")
                .doesNotContain("You receive");
        assertThat(mail.text())
                .contains("Als Partner kann jede der beiden Organisationen der anderen jederzeit und ohne weitere"
                        + " Zustimmung Geräte freigeben.")
                .contains("Ein Admin von " + rentco.name()
                        + " kann die Einladung auf der Partnerseite annehmen oder ablehnen:")
                .contains(link)
                .contains("Sie erhalten diese E-Mail als Admin von " + rentco.name() + ".")
                .doesNotContain("accept or decline");

        // Addresses the inviter named get the invited organization's language too.
        String named = "disponent-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.example";
        ObjectNode toNamed = invitation("invitation.created", acme, rentco);
        notifyEmails(toNamed, List.of(named));
        publish(toNamed);
        ReceivedMail namedMail = Mailbox.await(named, 1, MAIL_TIMEOUT).get(0);
        assertThat(namedMail.subject()).isEqualTo(mail.subject());
        assertThat(namedMail.text())
                .contains("Sie erhalten diese E-Mail, weil " + acme.name() + " Ihre Adresse bei der Einladung von "
                        + rentco.name() + " angegeben hat.");
        assertThat(deliveries(id(toNamed))).containsOnlyKeys(named);
    }

    @Test
    void eachPartnerGetsThePartnershipEndedMailInItsOwnLanguage() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ShareMailTest.putSettings(rentco, Map.of("language", "de", "contacts", List.of()));
        ObjectNode event = partnership("partnership.ended", acme, rentco);
        org(data(event), "endedByOrg", acme);
        publish(event);

        ReceivedMail german =
                Mailbox.await(rentco.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(german.subject())
                .isEqualTo(acme.name() + " hat die Partnerschaft zwischen " + rentco.name() + " und " + acme.name()
                        + " auf Devshare beendet");
        assertThat(german.html())
                .contains("<html lang=\"de\">")
                .contains("<strong>" + acme.name() + "</strong> hat die Partnerschaft zwischen <strong>" + rentco.name()
                        + "</strong> und <strong>" + acme.name() + "</strong> auf Devshare beendet.")
                .contains("Alle Gerätefreigaben zwischen den beiden Organisationen wurden widerrufen")
                .contains("<a href=\"" + BASE + "/partners\">Ihre Partner öffnen</a>");
        assertThat(german.text())
                .contains("Prüfen Sie die Arbeit, die von diesen Geräten abhing.")
                .contains(BASE + "/partners")
                .contains("Sie erhalten diese E-Mail als Admin von " + rentco.name() + ".")
                .doesNotContain("ended the partnership");

        ReceivedMail english = Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(english.subject())
                .isEqualTo(acme.name() + " ended the partnership between " + acme.name() + " and " + rentco.name()
                        + " on Devshare");
        assertThat(english.html()).contains("<html lang=\"en\">").doesNotContain("Partnerschaft");
        assertThat(english.text()).contains("You receive this email as an admin of " + acme.name());
    }

    @Test
    void adminsThroughAGroupAreMailedWhileDisabledAdminsAndPlainMembersAreNot() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        KeycloakRealmAdmin keycloak = new KeycloakRealmAdmin();
        String group = keycloak.groupWithRole(acme.alias() + "-admins", "org-admin");
        keycloak.member(acme, acme.alias() + "-grpadmin", true, group);
        keycloak.member(acme, acme.alias() + "-offadmin", false, null, "org-admin");
        keycloak.member(acme, acme.alias() + "-offgrpadmin", false, group);
        String grpAdmin = acme.alias() + "-grpadmin@" + acme.domain();
        ObjectNode event = invitation("invitation.accepted", acme, rentco);
        publish(event);

        Mailbox.await(grpAdmin, 1, MAIL_TIMEOUT);
        Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT);
        assertThat(deliveries(id(event))).containsOnlyKeys(acme.adminEmail(), grpAdmin);
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneMailPerRecipient() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ObjectNode ended = partnership("partnership.ended", acme, rentco);
        org(data(ended), "endedByOrg", acme);
        publish(ended);
        publish(ended);
        // A later event on the same key (same partition, consumed in order) proves the duplicate was consumed.
        awaitMarkerAfter(ended.get("subject").asText(), acme, rentco);

        assertThat(Mailbox.messages(acme.adminEmail())).hasSize(1);
        assertThat(Mailbox.messages(rentco.adminEmail())).hasSize(1);
    }

    @Test
    void eventsThatMailNobodyAreConsumedRecordedAndSendNothing() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        String key = UUID.randomUUID().toString();
        List<ObjectNode> events = List.of(
                invitation("invitation.cancelled", acme, rentco),
                invitation("invitation.expired", acme, rentco),
                partnership("partnership.started", acme, rentco));
        for (ObjectNode event : events) {
            event.put("subject", key);
            publish(event);
        }
        awaitMarkerAfter(key, acme, rentco);

        List<String> ids = events.stream().map(PartnerEventFixtures::id).toList();
        assertThat(processed(ids)).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            assertThat(deliveries(id)).isEmpty();
        }
        for (TestOrg org : List.of(acme, rentco)) {
            assertThat(Mailbox.messages(org.adminEmail())).isEmpty();
            assertThat(Mailbox.messages(memberEmail(org))).isEmpty();
        }
    }

    @Test
    void anOrganizationKeycloakDoesNotKnowGetsNoMailAndConsumptionGoesOn() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ObjectNode event = invitation("invitation.accepted", acme, rentco);
        ((ObjectNode) data(event).get("inviter")).put("id", UUID.randomUUID().toString());
        publish(event);
        awaitMarkerAfter(event.get("subject").asText(), acme, rentco);

        assertThat(processed(List.of(id(event)))).containsExactly(id(event));
        assertThat(deliveries(id(event))).isEmpty();
        assertThat(Mailbox.messages(acme.adminEmail())).isEmpty();
        assertThat(Mailbox.messages(rentco.adminEmail())).isEmpty();
    }

    /**
     * Publishes an invitation to a fresh named address on {@code key} and waits for its mail: every event published
     * on that key before it has been consumed by then.
     */
    private static void awaitMarkerAfter(String key, TestOrg inviter, TestOrg invitee) {
        String marker = "marker-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.example";
        ObjectNode later = invitation("invitation.created", inviter, invitee);
        notifyEmails(later, List.of(marker));
        later.put("subject", key);
        publish(later);
        Mailbox.await(marker, 1, MAIL_TIMEOUT);
        // The dispatcher sends a batch concurrently: give any mail of the earlier events a moment to land too.
        Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    }

    private static void publish(ObjectNode event) {
        PartnerEventFixtures.publish(kafka, event);
    }
}
