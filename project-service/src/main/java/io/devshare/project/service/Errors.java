package io.devshare.project.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.devshare.common.problem.ProblemException;

/** The problems project-service answers, in one place so their wording stays the same everywhere. */
public final class Errors {

    private Errors() {}

    public static ProblemException noSuchProject() {
        return ProblemException.notFound("No such project of your organization.", Map.of());
    }

    public static ProblemException noSuchDevice() {
        return ProblemException.notFound("No such device for your organization.", Map.of());
    }

    public static ProblemException noSuchGrant() {
        return ProblemException.notFound("No such grant of or to your organization.", Map.of());
    }

    public static ProblemException notInProject() {
        return ProblemException.notFound("This device is not assigned to the project.", Map.of());
    }

    public static ProblemException noSuchDesign() {
        return ProblemException.notFound("No such design in this project.", Map.of());
    }

    public static ProblemException noSuchTransfer() {
        return ProblemException.notFound("No such pending transfer for this device.", Map.of());
    }

    public static ProblemException noSuchSession() {
        return ProblemException.notFound("No such session in this project.", Map.of());
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

    public static ProblemException projectClosed() {
        return ProblemException.conflict(
                "project-closed", "The project is closed; it can no longer change.", Map.of("projectStatus", "CLOSED"));
    }

    /** 409: the device is active on another project (or this one); names where, as far as the caller may know. */
    public static ProblemException booked(UUID deviceId, String activeOrg, UUID projectId, String projectName) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("deviceId", deviceId);
        ext.put("activeOrg", activeOrg);
        if (projectId != null) {
            ext.put("activeProjectId", projectId);
            ext.put("activeProjectName", projectName);
        }
        String where = projectId != null
                ? "your project '" + projectName + "'"
                : "a project of organization '" + activeOrg + "'";
        return ProblemException.conflict(
                "device-booked", "The device is already active on " + where + "; unassign it there first.", ext);
    }

    public static ProblemException sessionOpen(UUID sessionId) {
        return ProblemException.conflict(
                "session-open",
                "The device already has an open remote session; close it first or wait until it expires.",
                Map.of("sessionId", sessionId));
    }

    public static ProblemException sessionClosed() {
        return ProblemException.conflict("session-closed", "The session is already closed.", Map.of());
    }

    public static ProblemException noDevices() {
        return ProblemException.conflict(
                "no-devices", "No device of the project can receive designs; assign devices first.", Map.of());
    }

    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(
                413,
                "payload-too-large",
                "Payload too large",
                "The file is larger than the limit of " + maxBytes + " bytes.",
                List.of(),
                Map.of("maxBytes", maxBytes));
    }
}
