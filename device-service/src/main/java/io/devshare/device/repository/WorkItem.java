package io.devshare.device.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A piece of pending work of a device ({@code device_work}): a design transfer or a remote session. */
public record WorkItem(
        UUID id,
        UUID deviceId,
        String kind,
        String status,
        UUID projectId,
        String org,
        UUID designId,
        String filename,
        String contentType,
        Long size,
        String sha256,
        OffsetDateTime expiresAt,
        OffsetDateTime createdAt) {

    public static final String DESIGN = "DESIGN";
    public static final String SESSION = "SESSION";
}
