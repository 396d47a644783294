package io.devshare.partner.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DatabaseErrors;
import io.devshare.common.outbox.Outbox;
import io.devshare.common.problem.ProblemException;
import io.devshare.partner.Invitation;
import io.devshare.partner.client.Organization;
import io.devshare.partner.client.OrganizationDirectory;
import io.devshare.partner.messaging.InvitationCreated;
import io.devshare.partner.messaging.PartnerEvents;
import io.devshare.partner.repository.InvitationRepository;

@ApplicationScoped
public class InvitationService {

    private final InvitationRepository invitations;
    private final OrganizationDirectory directory;
    private final Outbox outbox;
    private final Duration expiry;

    @Inject
    public InvitationService(
            InvitationRepository invitations,
            OrganizationDirectory directory,
            Outbox outbox,
            @ConfigProperty(name = "devshare.invitations.expiry", defaultValue = "P14D") Duration expiry) {
        this.invitations = invitations;
        this.directory = directory;
        this.outbox = outbox;
        this.expiry = expiry;
    }

    /**
     * Invites {@code partnerAlias} on behalf of {@code callerAlias}. The invitation and its event are written in
     * one transaction; nothing is written when any rule fails.
     */
    public Uni<Invitation> invite(
            String callerAlias, String userId, String partnerAlias, List<String> notifyEmails, String message) {
        return directory.byAlias(callerAlias).chain(caller -> {
            Organization inviter =
                    caller.orElseThrow(() -> ProblemException.forbidden("Your organization is not known to Devshare."));
            return directory.byAlias(partnerAlias.strip()).chain(found -> {
                Organization invitee = found.orElseThrow(() -> ProblemException.notFound(
                        "No organization has the alias '" + partnerAlias + "'.", Map.of("alias", partnerAlias)));
                if (invitee.id().equals(inviter.id())) {
                    throw ProblemException.unprocessable(
                            "self-invitation", "An organization cannot invite itself to be its partner.");
                }
                return create(inviter, invitee, userId, notifyEmails, message);
            });
        });
    }

    private Uni<Invitation> create(
            Organization inviter, Organization invitee, String userId, List<String> notifyEmails, String message) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.inviterOrgId = inviter.id();
        invitation.inviterAlias = inviter.alias();
        invitation.inviterName = inviter.name();
        invitation.inviteeOrgId = invitee.id();
        invitation.inviteeAlias = invitee.alias();
        invitation.inviteeName = invitee.name();
        invitation.notifyEmails =
                notifyEmails.stream().map(String::strip).distinct().toArray(String[]::new);
        invitation.message = message;
        invitation.status = Invitation.Status.PENDING;
        invitation.createdBy = userId;
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(expiry);
        InvitationCreated event = new InvitationCreated(
                invitation.id,
                new InvitationCreated.OrgRef(inviter.id(), inviter.alias(), inviter.name()),
                new InvitationCreated.OrgRef(invitee.id(), invitee.alias(), invitee.name()),
                List.of(invitation.notifyEmails),
                message,
                userId,
                invitation.createdAt,
                invitation.expiresAt);
        return Panache.withTransaction(() -> invitations
                        .persist(invitation)
                        .call(() -> outbox.append(
                                PartnerEvents.TOPIC,
                                "invitation",
                                invitation.id.toString(),
                                PartnerEvents.INVITATION_CREATED,
                                event)))
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, "invitation_one_pending_per_pair"))
                .transform(e -> ProblemException.conflict(
                        "invitation-pending",
                        "An invitation between your organization and '" + invitee.alias() + "' is already pending.",
                        Map.of("alias", invitee.alias())));
    }

    /** The invitation, if the caller's organization is its inviter or invitee; otherwise 404 (no leak). */
    public Uni<Invitation> visibleTo(String callerAlias, UUID id) {
        return directory.byAlias(callerAlias).chain(caller -> {
            String orgId = caller.map(Organization::id).orElse("");
            return Panache.withSession(() -> invitations.findById(id))
                    .map(found -> Optional.ofNullable(found)
                            .filter(i -> i.involves(orgId))
                            .orElseThrow(() -> ProblemException.notFound("No such invitation.", Map.of())));
        });
    }
}
