package io.devshare.device.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.devshare.device.Device;

/**
 * {@code io.devshare.device.device.registered|updated}, keyed by device id: the device's state after the change.
 * {@code actedBy} is the Keycloak user id of the admin. Never carries the device's secret or its hash.
 */
public record DeviceChanged(
        UUID deviceId,
        String ownerOrg,
        String serialNumber,
        String manufacturer,
        String model,
        String kind,
        String displayName,
        List<String> tags,
        String actedBy,
        OffsetDateTime createdAt,
        OffsetDateTime occurredAt) {

    public static DeviceChanged of(Device d) {
        return new DeviceChanged(
                d.id,
                d.ownerOrg,
                d.serialNumber,
                d.manufacturer,
                d.model,
                d.kind.name(),
                d.displayName,
                List.of(d.tags),
                d.updatedBy,
                d.createdAt,
                d.updatedAt);
    }
}
