package io.devshare.project.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import io.devshare.common.outbox.Outbox;
import io.devshare.project.events.DesignPublished;
import io.devshare.project.events.DeviceAssigned;
import io.devshare.project.events.DeviceUnassigned;
import io.devshare.project.events.ProjectEvents;
import io.devshare.project.events.SessionClosed;
import io.devshare.project.events.SessionOpened;
import io.devshare.project.events.TransferCancelled;
import io.devshare.project.events.TransferFailed;

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
