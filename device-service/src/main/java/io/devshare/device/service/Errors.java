package io.devshare.device.service;

import java.util.List;
import java.util.Map;

import io.vertx.pgclient.PgException;

import io.devshare.common.problem.ProblemException;

/** The problems device-service answers, in one place so their wording stays the same everywhere. */
public final class Errors {

    private Errors() {}

    public static ProblemException noSuchDevice() {
        return ProblemException.notFound("No such device for your organization.", Map.of());
    }

    public static ProblemException notOwner() {
        return ProblemException.forbidden("Only the organization owning this device may do this.");
    }

    public static ProblemException lacksCapability(String capability) {
        return new ProblemException(
                403,
                "missing-capability",
                "Forbidden",
                "Your organization's access to this device does not include '" + capability + "'.",
                List.of(),
                Map.of("capability", capability));
    }

    public static ProblemException noSuchGroup() {
        return ProblemException.notFound("No such device group for your organization.", Map.of());
    }

    public static ProblemException noSuchFile() {
        return ProblemException.notFound("No such field-data file for this device.", Map.of());
    }

    public static ProblemException serialTaken(String manufacturer, String serialNumber) {
        return ProblemException.conflict(
                "serial-number-taken",
                "A device of manufacturer '" + manufacturer + "' with serial number '" + serialNumber
                        + "' is already registered.",
                Map.of("manufacturer", manufacturer, "serialNumber", serialNumber));
    }

    public static ProblemException licencesExhausted(int size, int used) {
        return ProblemException.conflict(
                "licences-exhausted",
                "Your organization's licence pool is exhausted: " + used + " of " + size
                        + " licences in use. Delete a device or ask the platform operator for a larger pool.",
                Map.of("size", size, "used", used));
    }

    public static ProblemException groupNameTaken(String name) {
        return ProblemException.conflict(
                "group-name-taken",
                "Your organization already has a device group named '" + name + "'.",
                Map.of("name", name));
    }

    /** Whether {@code t} (or a cause) is a PostgreSQL foreign-key violation (the referenced row is gone). */
    public static boolean isForeignKeyViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PgException pg && "23503".equals(pg.getSqlState())) {
                return true;
            }
            if (String.valueOf(c.getMessage()).contains("violates foreign key constraint")) {
                return true;
            }
        }
        return false;
    }
}
