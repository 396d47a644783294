package io.devshare.partner.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.partner.Invitation;

@Schema(description = "An invitation to become partners, seen by the inviting or the invited organization.")
public record InvitationResponse(
        @Schema(examples = "5b0e8d3c-7f41-4f0a-8a55-1f6a9e3c2d11")
        UUID id,

        @Schema(
                description = "PENDING, ACCEPTED, DECLINED, CANCELLED or EXPIRED (a pending invitation past its"
                        + " expiry shows EXPIRED)",
                examples = "PENDING")
        String status,

        OrgSummary inviter,
        OrgSummary invitee,
        @Schema(examples = "[\"dispatch@rentco.example\"]") List<String> notifyEmails,

        @Schema(examples = "We would like to use your excavators on the Riverside site.")
        String message,

        @Schema(description = "The invited organization's reason, when it declined", examples = "Fleet fully booked.")
        String declineReason,

        @Schema(description = "The partnership the invitation started, once accepted")
        UUID partnershipId,

        @Schema(examples = "2026-11-24T08:00:00Z") OffsetDateTime createdAt,
        @Schema(examples = "2026-12-08T08:00:00Z") OffsetDateTime expiresAt,

        @Schema(description = "When it was accepted, declined, cancelled or expired")
        OffsetDateTime closedAt) {

    @Schema(description = "An organization: its alias (short name) and display name.")
    public record OrgSummary(
            @Schema(examples = "acme") String alias,
            @Schema(examples = "Acme Construction") String name) {}

    public static InvitationResponse of(Invitation i, OffsetDateTime now) {
        return new InvitationResponse(
                i.id,
                i.effectiveStatus(now).name(),
                new OrgSummary(i.inviterAlias, i.inviterName),
                new OrgSummary(i.inviteeAlias, i.inviteeName),
                List.of(i.notifyEmails),
                i.message,
                i.declineReason,
                i.partnershipId,
                i.createdAt,
                i.expiresAt,
                i.decidedAt);
    }
}
