package io.devshare.sharing.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.sharing.Grant;

@Schema(description = "A share grant, seen by its owner or its grantee.")
public record GrantResponse(
        @Schema(examples = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f")
        UUID id,

        @Schema(description = "Grants made by one share request have one actionId")
        UUID actionId,

        @Schema(examples = "rentco") String ownerOrg,
        @Schema(examples = "acme") String granteeOrg,
        UUID deviceId,
        UUID groupId,

        @Schema(
                enumeration = {"VIEWER", "OPERATOR", "MANAGER"},
                examples = "OPERATOR")
        String role,

        @Schema(
                examples = "[\"view\",\"view-position\",\"read-field-data\",\"assign-to-project\",\"publish-design\","
                        + "\"remote-session\"]")
        List<String> capabilities,

        OffsetDateTime startsAt,
        OffsetDateTime endsAt,

        @Schema(description = "ACTIVE, REVOKED or EXPIRED", examples = "ACTIVE")
        String status,

        @Schema(description = "Active and inside its rental period now")
        boolean effective,

        OffsetDateTime createdAt,
        OffsetDateTime closedAt,

        @Schema(description = "MANUAL, PARTNERSHIP_ENDED, DEVICE_DELETED, GROUP_DELETED, EXPIRED or LEFT")
        String closeReason) {

    public static GrantResponse of(Grant g) {
        return new GrantResponse(
                g.id,
                g.actionId,
                g.ownerOrg,
                g.granteeOrg,
                g.deviceId,
                g.groupId,
                g.role.name(),
                List.of(g.capabilities),
                g.startsAt,
                g.endsAt,
                g.status.name(),
                g.effectiveAt(OffsetDateTime.now(ZoneOffset.UTC)),
                g.createdAt,
                g.closedAt,
                g.closeReason == null ? null : g.closeReason.name());
    }
}
