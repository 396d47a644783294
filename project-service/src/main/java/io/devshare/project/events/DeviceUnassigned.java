package io.devshare.project.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code io.devshare.project.device.unassigned}: the device left the project. {@code reason} MANUAL, ACCESS_ENDED,
 * ACCESS_REDUCED, PROJECT_CLOSED or DEVICE_DELETED; {@code accessReason} is sharing-service's reason when access
 * ended; {@code actedBy} null when an event caused it.
 */
public record DeviceUnassigned(
        UUID projectId,
        String projectName,
        String org,
        UUID deviceId,
        String ownerOrg,
        String reason,
        String accessReason,
        String actedBy,
        OffsetDateTime occurredAt) {}
