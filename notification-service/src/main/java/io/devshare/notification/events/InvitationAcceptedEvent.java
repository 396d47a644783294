package io.devshare.notification.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * notification-service's own, tolerant reading of {@code io.devshare.partner.invitation.accepted}: the invitee
 * accepted, the two organizations are partners. The inviter's admins are told, so the inviter must be named.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitationAcceptedEvent(UUID invitationId, OrgRef inviter, OrgRef invitee) {

    public InvitationAcceptedEvent {
        if (invitationId == null) {
            throw new IllegalArgumentException("invitationId is missing");
        }
        if (inviter == null || !inviter.hasId()) {
            throw new IllegalArgumentException("inviter.id is missing");
        }
    }
}
