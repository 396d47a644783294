package io.devshare.sharing.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Share devices (one grant each) or one device group with a partner organization.")
public record ShareRequest(
        @Schema(description = "Alias of the partner organization", examples = "acme") @NotBlank @Size(max = 255)
        String granteeOrg,

        @Schema(
                description = "Devices to share (at most 500), or give groupId instead",
                examples = "[\"3f6c1a2e-8b4d-4c7e-9a1f-2b3c4d5e6f70\"]")
        @Size(max = 500)
        List<@NotNull UUID> deviceIds,

        @Schema(description = "A device group to share (shared with one organization at a time)")
        UUID groupId,

        @Schema(
                description = "VIEWER, OPERATOR or MANAGER (read in any case; answered upper-case)",
                enumeration = {"VIEWER", "OPERATOR", "MANAGER"},
                examples = "OPERATOR")
        @NotBlank
        String role,

        @Schema(description = "Start of the rental period (optional)", examples = "2026-12-01T06:00:00Z")
        OffsetDateTime startsAt,

        @Schema(description = "End of the rental period (optional)", examples = "2026-12-24T18:00:00Z")
        OffsetDateTime endsAt) {

    @AssertTrue(message = "give either deviceIds or groupId")
    @Schema(hidden = true)
    public boolean isDevicesXorGroup() {
        boolean devices = deviceIds != null && !deviceIds.isEmpty();
        return devices != (groupId != null);
    }
}
