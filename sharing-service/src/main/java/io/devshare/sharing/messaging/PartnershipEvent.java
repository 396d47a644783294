package io.devshare.sharing.messaging;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** sharing-service's own reading of partner-service's {@code partnership.started|ended}: who, which partnership. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnershipEvent(UUID partnershipId, List<Org> orgs) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Org(String alias) {}

    /** Both aliases; a malformed event if not exactly two. */
    public List<String> aliases() {
        if (partnershipId == null
                || orgs == null
                || orgs.size() != 2
                || orgs.stream()
                        .anyMatch(
                                o -> o == null || o.alias() == null || o.alias().isBlank())) {
            throw new io.devshare.common.events.MalformedEventException("partnership event without its two orgs");
        }
        return orgs.stream().map(Org::alias).toList();
    }
}
