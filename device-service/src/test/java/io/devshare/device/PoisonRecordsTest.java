package io.devshare.device;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

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
    static final String DATABASE = "device";
    static final String SHARING = "sharing-service";
    static final String PROJECT = "project-service";

    final Predicate<String> processed = PoisonRecords.inboxOf(DATABASE);

    @Test
    void sharingEvents() {
        PoisonRecords.checkTopic(DLQ, "sharing-events", SHARING, "access.granted", "granteeOrg", processed);
    }

    @Test
    void projectEvents() {
        PoisonRecords.checkTopic(DLQ, "project-events", PROJECT, "device.assigned", "org", processed);
    }
}
