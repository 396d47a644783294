package io.devshare.notification.events;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * notification-service's own, tolerant reading of sharing-service's {@code io.devshare.sharing.share.granted} and
 * {@code share.revoked}: one share action (granted) or one grant (revoked) with the devices it covers.
 * Organizations are named by alias. {@code devices} names the devices as sharing-service knew them (older events
 * carry only {@code deviceIds}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShareEvent(
        UUID actionId,
        List<UUID> grantIds,
        String ownerOrg,
        String granteeOrg,
        String role,
        List<UUID> deviceIds,
        List<SharedDevice> devices,
        UUID groupId,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String reason,
        String actor,
        OffsetDateTime occurredAt) {

    public ShareEvent {
        if (ownerOrg == null || ownerOrg.isBlank() || granteeOrg == null || granteeOrg.isBlank()) {
            throw new IllegalArgumentException("ownerOrg and granteeOrg are required");
        }
        if (grantIds == null || grantIds.isEmpty() || grantIds.contains(null)) {
            throw new IllegalArgumentException("grantIds are required");
        }
        grantIds = List.copyOf(grantIds);
        deviceIds = deviceIds == null
                ? List.of()
                : deviceIds.stream().filter(d -> d != null).distinct().toList();
        devices = devices == null
                ? List.of()
                : devices.stream()
                        .filter(d -> d != null && d.deviceId() != null)
                        .toList();
    }

    /** The display names the event gives, by device (devices without one are left out). */
    public Map<UUID, String> namesGiven() {
        Map<UUID, String> names = new HashMap<>();
        for (SharedDevice d : devices) {
            if (d.displayName() != null && !d.displayName().isBlank()) {
                names.putIfAbsent(d.deviceId(), d.displayName().strip());
            }
        }
        return names;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SharedDevice(UUID deviceId, String displayName) {}
}
