package io.devshare.project.messaging;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import io.devshare.common.events.EventConsumer;
import io.devshare.common.events.IncomingEvent;
import io.devshare.project.repository.Projections;
import io.devshare.project.service.AssignmentService;
import io.devshare.project.service.DesignService;
import io.devshare.project.service.SessionService;

/**
 * Keeps project-service's projections of devices, grants, positions and field data from their events, each event
 * once (inbox), with its consequences in the same transaction: ended or reduced access and deleted devices leave
 * their projects; devices' reports move transfers and sessions on.
 */
@ApplicationScoped
public class InputConsumers {

    static final String CONSUMER = "project-service";
    static final String DEVICE = "io.devshare.device.";
    static final String SHARING = "io.devshare.sharing.";

    private final EventConsumer consumer;
    private final Projections projections;
    private final AssignmentService assignments;
    private final DesignService designs;
    private final SessionService sessions;

    @Inject
    public InputConsumers(
            EventConsumer consumer,
            Projections projections,
            AssignmentService assignments,
            DesignService designs,
            SessionService sessions) {
        this.consumer = consumer;
        this.projections = projections;
        this.assignments = assignments;
        this.designs = designs;
        this.sessions = sessions;
    }

    @Incoming("device-events")
    public Uni<Void> deviceEvents(String record) {
        return consumer.consume("device-events", record, event -> switch (event.type()) {
            case DEVICE + "device.registered", DEVICE + "device.updated" ->
                once(event, DeviceEvent.class, (d, at) -> {
                    d.valid();
                    return projections.deviceSeen(d.deviceId(), d.ownerOrg(), d.displayName(), d.kind(), at);
                });
            case DEVICE + "device.deleted" ->
                once(event, DeviceEvent.class, (d, at) -> {
                    d.valid();
                    return assignments
                            .deviceDeleted(d.deviceId(), at)
                            .chain(() -> projections.deviceDeleted(d.deviceId(), d.ownerOrg(), at));
                });
            case DEVICE + "fielddata.uploaded" ->
                once(event, FieldDataEvent.class, (f, at) -> {
                    f.valid();
                    return projections.fieldData(
                            f.fileId(),
                            f.deviceId(),
                            f.ownerOrg(),
                            f.filename(),
                            f.contentType(),
                            f.size(),
                            f.sha256(),
                            f.occurredAt() != null ? f.occurredAt() : at);
                });
            case DEVICE + "design.fetched" ->
                once(event, DeviceWorkEvent.class, (w, at) -> designs.fetched(w.requireTransfer(), w.deviceId(), at));
            case DEVICE + "design.reported" ->
                once(
                        event,
                        DeviceWorkEvent.class,
                        (w, at) -> designs.reported(
                                w.requireTransfer(), w.deviceId(), w.applied(), w.boundedMessage(), at));
            case DEVICE + "session.joined" ->
                once(event, DeviceWorkEvent.class, (w, at) -> sessions.joined(w.requireSession(), w.deviceId(), at));
            default -> Uni.createFrom().voidItem();
        });
    }

    @Incoming("sharing-events")
    public Uni<Void> sharingEvents(String record) {
        return consumer.consume("sharing-events", record, event -> switch (event.type()) {
            case SHARING + "access.granted" ->
                once(event, AccessEvent.class, (a, at) -> {
                    a.valid();
                    return changed(a, at);
                });
            case SHARING + "access.updated" ->
                once(event, AccessEvent.class, (a, at) -> {
                    a.valid();
                    return changed(a, at)
                            .chain(() -> assignments.accessChanged(a.grantId(), a.deviceId(), a.capabilityList(), at));
                });
            case SHARING + "access.revoked" ->
                once(event, AccessEvent.class, (a, at) -> {
                    a.valid();
                    return projections
                            .accessRevoked(a.grantId(), a.deviceId(), a.ownerOrg(), a.granteeOrg(), a.reason(), at)
                            .chain(() -> assignments.accessEnded(a.grantId(), a.deviceId(), a.reason(), at));
                });
            default -> Uni.createFrom().voidItem();
        });
    }

    @Incoming("device-positions")
    public Uni<Void> positions(String record) {
        return consumer.consume("device-positions", record, event -> switch (event.type()) {
            case DEVICE + "position.reported" ->
                once(event, PositionEvent.class, (p, at) -> {
                    p.valid();
                    return projections.position(
                            p.deviceId(), p.ownerOrg(), p.lat(), p.lon(), p.altitude(), p.accuracy(), p.recordedAt());
                });
            default -> Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> changed(AccessEvent a, OffsetDateTime at) {
        return projections.accessChanged(
                a.grantId(),
                a.deviceId(),
                a.ownerOrg(),
                a.granteeOrg(),
                a.role(),
                a.capabilityList(),
                a.startsAt(),
                a.endsAt(),
                at);
    }

    /** The effect of the event, once (common inbox: one transaction with the record of the event). */
    private <T> Uni<Void> once(IncomingEvent event, Class<T> type, EventConsumer.Effect<T> effect) {
        return consumer.once(CONSUMER, event, type, effect);
    }
}
