package io.devshare.device.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code io.devshare.device.group.deleted}, keyed by group id: the group is gone; {@code deviceIds} were its members
 * at that moment (they stay registered; no separate membership events follow).
 */
public record GroupDeleted(
        UUID groupId,
        String ownerOrg,
        String name,
        List<UUID> deviceIds,
        String deletedBy,
        OffsetDateTime occurredAt) {}
