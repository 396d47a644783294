package io.devshare.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import io.devshare.common.events.EventConsumer;
import io.devshare.common.events.IncomingEvent;
import io.devshare.notification.events.AccessChangedEvent;
import io.devshare.notification.events.ShareEvent;
import io.devshare.notification.service.ShareNotifications;

/**
 * Reads {@code sharing-events}: share.granted and share.revoked are mailed (one mail per share action or grant,
 * listing its devices) and keep the end reminders; access.updated keeps a grant's reminder current; the per-device
 * access.granted and access.revoked mail nobody and are skipped without a trace. Unreadable records go to the
 * dead-letter topic; other failures are retried in place.
 */
@ApplicationScoped
public class SharingEventsConsumer {

    static final String PREFIX = "io.devshare.sharing.";
    static final String SHARE_GRANTED = PREFIX + "share.granted";
    static final String SHARE_REVOKED = PREFIX + "share.revoked";
    static final String ACCESS_UPDATED = PREFIX + "access.updated";

    private final EventConsumer consumer;
    private final ShareNotifications shares;

    @Inject
    public SharingEventsConsumer(EventConsumer consumer, ShareNotifications shares) {
        this.consumer = consumer;
        this.shares = shares;
    }

    @Incoming("sharing-events")
    public Uni<Void> consume(String record) {
        return consumer.consume("sharing-events", record, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case SHARE_GRANTED ->
                consumer.data(event, ShareEvent.class).chain(data -> shares.granted(event.id(), event.time(), data));
            case SHARE_REVOKED ->
                consumer.data(event, ShareEvent.class).chain(data -> shares.revoked(event.id(), event.time(), data));
            case ACCESS_UPDATED ->
                consumer.data(event, AccessChangedEvent.class)
                        .chain(data -> shares.accessUpdated(event.id(), event.time(), data));
            default -> Uni.createFrom().voidItem();
        };
    }
}
