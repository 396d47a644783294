package io.devshare.sharing.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DatabaseErrors;
import io.devshare.common.db.DbClock;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.ProblemException;
import io.devshare.sharing.Grant;
import io.devshare.sharing.GrantHistory;
import io.devshare.sharing.Role;
import io.devshare.sharing.authority.AccessReplica;
import io.devshare.sharing.events.AccessChanged;
import io.devshare.sharing.events.ShareChanged;
import io.devshare.sharing.events.SharingEvents;
import io.devshare.sharing.repository.GrantHistoryRepository;
import io.devshare.sharing.repository.GrantRepository;
import io.devshare.sharing.repository.Projections;

/**
 * Share grants: an owner shares devices (one grant each) or a device group (one grant) with a partner, changes
 * the role or the end, revokes; the grantee leaves. Every change, its history and its events are written in one
 * transaction; a refused request writes nothing. A change answers once every replica of the access authority
 * has applied it ({@link AccessReplica#fence()}).
 */
@ApplicationScoped
public class GrantService {

    public enum Direction {
        OUTGOING,
        INCOMING
    }

    /** What a share request asks for (validated by the REST layer's constraints). */
    public record ShareCommand(
            String granteeOrg,
            List<UUID> deviceIds,
            UUID groupId,
            Role role,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt) {}

    public record ShareResult(UUID actionId, List<Grant> grants) {}

    private final GrantRepository grants;
    private final GrantHistoryRepository history;
    private final Projections projections;
    private final SharingEventWriter events;
    private final AccessReplica replica;

    @Inject
    public GrantService(
            GrantRepository grants,
            GrantHistoryRepository history,
            Projections projections,
            SharingEventWriter events,
            AccessReplica replica) {
        this.replica = replica;
        this.grants = grants;
        this.history = history;
        this.projections = projections;
        this.events = events;
    }

