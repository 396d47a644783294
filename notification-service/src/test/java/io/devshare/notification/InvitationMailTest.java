package io.devshare.notification;

import java.time.Duration;
import java.util.List;
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

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.Mailbox;
import io.devshare.testsupport.Mailbox.ReceivedMail;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton's second half, on the real servers: partner-service's sample invitation event, put on
 * Kafka, becomes real email on the SMTP server, once.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class InvitationMailTest {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);
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
    void anInvitationIsMailedToEachNotifyAddressWithBothBodies() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String first = "dispatch-" + suffix + "@rentco.example";
        String second = "boss-" + suffix + "@rentco.example";
        ObjectNode event = invitation(List.of(first, second), "Acme Construction");
        publish(event);

        for (String address : List.of(first, second)) {
            ReceivedMail mail = Mailbox.await(address, 1, MAIL_TIMEOUT).get(0);
            assertThat(mail.to()).containsExactly(address);
            assertThat(mail.from()).isEqualTo("no-reply@devshare.example");
            assertThat(mail.subject())
                    .isEqualTo("Acme Construction invites RentCo Equipment Rental to become partners on Devshare");
            assertThat(mail.html()).contains("Acme Construction").contains("RentCo Equipment Rental");
            assertThat(mail.html())
                    .contains("/partners/invitations/"
                            + event.at("/data/invitationId").asText());
            assertThat(mail.text()).contains("Acme Construction").contains("accept or decline");
            assertThat(mail.text()).contains("We would like to use your excavators on the Riverside site.");
        }
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneMail() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String address = "twice-" + suffix + "@rentco.example";
        ObjectNode event = invitation(List.of(address), "Acme Construction");
        publish(event);
        publish(event);
        // A later event on the same key (same partition, consumed in order) proves the duplicate was consumed.
        String marker = "marker-" + suffix + "@rentco.example";
        ObjectNode later = invitation(List.of(marker), "Acme Construction");
        later.put("subject", event.get("subject").asText());
        publish(later);
        Mailbox.await(marker, 1, MAIL_TIMEOUT);

        assertThat(Mailbox.messages(address)).hasSize(1);
    }

    @Test
    void userSuppliedTextIsEscapedInHtmlAndCannotInjectHeaders() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String address = "escape-" + suffix + "@rentco.example";
        ObjectNode event = invitation(
                List.of(address, "evil@x.example\r\nBcc: victim@x.example"),
                "<script>alert(1)</script> Evil\r\nBcc: victim@x.example");
        ((ObjectNode) event.get("data")).put("message", "<b>bold</b> & <img src=x onerror=alert(2)>");
        publish(event);

        ReceivedMail mail = Mailbox.await(address, 1, MAIL_TIMEOUT).get(0);
        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(mail.html()).doesNotContain("<img").contains("&lt;img src=x");
        assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n");
        assertThat(mail.to()).containsExactly(address);
        assertThat(Mailbox.messages("victim@x.example")).isEmpty();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics("notification-dlq");
        try {
            kafka.produceStrings()
                    .fromRecords(new ProducerRecord<>("partner-events", poisonKey, "this is { not json"))
                    .awaitCompletion(Duration.ofSeconds(10));
            Awaitility.await()
                    .atMost(MAIL_TIMEOUT)
                    .until(
                            () -> dlq.getRecords().stream()
                                    .filter(r -> poisonKey.equals(r.key()))
                                    .findFirst(),
                            Optional::isPresent);
        } finally {
            dlq.stop();
        }
        String address = "after-poison-" + UUID.randomUUID().toString().substring(0, 8) + "@rentco.example";
        ObjectNode event = invitation(List.of(address), "Acme Construction");
        event.put("subject", poisonKey);
        publish(event);
        assertThat(Mailbox.await(address, 1, MAIL_TIMEOUT)).hasSize(1);
    }

    /** partner-service's sample event, with a fresh event id, invitation id and recipients. */
    private static ObjectNode invitation(List<String> notify, String inviterName) {
        ObjectNode event = EventSamples.load("partner-service", "io.devshare.partner.invitation.created");
        String invitationId = UUID.randomUUID().toString();
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", invitationId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("invitationId", invitationId);
        ((ObjectNode) data.get("inviter")).put("name", inviterName);
        data.putArray("notifyEmails")
                .addAll(notify.stream()
                        .map(com.fasterxml.jackson.databind.node.TextNode::valueOf)
                        .toList());
        return event;
    }

    private static void publish(ObjectNode event) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>("partner-events", event.get("subject").asText(), event.toString());
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }
}
