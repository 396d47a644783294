package io.devshare.device.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a device did with its pending work, for project-service: {@code io.devshare.device.design.fetched}
 * {transferId, deviceId, ownerOrg, occurredAt}, {@code design.reported} (+ status APPLIED|FAILED, message) and
 * {@code session.joined} {sessionId, deviceId, ownerOrg, occurredAt}. Keyed by device id.
 */
public final class DeviceWorkReported {

    private DeviceWorkReported() {}

    public record DesignFetched(UUID transferId, UUID deviceId, String ownerOrg, OffsetDateTime occurredAt) {}

    public record DesignReported(
            UUID transferId,
            UUID deviceId,
            String ownerOrg,
            String status,
            String message,
            OffsetDateTime occurredAt) {}

    public record SessionJoined(UUID sessionId, UUID deviceId, String ownerOrg, OffsetDateTime occurredAt) {}
}
