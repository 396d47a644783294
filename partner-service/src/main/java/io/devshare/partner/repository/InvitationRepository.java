package io.devshare.partner.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import io.devshare.partner.Invitation;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    /** The pending invitation between two organizations, whichever side invited, if any. */
    public Uni<Invitation> findPendingBetween(String orgId, String otherOrgId) {
        return find(
                        "status = ?1 and ((inviterOrgId = ?2 and inviteeOrgId = ?3) or (inviterOrgId = ?3 and inviteeOrgId = ?2))",
                        Invitation.Status.PENDING,
                        orgId,
                        otherOrgId)
                .firstResult();
    }
}
