package io.devshare.project.events;

/**
 * The topic and CloudEvents types project-service publishes (samples: src/test/resources/events). Every event is
 * about one device and keyed by its id, so device-service's pending-work projection sees a device's events in
 * order.
 */
public final class ProjectEvents {

    public static final String TOPIC = "project-events";
    private static final String PREFIX = "io.devshare.project.";
    public static final String DEVICE_ASSIGNED = PREFIX + "device.assigned";
    public static final String DEVICE_UNASSIGNED = PREFIX + "device.unassigned";
    public static final String DESIGN_PUBLISHED = PREFIX + "design.published";
    public static final String TRANSFER_CANCELLED = PREFIX + "transfer.cancelled";
    public static final String TRANSFER_FAILED = PREFIX + "transfer.failed";
    public static final String SESSION_OPENED = PREFIX + "session.opened";
    public static final String SESSION_CLOSED = PREFIX + "session.closed";

    private ProjectEvents() {}
}
