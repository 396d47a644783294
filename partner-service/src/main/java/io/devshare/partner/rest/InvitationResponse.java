package io.devshare.partner.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.devshare.partner.Invitation;

public record InvitationResponse(
        UUID id,
        String status,
        OrgSummary inviter,
        OrgSummary invitee,
        List<String> notifyEmails,
        String message,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt) {

    public record OrgSummary(String alias, String name) {}

    public static InvitationResponse of(Invitation i) {
        return new InvitationResponse(
                i.id,
                i.status.name(),
                new OrgSummary(i.inviterAlias, i.inviterName),
                new OrgSummary(i.inviteeAlias, i.inviteeName),
                List.of(i.notifyEmails),
                i.message,
                i.createdAt,
                i.expiresAt);
    }
}
