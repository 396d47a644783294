package io.devshare.sharing.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import io.devshare.common.events.EventConsumer;
import io.devshare.common.events.IncomingEvent;
import io.devshare.sharing.authority.AccessReplica;
import io.devshare.sharing.repository.Projections;
import io.devshare.sharing.service.GrantService;

/**
 * Keeps sharing-service's projections of partnerships and devices from their events, each event once (inbox),
 * with its consequences in the same transaction: an ended partnership revokes every grant between the two
 * organizations; a deleted device or group revokes its grants; a device joining or leaving a shared group gains or
 * loses access.
 */
@ApplicationScoped
public class ProjectionConsumers {

    static final String CONSUMER = "sharing-service";
    static final String PARTNERSHIP_STARTED = "io.devshare.partner.partnership.started";
    static final String PARTNERSHIP_ENDED = "io.devshare.partner.partnership.ended";
    static final String DEVICE_REGISTERED = "io.devshare.device.device.registered";
    static final String DEVICE_UPDATED = "io.devshare.device.device.updated";
    static final String DEVICE_DELETED = "io.devshare.device.device.deleted";
    static final String GROUP_CREATED = "io.devshare.device.group.created";
    static final String GROUP_MEMBERSHIP_CHANGED = "io.devshare.device.group.membership.changed";
    static final String GROUP_DELETED = "io.devshare.device.group.deleted";

    private final EventConsumer consumer;
    private final Projections projections;
    private final GrantService grants;
    private final AccessReplica replica;

    @Inject
    public ProjectionConsumers(
            EventConsumer consumer, Projections projections, GrantService grants, AccessReplica replica) {
        this.replica = replica;
        this.consumer = consumer;
        this.projections = projections;
        this.grants = grants;
    }

    @Incoming("partner-events")
    public Uni<Void> partnerEvents(String record) {
        return consumer.consume("partner-events", record, event -> switch (event.type()) {
                    case PARTNERSHIP_STARTED ->
                        once(event, PartnershipEvent.class, (p, at) -> {
                            List<String> orgs = p.aliases();
                            return projections.partnershipStarted(p.partnershipId(), orgs.get(0), orgs.get(1), at);
                        });
                    case PARTNERSHIP_ENDED ->
                        once(event, PartnershipEvent.class, (p, at) -> {
                            List<String> orgs = p.aliases();
                            return projections
                                    .partnershipEnded(p.partnershipId(), orgs.get(0), orgs.get(1), at)
                                    .chain(() -> grants.revokeAllBetween(orgs.get(0), orgs.get(1), at));
                        });
                    default -> Uni.createFrom().voidItem();
                })
                .call(replica::fence);
    }

    @Incoming("device-events")
    public Uni<Void> deviceEvents(String record) {
        return consumer.consume("device-events", record, event -> switch (event.type()) {
                    case DEVICE_REGISTERED ->
                        once(
                                event,
                                DeviceEvent.class,
                                (d, at) ->
                                        projections.deviceRegistered(d.requireDevice(), d.ownerAlias(), d.name(), at));
                    case DEVICE_UPDATED ->
                        once(
                                event,
                                DeviceEvent.class,
                                (d, at) -> d.name() == null
                                        ? Uni.createFrom().voidItem()
                                        : projections.deviceRenamed(d.requireDevice(), d.name(), at));
                    case DEVICE_DELETED ->
                        once(
                                event,
                                DeviceEvent.class,
                                (d, at) -> grants.deviceDeleted(d.requireDevice(), at)
                                        .chain(() -> projections.deviceDeleted(d.requireDevice(), d.ownerAlias(), at)));
                    case GROUP_CREATED ->
                        once(
                                event,
                                DeviceEvent.class,
                                (d, at) -> projections.groupCreated(d.requireGroup(), d.ownerAlias(), at));
                    case GROUP_MEMBERSHIP_CHANGED ->
                        once(event, DeviceEvent.class, (d, at) -> {
                            boolean added = d.added();
                            Uni<Boolean> changed = added
                                    ? projections.memberAdded(d.requireGroup(), d.ownerAlias(), d.requireDevice(), at)
                                    : projections.memberRemoved(
                                            d.requireGroup(), d.ownerAlias(), d.requireDevice(), at);
                            return changed.chain(c -> c
                                    ? grants.groupMembershipChanged(d.requireGroup(), d.requireDevice(), added, at)
                                    : Uni.createFrom().voidItem());
                        });
                    case GROUP_DELETED ->
                        once(
                                event,
                                DeviceEvent.class,
                                (d, at) -> grants.groupDeleted(d.requireGroup(), at)
                                        .chain(() -> projections.groupDeleted(d.requireGroup(), d.ownerAlias(), at)));
                    default -> Uni.createFrom().voidItem();
                })
                .call(replica::fence);
    }

    /** The effect of the event, once (common inbox: one transaction with the record of the event). */
    private <T> Uni<Void> once(IncomingEvent event, Class<T> type, EventConsumer.Effect<T> effect) {
        return consumer.once(CONSUMER, event, type, effect);
    }
}
