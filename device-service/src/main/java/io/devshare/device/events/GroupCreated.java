package io.devshare.device.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code io.devshare.device.group.created}, keyed by group id: an organization created an (empty) device group. */
public record GroupCreated(UUID groupId, String ownerOrg, String name, String createdBy, OffsetDateTime occurredAt) {}
