package io.devshare.project.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code io.devshare.project.transfer.cancelled}: the device will not get this design (it left the project). */
public record TransferCancelled(
        UUID transferId,
        UUID designId,
        UUID projectId,
        String org,
        UUID deviceId,
        String reason,
        OffsetDateTime occurredAt) {}
