package io.devshare.notification.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * notification-service's reading of project-service's {@code io.devshare.project.transfer.failed}: a design could
 * not be delivered to a device. {@code org} is the project's organization, {@code ownerOrg} the device's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransferFailedEvent(
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
        OffsetDateTime occurredAt) {

    public TransferFailedEvent {
        if (transferId == null || projectId == null) {
            throw new IllegalArgumentException("transferId and projectId are required");
        }
        if (org == null || org.isBlank()) {
            throw new IllegalArgumentException("org is required");
        }
    }
}
