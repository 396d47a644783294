package io.devshare.partner.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DatabaseErrors;
import io.devshare.common.db.DbClock;
import io.devshare.common.limits.Limit;
import io.devshare.common.limits.RateLimiter;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.ProblemException;
import io.devshare.partner.Invitation;
import io.devshare.partner.Organization;
import io.devshare.partner.Partnership;
import io.devshare.partner.client.OrganizationDirectory;
import io.devshare.partner.config.LimitsConfig;
import io.devshare.partner.events.InvitationCreated;
import io.devshare.partner.events.OrgRef;
import io.devshare.partner.repository.InvitationRepository;
import io.devshare.partner.repository.PartnershipRepository;

/**
 * Invitations: invite by alias, accept (which starts a partnership), decline, cancel, and their expiry. Every
 * change and its event are written in one transaction; a refused request writes nothing.
 */
@ApplicationScoped
public class InvitationService {

    public enum Direction {
        INCOMING,
        OUTGOING
    }

    static final String PENDING_PAIR_INDEX = "invitation_one_pending_per_pair";
    static final String ACTIVE_PAIR_INDEX = "partnership_one_active_per_pair";

    private final InvitationRepository invitations;
    private final PartnershipRepository partnerships;
    private final OrganizationDirectory directory;
    private final Callers callers;
    private final PartnerEventWriter events;
    private final Duration expiry;
    private final RateLimiter limiter;
    private final boolean limited;
    private final Limit invitationsPerHour;
    private final Limit notifyAddressesPerDay;

    @Inject
    public InvitationService(
            InvitationRepository invitations,
            PartnershipRepository partnerships,
            OrganizationDirectory directory,
            Callers callers,
            PartnerEventWriter events,
            @ConfigProperty(name = "devshare.invitations.expiry", defaultValue = "P14D") Duration expiry,
            RateLimiter limiter,
            LimitsConfig limits) {
        this.invitations = invitations;
        this.partnerships = partnerships;
        this.directory = directory;
        this.callers = callers;
        this.events = events;
        this.expiry = expiry;
        this.limiter = limiter;
        this.limited = limits.enabled();
        this.invitationsPerHour =
                new Limit("invitations-per-hour", limits.invitationsPerHour(), Duration.ofHours(1), "invitations");
        this.notifyAddressesPerDay = new Limit(
                "notify-addresses-per-day",
                limits.notifyAddressesPerDay(),
                Duration.ofDays(1),
                "addresses to notify of invitations");
    }

    /** Invites {@code partnerAlias} on behalf of the caller's organization. */
    public Uni<Invitation> invite(
            String callerAlias, String userId, String partnerAlias, List<String> notifyEmails, String message) {
        String alias = partnerAlias.strip();
        return callers.resolve(callerAlias)
                .chain(inviter -> directory.byAlias(alias).chain(found -> {
                    Organization invitee = found.orElseThrow(() -> ProblemException.notFound(
                            "No organization has the alias '" + alias + "'.", Map.of("alias", alias)));
                    if (invitee.id().equals(inviter.id())) {
                        throw ProblemException.unprocessable(
                                "self-invitation", "An organization cannot invite itself to be its partner.");
                    }
                    return create(inviter, invitee, userId, notifyEmails, message);
                }));
    }

