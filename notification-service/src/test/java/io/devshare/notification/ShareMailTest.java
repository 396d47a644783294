package io.devshare.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.Mailbox;
import io.devshare.testsupport.Mailbox.ReceivedMail;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

import static io.devshare.notification.PartnerEventFixtures.deliveries;
import static io.devshare.notification.PartnerEventFixtures.memberEmail;
import static io.devshare.notification.PartnerEventFixtures.processed;
import static io.devshare.notification.SharingEventFixtures.data;
import static io.devshare.notification.SharingEventFixtures.deviceName;
import static io.devshare.notification.SharingEventFixtures.deviceRegistered;
import static io.devshare.notification.SharingEventFixtures.id;
import static io.devshare.notification.SharingEventFixtures.naming;
import static io.devshare.notification.SharingEventFixtures.now;
import static io.devshare.notification.SharingEventFixtures.publish;
import static io.devshare.notification.SharingEventFixtures.publishShare;
import static io.devshare.notification.SharingEventFixtures.shareGranted;
import static io.devshare.notification.SharingEventFixtures.shareRevoked;
import static io.devshare.notification.SharingEventFixtures.transferFailed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing and project mails on the real servers: sharing-, device- and project-service's sample events rewritten
 * for fresh organizations become real email to the right organization, once, read back from the SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class ShareMailTest {

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

    private static void named(TestOrg owner, UUID device, String name) {
        publish(kafka, "device-events", deviceRegistered(owner, device, name));
        Awaitility.await().atMost(MAIL_TIMEOUT).until(() -> name.equals(deviceName(device)));
    }

    @Test
    void sharedDevicesAreMailedOnceToTheGranteeListingEveryDevice() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        UUID excavator = UUID.randomUUID();
        UUID dozer = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        named(rentco, excavator, "Excavator 12 (CAT 336)");
        named(rentco, dozer, "Dozer 3");
        ObjectNode event = shareGranted(rentco, acme, List.of(excavator, dozer, unnamed), now().plusDays(20));
        publishShare(kafka, event);

        List<ReceivedMail> mails = Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT);
        assertThat(mails).hasSize(1);
        ReceivedMail mail = mails.get(0);
        assertThat(mail.to()).containsExactly(acme.adminEmail());
        assertThat(mail.from()).isEqualTo("no-reply@devshare.example");
        assertThat(mail.subject()).isEqualTo(rentco.name() + " shared 3 devices with " + acme.name() + " on Devshare");
        assertThat(mail.html())
                .contains(rentco.name(), acme.name())
                .contains(acme.name() + " can use them now", "<p>Devices:</p>", "Open the devices shared with")
                .contains("<li>Excavator 12 (CAT 336)</li>", "<li>Dozer 3</li>", "<li>" + unnamed + "</li>")
                .contains("Role: operator")
                .contains("href=\"" + BASE + "/sharing/incoming\"")
                .contains("You receive this email as an admin of " + acme.name());
        assertThat(mail.text())
                .contains(rentco.name() + " shared 3 devices with " + acme.name())
                .contains("- Excavator 12 (CAT 336)", "- Dozer 3", "- " + unnamed)
                .contains("Until ")
                .contains(BASE + "/sharing/incoming");
        assertThat(deliveries(id(event))).containsOnlyKeys(acme.adminEmail());
        assertThat(deliveries(id(event)).get(acme.adminEmail())).containsExactly(rentco.id(), acme.id());
        assertThat(Mailbox.messages(rentco.adminEmail())).isEmpty();
        assertThat(Mailbox.messages(memberEmail(acme))).isEmpty();

        // The same event again sends nothing: a later event on the same key proves the duplicate was consumed.
        publishShare(kafka, event);
        ObjectNode later = shareGranted(rentco, acme, List.of(UUID.randomUUID()), null);
        later.put("subject", event.get("subject").asText());
        publishShare(kafka, later);
        Mailbox.await(acme.adminEmail(), 2, MAIL_TIMEOUT);
        assertThat(Mailbox.messages(acme.adminEmail())).hasSize(2);
    }

    @Test
    void theNamesAShareEventGivesAreMailedEvenBeforeTheDevicesOwnEventsArrive() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        UUID excavator = UUID.randomUUID(); // never seen on device-events by notification-service
        UUID dozer = UUID.randomUUID(); // known here only, the event gives no name
        UUID unknown = UUID.randomUUID();
        named(rentco, dozer, "Dozer 3");
        ObjectNode event = shareGranted(rentco, acme, List.of(excavator, dozer, unknown), null);
        naming(event, excavator, "Excavator <12> & co");
        publishShare(kafka, event);

        ReceivedMail mail = Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.html())
                .contains("<li>Excavator &lt;12&gt; &amp; co</li>", "<li>Dozer 3</li>", "<li>" + unknown + "</li>")
                .doesNotContain("<li>" + excavator + "</li>", "Excavator <12>");
        assertThat(mail.text()).contains("- Excavator <12> & co", "- Dozer 3", "- " + unknown);
        assertThat(deviceName(excavator)).isNull();

        // The revocation of the excavator's grant names it the same way.
        publishShare(kafka, shareRevoked(event, 0, "MANUAL"));
        ReceivedMail revoked = Mailbox.await(acme.adminEmail(), 2, MAIL_TIMEOUT).get(1);
        assertThat(revoked.text()).contains("Excavator <12> & co").doesNotContain(excavator.toString());
    }

    @Test
    void aRevokedShareTellsBothAnExpiredOneBothALeftOneTheOwnerAndAnEndedPartnershipNobody() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        UUID excavator = UUID.randomUUID();
        named(rentco, excavator, "Excavator 12");
        ObjectNode granted = shareGranted(
                rentco, acme, List.of(excavator, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()), null);
        publishShare(kafka, granted);
        Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT);

        ObjectNode revoked = shareRevoked(granted, 0, "MANUAL");
        publishShare(kafka, revoked);
        for (TestOrg org : List.of(rentco, acme)) {
            ReceivedMail mail = Mailbox.await(org.adminEmail(), org == acme ? 2 : 1, MAIL_TIMEOUT)
                    .get(org == acme ? 1 : 0);
            assertThat(mail.subject()).isEqualTo(rentco.name() + " revoked the share of 1 device with " + acme.name());
            // One device is "it", never "them".
            assertThat(mail.html())
                    .contains("<li>Excavator 12</li>", acme.name() + " cannot use it any more", "<p>Device:</p>")
                    .doesNotContain("them", "Devices:");
            assertThat(mail.text())
                    .contains("You receive this email as an admin of " + org.name())
                    .contains(BASE + (org == rentco ? "/sharing/outgoing" : "/sharing/incoming"));
        }
        assertThat(deliveries(id(revoked))).containsOnlyKeys(rentco.adminEmail(), acme.adminEmail());

        ObjectNode expired = shareRevoked(granted, 1, "EXPIRED");
        publishShare(kafka, expired);
        ReceivedMail expiredMail =
                Mailbox.await(rentco.adminEmail(), 2, MAIL_TIMEOUT).get(1);
        assertThat(expiredMail.subject())
                .isEqualTo("The share of 1 device from " + rentco.name() + " with " + acme.name() + " has ended");
        assertThat(expiredMail.text())
                .contains("rental period", acme.name() + " cannot use it any more")
                .doesNotContain("them");
        Mailbox.await(acme.adminEmail(), 3, MAIL_TIMEOUT);
        assertThat(deliveries(id(expired))).containsOnlyKeys(rentco.adminEmail(), acme.adminEmail());

        ObjectNode ended = shareRevoked(granted, 2, "PARTNERSHIP_ENDED");
        ObjectNode left = shareRevoked(granted, 3, "LEFT");
        left.put("subject", ended.get("subject").asText()); // same key: consumed after the ended one
        publishShare(kafka, ended);
        publishShare(kafka, left);
        ReceivedMail leftMail =
                Mailbox.await(rentco.adminEmail(), 3, MAIL_TIMEOUT).get(2);
        assertThat(leftMail.subject()).isEqualTo(acme.name() + " gave back 1 device shared by " + rentco.name());
        assertThat(leftMail.text()).contains("the device is no longer shared with " + acme.name());
        assertThat(deliveries(id(left))).containsOnlyKeys(rentco.adminEmail());
        assertThat(processed(List.of(id(ended)))).containsExactly(id(ended));
        assertThat(deliveries(id(ended))).isEmpty();
        assertThat(Mailbox.messages(acme.adminEmail())).hasSize(3);
    }

    @Test
    void sharingMailsAreWordedInEachRecipientOrganizationsLanguage() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        putSettings(acme, Map.of("language", "de", "contacts", List.of()));
        UUID excavator = UUID.randomUUID();
        named(rentco, excavator, "Bagger 12");
        ObjectNode granted = shareGranted(rentco, acme, List.of(excavator), now().plusDays(20));
        publishShare(kafka, granted);

        ReceivedMail mail = Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.subject())
                .isEqualTo(rentco.name() + " hat 1 Gerät mit " + acme.name() + " auf Devshare geteilt");
        assertThat(mail.html())
                .contains("<html lang=\"de\">")
                .contains("Rolle: operator")
                .contains("<p>Gerät:</p>", "<li>Bagger 12</li>")
                .contains(acme.name() + " kann es ab sofort")
                .contains("<a href=\"" + BASE + "/sharing/incoming\">Das mit " + acme.name()
                        + " geteilte Gerät öffnen</a>")
                .contains("Sie erhalten diese E-Mail als Admin von " + acme.name() + ".");
        assertThat(mail.text()).contains("Ab ", "Bis ").doesNotContain("Role", "Until", "shared");

        // The revoke reaches both: the owner in English (no settings), the grantee in German.
        ObjectNode revoked = shareRevoked(granted, 0, "MANUAL");
        publishShare(kafka, revoked);
        ReceivedMail german = Mailbox.await(acme.adminEmail(), 2, MAIL_TIMEOUT).get(1);
        assertThat(german.subject())
                .isEqualTo(rentco.name() + " hat " + acme.name() + " den Zugriff auf 1 Gerät entzogen");
        assertThat(german.text())
                .contains("Die Freigaben von " + acme.name() + " ansehen")
                .contains(acme.name() + " kann es nicht mehr nutzen.");
        ReceivedMail english =
                Mailbox.await(rentco.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(english.subject()).isEqualTo(rentco.name() + " revoked the share of 1 device with " + acme.name());

        // Several devices are plural in German too.
        UUID dozer = UUID.randomUUID();
        named(rentco, dozer, "Planierraupe 3");
        ObjectNode two = shareGranted(rentco, acme, List.of(dozer, UUID.randomUUID()), null);
        publishShare(kafka, two);
        ReceivedMail plural = Mailbox.await(acme.adminEmail(), 3, MAIL_TIMEOUT).get(2);
        assertThat(plural.html())
                .contains(acme.name() + " kann sie ab sofort", "<p>Geräte:</p>", "<li>Planierraupe 3</li>")
                .contains("Die mit " + acme.name() + " geteilten Geräte öffnen");
    }

    @Test
    void contactsThatWantAKindGetItInsteadOfTheAdminsAndOtherOrganizationsContactsNever() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg stranger = TestOrgs.create("stranger", "Stranger Ltd");
        String dispatch = "dispatch-" + acme.alias() + "@elsewhere.example";
        String reminders = "reminders-" + acme.alias() + "@elsewhere.example";
        String foreign = "foreign-" + stranger.alias() + "@elsewhere.example";
        putSettings(
                acme,
                Map.of(
                        "contacts",
                        List.of(
                                Map.of("email", dispatch, "kinds", List.of("share.granted", "share.revoked")),
                                Map.of("email", reminders, "kinds", List.of("share.ending")))));
        putSettings(
                stranger,
                Map.of(
                        "contacts",
                        List.of(Map.of("email", foreign, "kinds", List.of("share.granted", "share.revoked")))));

        ObjectNode granted = shareGranted(rentco, acme, List.of(UUID.randomUUID()), null);
        publishShare(kafka, granted);
        ReceivedMail mail = Mailbox.await(dispatch, 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.text()).contains("You receive this email as a notification contact of " + acme.name());
        assertThat(deliveries(id(granted))).containsOnlyKeys(dispatch);

        // A kind no contact of rentco wants goes to rentco's admins; acme's contact gets acme's copy.
        ObjectNode revoked = shareRevoked(granted, 0, "MANUAL");
        publishShare(kafka, revoked);
        Mailbox.await(rentco.adminEmail(), 1, MAIL_TIMEOUT);
        Mailbox.await(dispatch, 2, MAIL_TIMEOUT);
        assertThat(deliveries(id(revoked))).containsOnlyKeys(dispatch, rentco.adminEmail());
        assertThat(Mailbox.messages(acme.adminEmail())).isEmpty();
        assertThat(Mailbox.messages(reminders)).isEmpty();
        assertThat(Mailbox.messages(foreign)).isEmpty();
    }

    @Test
    void namesWithMarkupAndLineBreaksAreEscapedAndCannotInjectHeaders() {
        TestOrg evil = TestOrgs.create("evil", "<b>Evil</b>\r\nBcc: victim@x.example");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        UUID device = UUID.randomUUID();
        String nasty = "<script>alert(1)</script>\r\nBcc: victim@x.example";
        named(evil, device, nasty);
        publishShare(kafka, shareGranted(evil, acme, List.of(device), null));

        ReceivedMail mail = Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.to()).containsExactly(acme.adminEmail());
        assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n").startsWith("<b>Evil</b> Bcc:");
        assertThat(mail.html())
                .doesNotContain("<script>")
                .doesNotContain("<b>Evil")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b&gt;Evil&lt;/b&gt;");
        assertThat(mail.text()).contains("<script>alert(1)</script>");
        assertThat(Mailbox.messages("victim@x.example")).isEmpty();
    }

    @Test
    void aFailedDesignTransferIsMailedToTheProjectOrganizationOnly() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        ObjectNode event = transferFailed(acme, rentco, "Excavator 12 (CAT 336)", "unsupported <surface> format");
        publish(kafka, "project-events", event);

        ReceivedMail mail = Mailbox.await(acme.adminEmail(), 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.subject())
                .isEqualTo("Design riverside-surface-v3.ttm could not be delivered to Excavator 12 (CAT 336)"
                        + " (project Riverside earthworks)");
        String link = BASE + "/projects/" + data(event).get("projectId").asText() + "/transfers/"
                + data(event).get("transferId").asText();
        assertThat(mail.html())
                .contains(acme.name(), rentco.name(), "href=\"" + link + "\"")
                .contains("unsupported &lt;surface&gt; format");
        assertThat(mail.text())
                .contains("The design riverside-surface-v3.ttm of project Riverside earthworks of " + acme.name())
                .contains("of " + rentco.name())
                .contains("The device reported: unsupported <surface> format")
                .contains(link);
        assertThat(deliveries(id(event))).containsOnlyKeys(acme.adminEmail());
        assertThat(Mailbox.messages(rentco.adminEmail())).isEmpty();
    }

    @Test
    void unreadableRecordsOnSharingAndProjectEventsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        String sharingKey = "poison-" + UUID.randomUUID();
        String projectKey = "poison-" + UUID.randomUUID();
        ObjectNode noOrgs = shareGranted(rentco, acme, List.of(UUID.randomUUID()), null);
        data(noOrgs).remove("granteeOrg");
        noOrgs.put("subject", "poison-" + UUID.randomUUID());
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics("notification-dlq");
        try {
            kafka.produceStrings()
                    .fromRecords(
                            new ProducerRecord<>("sharing-events", sharingKey, "this is { not json"),
                            new ProducerRecord<>("project-events", projectKey, "[1, 2"))
                    .awaitCompletion(Duration.ofSeconds(10));
            publishShare(kafka, noOrgs);
            for (String key :
                    List.of(sharingKey, projectKey, noOrgs.get("subject").asText())) {
                Awaitility.await()
                        .atMost(MAIL_TIMEOUT)
                        .until(
                                () -> dlq.getRecords().stream()
                                        .filter(r -> key.equals(r.key()))
                                        .findFirst(),
                                Optional::isPresent);
            }
        } finally {
            dlq.stop();
        }
        ObjectNode after = shareGranted(rentco, acme, List.of(UUID.randomUUID()), null);
        after.put("subject", sharingKey);
        publishShare(kafka, after);
        ObjectNode afterProject = transferFailed(acme, rentco, "Rover 7", null);
        afterProject.put("subject", projectKey);
        publish(kafka, "project-events", afterProject);
        Mailbox.await(acme.adminEmail(), 2, MAIL_TIMEOUT);
        assertThat(deliveries(id(after))).containsOnlyKeys(acme.adminEmail());
        assertThat(deliveries(id(afterProject))).containsOnlyKeys(acme.adminEmail());
    }

    static void putSettings(TestOrg org, Map<String, Object> body) {
        given().auth()
                .oauth2(org.adminToken())
                .contentType("application/json")
                .body(body)
                .put("/notification-settings")
                .then()
                .statusCode(200);
    }
}
