package io.devshare.project.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code io.devshare.project.session.opened}: the device should join this session before {@code expiresAt}. */
public record SessionOpened(
        UUID sessionId,
        UUID projectId,
        String org,
        UUID deviceId,
        String ownerOrg,
        String actedBy,
        OffsetDateTime expiresAt,
        OffsetDateTime occurredAt) {}
