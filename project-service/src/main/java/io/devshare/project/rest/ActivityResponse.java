package io.devshare.project.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.project.ProjectActivity;

@Schema(description = "One thing that happened in a project.")
public record ActivityResponse(
        UUID id,
        OffsetDateTime at,

        @Schema(
                description = "PROJECT_CREATED, PROJECT_UPDATED, PROJECT_CLOSED, DEVICE_ASSIGNED, DEVICE_UNASSIGNED,"
                        + " DESIGN_PUBLISHED, TRANSFER_DELIVERED, TRANSFER_APPLIED, TRANSFER_FAILED,"
                        + " TRANSFER_CANCELLED, SESSION_OPENED, SESSION_JOINED, SESSION_CLOSED",
                examples = "DEVICE_UNASSIGNED")
        String type,

        UUID deviceId,
        UUID designId,
        UUID transferId,
        UUID sessionId,

        @Schema(description = "Keycloak user id of who acted; null when an event caused it")
        String actor,

        @Schema(examples = "ACCESS_ENDED") String reason,
        @Schema(examples = "access EXPIRED") String detail) {

    public static ActivityResponse of(ProjectActivity a) {
        return new ActivityResponse(
                a.id,
                a.at,
                a.type.name(),
                a.deviceId,
                a.designId,
                a.transferId,
                a.sessionId,
                a.actor,
                a.reason,
                a.detail);
    }
}
