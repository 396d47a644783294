package io.devshare.notification.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.common.events.IncomingEvent;
import io.devshare.common.events.MalformedEventException;
import io.devshare.notification.service.NotificationService;

/**
 * Reads {@code partner-events}. A record that is not a readable event is nacked and goes to the dead-letter
 * topic; any other failure (database or broker outage) is retried in place with backoff, so nothing is lost
 * and per-key order holds.
 */
@ApplicationScoped
public class PartnerEventsConsumer {

    static final String INVITATION_CREATED = "io.devshare.partner.invitation.created";
    private static final Logger LOG = Logger.getLogger(PartnerEventsConsumer.class);

    private final ObjectMapper mapper;
    private final NotificationService notifications;

    @Inject
    public PartnerEventsConsumer(ObjectMapper mapper, NotificationService notifications) {
        this.mapper = mapper;
        this.notifications = notifications;
    }

    @Incoming("partner-events")
    public Uni<Void> consume(String record) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(mapper, record);
        } catch (MalformedEventException e) {
            LOG.warnf("unreadable record on partner-events sent to the dead-letter topic: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return handle(event)
                .onFailure(t -> !(t instanceof MalformedEventException))
                .invoke(t -> LOG.warnf("event %s not processed yet, retrying: %s", event.id(), t.toString()))
                .onFailure(t -> !(t instanceof MalformedEventException))
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
                .indefinitely();
    }

    private Uni<Void> handle(IncomingEvent event) {
        if (INVITATION_CREATED.equals(event.type())) {
            return Uni.createFrom()
                    .item(() -> event.dataAs(mapper, InvitationCreatedEvent.class))
                    .chain(data -> notifications.invitationCreated(event.id(), data));
        }
        // Other partner events are mailed by later capabilities; nothing to do for them yet.
        return Uni.createFrom().voidItem();
    }
}
