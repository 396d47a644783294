package io.devshare.device.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.device.repository.DeviceRow;

@Schema(description = "A reported position: WGS 84 degrees, altitude and accuracy in metres.")
public record PositionResponse(
        @Schema(examples = "47.3769") double lat,
        @Schema(examples = "8.5417") double lon,
        @Schema(examples = "408.2") Double altitude,
        @Schema(examples = "0.02") Double accuracy,
        @Schema(examples = "2026-11-24T09:15:00Z") OffsetDateTime recordedAt) {

    static PositionResponse of(DeviceRow.Position p) {
        return p == null ? null : new PositionResponse(p.lat(), p.lon(), p.altitude(), p.accuracy(), p.recordedAt());
    }
}
