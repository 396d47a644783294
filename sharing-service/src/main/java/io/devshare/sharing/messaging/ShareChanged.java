package io.devshare.sharing.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code io.devshare.sharing.share.granted|revoked}: one share action and the devices it covers, for people to be
 * told once per action. {@code grantIds} are the grants it made or ended; {@code reason} on revocation.
 */
public record ShareChanged(
        UUID actionId,
        List<UUID> grantIds,
        String ownerOrg,
        String granteeOrg,
        String role,
        List<UUID> deviceIds,
        UUID groupId,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String reason,
        String actor,
        OffsetDateTime occurredAt) {}
