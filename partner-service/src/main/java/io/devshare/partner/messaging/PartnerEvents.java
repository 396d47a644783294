package io.devshare.partner.messaging;

/** The topic and CloudEvents types partner-service publishes (sample payloads: src/test/resources/events). */
public final class PartnerEvents {

    public static final String TOPIC = "partner-events";
    public static final String TYPE_PREFIX = "io.devshare.partner.";
    public static final String INVITATION_CREATED = TYPE_PREFIX + "invitation.created";

    private PartnerEvents() {}
}
