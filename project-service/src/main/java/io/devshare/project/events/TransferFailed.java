package io.devshare.project.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code io.devshare.project.transfer.failed}: the device reported that it could not apply a design. */
public record TransferFailed(
        UUID transferId,
        UUID designId,
        UUID projectId,
        String projectName,
        String org,
        UUID deviceId,
        String deviceName,
        String ownerOrg,
        String filename,
        String message,
        OffsetDateTime occurredAt) {}
