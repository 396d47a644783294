package io.devshare.project;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

/**
 * A record project-service cannot read goes to {@code project-dlq} (created by the broker on first use) and
 * consumption goes on: the next good event on the same topic is applied.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
class DeadLetterTest {

    @Inject
    Pool pool;

    @Test
    void anUnreadableRecordIsSetAsideAndTheNextOneIsApplied() {
        TestOrg owner = TestOrgs.create("dlq", "Dead Letter Org");
        String key = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
                World world = new World(pool)) {
            ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics("project-dlq");
            kafka.produceStrings()
                    .fromRecords(new ProducerRecord<>("device-positions", key, "{not json"))
                    .awaitCompletion(Duration.ofSeconds(10));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> dlq.getRecords().stream().anyMatch(r -> key.equals(r.key())));
            dlq.stop();
            UUID device = world.device(owner, "After the garbage");
            world.position(device, owner, 46.2, 6.1);
        }
    }
}
