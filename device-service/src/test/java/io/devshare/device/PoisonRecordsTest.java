package io.devshare.device;

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
 * No record stops device-service's consumers (issue 13): on each topic it reads, an unreadable record, an event
 * the database refuses (U+0000 in a stored text), an unknown type and an event missing its members are followed
 * by a good event on the same key, which is processed; the poison records are dead-lettered with their reason.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class PoisonRecordsTest {

    static final String DLQ = "device-dlq";
    static final String PARTNER = "partner-service";
    static final String SHARING = "sharing-service";
    static final String DEVICE = "device-service";
    static final String PROJECT = "project-service";

    @Inject
    Pool pool;

    static ObjectNode event(String producer, String type) {
        return PoisonRecords.event(producer, "io.devshare." + producer.replace("-service", "") + "." + type);
    }

    boolean processed(String eventId) {
        return pool.preparedQuery("SELECT 1 FROM processed_event WHERE event_id = $1")
                        .executeAndAwait(Tuple.of(eventId))
                        .size()
                > 0;
    }

    @Test
    void sharingEvents() {
        try (PoisonRecords poison = new PoisonRecords(DLQ)) {
            poison.check(
                    "sharing-events",
                    PoisonRecords.withText(event(SHARING, "access.granted"), "granteeOrg", "a\u0000b"),
                    event(SHARING, "access.granted"),
                    this::processed);
        }
    }

    @Test
    void projectEvents() {
        try (PoisonRecords poison = new PoisonRecords(DLQ)) {
            poison.check(
                    "project-events",
                    PoisonRecords.withText(event(PROJECT, "device.assigned"), "org", "a\u0000b"),
                    event(PROJECT, "device.assigned"),
                    this::processed);
        }
    }
}
