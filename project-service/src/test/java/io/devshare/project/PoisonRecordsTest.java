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
    static final String PARTNER = "partner-service";
    static final String SHARING = "sharing-service";
    static final String DEVICE = "device-service";
    static final String PROJECT = "project-service";

    final Predicate<String> processed = PoisonRecords.inboxOf(DATABASE);

    @Test
    void deviceEvents() {
        try (PoisonRecords poison = new PoisonRecords(DLQ)) {
            poison.check(
                    "device-events",
                    PoisonRecords.withText(
                            PoisonRecords.sample(DEVICE, "device.registered"), "displayName", "a\u0000b"),
                    PoisonRecords.sample(DEVICE, "device.registered"),
                    processed);
        }
    }

    @Test
    void sharingEvents() {
        try (PoisonRecords poison = new PoisonRecords(DLQ)) {
            poison.check(
                    "sharing-events",
                    PoisonRecords.withText(PoisonRecords.sample(SHARING, "access.granted"), "granteeOrg", "a\u0000b"),
                    PoisonRecords.sample(SHARING, "access.granted"),
                    processed);
        }
    }

    @Test
    void devicePositions() {
        try (PoisonRecords poison = new PoisonRecords(DLQ)) {
            poison.check(
                    "device-positions",
                    PoisonRecords.withText(PoisonRecords.sample(DEVICE, "position.reported"), "ownerOrg", "a\u0000b"),
                    PoisonRecords.sample(DEVICE, "position.reported"),
                    processed);
        }
    }
}
