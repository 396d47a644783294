package io.devshare.project;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import io.devshare.testsupport.PoisonRecords;
import io.devshare.testsupport.RealServersResource;

/**
 * No record stops project-service's consumers (issue 13): on each topic it reads, an unreadable record, an event
 * the database refuses (U+0000 in a stored text), an unknown type and an event missing its members are followed
 * by a good event on the same key, which is processed; the poison records are dead-lettered with their reason.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
class PoisonRecordsTest {

    static final String DLQ = "project-dlq";
    static final String DATABASE = "project";
    static final String SHARING = "sharing-service";
    static final String DEVICE = "device-service";

    final Predicate<String> processed = PoisonRecords.inboxOf(DATABASE);

    @Test
    void deviceEvents() {
        PoisonRecords.checkTopic(DLQ, "device-events", DEVICE, "device.registered", "displayName", processed);
    }

    @Test
    void sharingEvents() {
        PoisonRecords.checkTopic(DLQ, "sharing-events", SHARING, "access.granted", "granteeOrg", processed);
    }

    @Test
    void devicePositions() {
        PoisonRecords.checkTopic(DLQ, "device-positions", DEVICE, "position.reported", "ownerOrg", processed);
    }
}