    /**
     * Shares devices or a group. Unlike the other changes it answers before the fence: its caller fences ({@link
     * #fence()}) after the commit — which, under an Idempotency-Key, comes only after this answered (the share runs
     * inside the transaction that also keeps the key's answer).
     */
    public Uni<ShareResult> share(String owner, String userId, ShareCommand cmd) {
        OffsetDateTime now = DbClock.now();
        if (cmd.granteeOrg().equals(owner)) {
            throw ProblemException.unprocessable("self-share", "An organization cannot share devices with itself.");
        }
        if (cmd.endsAt() != null && !cmd.endsAt().isAfter(now)) {
            throw ProblemException.badRequest("endsAt", "must be in the future");
        }
        if (cmd.endsAt() != null && cmd.startsAt() != null && !cmd.endsAt().isAfter(cmd.startsAt())) {
            throw ProblemException.badRequest("endsAt", "must be after startsAt");
        }
        UUID actionId = UUID.randomUUID();
        return Panache.withTransaction(() -> projections
                        .lockPartnership(owner, cmd.granteeOrg())
                        .chain(partners -> {
                            if (!partners) {
                                throw ProblemException.conflict(
                                        "not-partners",
                                        "Your organization and '" + cmd.granteeOrg() + "' are not partners; invite"
                                                + " them first.",
                                        Map.of("granteeOrg", cmd.granteeOrg()));
                            }
                            return cmd.groupId() != null
                                    ? shareGroup(owner, userId, cmd, actionId, now)
                                    : shareDevices(owner, userId, cmd, actionId, now);
                        })
                        // Here, not at commit: inside an enclosing transaction (Idempotency-Key) the commit comes
                        // later, and a concurrent share must still be answered 409 below.
                        .call(() -> grants.flush()))
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, "share_grant_one_org_per_group"))
                .transform(e -> groupAlreadyShared())
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, "share_grant_one_per_device_grantee"))
                .transform(e -> ProblemException.conflict(
                        "already-shared",
                        "A device is already shared with '" + cmd.granteeOrg() + "'; change that grant's role"
                                + " instead.",
                        Map.of()));
    }

    /**
     * Completes once every replica of the access authority has applied what committed before (see {@link
     * AccessReplica#fence()}): call it after the change's transaction committed, before answering.
     */
    public Uni<Void> fence() {
        return replica.fence();
    }

    private Uni<ShareResult> shareDevices(
            String owner, String userId, ShareCommand cmd, UUID actionId, OffsetDateTime now) {
        Set<UUID> wanted = new LinkedHashSet<>(cmd.deviceIds());
        return projections.ownedDevices(owner, wanted).chain(owned -> {
            List<UUID> missing =
                    wanted.stream().filter(id -> !owned.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.notFound(
                        "These devices are not devices of your organization: " + missing, Map.of("deviceIds", missing));
            }
            return grants.find(
                            "status = ?1 and granteeOrg = ?2 and deviceId in ?3",
                            Grant.Status.ACTIVE,
                            cmd.granteeOrg(),
                            wanted)
                    .list()
                    .chain(existing -> {
                        if (!existing.isEmpty()) {
                            throw ProblemException.conflict(
                                    "already-shared",
                                    "Some devices are already shared with '" + cmd.granteeOrg()
                                            + "'; change those grants' role instead.",
                                    Map.of(
                                            "deviceIds",
                                            existing.stream()
                                                    .map(g -> g.deviceId)
                                                    .toList()));
                        }
                        List<Grant> created = new ArrayList<>();
                        for (UUID deviceId : wanted) {
                            Grant g = newGrant(owner, userId, cmd, actionId, now);
                            g.deviceId = deviceId;
                            created.add(g);
                        }
                        List<AccessChanged> access = created.stream()
                                .map(g -> AccessChanged.of(g, g.deviceId, null, now))
                                .toList();
                        return persistAll(created, userId, now)
                                .call(() -> events.access(SharingEvents.ACCESS_GRANTED, access))
                                .call(() -> shareEvent(
                                        SharingEvents.SHARE_GRANTED,
                                        actionId,
                                        created,
                                        List.copyOf(wanted),
                                        null,
                                        null,
                                        userId,
                                        now))
                                .replaceWith(new ShareResult(actionId, created));
                    });
        });
    }

    private Uni<ShareResult> shareGroup(
            String owner, String userId, ShareCommand cmd, UUID actionId, OffsetDateTime now) {
        return projections.ownsGroup(owner, cmd.groupId()).chain(owns -> {
            if (!owns) {
                throw ProblemException.notFound(
                        "No such device group of your organization.", Map.of("groupId", cmd.groupId()));
            }
            return grants.find("status = ?1 and groupId = ?2", Grant.Status.ACTIVE, cmd.groupId())
                    .firstResult()
                    .chain(existing -> {
                        if (existing != null) {
                            throw groupAlreadyShared();
                        }
                        Grant g = newGrant(owner, userId, cmd, actionId, now);
                        g.groupId = cmd.groupId();
                        return projections
                                .members(cmd.groupId())
                                .chain(members -> persistAll(List.of(g), userId, now)
                                        .call(() -> events.access(
                                                SharingEvents.ACCESS_GRANTED,
                                                members.stream()
                                                        .map(d -> AccessChanged.of(g, d, null, now))
                                                        .toList()))
                                        .call(() -> shareEvent(
                                                SharingEvents.SHARE_GRANTED,
                                                actionId,
                                                List.of(g),
                                                members,
                                                g.groupId,
                                                null,
                                                userId,
                                                now))
                                        .replaceWith(new ShareResult(actionId, List.of(g))));
                    });
        });
    }

    /** The owner changes the role and/or the end of a grant; the change is effective at once. */
    public Uni<Grant> update(String owner, String userId, UUID id, Role role, OffsetDateTime endsAt, boolean clearEnd) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lockedFor(id, owner, true).chain(g -> {
                    if (role != null) {
                        g.role = role;
                        g.capabilities = role.capabilityNames().toArray(String[]::new);
                    }
                    if (clearEnd) {
                        g.endsAt = null;
                    } else if (endsAt != null) {
                        if (!endsAt.isAfter(now) || (g.startsAt != null && !endsAt.isAfter(g.startsAt))) {
                            throw ProblemException.badRequest("endsAt", "must be in the future and after startsAt");
                        }
                        g.endsAt = endsAt;
                    }
                    return devicesOf(g)
                            .call(devices ->
                                    history.persist(GrantHistory.of(g, GrantHistory.Action.UPDATED, userId, null, now)))
                            .call(devices -> events.access(
                                    SharingEvents.ACCESS_UPDATED,
                                    devices.stream()
                                            .map(d -> AccessChanged.of(g, d, null, now))
                                            .toList()))
                            .replaceWith(g);
                }))
                .call(replica::fence);
    }

    /** The owner revokes a grant at once. */
    public Uni<Grant> revoke(String owner, String userId, UUID id) {
        return Panache.withTransaction(() ->
                        lockedFor(id, owner, true).chain(g -> close(g, Grant.Reason.MANUAL, userId, DbClock.now())))
                .call(replica::fence);
    }

    /** The grantee gives a grant back. */
    public Uni<Grant> leave(String grantee, String userId, UUID id) {
        return Panache.withTransaction(() ->
                        lockedFor(id, grantee, false).chain(g -> close(g, Grant.Reason.LEFT, userId, DbClock.now())))
                .call(replica::fence);
    }

    /** Revokes every active grant between two organizations, both ways (their partnership ended). */
    public Uni<Void> revokeAllBetween(String org, String other, OffsetDateTime at) {
        return grants.find(
                        "status = ?1 and ((ownerOrg = ?2 and granteeOrg = ?3) or (ownerOrg = ?3 and granteeOrg = ?2))",
                        Grant.Status.ACTIVE,
                        org,
                        other)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .chain(found -> closeAll(found, Grant.Reason.PARTNERSHIP_ENDED, at));
    }

    /** A deleted device: its own grants end; group grants lose it (the group projection drops it). */
    public Uni<Void> deviceDeleted(UUID deviceId, OffsetDateTime at) {
        return grants.find("status = ?1 and deviceId = ?2", Grant.Status.ACTIVE, deviceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .chain(found -> closeAll(found, Grant.Reason.DEVICE_DELETED, at));
    }

    public Uni<Void> groupDeleted(UUID groupId, OffsetDateTime at) {
        return grants.find("status = ?1 and groupId = ?2", Grant.Status.ACTIVE, groupId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .chain(found -> closeAll(found, Grant.Reason.GROUP_DELETED, at));
    }

    /** A device joined or left a group: a grant on that group now covers it, or no longer does. */
    public Uni<Void> groupMembershipChanged(UUID groupId, UUID deviceId, boolean added, OffsetDateTime at) {
        return grants.find("status = ?1 and groupId = ?2", Grant.Status.ACTIVE, groupId)
                .firstResult()
                .chain(g -> g == null
                        ? Uni.createFrom().voidItem()
                        : events.access(
                                added ? SharingEvents.ACCESS_GRANTED : SharingEvents.ACCESS_REVOKED,
                                List.of(AccessChanged.of(g, deviceId, added ? null : "REMOVED_FROM_GROUP", at))));
    }

    /** Ends grants whose rental period is over; answers how many (call repeatedly until 0). */
    public Uni<Integer> expireDue(int batch) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(
                () -> grants.find("status = ?1 and endsAt <= ?2", Sort.by("endsAt"), Grant.Status.ACTIVE, now)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .page(0, batch)
                        .list()
                        .call(due -> closeAll(due, Grant.Reason.EXPIRED, now))
                        .map(List::size));
    }

    private Uni<Void> closeAll(List<Grant> found, Grant.Reason reason, OffsetDateTime at) {
        return Multi.createFrom()
                .iterable(found)
                .onItem()
                .transformToUniAndConcatenate(g -> close(g, reason, null, at))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Grant> close(Grant g, Grant.Reason reason, String actor, OffsetDateTime at) {
        g.status = reason == Grant.Reason.EXPIRED ? Grant.Status.EXPIRED : Grant.Status.REVOKED;
        g.closedAt = at;
        g.closedBy = actor;
        g.closeReason = reason;
        GrantHistory.Action action = switch (reason) {
            case EXPIRED -> GrantHistory.Action.EXPIRED;
            case LEFT -> GrantHistory.Action.LEFT;
            default -> GrantHistory.Action.REVOKED;
        };
        return devicesOf(g)
                .call(devices -> history.persist(GrantHistory.of(g, action, actor, reason.name(), at)))
                .call(devices -> events.access(
                        SharingEvents.ACCESS_REVOKED,
                        devices.stream()
                                .map(d -> AccessChanged.of(g, d, reason.name(), at))
                                .toList()))
                .call(devices -> shareEvent(
                        SharingEvents.SHARE_REVOKED, g.id, List.of(g), devices, g.groupId, reason.name(), actor, at))
                .replaceWith(g);
    }

    /** The devices a grant covers now: its device, or its group's current members. */
    private Uni<List<UUID>> devicesOf(Grant g) {
        return g.deviceId != null ? Uni.createFrom().item(List.of(g.deviceId)) : projections.members(g.groupId);
    }

    private Uni<Void> persistAll(List<Grant> created, String userId, OffsetDateTime now) {
        return Multi.createFrom()
                .iterable(created)
                .onItem()
                .transformToUniAndConcatenate(g -> grants.persist(g)
                        .chain(() ->
                                history.persist(GrantHistory.of(g, GrantHistory.Action.GRANTED, userId, null, now))))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /**
     * The grant, locked, if the caller is its owner ({@code asOwner}) or its grantee and it is active. An
     * organization on neither side gets 404 (no leak); the other side of the grant, which can read it, gets 403:
     * only the owner changes or revokes, only the grantee gives back.
     */
    private Uni<Grant> lockedFor(UUID id, String org, boolean asOwner) {
        return grants.findById(id, LockModeType.PESSIMISTIC_WRITE).map(g -> {
            if (g == null || !g.involves(org)) {
                throw noSuchGrant();
            }
            if (!org.equals(asOwner ? g.ownerOrg : g.granteeOrg)) {
                throw ProblemException.forbidden(
                        asOwner
                                ? "Only the organization that shared this grant changes or revokes it; your"
                                        + " organization received it and can give it back (POST /grants/{id}/leave)."
                                : "Only the organization that received this grant gives it back; your organization"
                                        + " shared it and can revoke it (POST /grants/{id}/revoke).");
            }
            if (g.status != Grant.Status.ACTIVE) {
                throw ProblemException.conflict(
                        "grant-closed",
                        "The grant is already " + g.status.name().toLowerCase() + ".",
                        Map.of("grantStatus", g.status.name()));
            }
            return g;
        });
    }

    /** A grant the caller's organization owns or received; otherwise 404 (no leak). */
    public Uni<Grant> visibleTo(String org, UUID id) {
        return Panache.withSession(() -> grants.findById(id)).map(g -> {
            if (g == null || !g.involves(org)) {
                throw noSuchGrant();
            }
            return g;
        });
    }

    public Uni<List<GrantHistory>> history(String org, UUID id) {
        return visibleTo(org, id)
                .chain(g -> Panache.withSession(
                        () -> history.find("grantId", Sort.by("id"), g.id).list()));
    }

    public Uni<Page<Grant>> list(String org, Direction direction, Grant.Status status, PageCursor cursor, int limit) {
        StringBuilder q = new StringBuilder(direction == Direction.OUTGOING ? "ownerOrg = :org" : "granteeOrg = :org");
        Parameters params = Parameters.with("org", org);
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (cursor != null) {
            q.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.and("at", cursor.at()).and("id", cursor.id());
        }
        return Panache.withSession(() -> grants.find(q.toString(), Sort.descending("createdAt", "id"), params)
                .page(0, limit + 1)
                .list()
                .map(rows -> Page.of(rows, limit, g -> new PageCursor(g.createdAt, g.id), g -> g)));
    }

    private static Grant newGrant(String owner, String userId, ShareCommand cmd, UUID actionId, OffsetDateTime now) {
        Grant g = new Grant();
        g.id = UUID.randomUUID();
        g.actionId = actionId;
        g.ownerOrg = owner;
        g.granteeOrg = cmd.granteeOrg();
        g.role = cmd.role();
        g.capabilities = cmd.role().capabilityNames().toArray(String[]::new);
        g.startsAt = cmd.startsAt();
        g.endsAt = cmd.endsAt();
        g.status = Grant.Status.ACTIVE;
        g.createdBy = userId;
        g.createdAt = now;
        return g;
    }

    /** Writes the share event of one action (or one closed grant), naming its devices, to the outbox. */
    private Uni<Void> shareEvent(
            String type,
            UUID key,
            List<Grant> gs,
            List<UUID> devices,
            UUID groupId,
            String reason,
            String actor,
            OffsetDateTime at) {
        Grant first = gs.get(0);
        return projections
                .deviceNames(devices)
                .chain(names -> events.share(
                        type,
                        key,
                        new ShareChanged(
                                first.actionId,
                                gs.stream().map(g -> g.id).toList(),
                                first.ownerOrg,
                                first.granteeOrg,
                                first.role.name(),
                                devices,
                                devices.stream()
                                        .map(d -> new ShareChanged.SharedDevice(d, names.get(d)))
                                        .toList(),
                                groupId,
                                first.startsAt,
                                first.endsAt,
                                reason,
                                actor,
                                at)));
    }

    private static ProblemException noSuchGrant() {
        return ProblemException.notFound("No such grant of your organization.", Map.of());
    }

    private static ProblemException groupAlreadyShared() {
        return ProblemException.conflict(
                "group-already-shared",
                "This device group is already shared with an organization; a group is shared with one organization at"
                        + " a time.",
                Map.of());
    }
}
