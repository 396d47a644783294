package io.devshare.sharing.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The constraints are enforced by {@code AccessResource} itself (no Bean Validation on this hot path). */
@Schema(description = "May organization `org` do `capability` on `device`?")
public record AccessCheckRequest(
        @Schema(examples = "acme") @NotBlank String org,

        @Schema(examples = "3f6c1a2e-8b4d-4c7e-9a1f-2b3c4d5e6f70") @NotNull
        UUID device,

        @Schema(
                description = "view, view-position, read-field-data, assign-to-project, publish-design,"
                        + " remote-session or configure",
                examples = "publish-design")
        @NotBlank
        String capability) {}
