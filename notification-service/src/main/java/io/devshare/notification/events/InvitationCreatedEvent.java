package io.devshare.notification.events;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * notification-service's own, tolerant reading of partner-service's {@code io.devshare.partner.invitation.created}:
 * only what the email needs; unknown members are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitationCreatedEvent(
        UUID invitationId,
        OrgRef inviter,
        OrgRef invitee,
        List<String> notifyEmails,
        String message,
        java.time.OffsetDateTime createdAt,
        java.time.OffsetDateTime expiresAt) {

    /** An invitation without its id or its two organizations cannot be mailed: a malformed event. */
    public InvitationCreatedEvent {
        if (invitationId == null) {
            throw new IllegalArgumentException("invitationId is missing");
        }
        if (inviter == null || !inviter.hasId() || invitee == null || !invitee.hasId()) {
            throw new IllegalArgumentException("inviter.id and invitee.id are required");
        }
    }

    public List<String> notifyEmailsOrEmpty() {
        return notifyEmails == null ? List.of() : notifyEmails;
    }
}
