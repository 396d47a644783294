package io.devshare.device.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.devshare.common.events.MalformedEventException;

/**
 * device-service's own tolerant reading of the project-service events it acts on ({@code
 * io.devshare.project.device.assigned|unassigned}, {@code design.published}, {@code transfer.cancelled}, {@code
 * session.opened|closed}): one record with the members of all of them, unknown members ignored.
 */
public record ProjectEvent(
        UUID projectId,
        String org,
        UUID deviceId,
        UUID transferId,
        UUID designId,
        String filename,
        String contentType,
        Long size,
        String sha256,
        UUID sessionId,
        OffsetDateTime expiresAt,
        OffsetDateTime occurredAt) {

    public ProjectEvent requireAssignment() {
        if (projectId == null || org == null || deviceId == null) {
            throw new MalformedEventException("assignment event without projectId, org or deviceId");
        }
        return this;
    }

    public ProjectEvent requireTransfer() {
        if (transferId == null || deviceId == null) {
            throw new MalformedEventException("transfer event without transferId or deviceId");
        }
        return this;
    }

    public ProjectEvent requireDesign() {
        requireTransfer();
        if (projectId == null || org == null || contentType == null) {
            throw new MalformedEventException("design.published without projectId, org or contentType");
        }
        return this;
    }

    public ProjectEvent requireSession() {
        if (sessionId == null || deviceId == null) {
            throw new MalformedEventException("session event without sessionId or deviceId");
        }
        return this;
    }
}
