package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.notification.events.InvitationCreatedEvent;

/** Keeps each organization's pending invitations from partner-events, in the consuming transaction. */
@ApplicationScoped
public class InboxView {

    Uni<Void> invitationPending(InvitationCreatedEvent e) {
        if (e.invitationId() == null
                || e.inviter() == null
                || e.invitee() == null
                || e.invitee().alias() == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO pending_invitation (invitation_id, inviter_alias,"
                                + " inviter_name, invitee_alias, invitee_name, message, created_at, expires_at)"
                                + " VALUES (:id, :inviterAlias, :inviterName, :inviteeAlias, :inviteeName, :message,"
                                + " :createdAt, :expiresAt) ON CONFLICT (invitation_id) DO NOTHING")
                        .setParameter("id", e.invitationId())
                        .setParameter("inviterAlias", String.valueOf(e.inviter().alias()))
                        .setParameter("inviterName", e.inviter().displayName())
                        .setParameter("inviteeAlias", e.invitee().alias())
                        .setParameter("inviteeName", e.invitee().displayName())
                        .setParameter("message", e.message())
                        .setParameter(
                                "createdAt", e.createdAt() != null ? e.createdAt() : OffsetDateTime.now(ZoneOffset.UTC))
                        .setParameter("expiresAt", e.expiresAt())
                        .executeUpdate())
                .replaceWithVoid();
    }

    Uni<Void> invitationClosed(UUID invitationId) {
        if (invitationId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM pending_invitation WHERE invitation_id = :id")
                        .setParameter("id", invitationId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
