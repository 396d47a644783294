package io.devshare.notification.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * notification-service's own, tolerant reading of {@code io.devshare.partner.invitation.declined}: the invitee
 * declined, optionally giving a reason (free text of the invitee: escaped wherever it is shown). The inviter's
 * admins are told, so the inviter must be named.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitationDeclinedEvent(UUID invitationId, OrgRef inviter, OrgRef invitee, String reason) {

    public InvitationDeclinedEvent {
        if (invitationId == null) {
            throw new IllegalArgumentException("invitationId is missing");
        }
        if (inviter == null || !inviter.hasId()) {
            throw new IllegalArgumentException("inviter.id is missing");
        }
    }
}