    private Uni<Invitation> create(
            Organization inviter, Organization invitee, String userId, List<String> notifyEmails, String message) {
        OffsetDateTime now = DbClock.now();
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
                OrgRef.of(inviter),
                OrgRef.of(invitee),
                List.of(invitation.notifyEmails),
                message,
                userId,
                invitation.createdAt,
                invitation.expiresAt);
        return Panache.withTransaction(() -> countMail(inviter, invitation.notifyEmails.length)
                        .chain(() -> partnerships.findActive(inviter.id(), invitee.id()))
                        .invoke(active -> {
                            if (active != null) {
                                throw alreadyPartners(invitee);
                            }
                        })
                        .chain(() -> invitations.findPendingBetween(inviter.id(), invitee.id()))
                        .chain(pending ->
                                pending == null ? Uni.createFrom().voidItem() : settlePending(pending, inviter, now))
                        .chain(() -> invitations.persist(invitation))
                        .call(() -> events.invitationCreated(invitation, event))
                        // Here, not at commit: inside an enclosing transaction (Idempotency-Key) the commit comes
                        // later, and a concurrent invitation must still be answered 409 below.
                        .call(() -> invitations.flush()))
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, PENDING_PAIR_INDEX))
                .transform(e -> ProblemException.conflict(
                        "invitation-pending",
                        "An invitation between your organization and '" + invitee.alias() + "' is already pending.",
                        Map.of("alias", invitee.alias())));
    }

    /**
     * Counts the invitation and its notify addresses against the inviter's limits, in the invitation's transaction:
     * beyond them it fails with a 429 (naming the limit) and the transaction rolls back, counts included.
     */
    private Uni<Void> countMail(Organization inviter, int notifyAddresses) {
        if (!limited) {
            return Uni.createFrom().voidItem();
        }
        return limiter.take(invitationsPerHour, inviter.id(), 1)
                .chain(() -> limiter.take(notifyAddressesPerDay, inviter.id(), notifyAddresses))
                .replaceWithVoid();
    }

    /**
     * A pending invitation between the two blocks a new one, unless it has expired (then it is closed now). When
     * the other side invited, the problem says so and points to accepting it.
     */
    private Uni<Void> settlePending(Invitation pending, Organization inviter, OffsetDateTime now) {
        if (pending.effectiveStatus(now) == Invitation.Status.EXPIRED) {
            return expire(pending, now);
        }
        if (pending.inviterOrgId.equals(inviter.id())) {
            throw ProblemException.conflict(
                    "invitation-pending",
                    "Your invitation to '" + pending.inviteeAlias + "' is already pending.",
                    Map.of("alias", pending.inviteeAlias, "invitationId", pending.id));
        }
        throw ProblemException.conflict(
                "invitation-pending-from-partner",
                "'" + pending.inviterAlias + "' has already invited your organization: accept that invitation"
                        + " instead.",
                Map.of(
                        "alias",
                        pending.inviterAlias,
                        "invitationId",
                        pending.id,
                        "accept",
                        "/partnerships/invitations/" + pending.id + "/accept"));
    }

    /** The invited organization accepts: the invitation closes and the partnership starts, at once. */
    public Uni<Invitation> accept(String callerAlias, String userId, UUID id) {
        return callers.resolve(callerAlias)
                .chain(caller -> Panache.withTransaction(() -> lockedFor(id, caller, Side.INVITEE)
                                .chain(invitation -> {
                                    OffsetDateTime now = DbClock.now();
                                    requireOpen(invitation, now);
                                    return partnerships
                                            .findActive(invitation.inviterOrgId, invitation.inviteeOrgId)
                                            .chain(active -> {
                                                if (active != null) {
                                                    throw alreadyPartners(invitation.inviter());
                                                }
                                                Partnership p =
                                                        Partnership.between(invitation.inviter(), invitation.invitee());
                                                p.via = Partnership.Via.INVITATION;
                                                p.invitationId = invitation.id;
                                                p.startedBy = userId;
                                                p.startedAt = now;
                                                close(invitation, Invitation.Status.ACCEPTED, userId, now);
                                                invitation.partnershipId = p.id;
                                                return partnerships
                                                        .persist(p)
                                                        .call(() -> events.invitationClosed(invitation))
                                                        .call(() -> events.partnershipStarted(p))
                                                        .replaceWith(invitation);
                                            });
                                }))
                        .onFailure(t -> DatabaseErrors.isUniqueViolation(t, ACTIVE_PAIR_INDEX))
                        .transform(e -> ProblemException.conflict(
                                "already-partners", "Your organizations are already partners.", Map.of())));
    }

    /** The invited organization declines, with an optional reason the inviter is told. */
    public Uni<Invitation> decline(String callerAlias, String userId, UUID id, String reason) {
        return callers.resolve(callerAlias)
                .chain(caller -> Panache.withTransaction(() -> lockedFor(id, caller, Side.INVITEE)
                        .chain(invitation -> {
                            OffsetDateTime now = DbClock.now();
                            requireOpen(invitation, now);
                            close(invitation, Invitation.Status.DECLINED, userId, now);
                            invitation.declineReason = reason == null || reason.isBlank() ? null : reason.strip();
                            return events.invitationClosed(invitation).replaceWith(invitation);
                        })));
    }

    /** The inviting organization withdraws its pending invitation. */
    public Uni<Invitation> cancel(String callerAlias, String userId, UUID id) {
        return callers.resolve(callerAlias)
                .chain(caller -> Panache.withTransaction(() -> lockedFor(id, caller, Side.INVITER)
                        .chain(invitation -> {
                            OffsetDateTime now = DbClock.now();
                            requireOpen(invitation, now);
                            close(invitation, Invitation.Status.CANCELLED, userId, now);
                            return events.invitationClosed(invitation).replaceWith(invitation);
                        })));
    }

    /** Marks pending invitations past their expiry as expired, with their event; answers how many. */
    public Uni<Integer> expireDue(int batch) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> invitations
                .find("status = ?1 and expiresAt <= ?2", Sort.by("expiresAt"), Invitation.Status.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, batch)
                .list()
                .call(due -> Multi.createFrom()
                        .iterable(due)
                        .onItem()
                        .transformToUniAndConcatenate(i -> expire(i, now))
                        .collect()
                        .asList())
                .map(List::size));
    }

    private Uni<Void> expire(Invitation invitation, OffsetDateTime now) {
        invitation.status = Invitation.Status.EXPIRED;
        invitation.decidedAt = now;
        return events.invitationClosed(invitation);
    }

    /** Incoming or outgoing invitations of the caller's organization, newest first. */
    public Uni<Page<Invitation>> list(
            String callerAlias, Direction direction, Invitation.Status status, PageCursor cursor, int limit) {
        return callers.resolve(callerAlias).chain(caller -> {
            OffsetDateTime now = DbClock.now();
            StringBuilder q =
                    new StringBuilder(direction == Direction.INCOMING ? "inviteeOrgId = :org" : "inviterOrgId = :org");
            Map<String, Object> params = new HashMap<>();
            params.put("org", caller.id());
            if (status == Invitation.Status.PENDING) {
                q.append(" and status = :pending and expiresAt > :now");
                params.put("pending", Invitation.Status.PENDING);
                params.put("now", now);
            } else if (status == Invitation.Status.EXPIRED) {
                q.append(" and (status = :expired or (status = :pending and expiresAt <= :now))");
                params.put("expired", Invitation.Status.EXPIRED);
                params.put("pending", Invitation.Status.PENDING);
                params.put("now", now);
            } else if (status != null) {
                q.append(" and status = :status");
                params.put("status", status);
            }
            if (cursor != null) {
                q.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
                params.put("at", cursor.at());
                params.put("id", cursor.id());
            }
            Parameters parameters = new Parameters();
            params.forEach(parameters::and);
            return Panache.withSession(() -> invitations
                    .find(q.toString(), Sort.descending("createdAt", "id"), parameters)
                    .page(0, limit + 1)
                    .list()
                    .map(rows -> Page.of(rows, limit, i -> new PageCursor(i.createdAt, i.id), i -> i)));
        });
    }

    /** The invitation, if the caller's organization is its inviter or invitee; otherwise 404 (no leak). */
    public Uni<Invitation> visibleTo(String callerAlias, UUID id) {
        return callers.resolve(callerAlias)
                .chain(caller -> Panache.withSession(() -> invitations.findById(id))
                        .map(found -> {
                            if (found == null || !found.involves(caller.id())) {
                                throw noSuchInvitation();
                            }
                            return found;
                        }));
    }

    private enum Side {
        INVITER,
        INVITEE
    }

    /** The invitation locked for update, if the caller is on {@code side} of it; else 404 (no leak). */
    private Uni<Invitation> lockedFor(UUID id, Organization caller, Side side) {
        return invitations.findById(id, LockModeType.PESSIMISTIC_WRITE).map(found -> {
            String orgId = found == null ? null : side == Side.INVITEE ? found.inviteeOrgId : found.inviterOrgId;
            if (!caller.id().equals(orgId)) {
                throw noSuchInvitation();
            }
            return found;
        });
    }

    private static void requireOpen(Invitation invitation, OffsetDateTime now) {
        Invitation.Status effective = invitation.effectiveStatus(now);
        if (effective == Invitation.Status.EXPIRED) {
            throw ProblemException.conflict(
                    "invitation-expired",
                    "The invitation expired on " + invitation.expiresAt + "; ask for a new one.",
                    Map.of("invitationStatus", effective.name()));
        }
        if (effective != Invitation.Status.PENDING) {
            throw ProblemException.conflict(
                    "invitation-closed",
                    "The invitation is already " + effective.name().toLowerCase() + ".",
                    Map.of("invitationStatus", effective.name()));
        }
    }

    private static void close(Invitation invitation, Invitation.Status status, String userId, OffsetDateTime now) {
        invitation.status = status;
        invitation.decidedAt = now;
        invitation.decidedBy = userId;
    }

    private static ProblemException noSuchInvitation() {
        return ProblemException.notFound("No such invitation for your organization.", Map.of());
    }

    static ProblemException alreadyPartners(Organization partner) {
        return ProblemException.conflict(
                "already-partners",
                "Your organization and '" + partner.alias() + "' are already partners.",
                Map.of("alias", partner.alias()));
    }
}
