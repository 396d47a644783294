package io.devshare.notification.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** notification-service's reading of device-service's {@code device.registered|updated|deleted}: names only. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceEvent(UUID deviceId, String ownerOrg, String displayName, OffsetDateTime occurredAt) {

    public DeviceEvent {
        if (deviceId == null) {
            throw new IllegalArgumentException("deviceId is required");
        }
    }
}
