package io.devshare.partner.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Connect as partners using the other organization's sharing code.")
public record ConnectRequest(
        @Schema(description = "The partner's sharing code (case and dashes do not matter)", examples = "K7QM-2XHD-PW9R")
        @NotBlank
        @Size(max = 64)
        String code) {}
