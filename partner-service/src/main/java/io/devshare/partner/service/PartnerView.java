package io.devshare.partner.service;

import io.devshare.partner.Organization;
import io.devshare.partner.Partnership;

/** A partnership as one of its organizations sees it: with the other organization as the partner. */
public record PartnerView(Partnership partnership, Organization partner) {

    static PartnerView of(Partnership p, String viewerOrgId) {
        return new PartnerView(p, p.partnerOf(viewerOrgId));
    }
}
