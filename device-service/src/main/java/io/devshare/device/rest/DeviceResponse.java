package io.devshare.device.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.devshare.device.repository.DeviceRow;

@Schema(description = "A device your organization owns or that is shared with it, with its badges.")
public record DeviceResponse(
        @Schema(examples = "0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33")
        UUID id,

        @Schema(examples = "5834K01234") String serialNumber,
        @Schema(examples = "Trimble") String manufacturer,
        @Schema(examples = "SPS986") String model,
        @Schema(examples = "GNSS_ROVER") String kind,
        @Schema(examples = "Rover 7 (Riverside)") String displayName,
        @Schema(examples = "[\"riverside\", \"survey\"]") List<String> tags,

        @Schema(description = "The organization owning the device")
        OrgBadge owner,

        @Schema(description = "Owner's view: the organizations it is shared with, and their role (empty otherwise)")
        List<SharedWith> sharedWith,

        @Schema(description = "Grantee's view: the organization that shared it with yours (null when yours)")
        OrgBadge sharedBy,

        @Schema(
                description = "Grantee's view: your organization's role on it (null when yours)",
                enumeration = {"VIEWER", "OPERATOR", "MANAGER"},
                examples = "VIEWER")
        String role,

        @Schema(description = "The organization whose project currently uses it, and since when (null: none)")
        ActiveAccount activeAccount,

        @Schema(description = "The last position it reported (null: never)")
        PositionResponse lastPosition,

        @Schema(examples = "2026-11-24T08:00:00Z") OffsetDateTime createdAt,
        @Schema(examples = "2026-11-24T08:00:00Z") OffsetDateTime updatedAt,

        @Schema(description = "Only in the answer to a registration: the device's credentials, secret shown once")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        CredentialsResponse credentials) {

    @Schema(description = "An organization, by its alias.")
    public record OrgBadge(@Schema(examples = "acme") String alias) {}

    @Schema(description = "The organization whose project uses the device now.")
    public record ActiveAccount(
            @Schema(examples = "acme") String alias,
            @Schema(examples = "2026-12-01T09:00:00Z") OffsetDateTime since) {}

    @Schema(description = "An organization a device is shared with, and its role.")
    public record SharedWith(
            @Schema(examples = "subco") String alias,

            @Schema(
                    enumeration = {"VIEWER", "OPERATOR", "MANAGER"},
                    examples = "OPERATOR")
            String role) {}

    public static DeviceResponse of(DeviceRow r) {
        return new DeviceResponse(
                r.id(),
                r.serialNumber(),
                r.manufacturer(),
                r.model(),
                r.kind(),
                r.displayName(),
                r.tags(),
                new OrgBadge(r.ownerOrg()),
                r.sharedWith().stream()
                        .map(g -> new SharedWith(g.alias(), g.role()))
                        .toList(),
                r.sharedIn() ? new OrgBadge(r.ownerOrg()) : null,
                r.role(),
                r.activeAccount() == null
                        ? null
                        : new ActiveAccount(
                                r.activeAccount().alias(), r.activeAccount().since()),
                PositionResponse.of(r.lastPosition()),
                r.createdAt(),
                r.updatedAt(),
                null);
    }

    public DeviceResponse withCredentials(CredentialsResponse c) {
        return new DeviceResponse(
                id,
                serialNumber,
                manufacturer,
                model,
                kind,
                displayName,
                tags,
                owner,
                sharedWith,
                sharedBy,
                role,
                activeAccount,
                lastPosition,
                createdAt,
                updatedAt,
                c);
    }
}
