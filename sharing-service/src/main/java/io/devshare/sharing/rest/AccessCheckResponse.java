package io.devshare.sharing.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.sharing.Decision;

@Schema(description = "The decision and its reason: the owner, or which grant (through which group).")
public record AccessCheckResponse(
        @Schema(examples = "true") boolean allowed,

        @Schema(description = "OWNER, GRANT or NONE", examples = "GRANT")
        String reason,

        UUID grantId,

        @Schema(description = "The shared group through which the grant covers the device")
        UUID viaGroupId,

        @Schema(
                description = "The grant's role (null unless GRANT)",
                enumeration = {"VIEWER", "OPERATOR", "MANAGER"},
                examples = "OPERATOR")
        String role) {

    public static AccessCheckResponse of(Decision d) {
        return new AccessCheckResponse(d.allowed(), d.basis().name(), d.grantId(), d.viaGroupId(), d.role());
    }
}
