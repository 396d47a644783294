package io.devshare.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import io.devshare.common.outbox.Outbox;
import io.devshare.partner.Invitation;
import io.devshare.partner.Partnership;
import io.devshare.partner.events.InvitationClosed;
import io.devshare.partner.events.InvitationCreated;
import io.devshare.partner.events.PartnerEvents;
import io.devshare.partner.events.PartnershipEnded;
import io.devshare.partner.events.PartnershipStarted;

/** Appends partner events to the outbox, in the caller's transaction, keyed by their aggregate's id. */
@ApplicationScoped
public class PartnerEventWriter {

    private final Outbox outbox;

    @Inject
    public PartnerEventWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> invitationCreated(Invitation i, InvitationCreated data) {
        return append(PartnerEvents.INVITATION, i.id.toString(), PartnerEvents.INVITATION_CREATED, data);
    }

    /** accepted, declined, cancelled or expired, from the invitation's (new) status. */
    public Uni<Void> invitationClosed(Invitation i) {
        String type = switch (i.status) {
            case ACCEPTED -> PartnerEvents.INVITATION_ACCEPTED;
            case DECLINED -> PartnerEvents.INVITATION_DECLINED;
            case CANCELLED -> PartnerEvents.INVITATION_CANCELLED;
            case EXPIRED -> PartnerEvents.INVITATION_EXPIRED;
            case PENDING -> throw new IllegalStateException("a pending invitation is not closed");
        };
        return append(PartnerEvents.INVITATION, i.id.toString(), type, InvitationClosed.of(i));
    }

    public Uni<Void> partnershipStarted(Partnership p) {
        return append(
                PartnerEvents.PARTNERSHIP,
                p.id.toString(),
                PartnerEvents.PARTNERSHIP_STARTED,
                PartnershipStarted.of(p));
    }

    public Uni<Void> partnershipEnded(Partnership p) {
        return append(
                PartnerEvents.PARTNERSHIP, p.id.toString(), PartnerEvents.PARTNERSHIP_ENDED, PartnershipEnded.of(p));
    }

    private Uni<Void> append(String aggregateType, String aggregateId, String type, Object data) {
        return outbox.append(PartnerEvents.TOPIC, aggregateType, aggregateId, type, data)
                .replaceWithVoid();
    }
}
