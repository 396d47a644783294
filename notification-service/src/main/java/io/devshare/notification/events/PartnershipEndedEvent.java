package io.devshare.notification.events;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * notification-service's own, tolerant reading of {@code io.devshare.partner.partnership.ended}: one of the two
 * partners ({@code endedByOrg}) ended it and every device share between them was revoked. The admins of both
 * organizations in {@code orgs} are told.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnershipEndedEvent(UUID partnershipId, List<OrgRef> orgs, OrgRef endedByOrg) {

    public PartnershipEndedEvent {
        if (partnershipId == null) {
            throw new IllegalArgumentException("partnershipId is missing");
        }
        if (orgs == null || orgs.size() != 2 || !orgs.stream().allMatch(o -> o != null && o.hasId())) {
            throw new IllegalArgumentException("orgs must name the two partners with their ids");
        }
        orgs = List.copyOf(orgs);
    }
}
