package io.devshare.device.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.device.LicencePool;

@Schema(description = "The size of an organization's licence pool (not below the licences in use).")
public record LicencePoolRequest(
        @Schema(examples = "50") @NotNull @Min(0) @Max(LicencePool.MAX_SIZE)
        Integer size) {}
