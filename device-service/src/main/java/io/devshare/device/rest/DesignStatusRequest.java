package io.devshare.device.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What became of a design on the device.")
public record DesignStatusRequest(
        @Schema(examples = "APPLIED") @NotNull Status status,

        @Schema(description = "Why it failed, for the project's people", examples = "unsupported surface format")
        @Size(max = 1000)
        String message) {

    public enum Status {
        APPLIED,
        FAILED
    }
}
