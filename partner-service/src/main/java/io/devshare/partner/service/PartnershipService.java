package io.devshare.partner.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DatabaseErrors;
import io.devshare.common.db.DbClock;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.ProblemException;
import io.devshare.partner.Invitation;
import io.devshare.partner.Organization;
import io.devshare.partner.Partnership;
import io.devshare.partner.client.OrganizationDirectory;
import io.devshare.partner.repository.InvitationRepository;
import io.devshare.partner.repository.PartnershipRepository;

/** Partnerships: who an organization's partners are, connecting by sharing code, and ending a partnership. */
@ApplicationScoped
public class PartnershipService {

    private final PartnershipRepository partnerships;
    private final InvitationRepository invitations;
    private final OrganizationDirectory directory;
    private final SharingCodeService codes;
    private final Callers callers;
    private final PartnerEventWriter events;

    @Inject
    public PartnershipService(
            PartnershipRepository partnerships,
            InvitationRepository invitations,
            OrganizationDirectory directory,
            SharingCodeService codes,
            Callers callers,
            PartnerEventWriter events) {
        this.partnerships = partnerships;
        this.invitations = invitations;
        this.directory = directory;
        this.codes = codes;
        this.callers = callers;
        this.events = events;
    }

    /** The caller's active partnerships, newest first. */
    public Uni<Page<PartnerView>> list(String callerAlias, PageCursor cursor, int limit) {
        return callers.resolve(callerAlias).chain(caller -> {
            String q = "status = :active and (orgAId = :org or orgBId = :org)";
            Parameters params =
                    Parameters.with("active", Partnership.Status.ACTIVE).and("org", caller.id());
            if (cursor != null) {
                q += " and (startedAt < :at or (startedAt = :at and id < :id))";
                params.and("at", cursor.at()).and("id", cursor.id());
            }
            String query = q;
            return Panache.withSession(() -> partnerships
                    .find(query, Sort.descending("startedAt", "id"), params)
                    .page(0, limit + 1)
                    .list()
                    .map(rows -> Page.of(
                            rows, limit, p -> new PageCursor(p.startedAt, p.id), p -> PartnerView.of(p, caller.id()))));
        });
    }

    /** Either side ends an active partnership; the event makes the other services revoke every share between them. */
    public Uni<Partnership> end(String callerAlias, String userId, UUID id) {
        return callers.resolve(callerAlias)
                .chain(caller -> Panache.withTransaction(() -> partnerships
                        .findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .chain(p -> {
                            if (p == null || !p.involves(caller.id()) || p.status != Partnership.Status.ACTIVE) {
                                throw ProblemException.notFound("No such partnership of your organization.", Map.of());
                            }
                            p.status = Partnership.Status.ENDED;
                            p.endedByOrg = caller.id();
                            p.endedBy = userId;
                            p.endedAt = DbClock.now();
                            return events.partnershipEnded(p).replaceWith(p);
                        })));
    }

    /**
     * Counts a sharing-code attempt of the caller's organization, committed at once (see
     * {@link SharingCodeService#countAttempt}): the resource calls it before {@link #connect}, outside any transaction.
     */
    public Uni<Void> countCodeAttempt(String callerAlias) {
        return callers.resolve(callerAlias).chain(codes::countAttempt);
    }

    /**
     * Connects the caller's organization with the owner of {@code code}: holding the code is the owner's consent,
     * so the partnership starts at once. A pending invitation between the two closes as accepted.
     */
    public Uni<PartnerView> connect(String callerAlias, String userId, String code) {
        return callers.resolve(callerAlias)
                .chain(caller -> codes.ownerOf(caller, code)
                        .chain(ownerId -> directory.byId(ownerId))
                        .chain(found -> {
                            Organization owner = found.orElseThrow(SharingCodeService::invalidCode);
                            if (owner.id().equals(caller.id())) {
                                throw ProblemException.unprocessable(
                                        "own-sharing-code", "This is your own organization's sharing code.");
                            }
                            return start(caller, owner, userId).map(p -> PartnerView.of(p, caller.id()));
                        }));
    }

    private Uni<Partnership> start(Organization caller, Organization owner, String userId) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> partnerships
                        .findActive(caller.id(), owner.id())
                        .chain(active -> {
                            if (active != null) {
                                throw InvitationService.alreadyPartners(owner);
                            }
                            Partnership p = Partnership.between(caller, owner);
                            p.via = Partnership.Via.SHARING_CODE;
                            p.startedBy = userId;
                            p.startedAt = now;
                            return partnerships
                                    .persist(p)
                                    .chain(() -> invitations.findPendingBetween(caller.id(), owner.id()))
                                    .chain(pending -> closePending(pending, p, userId, now))
                                    .call(() -> events.partnershipStarted(p))
                                    // Here, not at commit: inside an enclosing transaction (Idempotency-Key) the
                                    // commit comes later, and a concurrent start must still be answered 409 below.
                                    .call(() -> partnerships.flush())
                                    .replaceWith(p);
                        }))
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, InvitationService.ACTIVE_PAIR_INDEX))
                .transform(e -> InvitationService.alreadyPartners(owner));
    }

    private Uni<Void> closePending(Invitation pending, Partnership p, String userId, OffsetDateTime now) {
        if (pending == null) {
            return Uni.createFrom().voidItem();
        }
        pending.status = pending.effectiveStatus(now) == Invitation.Status.EXPIRED
                ? Invitation.Status.EXPIRED
                : Invitation.Status.ACCEPTED;
        pending.decidedAt = now;
        if (pending.status == Invitation.Status.ACCEPTED) {
            pending.decidedBy = userId;
            pending.partnershipId = p.id;
            p.invitationId = pending.id;
        }
        return events.invitationClosed(pending);
    }
}
