package io.devshare.project.service;

import java.util.UUID;

/**
 * What one organization may do with one device now, from the local projections: {@code owner}; {@code grantId} of
 * an effective grant holding the capability asked for; {@code sees} through any effective grant.
 */
public record DeviceAccess(String ownerOrg, boolean owner, UUID grantId, boolean sees) {

    public static final String VIEW_POSITION = "view-position";
    public static final String READ_FIELD_DATA = "read-field-data";
    public static final String ASSIGN = "assign-to-project";
    public static final String PUBLISH_DESIGN = "publish-design";
    public static final String REMOTE_SESSION = "remote-session";

    public static final DeviceAccess NONE = new DeviceAccess(null, false, null, false);

    /** Owner, or granted the capability. */
    public boolean allowed() {
        return owner || grantId != null;
    }

    /** Refuses: 403 when the organization sees the device but lacks the capability, else 404. */
    public DeviceAccess require(String capability) {
        if (!allowed()) {
            throw owner || sees ? Errors.lacksCapability(capability) : Errors.noSuchDevice();
        }
        return this;
    }
}
