package io.devshare.partner.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.devshare.partner.Partnership;

/**
 * {@code io.devshare.partner.partnership.started}, keyed by partnership id: from now on either organization may
 * share devices with the other. {@code via} is INVITATION or SHARING_CODE.
 */
public record PartnershipStarted(
        UUID partnershipId,
        List<OrgRef> orgs,
        String via,
        UUID invitationId,
        String startedBy,
        OffsetDateTime startedAt) {

    public static PartnershipStarted of(Partnership p) {
        return new PartnershipStarted(
                p.id,
                List.of(OrgRef.of(p.orgA()), OrgRef.of(p.orgB())),
                p.via.name(),
                p.invitationId,
                p.startedBy,
                p.startedAt);
    }
}
