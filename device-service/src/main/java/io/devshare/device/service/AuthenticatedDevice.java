package io.devshare.device.service;

import java.util.UUID;

/** A device that proved its credentials on this request, and the organization owning it. */
public record AuthenticatedDevice(UUID id, String ownerOrg) {}
