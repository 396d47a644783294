package io.devshare.project.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.project.Design;
import io.devshare.project.Transfer;
import io.devshare.project.service.DesignService;

@Schema(description = "A design file published to a project's devices, with one transfer per device.")
public record DesignResponse(
        UUID id,
        UUID projectId,
        @Schema(examples = "riverside-surface-v3.ttm") String filename,
        @Schema(examples = "application/octet-stream") String contentType,
        long size,
        String sha256,
        String publishedBy,
        OffsetDateTime publishedAt,
        List<TransferResponse> transfers) {

    @Schema(description = "One device's delivery: PENDING → DELIVERED → APPLIED or FAILED; or CANCELLED.")
    public record TransferResponse(
            UUID id,
            UUID deviceId,
            String ownerOrg,
            @Schema(examples = "DELIVERED") String status,

            @Schema(description = "The device's message on failure, or the reason of a cancellation")
            String message,

            OffsetDateTime updatedAt) {

        static TransferResponse of(Transfer t) {
            return new TransferResponse(t.id, t.deviceId, t.ownerOrg, t.status.name(), t.message, t.updatedAt);
        }
    }

    public static DesignResponse of(DesignService.Published p) {
        Design d = p.design();
        return new DesignResponse(
                d.id,
                d.projectId,
                d.filename,
                d.contentType,
                d.size,
                d.sha256,
                d.publishedBy,
                d.publishedAt,
                p.transfers().stream().map(TransferResponse::of).toList());
    }
}
