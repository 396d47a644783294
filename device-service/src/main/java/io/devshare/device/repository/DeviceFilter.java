package io.devshare.device.repository;

import java.util.UUID;

/** Filters of GET /devices; null members do not filter. */
public record DeviceFilter(Ownership ownership, UUID groupId, String tag, String kind) {

    public enum Ownership {
        OWNED,
        SHARED
    }

    public static final DeviceFilter NONE = new DeviceFilter(null, null, null, null);
}
