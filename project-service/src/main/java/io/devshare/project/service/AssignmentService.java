package io.devshare.project.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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
import io.devshare.common.db.SeparateSession;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.project.Assignment;
import io.devshare.project.DeviceView;
import io.devshare.project.Project;
import io.devshare.project.ProjectActivity;
import io.devshare.project.RemoteSession;
import io.devshare.project.Transfer;
import io.devshare.project.events.DeviceAssigned;
import io.devshare.project.events.DeviceUnassigned;
import io.devshare.project.events.TransferCancelled;
import io.devshare.project.repository.AssignmentRepository;
import io.devshare.project.repository.DeviceViewRepository;
import io.devshare.project.repository.ProjectRepository;
import io.devshare.project.repository.SessionRepository;
import io.devshare.project.repository.TransferRepository;

/**
 * Devices working in projects. A device is active on one project at a time across all organizations (a unique
 * partial index decides a race); assigning needs ownership or an effective grant with assign-to-project. Leaving a
 * project — by hand, because access ended or shrank, the device was deleted or the project closed — cancels the
 * device's open transfers and closes its open sessions there, with events and activity, in one transaction.
 */
@ApplicationScoped
public class AssignmentService {

    static final String ONE_ACTIVE = "assignment_one_active_per_device";

    private final AssignmentRepository assignments;
    private final ProjectRepository projects;
    private final DeviceViewRepository deviceViews;
    private final TransferRepository transfers;
    private final SessionRepository sessions;
    private final ProjectLookup lookup;
    private final AccessRules access;
    private final ActivityLog activity;
    private final ProjectEventWriter events;
    private final SeparateSession separate;

    @Inject
    public AssignmentService(
            AssignmentRepository assignments,
            ProjectRepository projects,
            DeviceViewRepository deviceViews,
            TransferRepository transfers,
            SessionRepository sessions,
            ProjectLookup lookup,
            AccessRules access,
            ActivityLog activity,
            ProjectEventWriter events,
            SeparateSession separate) {
        this.assignments = assignments;
        this.projects = projects;
        this.deviceViews = deviceViews;
        this.transfers = transfers;
        this.sessions = sessions;
        this.lookup = lookup;
        this.access = access;
        this.activity = activity;
        this.events = events;
        this.separate = separate;
    }

