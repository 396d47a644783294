package io.devshare.partner.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import io.devshare.partner.Partnership;

@ApplicationScoped
public class PartnershipRepository implements PanacheRepositoryBase<Partnership, UUID> {

    /** The active partnership of two organizations, if any (either order). */
    public Uni<Partnership> findActive(String orgId, String otherOrgId) {
        String a = orgId.compareTo(otherOrgId) < 0 ? orgId : otherOrgId;
        String b = a.equals(orgId) ? otherOrgId : orgId;
        return find("orgAId = ?1 and orgBId = ?2 and status = ?3", a, b, Partnership.Status.ACTIVE)
                .firstResult();
    }
}
