package io.devshare.notification;

import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.PoisonRecords;
import io.devshare.testsupport.RealServersResource;

/**
 * No record stops notification-service's consumers (issue 13): on each topic it reads, an unreadable record, an
 * event the database refuses (U+0000 in a text that would be mailed), an unknown type and an event missing its
 * members are followed by a good event on the same key, which is processed; the poison records are dead-lettered
 * with their reason and no mail is written for them.
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class PoisonRecordsTest {

    static final String DLQ = "notification-dlq";
    static final String DATABASE = "notification";

    @Inject
    Pool pool;

    final Predicate<String> processed = PoisonRecords.inboxOf(DATABASE);

    @Test
    void partnerEvents() {
        PoisonRecords.checkTopic(DLQ, "partner-events", "partner-service", "invitation.created", "message", processed);
    }

    @Test
    void sharingEvents() {
        PoisonRecords.checkTopic(
                DLQ, "sharing-events", "sharing-service", "share.granted", "devices.0.displayName", processed);
    }

    @Test
    void projectEvents() {
        PoisonRecords.checkTopic(DLQ, "project-events", "project-service", "transfer.failed", "message", processed);
    }

    /** Device names are kept without the inbox (an upsert by event time): the good event's device is named. */
    @Test
    void deviceEvents() {
        ObjectNode good = PoisonRecords.sample("device-service", "device.registered");
        String goodId = good.get("id").asText();
        String device = good.get("data").get("deviceId").asText();
        try (PoisonRecords poison = new PoisonRecords(DLQ)) {
            poison.check(
                    "device-events",
                    PoisonRecords.withText(
                            PoisonRecords.sample("device-service", "device.registered"), "displayName", "a\u0000b"),
                    good,
                    id -> id.equals(goodId)
                            && pool.preparedQuery("SELECT 1 FROM device_name WHERE device_id = $1::uuid")
                                            .executeAndAwait(Tuple.of(device))
                                            .size()
                                    > 0);
        }
    }
}
