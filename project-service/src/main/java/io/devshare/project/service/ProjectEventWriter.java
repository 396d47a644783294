package io.devshare.project.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import io.devshare.common.outbox.Outbox;

/** Appends project events to the outbox in the caller's transaction, keyed by the device they are about. */
@ApplicationScoped
public class ProjectEventWriter {

    private final Outbox outbox;

    @Inject
    public ProjectEventWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> assigned(DeviceAssigned e) {
        return append(e.deviceId(), ProjectEvents.DEVICE_ASSIGNED, e);
    }

    public Uni<Void> unassigned(DeviceUnassigned e) {
        return append(e.deviceId(), ProjectEvents.DEVICE_UNASSIGNED, e);
    }

    public Uni<Void> published(DesignPublished e) {
        return append(e.deviceId(), ProjectEvents.DESIGN_PUBLISHED, e);
    }

    public Uni<Void> cancelled(TransferCancelled e) {
        return append(e.deviceId(), ProjectEvents.TRANSFER_CANCELLED, e);
    }

    public Uni<Void> failed(TransferFailed e) {
        return append(e.deviceId(), ProjectEvents.TRANSFER_FAILED, e);
    }

    public Uni<Void> sessionOpened(SessionOpened e) {
        return append(e.deviceId(), ProjectEvents.SESSION_OPENED, e);
    }

    public Uni<Void> sessionClosed(SessionClosed e) {
        return append(e.deviceId(), ProjectEvents.SESSION_CLOSED, e);
    }

    private Uni<Void> append(UUID deviceId, String type, Object data) {
        return outbox.append(ProjectEvents.TOPIC, "device", deviceId.toString(), type, data)
                .replaceWithVoid();
    }
}
