package io.devshare.sharing;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import io.devshare.testsupport.PoisonRecords;
import io.devshare.testsupport.RealServersResource;

/**
 * No record stops sharing-service's consumers (issue 13): on each topic it reads, an unreadable record, an event
 * the database refuses (U+0000 in a stored text), an unknown type and an event missing its members are followed
 * by a good event on the same key, which is processed; the poison records are dead-lettered with their reason.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "sharing"))
class PoisonRecordsTest {

    static final String DLQ = "sharing-dlq";
    static final String DATABASE = "sharing";
    static final String PARTNER = "partner-service";
    static final String DEVICE = "device-service";

    final Predicate<String> processed = PoisonRecords.inboxOf(DATABASE);

    @Test
    void partnerEvents() {
        PoisonRecords.checkTopic(DLQ, "partner-events", PARTNER, "partnership.started", "orgs.0.alias", processed);
    }

    @Test
    void deviceEvents() {
        PoisonRecords.checkTopic(DLQ, "device-events", DEVICE, "device.registered", "ownerOrg", processed);
    }
}
