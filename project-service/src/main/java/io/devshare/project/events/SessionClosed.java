package io.devshare.project.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code io.devshare.project.session.closed}: reason CLOSED, EXPIRED or DEVICE_UNASSIGNED. */
public record SessionClosed(
        UUID sessionId, UUID projectId, String org, UUID deviceId, String reason, OffsetDateTime occurredAt) {}
