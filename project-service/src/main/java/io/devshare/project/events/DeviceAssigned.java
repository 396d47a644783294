package io.devshare.project.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code io.devshare.project.device.assigned}: the device's active account is now {@code org}'s project. */
public record DeviceAssigned(
        UUID projectId,
        String projectName,
        String org,
        UUID deviceId,
        String ownerOrg,
        UUID grantId,
        String actedBy,
        OffsetDateTime occurredAt) {}
