package io.devshare.partner.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code io.devshare.partner.invitation.created}, keyed by invitation id: an organization invited another to
 * become partners. Never carries a sharing code.
 */
public record InvitationCreated(
        UUID invitationId,
        OrgRef inviter,
        OrgRef invitee,
        List<String> notifyEmails,
        String message,
        String invitedBy,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt) {}