    public Uni<Assignment> assign(String org, String userId, UUID projectId, UUID deviceId) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lookup.changeable(org, projectId)
                        .chain(project -> access.of(org, deviceId, DeviceAccess.ASSIGN)
                                .map(a -> a.require(DeviceAccess.ASSIGN))
                                .chain(a -> activeOf(deviceId).chain(existing -> {
                                    if (existing != null) {
                                        return conflict(org, existing);
                                    }
                                    Assignment as = new Assignment();
                                    as.id = UUID.randomUUID();
                                    as.projectId = projectId;
                                    as.org = org;
                                    as.deviceId = deviceId;
                                    as.ownerOrg = a.ownerOrg();
                                    as.grantId = a.owner() ? null : a.grantId();
                                    as.assignedBy = userId;
                                    as.assignedAt = now;
                                    return assignments
                                            .persist(as)
                                            .call(() -> assignments.flush())
                                            .call(() -> events.assigned(new DeviceAssigned(
                                                    projectId,
                                                    project.name,
                                                    org,
                                                    deviceId,
                                                    as.ownerOrg,
                                                    as.grantId,
                                                    userId,
                                                    now)))
                                            .call(() -> activity.record(
                                                    projectId,
                                                    ProjectActivity.Type.DEVICE_ASSIGNED,
                                                    ActivityLog.Entry.device(
                                                            deviceId,
                                                            userId,
                                                            null,
                                                            as.grantId == null
                                                                    ? "own device"
                                                                    : "shared by " + as.ownerOrg + " (grant "
                                                                            + as.grantId + ")"),
                                                    now));
                                }))))
                // A simultaneous assignment won the race: answer where the device is active now, read apart from
                // this transaction, which the violation aborted (and which may be an enclosing one, not yet ended).
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, ONE_ACTIVE))
                .recoverWithUni(() -> separate.read(s -> s.createSelectionQuery(
                                "from Assignment where deviceId = ?1 and unassignedAt is null", Assignment.class)
                        .setParameter(1, deviceId)
                        .setMaxResults(1)
                        .getSingleResultOrNull()
                        .chain(existing -> existing == null
                                ? Uni.createFrom().failure(Errors.booked(deviceId, null, null, null))
                                : conflict(org, existing, id -> s.find(Project.class, id)))));
    }

    private Uni<Assignment> conflict(String org, Assignment existing) {
        return conflict(org, existing, projects::findById);
    }

    private Uni<Assignment> conflict(String org, Assignment existing, Function<UUID, Uni<Project>> project) {
        if (!existing.org.equals(org)) {
            return Uni.createFrom().failure(Errors.booked(existing.deviceId, existing.org, null, null));
        }
        return project.apply(existing.projectId).map(p -> {
            throw Errors.booked(existing.deviceId, existing.org, p.id, p.name);
        });
    }

    /** An admin takes a device off a project. */
    public Uni<Assignment> unassign(String org, String userId, UUID projectId, UUID deviceId) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lookup.changeable(org, projectId)
                .chain(project -> assignments
                        .find("projectId = ?1 and deviceId = ?2 and unassignedAt is null", projectId, deviceId)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult()
                        .chain(a -> {
                            if (a == null) {
                                throw Errors.notInProject();
                            }
                            return leave(project, a, Assignment.Reason.MANUAL, null, userId, now);
                        })));
    }

    /** An assignment with what project-service knows of its device (null when device-events has not told yet). */
    public record Assigned(Assignment assignment, DeviceView device) {}

    /** The project's active devices, newest assignment first. */
    public Uni<Page<Assigned>> devices(String org, UUID projectId, PageCursor cursor, int limit) {
        return Panache.withSession(() -> lookup.visible(org, projectId)
                .chain(p -> active(projectId, cursor, limit))
                .chain(page -> withDevices(page.items()).map(items -> new Page<>(items, page.nextCursor()))));
    }

    public Uni<Assigned> withDevice(Assignment a) {
        return Panache.withSession(() -> deviceViews.findById(a.deviceId).map(d -> new Assigned(a, d)));
    }

    private Uni<List<Assigned>> withDevices(List<Assignment> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return deviceViews
                .find("deviceId in ?1", list.stream().map(a -> a.deviceId).toList())
                .list()
                .map(views -> list.stream()
                        .map(a -> new Assigned(
                                a,
                                views.stream()
                                        .filter(v -> v.deviceId.equals(a.deviceId))
                                        .findFirst()
                                        .orElse(null)))
                        .toList());
    }

    /** The active devices of a project, newest assignment first (in the caller's session). */
    public Uni<Page<Assignment>> active(UUID projectId, PageCursor cursor, int limit) {
        String q = "projectId = :p and unassignedAt is null";
        Parameters params = Parameters.with("p", projectId);
        if (cursor != null) {
            q += " and (assignedAt < :at or (assignedAt = :at and id < :id))";
            params.and("at", cursor.at()).and("id", cursor.id());
        }
        return assignments
                .find(q, Sort.descending("assignedAt", "id"), params)
                .page(0, limit + 1)
                .list()
                .map(rows -> Page.of(rows, limit, a -> new PageCursor(a.assignedAt, a.id), a -> a));
    }

    /** The active assignment of a device, if any (in the caller's session). */
    public Uni<Assignment> activeOf(UUID deviceId) {
        return assignments
                .find("deviceId = ?1 and unassignedAt is null", deviceId)
                .firstResult();
    }

    /** A grant on a device was revoked (in the consumer's transaction): its assignment ends unless another grant allows it. */
    public Uni<Void> accessEnded(UUID grantId, UUID deviceId, String accessReason, OffsetDateTime at) {
        return throughGrant(grantId, deviceId, Assignment.Reason.ACCESS_ENDED, accessReason, at);
    }

    /** A grant on a device changed; if it no longer allows assign-to-project, its assignment ends. */
    public Uni<Void> accessChanged(UUID grantId, UUID deviceId, List<String> capabilities, OffsetDateTime at) {
        if (capabilities != null && capabilities.contains(DeviceAccess.ASSIGN)) {
            return Uni.createFrom().voidItem();
        }
        return throughGrant(grantId, deviceId, Assignment.Reason.ACCESS_REDUCED, null, at);
    }

    private Uni<Void> throughGrant(
            UUID grantId, UUID deviceId, Assignment.Reason reason, String accessReason, OffsetDateTime at) {
        return assignments
                .find("deviceId = ?1 and grantId = ?2 and unassignedAt is null", deviceId, grantId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(a -> {
                    if (a == null) {
                        return Uni.createFrom().voidItem();
                    }
                    // Another effective grant of the same organization may still allow the assignment.
                    return access.of(a.org, deviceId, DeviceAccess.ASSIGN, grantId)
                            .chain(other -> {
                                if (other.allowed()) {
                                    a.grantId = other.owner() ? null : other.grantId();
                                    return Uni.createFrom().voidItem();
                                }
                                return projects.findById(a.projectId)
                                        .chain(p -> leave(p, a, reason, accessReason, null, at))
                                        .replaceWithVoid();
                            });
                });
    }

    /** A deleted device leaves its project. */
    public Uni<Void> deviceDeleted(UUID deviceId, OffsetDateTime at) {
        return assignments
                .find("deviceId = ?1 and unassignedAt is null", deviceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(a -> a == null
                        ? Uni.createFrom().voidItem()
                        : projects.findById(a.projectId)
                                .chain(p -> leave(p, a, Assignment.Reason.DEVICE_DELETED, null, null, at))
                                .replaceWithVoid());
    }

    /** Every device leaves a project that closes (in the caller's transaction, the project locked). */
    public Uni<Void> projectClosed(Project project, String userId, OffsetDateTime at) {
        return assignments
                .find("projectId = ?1 and unassignedAt is null", project.id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .chain(list ->
                        sequentially(list, a -> leave(project, a, Assignment.Reason.PROJECT_CLOSED, null, userId, at)));
    }

    /** Ends an assignment with everything that goes with it: event, activity, open transfers, open sessions. */
    Uni<Assignment> leave(
            Project project,
            Assignment a,
            Assignment.Reason reason,
            String accessReason,
            String actor,
            OffsetDateTime when) {
        // An event may carry a time before the assignment (clock skew): the assignment never ends before it began.
        OffsetDateTime at = when.isBefore(a.assignedAt) ? a.assignedAt : when;
        a.unassignedAt = at;
        a.unassignedBy = actor;
        a.reason = reason;
        a.accessReason = accessReason;
        return events.unassigned(new DeviceUnassigned(
                        project.id,
                        project.name,
                        project.org,
                        a.deviceId,
                        a.ownerOrg,
                        reason.name(),
                        accessReason,
                        actor,
                        at))
                .call(() -> activity.record(
                        project.id,
                        ProjectActivity.Type.DEVICE_UNASSIGNED,
                        ActivityLog.Entry.device(
                                a.deviceId,
                                actor,
                                reason.name(),
                                accessReason == null ? null : "access " + accessReason),
                        at))
                .call(() -> cancelTransfers(project, a.deviceId, at))
                .call(() -> closeSessions(project, a.deviceId, at))
                .replaceWith(a);
    }

    private Uni<Void> cancelTransfers(Project project, UUID deviceId, OffsetDateTime at) {
        return transfers
                .find(
                        "projectId = ?1 and deviceId = ?2 and status in ?3",
                        project.id,
                        deviceId,
                        List.of(Transfer.Status.PENDING, Transfer.Status.DELIVERED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .chain(list -> sequentially(list, t -> {
                    t.status = Transfer.Status.CANCELLED;
                    t.message = "DEVICE_UNASSIGNED";
                    t.updatedAt = at;
                    return events.cancelled(new TransferCancelled(
                                    t.id, t.designId, t.projectId, t.org, t.deviceId, "DEVICE_UNASSIGNED", at))
                            .call(() -> activity.record(
                                    project.id,
                                    ProjectActivity.Type.TRANSFER_CANCELLED,
                                    new ActivityLog.Entry(
                                            deviceId, t.designId, t.id, null, null, "DEVICE_UNASSIGNED", null),
                                    at));
                }));
    }

    private Uni<Void> closeSessions(Project project, UUID deviceId, OffsetDateTime at) {
        return sessions.find("projectId = ?1 and deviceId = ?2 and closedAt is null", project.id, deviceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .chain(list -> sequentially(
                        list,
                        s -> SessionService.close(
                                s, RemoteSession.CloseReason.DEVICE_UNASSIGNED, null, at, events, activity)));
    }

    static <T> Uni<Void> sequentially(List<T> items, java.util.function.Function<T, Uni<?>> work) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(work::apply)
                .collect()
                .last()
                .replaceWithVoid();
    }
}
