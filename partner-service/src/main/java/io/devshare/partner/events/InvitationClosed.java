package io.devshare.partner.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.devshare.partner.Invitation;

/**
 * {@code io.devshare.partner.invitation.accepted|declined|cancelled|expired}, keyed by invitation id: a pending
 * invitation was closed. {@code reason} only for declined, {@code partnershipId} only for accepted,
 * {@code actedBy} (Keycloak user id) absent for expired.
 */
public record InvitationClosed(
        UUID invitationId,
        OrgRef inviter,
        OrgRef invitee,
        String status,
        String reason,
        String actedBy,
        UUID partnershipId,
        OffsetDateTime occurredAt) {

    public static InvitationClosed of(Invitation i) {
        return new InvitationClosed(
                i.id,
                OrgRef.of(i.inviter()),
                OrgRef.of(i.invitee()),
                i.status.name(),
                i.declineReason,
                i.decidedBy,
                i.partnershipId,
                i.decidedAt);
    }
}
