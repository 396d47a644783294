package io.devshare.project.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code io.devshare.project.design.published}: one per device transfer; the device may fetch it now. */
public record DesignPublished(
        UUID transferId,
        UUID designId,
        UUID projectId,
        String org,
        UUID deviceId,
        String ownerOrg,
        String filename,
        String contentType,
        long size,
        String sha256,
        String actedBy,
        OffsetDateTime occurredAt) {}
