package io.devshare.device.events;

/**
 * The topic and CloudEvents types device-service publishes (sample payloads: src/test/resources/events). Device
 * events are keyed by device id, group events by group id. Position reports are deliberately not published here:
 * they are high-volume and only the last one matters; they go to their own compacted {@code device-positions}
 * topic keyed by device id, so a consumer interested in devices (or replaying it) gets the latest of each.
 */
public final class DeviceEvents {

    public static final String TOPIC = "device-events";
    public static final String TYPE_PREFIX = "io.devshare.device.";
    public static final String DEVICE_REGISTERED = TYPE_PREFIX + "device.registered";
    public static final String DEVICE_UPDATED = TYPE_PREFIX + "device.updated";
    public static final String DEVICE_DELETED = TYPE_PREFIX + "device.deleted";
    public static final String GROUP_CREATED = TYPE_PREFIX + "group.created";
    public static final String GROUP_MEMBERSHIP_CHANGED = TYPE_PREFIX + "group.membership.changed";
    public static final String GROUP_DELETED = TYPE_PREFIX + "group.deleted";
    public static final String FIELD_DATA_UPLOADED = TYPE_PREFIX + "fielddata.uploaded";
    public static final String DESIGN_FETCHED = TYPE_PREFIX + "design.fetched";
    public static final String DESIGN_REPORTED = TYPE_PREFIX + "design.reported";
    public static final String SESSION_JOINED = TYPE_PREFIX + "session.joined";

    /**
     * Position reports: the latest position per device, on a compacted topic of their own (keyed by device id),
     * written to the outbox by the report's own statement (see {@code DeviceQueries.reportPosition}).
     */
    public static final String POSITIONS_TOPIC = "device-positions";

    public static final String POSITION_REPORTED = TYPE_PREFIX + "position.reported";

    /** Aggregate types (the Kafka key is the aggregate's id). */
    public static final String DEVICE = "device";

    public static final String GROUP = "group";

    private DeviceEvents() {}
}
