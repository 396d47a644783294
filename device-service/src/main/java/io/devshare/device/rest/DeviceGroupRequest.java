package io.devshare.device.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A device group's name, unique within your organization (case-insensitive).")
public record DeviceGroupRequest(
        @Schema(examples = "Riverside rovers") @NotBlank @Size(max = 100)
        String name) {}
