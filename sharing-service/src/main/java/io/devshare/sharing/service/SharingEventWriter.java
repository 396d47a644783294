package io.devshare.sharing.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import io.devshare.common.outbox.Outbox;
import io.devshare.sharing.events.AccessChanged;
import io.devshare.sharing.events.ShareChanged;
import io.devshare.sharing.events.SharingEvents;

/** Appends sharing events to the outbox in the caller's transaction, one after the other (one session). */
@ApplicationScoped
public class SharingEventWriter {

    private final Outbox outbox;
    private final String topic;

    @Inject
    public SharingEventWriter(
            Outbox outbox,
            @ConfigProperty(name = "devshare.sharing.events-topic", defaultValue = SharingEvents.TOPIC) String topic) {
        this.outbox = outbox;
        this.topic = topic;
    }

    public Uni<Void> access(String type, List<AccessChanged> changes) {
        return Multi.createFrom()
                .iterable(changes)
                .onItem()
                .transformToUniAndConcatenate(
                        c -> outbox.append(topic, "device", c.deviceId().toString(), type, c))
                .collect()
                .last()
                .replaceWithVoid();
    }

    public Uni<Void> share(String type, UUID key, ShareChanged change) {
        return outbox.append(topic, "share", key.toString(), type, change).replaceWithVoid();
    }
}
