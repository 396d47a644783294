package io.devshare.device.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code io.devshare.device.device.deleted}, keyed by device id: the device is gone, with its memberships in
 * {@code groupIds} (no separate membership events follow), its positions and its field data. Every share of it
 * must be revoked.
 */
public record DeviceDeleted(
        UUID deviceId,
        String ownerOrg,
        String serialNumber,
        String manufacturer,
        List<UUID> groupIds,
        String deletedBy,
        OffsetDateTime occurredAt) {}
