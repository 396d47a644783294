package io.devshare.device.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code io.devshare.device.group.membership.changed}, keyed by group id: a device was added to ({@code ADDED})
 * or removed from ({@code REMOVED}) one of its owner's groups. Only actual changes are published.
 */
public record GroupMembershipChanged(
        UUID groupId, String ownerOrg, UUID deviceId, String change, String changedBy, OffsetDateTime occurredAt) {

    public static final String ADDED = "ADDED";
    public static final String REMOVED = "REMOVED";
}
