package io.devshare.sharing.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code io.devshare.sharing.share.granted|revoked}: one share action and the devices it covers, for people to be
 * told once per action. {@code grantIds} are the grants it made or ended; {@code reason} on revocation.
 * {@code devices} names each device as sharing-service knew it at that moment (its name may be absent), so that a
 * consumer can tell people about the share without having seen the devices' own events first.
 */
public record ShareChanged(
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

    /** One device of the share: its id and display name (null when sharing-service has none). */
    public record SharedDevice(UUID deviceId, String displayName) {}
}
