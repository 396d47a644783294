package io.devshare.project.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Open a remote session on a device of the project.")
public record SessionRequest(
        @Schema(examples = "3f6c1a2e-8b4d-4c7e-9a1f-2b3c4d5e6f70") @NotNull
        UUID deviceId) {}
