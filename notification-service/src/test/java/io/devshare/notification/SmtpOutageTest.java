package io.devshare.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.Mailbox;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

import static io.devshare.notification.SharingEventFixtures.attempts;
import static io.devshare.notification.SharingEventFixtures.deliveryStatus;
import static io.devshare.notification.SharingEventFixtures.id;
import static io.devshare.notification.SharingEventFixtures.publishShare;
import static io.devshare.notification.SharingEventFixtures.shareGranted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * SMTP outages, on the real servers: mail goes through {@link SmtpOutageProxy} in front of the shared GreenMail
 * (which is never stopped); cutting the proxy is the outage. Mail is delayed, never lost; a delivery that fails
 * {@code devshare.mail.max-attempts} times is marked failed, reported on the dead-letter topic and counted.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(value = SmtpOutageProxy.class, restrictToAnnotatedClass = true)
class SmtpOutageTest {

    private static final Pattern FAILED_METRIC =
            Pattern.compile("(?m)^devshare_mail_failed_total(?:\\{[^}]*\\})? (\\S+)$");
    static KafkaCompanion kafka;

    @BeforeAll
    static void setUp() {
        kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    }

    @AfterEach
    void restore() {
        SmtpOutageProxy.restore();
    }

    @AfterAll
    static void tearDown() {
        SmtpOutageProxy.restore();
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void mailDuringAnSmtpOutageIsRetriedAndAllDeliveredOnceItIsBack() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        SmtpOutageProxy.cut();
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode e = shareGranted(rentco, acme, List.of(UUID.randomUUID()), null);
            events.add(e);
            publishShare(kafka, e);
        }
        // Each delivery is tried and fails at least twice while SMTP is unreachable; nothing arrives.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.stream().allMatch(e -> attempts(id(e), acme.adminEmail()) >= 2));
        assertThat(events)
                .allSatisfy(e ->
                        assertThat(deliveryStatus(id(e), acme.adminEmail())).isIn("RETRYING", "SENDING"));
        given().auth()
                .oauth2(acme.memberToken())
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(3))
                .body(
                        "items.findAll { it.eventType == 'share.granted' && it.status == 'retrying' }.size()",
                        equalTo(3));
        assertThat(Mailbox.messages(acme.adminEmail())).isEmpty();

        SmtpOutageProxy.restore();
        Mailbox.await(acme.adminEmail(), 3, Duration.ofSeconds(60));
        assertThat(events)
                .allSatisfy(e ->
                        assertThat(deliveryStatus(id(e), acme.adminEmail())).isEqualTo("SENT"));
        assertThat(Mailbox.messages(acme.adminEmail())).hasSize(3);
        given().auth()
                .oauth2(rentco.memberToken())
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items.findAll { it.eventType == 'share.granted' && it.status == 'sent' }.size()", equalTo(3));
    }

    @Test
    void afterMaxAttemptsADeliveryFailsGoesToTheDeadLetterTopicAndTheErrorMetricRises() {
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        double failedBefore = failedMetric();
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics("notification-dlq");
        ObjectNode event = shareGranted(rentco, acme, List.of(UUID.randomUUID()), null);
        try {
            SmtpOutageProxy.cut();
            publishShare(kafka, event);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> "FAILED".equals(deliveryStatus(id(event), acme.adminEmail())));
            assertThat(attempts(id(event), acme.adminEmail())).isEqualTo(SmtpOutageProxy.MAX_ATTEMPTS);
            ConsumerRecord<String, String> record = Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> dlq.getRecords().stream()
                                    .filter(r -> id(event).equals(r.key()))
                                    .findFirst()
                                    .orElse(null),
                            r -> r != null);
            assertThat(record.value())
                    .contains("\"reason\":\"mail-delivery-failed\"")
                    .contains("\"kind\":\"share.granted\"")
                    .contains("\"recipient\":\"" + acme.adminEmail() + "\"")
                    .contains("\"attempts\":" + SmtpOutageProxy.MAX_ATTEMPTS);
        } finally {
            dlq.stop();
            SmtpOutageProxy.restore();
        }
        assertThat(failedMetric()).isGreaterThanOrEqualTo(failedBefore + 1);
        given().auth()
                .oauth2(acme.memberToken())
                .get("/notifications")
                .then()
                .statusCode(200)
                .body("items.find { it.eventType == 'share.granted' }.status", equalTo("failed"))
                .body("items.find { it.eventType == 'share.granted' }.attempts", equalTo(SmtpOutageProxy.MAX_ATTEMPTS));
        assertThat(Mailbox.messages(acme.adminEmail())).isEmpty();
    }

    private static double failedMetric() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = FAILED_METRIC.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
