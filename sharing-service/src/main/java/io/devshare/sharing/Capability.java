package io.devshare.sharing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** One thing an organization may do with a device. The owner may do all of them. */
public enum Capability {
    /** See the device and its badges. */
    VIEW,
    /** See its position and the map. */
    VIEW_POSITION,
    /** List and download its field data. */
    READ_FIELD_DATA,
    /** Assign it to a project. */
    ASSIGN_TO_PROJECT,
    /** Publish design files to it. */
    PUBLISH_DESIGN,
    /** Open remote sessions on it. */
    REMOTE_SESSION,
    /** Change the device's settings. */
    CONFIGURE;

    /** e.g. {@code assign-to-project}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Capability> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(c -> c.name().equals(n)).findFirst();
    }
}
