package io.devshare.device.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.device.FieldDataFile;

@Schema(description = "A field-data file a device uploaded.")
public record FieldDataResponse(
        @Schema(examples = "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9")
        UUID id,

        @Schema(examples = "0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33")
        UUID deviceId,

        @Schema(description = "As the device named it (null: unnamed)", examples = "survey-2026-11-24.job")
        String filename,

        @Schema(examples = "application/octet-stream") String contentType,
        @Schema(description = "Bytes", examples = "1048576") long size,

        @Schema(
                description = "SHA-256 of the bytes, lower-case hex",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String sha256,

        @Schema(examples = "2026-11-24T17:30:00Z") OffsetDateTime uploadedAt) {

    public static FieldDataResponse of(FieldDataFile f) {
        return new FieldDataResponse(f.id, f.deviceId, f.filename, f.contentType, f.size, f.sha256, f.uploadedAt);
    }
}
