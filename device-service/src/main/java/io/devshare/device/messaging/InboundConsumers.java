package io.devshare.device.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import io.devshare.common.events.EventConsumer;
import io.devshare.common.events.IncomingEvent;
import io.devshare.device.events.AccessEvent;
import io.devshare.device.events.ProjectEvent;
import io.devshare.device.repository.DeviceProjections;

/**
 * Keeps device-service's projections from other services' events, each event once (inbox, in the transaction of
 * its effect): shared-in access from {@code sharing-events}; the active account and the pending work of devices
 * from {@code project-events}. Both topics are keyed by device id, so a device's changes arrive in order.
 */
@ApplicationScoped
public class InboundConsumers {

    static final String CONSUMER = "device-service";
    static final String ACCESS_GRANTED = "io.devshare.sharing.access.granted";
    static final String ACCESS_UPDATED = "io.devshare.sharing.access.updated";
    static final String ACCESS_REVOKED = "io.devshare.sharing.access.revoked";
    static final String DEVICE_ASSIGNED = "io.devshare.project.device.assigned";
    static final String DEVICE_UNASSIGNED = "io.devshare.project.device.unassigned";
    static final String DESIGN_PUBLISHED = "io.devshare.project.design.published";
    static final String TRANSFER_CANCELLED = "io.devshare.project.transfer.cancelled";
    static final String SESSION_OPENED = "io.devshare.project.session.opened";
    static final String SESSION_CLOSED = "io.devshare.project.session.closed";

    private final EventConsumer consumer;
    private final DeviceProjections projections;

    @Inject
    public InboundConsumers(EventConsumer consumer, DeviceProjections projections) {
        this.consumer = consumer;
        this.projections = projections;
    }

    @Incoming("sharing-events")
    public Uni<Void> sharingEvents(String record) {
        return consumer.consume("sharing-events", record, event -> switch (event.type()) {
            case ACCESS_GRANTED, ACCESS_UPDATED ->
                once(event, AccessEvent.class, (a, at) -> projections.accessGranted(a.requireComplete(false), at));
            case ACCESS_REVOKED ->
                once(event, AccessEvent.class, (a, at) -> projections.accessRevoked(a.requireComplete(true)));
            default -> Uni.createFrom().voidItem();
        });
    }

    @Incoming("project-events")
    public Uni<Void> projectEvents(String record) {
        return consumer.consume("project-events", record, event -> switch (event.type()) {
            case DEVICE_ASSIGNED ->
                once(event, ProjectEvent.class, (p, at) -> projections.assigned(p.requireAssignment(), at));
            case DEVICE_UNASSIGNED ->
                once(event, ProjectEvent.class, (p, at) -> projections.unassigned(p.requireAssignment()));
            case DESIGN_PUBLISHED ->
                once(event, ProjectEvent.class, (p, at) -> projections.designPublished(p.requireDesign(), at));
            case TRANSFER_CANCELLED ->
                once(
                        event,
                        ProjectEvent.class,
                        (p, at) -> projections.workGone(p.requireTransfer().transferId(), p.deviceId()));
            case SESSION_OPENED ->
                once(event, ProjectEvent.class, (p, at) -> projections.sessionOpened(p.requireSession(), at));
            case SESSION_CLOSED ->
                once(
                        event,
                        ProjectEvent.class,
                        (p, at) -> projections.workGone(p.requireSession().sessionId(), p.deviceId()));
            default -> Uni.createFrom().voidItem();
        });
    }

    /** The effect of the event, once (common inbox: one transaction with the record of the event). */
    private <T> Uni<Void> once(IncomingEvent event, Class<T> type, EventConsumer.Effect<T> effect) {
        return consumer.once(CONSUMER, event, type, effect);
    }
}
