package io.devshare.notification;

import java.time.Duration;
import java.util.List;

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
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

import static io.devshare.notification.PartnerEventFixtures.deliveries;
import static io.devshare.notification.PartnerEventFixtures.id;
import static io.devshare.notification.PartnerEventFixtures.invitation;
import static io.devshare.notification.PartnerEventFixtures.processed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While Keycloak's admin API cannot be reached, an event whose recipients come from it is retried, neither
 * dropped nor mailed to nobody; once Keycloak answers again, the mail goes out. The admin API is reached through
 * {@link KeycloakOutageProxy}, in front of the real test Keycloak.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(value = KeycloakOutageProxy.class, restrictToAnnotatedClass = true)
class KeycloakOutageTest {

    static KafkaCompanion kafka;

    @BeforeAll
    static void setUp() {
        kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    }

    @AfterAll
    static void tearDown() {
        KeycloakOutageProxy.up();
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anEventIsRetriedWhileKeycloakIsUnreachableAndMailedOnceItIsBack() {
        TestOrg acme = TestOrgs.create("acme", "Acme Construction");
        TestOrg rentco = TestOrgs.create("rentco", "RentCo Equipment Rental");
        KeycloakOutageProxy.down();
        int refusedBefore = KeycloakOutageProxy.refused();
        ObjectNode event = invitation("invitation.accepted", acme, rentco);
        PartnerEventFixtures.publish(kafka, event);

        // Keycloak is asked again and again (the consumer's backoff), and meanwhile nothing is recorded or sent.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> KeycloakOutageProxy.refused() >= refusedBefore + 3);
        assertThat(processed(List.of(id(event)))).isEmpty();
        assertThat(Mailbox.messages(acme.adminEmail())).isEmpty();

        KeycloakOutageProxy.up();
        Mailbox.await(acme.adminEmail(), 1, Duration.ofSeconds(60));
        assertThat(deliveries(id(event))).containsOnlyKeys(acme.adminEmail());
    }
}
