package io.devshare.device.repository;

/**
 * What one organization may do with one device: {@code owner}; {@code visible} through an effective grant with
 * the {@code view} capability; {@code capable} of the capability asked for through an effective grant.
 */
public record DeviceAccess(boolean exists, boolean owner, boolean visible, boolean capable) {

    public static final String VIEW = "view";
    public static final String VIEW_POSITION = "view-position";
    public static final String READ_FIELD_DATA = "read-field-data";

    public static final DeviceAccess NONE = new DeviceAccess(false, false, false, false);

    /** Owner, or granted the capability. */
    public boolean allowed() {
        return owner || capable;
    }

    /** Sees the device at all (so a refusal is a 403 rather than a 404). */
    public boolean sees() {
        return owner || visible;
    }
}
