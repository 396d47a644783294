package io.devshare.device.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(
        description = "The device's credentials for the device API (HTTP Basic deviceId:secret). The secret is shown"
                + " only in the answer that created it; store it on the device. Devshare keeps only a hash.")
public record CredentialsResponse(
        @Schema(examples = "0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33")
        UUID deviceId,

        @Schema(
                description =
                        "Absent when a registration is replayed for its Idempotency-Key: rotate to get a new" + " one",
                examples = "q8Wv4ZrjQ1l2cXo0m3T9bNs7dKf5yHgA6uPeR1iLwEc")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String secret) {}
