package io.devshare.notification.messaging;

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

    public List<String> notifyEmailsOrEmpty() {
        return notifyEmails == null ? List.of() : notifyEmails;
    }
}
