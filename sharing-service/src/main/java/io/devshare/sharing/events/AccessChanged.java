package io.devshare.sharing.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.devshare.sharing.Grant;

/**
 * {@code io.devshare.sharing.access.granted|updated|revoked}, keyed by device id: what {@code granteeOrg} may do
 * with one device changed. {@code groupId} is set when access comes through a shared group; {@code reason}
 * (MANUAL, PARTNERSHIP_ENDED, DEVICE_DELETED, GROUP_DELETED, REMOVED_FROM_GROUP, EXPIRED, LEFT) on revocation.
 */
public record AccessChanged(
        UUID deviceId,
        UUID grantId,
        UUID actionId,
        String ownerOrg,
        String granteeOrg,
        String role,
        List<String> capabilities,
        UUID groupId,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String reason,
        OffsetDateTime occurredAt) {

    public static AccessChanged of(Grant g, UUID deviceId, String reason, OffsetDateTime at) {
        return new AccessChanged(
                deviceId,
                g.id,
                g.actionId,
                g.ownerOrg,
                g.granteeOrg,
                g.role.name(),
                List.of(g.capabilities),
                g.groupId,
                g.startsAt,
                g.endsAt,
                reason,
                at);
    }
}
