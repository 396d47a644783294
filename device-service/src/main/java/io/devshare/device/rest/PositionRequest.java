package io.devshare.device.rest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The device's position: WGS 84 degrees; altitude and accuracy in metres.")
public record PositionRequest(
        @Schema(examples = "47.3769") @NotNull @DecimalMin("-90") @DecimalMax("90")
        Double lat,

        @Schema(examples = "8.5417") @NotNull @DecimalMin("-180") @DecimalMax("180")
        Double lon,

        @Schema(description = "Metres above the ellipsoid, -1000 to 100000", examples = "408.2")
        @DecimalMin("-1000")
        @DecimalMax("100000")
        Double altitude,

        @Schema(description = "Horizontal accuracy in metres, 0 to 100000", examples = "0.02")
        @DecimalMin("0")
        @DecimalMax("100000")
        Double accuracy,

        @Schema(
                description = "When the device measured it (default: when it arrives); at most 5 minutes ahead",
                examples = "2026-11-24T09:15:00Z")
        OffsetDateTime recordedAt) {}
