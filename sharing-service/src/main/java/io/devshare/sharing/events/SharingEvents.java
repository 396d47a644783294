package io.devshare.sharing.events;

/**
 * The topic and CloudEvents types sharing-service publishes (samples: src/test/resources/events).
 *
 * <ul>
 *   <li>{@code access.granted|updated|revoked}: one per device whose access changed, keyed by device id, so a
 *       consumer's projection of one device sees its changes in order;
 *   <li>{@code share.granted|revoked}: one per share action (keyed by action id for a grant, grant id for a
 *       revocation), listing its devices — what people are told about.
 * </ul>
 */
public final class SharingEvents {

    public static final String TOPIC = "sharing-events";
    private static final String PREFIX = "io.devshare.sharing.";
    public static final String ACCESS_GRANTED = PREFIX + "access.granted";
    public static final String ACCESS_UPDATED = PREFIX + "access.updated";
    public static final String ACCESS_REVOKED = PREFIX + "access.revoked";
    public static final String SHARE_GRANTED = PREFIX + "share.granted";
    public static final String SHARE_REVOKED = PREFIX + "share.revoked";

    private SharingEvents() {}
}
