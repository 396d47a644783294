package io.devshare.partner.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.partner.Organization;
import io.devshare.partner.Partnership;
import io.devshare.partner.service.PartnerView;

@Schema(description = "A partnership, seen from one of its organizations.")
public record PartnershipResponse(
        @Schema(examples = "7d1c3b5a-9e8f-4a6b-8c2d-1e3f5a7b9c41")
        UUID id,

        @Schema(description = "The other organization") InvitationResponse.OrgSummary partner,

        @Schema(description = "Partners since", examples = "2026-11-25T09:30:00Z")
        OffsetDateTime since,

        @Schema(description = "How it started: INVITATION or SHARING_CODE", examples = "INVITATION")
        String via) {

    public static PartnershipResponse of(PartnerView view) {
        Partnership p = view.partnership();
        Organization partner = view.partner();
        return new PartnershipResponse(
                p.id, new InvitationResponse.OrgSummary(partner.alias(), partner.name()), p.startedAt, p.via.name());
    }
}
