package io.devshare.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import io.devshare.common.events.EventConsumer;
import io.devshare.common.events.IncomingEvent;
import io.devshare.notification.events.TransferFailedEvent;
import io.devshare.notification.service.ShareNotifications;

/** Reads {@code project-events}: a failed design transfer is mailed to the project organization; the rest is not. */
@ApplicationScoped
public class ProjectEventsConsumer {

    static final String TRANSFER_FAILED = "io.devshare.project.transfer.failed";

    private final EventConsumer consumer;
    private final ShareNotifications notifications;

    @Inject
    public ProjectEventsConsumer(EventConsumer consumer, ShareNotifications notifications) {
        this.consumer = consumer;
        this.notifications = notifications;
    }

    @Incoming("project-events")
    public Uni<Void> consume(String record) {
        return consumer.consume("project-events", record, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        if (TRANSFER_FAILED.equals(event.type())) {
            return consumer.data(event, TransferFailedEvent.class)
                    .chain(data -> notifications.transferFailed(event.id(), event.time(), data));
        }
        return Uni.createFrom().voidItem();
    }
}
