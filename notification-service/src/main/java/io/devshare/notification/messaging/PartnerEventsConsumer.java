package io.devshare.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import io.devshare.common.events.EventConsumer;
import io.devshare.common.events.IncomingEvent;
import io.devshare.notification.events.InvitationAcceptedEvent;
import io.devshare.notification.events.InvitationCreatedEvent;
import io.devshare.notification.events.InvitationDeclinedEvent;
import io.devshare.notification.events.InvitationWithdrawnEvent;
import io.devshare.notification.events.PartnershipEndedEvent;
import io.devshare.notification.service.NotificationService;

/**
 * Reads {@code partner-events} through the common {@link EventConsumer}: an unreadable record goes to the
 * dead-letter topic; any other failure is retried in place — including an event whose recipients cannot be read
 * from Keycloak yet: it is neither dropped nor mailed to nobody.
 */
@ApplicationScoped
public class PartnerEventsConsumer {

    static final String INVITATION_CREATED = "io.devshare.partner.invitation.created";
    static final String INVITATION_ACCEPTED = "io.devshare.partner.invitation.accepted";
    static final String INVITATION_DECLINED = "io.devshare.partner.invitation.declined";
    static final String INVITATION_CANCELLED = "io.devshare.partner.invitation.cancelled";
    static final String INVITATION_EXPIRED = "io.devshare.partner.invitation.expired";
    static final String PARTNERSHIP_STARTED = "io.devshare.partner.partnership.started";
    static final String PARTNERSHIP_ENDED = "io.devshare.partner.partnership.ended";
    private static final Logger LOG = Logger.getLogger(PartnerEventsConsumer.class);

    private final EventConsumer consumer;
    private final NotificationService notifications;

    @Inject
    public PartnerEventsConsumer(EventConsumer consumer, NotificationService notifications) {
        this.consumer = consumer;
        this.notifications = notifications;
    }

    @Incoming("partner-events")
    public Uni<Void> consume(String record) {
        return consumer.consume("partner-events", record, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case INVITATION_CREATED ->
                read(event, InvitationCreatedEvent.class)
                        .chain(data -> notifications.invitationCreated(event.id(), event.time(), data));
            case INVITATION_ACCEPTED ->
                read(event, InvitationAcceptedEvent.class)
                        .chain(data -> notifications.invitationAccepted(event.id(), event.time(), data));
            case INVITATION_DECLINED ->
                read(event, InvitationDeclinedEvent.class)
                        .chain(data -> notifications.invitationDeclined(event.id(), event.time(), data));
            case PARTNERSHIP_ENDED ->
                read(event, PartnershipEndedEvent.class)
                        .chain(data -> notifications.partnershipEnded(event.id(), event.time(), data));
            // Nobody is mailed for these; the inbox still records them as processed.
            case INVITATION_CANCELLED, INVITATION_EXPIRED ->
                read(event, InvitationWithdrawnEvent.class)
                        .chain(data -> notifications.invitationWithdrawn(event.id(), data.invitationId()));
            case PARTNERSHIP_STARTED -> notifications.ignored(event.id());
            default -> {
                LOG.debugf("event %s of type %s is not for notification-service", event.id(), event.type());
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private <T> Uni<T> read(IncomingEvent event, Class<T> type) {
        return consumer.data(event, type);
    }
}
