package io.devshare.partner.events;

/** The topic and CloudEvents types partner-service publishes (sample payloads: src/test/resources/events). */
public final class PartnerEvents {

    public static final String TOPIC = "partner-events";
    public static final String TYPE_PREFIX = "io.devshare.partner.";
    public static final String INVITATION_CREATED = TYPE_PREFIX + "invitation.created";
    public static final String INVITATION_ACCEPTED = TYPE_PREFIX + "invitation.accepted";
    public static final String INVITATION_DECLINED = TYPE_PREFIX + "invitation.declined";
    public static final String INVITATION_CANCELLED = TYPE_PREFIX + "invitation.cancelled";
    public static final String INVITATION_EXPIRED = TYPE_PREFIX + "invitation.expired";
    public static final String PARTNERSHIP_STARTED = TYPE_PREFIX + "partnership.started";
    public static final String PARTNERSHIP_ENDED = TYPE_PREFIX + "partnership.ended";
    /** Aggregate types (the Kafka key is the aggregate's id). */
    public static final String INVITATION = "invitation";

    public static final String PARTNERSHIP = "partnership";

    private PartnerEvents() {}
}
