package io.devshare.project.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.project.Assignment;
import io.devshare.project.DeviceView;

@Schema(description = "A device working in a project.")
public record AssignmentResponse(
        UUID id,
        UUID projectId,
        UUID deviceId,
        @Schema(examples = "Excavator 12 (CAT 336)") String displayName,
        @Schema(examples = "EXCAVATOR") String kind,
        @Schema(examples = "rentco") String ownerOrg,

        @Schema(description = "The grant it is assigned through; null for an own device")
        UUID grantId,

        String assignedBy,
        OffsetDateTime assignedAt,
        OffsetDateTime unassignedAt,

        @Schema(description = "MANUAL, ACCESS_ENDED, ACCESS_REDUCED, PROJECT_CLOSED or DEVICE_DELETED")
        String reason) {

    public static AssignmentResponse of(Assignment a, DeviceView d) {
        return new AssignmentResponse(
                a.id,
                a.projectId,
                a.deviceId,
                d == null ? null : d.displayName,
                d == null ? null : d.kind,
                a.ownerOrg,
                a.grantId,
                a.assignedBy,
                a.assignedAt,
                a.unassignedAt,
                a.reason == null ? null : a.reason.name());
    }
}
