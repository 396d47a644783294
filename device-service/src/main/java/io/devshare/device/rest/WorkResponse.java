package io.devshare.device.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.device.repository.WorkItem;

@Schema(
        description = "Work waiting for the device, oldest first: design transfers to fetch"
                + " (GET /device-api/designs/{id}) and then report (POST /device-api/designs/{id}/status), remote"
                + " sessions to join (POST /device-api/sessions/{id}/join) before they expire.")
public record WorkResponse(List<Item> items) {

    @Schema(description = "One piece of work: a DESIGN transfer or a remote SESSION.")
    public record Item(
            @Schema(examples = "8e7d6c5b-4a39-4281-b7a6-958473625140")
            UUID id,

            @Schema(
                    examples = "DESIGN",
                    enumeration = {"DESIGN", "SESSION"})
            String kind,

            @Schema(
                    examples = "PENDING",
                    enumeration = {"PENDING", "FETCHED", "JOINED"})
            String status,

            @Schema(examples = "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a")
            UUID projectId,

            @Schema(description = "The organization whose project it is", examples = "acme")
            String organization,

            @Schema(description = "Designs: the file's name", examples = "riverside-surface-v3.ttm")
            String filename,

            @Schema(description = "Designs", examples = "application/octet-stream")
            String contentType,

            @Schema(description = "Designs: bytes", examples = "204800")
            Long size,

            @Schema(description = "Designs: SHA-256 (hex) of the content")
            String sha256,

            @Schema(
                    description = "Designs: where to fetch it",
                    examples = "/device-api/designs/8e7d6c5b-4a39-4281-b7a6-958473625140")
            String href,

            @Schema(description = "Sessions: joinable until")
            OffsetDateTime expiresAt,

            OffsetDateTime createdAt) {

        static Item of(WorkItem w) {
            boolean design = WorkItem.DESIGN.equals(w.kind());
            return new Item(
                    w.id(),
                    w.kind(),
                    w.status(),
                    w.projectId(),
                    w.org(),
                    w.filename(),
                    w.contentType(),
                    w.size(),
                    w.sha256(),
                    design ? "/device-api/designs/" + w.id() : "/device-api/sessions/" + w.id() + "/join",
                    w.expiresAt(),
                    w.createdAt());
        }
    }

    public static WorkResponse of(List<WorkItem> items) {
        return new WorkResponse(items.stream().map(Item::of).toList());
    }
}
