package io.devshare.project.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.project.FieldDataFile;

@Schema(description = "A field-data file a project device recorded while assigned to the project.")
public record FieldDataResponse(
        UUID fileId,
        UUID deviceId,
        @Schema(examples = "rentco") String ownerOrg,
        @Schema(examples = "survey-2026-11-24.job") String filename,
        String contentType,
        Long size,
        String sha256,
        OffsetDateTime recordedAt,

        @Schema(
                description = "Where to download it: device-service, which checks your access again",
                examples =
                        "/devices/3f6c1a2e-8b4d-4c7e-9a1f-2b3c4d5e6f70/field-data/3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9")
        String download) {

    public static FieldDataResponse of(FieldDataFile f) {
        return new FieldDataResponse(
                f.fileId,
                f.deviceId,
                f.ownerOrg,
                f.filename,
                f.contentType,
                f.size,
                f.sha256,
                f.recordedAt,
                "/devices/" + f.deviceId + "/field-data/" + f.fileId);
    }
}
