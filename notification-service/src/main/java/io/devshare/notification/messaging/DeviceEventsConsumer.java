package io.devshare.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import io.devshare.common.events.EventConsumer;
import io.devshare.common.events.IncomingEvent;
import io.devshare.notification.events.DeviceEvent;
import io.devshare.notification.service.DeviceNames;

/** Reads {@code device-events} into the projection of device display names that share mails list. */
@ApplicationScoped
public class DeviceEventsConsumer {

    static final String PREFIX = "io.devshare.device.device.";

    private final EventConsumer consumer;
    private final DeviceNames names;

    @Inject
    public DeviceEventsConsumer(EventConsumer consumer, DeviceNames names) {
        this.consumer = consumer;
        this.names = names;
    }

    @Incoming("device-events")
    public Uni<Void> consume(String record) {
        return consumer.consume("device-events", record, this::handle);
    }

    private Uni<Void> handle(IncomingEvent event) {
        return switch (event.type()) {
            case PREFIX + "registered", PREFIX + "updated" ->
                consumer.data(event, DeviceEvent.class).chain(data -> names.named(data, event.time(), false));
            case PREFIX + "deleted" ->
                consumer.data(event, DeviceEvent.class).chain(data -> names.named(data, event.time(), true));
            default -> Uni.createFrom().voidItem();
        };
    }
}
