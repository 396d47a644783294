package io.devshare.project.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.project.RemoteSession;

@Schema(description = "A remote session on a project device: who opened it when, and what became of it.")
public record SessionResponse(
        UUID id,
        UUID projectId,

        @Schema(description = "The project's organization", examples = "acme")
        String org,

        UUID deviceId,
        @Schema(examples = "rentco") String ownerOrg,

        @Schema(description = "Keycloak user id of who opened it")
        String openedBy,

        @Schema(examples = "acme-admin") String openedByName,
        OffsetDateTime openedAt,
        OffsetDateTime expiresAt,
        OffsetDateTime joinedAt,
        OffsetDateTime closedAt,
        String closedBy,

        @Schema(description = "CLOSED, EXPIRED or DEVICE_UNASSIGNED")
        String closeReason,

        @Schema(description = "OPEN, JOINED or CLOSED", examples = "JOINED")
        String status) {

    public static SessionResponse of(RemoteSession s) {
        return new SessionResponse(
                s.id,
                s.projectId,
                s.org,
                s.deviceId,
                s.ownerOrg,
                s.openedBy,
                s.openedByName,
                s.openedAt,
                s.expiresAt,
                s.joinedAt,
                s.closedAt,
                s.closedBy,
                s.closeReason == null ? null : s.closeReason.name(),
                s.status());
    }
}
