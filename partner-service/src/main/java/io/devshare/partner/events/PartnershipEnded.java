package io.devshare.partner.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.devshare.partner.Partnership;

/**
 * {@code io.devshare.partner.partnership.ended}, keyed by partnership id: every device share between the two
 * organizations, both ways, must be revoked.
 */
public record PartnershipEnded(
        UUID partnershipId,
        List<OrgRef> orgs,
        OrgRef endedByOrg,
        String endedBy,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt) {

    public static PartnershipEnded of(Partnership p) {
        return new PartnershipEnded(
                p.id,
                List.of(OrgRef.of(p.orgA()), OrgRef.of(p.orgB())),
                OrgRef.of(p.orgAId.equals(p.endedByOrg) ? p.orgA() : p.orgB()),
                p.endedBy,
                p.startedAt,
                p.endedAt);
    }
}
