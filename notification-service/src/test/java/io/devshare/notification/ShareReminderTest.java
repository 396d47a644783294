package io.devshare.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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

import static io.devshare.notification.SharingEventFixtures.accessUpdated;
import static io.devshare.notification.SharingEventFixtures.data;
import static io.devshare.notification.SharingEventFixtures.now;
import static io.devshare.notification.SharingEventFixtures.publishShare;
import static io.devshare.notification.SharingEventFixtures.reminderStatus;
import static io.devshare.notification.SharingEventFixtures.shareGranted;
import static io.devshare.notification.SharingEventFixtures.shareRevoked;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders that a share ends (3 days before, the default lead), on the real servers: scheduled from share.granted,
 * moved by access.updated, cancelled by share.revoked, sent once to both organizations by the job (every second in
 * tests), which also catches up with reminders that fell due while the service was down.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class ShareReminderTest {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration LEAD = Duration.ofDays(3);
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

    private static String grant(ObjectNode granted, int i) {
        return data(granted).get("grantIds").get(i).asText();
    }

    private static String date(OffsetDateTime t) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                .format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static List<ReceivedMail> reminders(TestOrg org) {
        return Mailbox.messages(org.adminEmail()).stream()
                .filter(m -> m.subject().contains(" ends on "))
                .toList();
    }

    @Test
    void aShareEndingWithinTheLeadTimeRemindsBothOrganizationsOnceAndOnePerShareAction() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        OffsetDateTime endsAt = now().plus(LEAD).plusSeconds(3);
        ObjectNode granted = shareGranted(rentco, acme, List.of(UUID.randomUUID(), UUID.randomUUID()), endsAt);
        publishShare(kafka, granted);
        // A later reminder for the same organizations: once it is there, the first had every chance to repeat.
        ObjectNode later = shareGranted(rentco, acme, List.of(UUID.randomUUID()), endsAt.plusSeconds(4));
        publishShare(kafka, later);

        String subject =
                "The share of 2 devices from " + rentco.name() + " with " + acme.name() + " ends on " + date(endsAt);
        for (TestOrg org : List.of(rentco, acme)) {
            Awaitility.await().atMost(MAIL_TIMEOUT).until(() -> reminders(org).size() == 2);
            ReceivedMail mail = reminders(org).stream()
                    .filter(m -> m.subject().equals(subject))
                    .findFirst()
                    .orElseThrow();
            assertThat(mail.to()).containsExactly(org.adminEmail());
            assertThat(mail.html()).contains(rentco.name(), acme.name(), "extend the share", "Until " + date(endsAt));
            assertThat(mail.text())
                    .contains("You receive this email as an admin of " + org.name())
                    .contains("http://localhost:8080/sharing/" + (org == rentco ? "outgoing" : "incoming"));
            assertThat(reminders(org))
                    .filteredOn(m -> m.subject().equals(subject))
                    .hasSize(1);
        }
        assertThat(reminderStatus(grant(granted, 0))).isEqualTo("SENT");
        assertThat(reminderStatus(grant(granted, 1))).isEqualTo("SENT");
    }

    @Test
    void aReminderFollowsTheUpdatedEndARevokedShareGetsNoneAndAShortShareNeedsNone() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg subco = TestOrgs.create("subco", "SubCo Earthworks");
        ObjectNode extended = shareGranted(rentco, acme, List.of(UUID.randomUUID()), now().plusDays(20));
        publishShare(kafka, extended);
        ObjectNode revoked = shareGranted(
                rentco, subco, List.of(UUID.randomUUID()), now().plus(LEAD).plusSeconds(5));
        publishShare(kafka, revoked);
        publishShare(kafka, shareRevoked(revoked, 0, "MANUAL"));
        ObjectNode shortShare = shareGranted(rentco, acme, List.of(UUID.randomUUID()), now().plusDays(1));
        publishShare(kafka, shortShare);
        Awaitility.await().atMost(MAIL_TIMEOUT).until(() -> "SCHEDULED".equals(reminderStatus(grant(extended, 0))));

        OffsetDateTime newEnd = now().plus(LEAD).plusSeconds(8);
        publishShare(kafka, accessUpdated(extended, 0, newEnd));

        Awaitility.await().atMost(MAIL_TIMEOUT).until(() -> reminders(acme).size() == 1);
        assertThat(reminders(acme).get(0).subject()).endsWith(" ends on " + date(newEnd));
        Awaitility.await().atMost(MAIL_TIMEOUT).until(() -> reminders(rentco).size() == 1);
        assertThat(reminderStatus(grant(revoked, 0))).isEqualTo("CANCELLED");
        assertThat(reminders(subco)).isEmpty();
        assertThat(Mailbox.messages(subco.adminEmail())).hasSize(2); // shared, then revoked
        assertThat(reminderStatus(grant(shortShare, 0))).isEqualTo("NONE");
    }

    @Test
    void remindersThatFellDueWhileTheServiceWasDownAreSentUnlessTheShareHasEnded() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        // Granted two days ago with five days to run: the reminder fell due yesterday.
        OffsetDateTime endsAt = now().plusDays(3).minusDays(1);
        ObjectNode overdue = shareGranted(rentco, acme, List.of(UUID.randomUUID()), endsAt);
        data(overdue).put("occurredAt", now().minusDays(2).toString());
        // Granted a week ago and already over: too late to remind.
        ObjectNode over = shareGranted(rentco, acme, List.of(UUID.randomUUID()), now().minusHours(1));
        data(over).put("occurredAt", now().minusDays(7).toString());
        publishShare(kafka, overdue);
        publishShare(kafka, over);

        Awaitility.await().atMost(MAIL_TIMEOUT).until(() -> reminders(rentco).size() == 1);
        assertThat(reminders(rentco).get(0).subject()).endsWith(" ends on " + date(endsAt));
        Awaitility.await().atMost(MAIL_TIMEOUT).until(() -> "MISSED".equals(reminderStatus(grant(over, 0))));
        Awaitility.await().atMost(MAIL_TIMEOUT).until(() -> reminders(acme).size() == 1);
        assertThat(reminders(acme)).hasSize(1);
    }
}
