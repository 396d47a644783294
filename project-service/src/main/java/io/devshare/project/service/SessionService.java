package io.devshare.project.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
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
import io.devshare.common.db.SeparateSession;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.project.ProjectActivity;
import io.devshare.project.RemoteSession;
import io.devshare.project.config.SessionsConfig;
import io.devshare.project.events.SessionClosed;
import io.devshare.project.events.SessionOpened;
import io.devshare.project.repository.AssignmentRepository;
import io.devshare.project.repository.DeviceViewRepository;
import io.devshare.project.repository.SessionRepository;

/**
 * Remote sessions on project devices: the project's organization opens one (own devices always, shared ones with
 * remote-session), the device picks it up through device-service and joins; it is closed by hand, when the device
 * leaves the project, or when its time is up. Both organizations see who opened which session when.
 */
@ApplicationScoped
public class SessionService {

    static final String ONE_OPEN = "remote_session_one_open_per_device";

    private final SessionRepository sessions;
    private final AssignmentRepository assignments;
    private final DeviceViewRepository devices;
    private final ProjectLookup lookup;
    private final AccessRules access;
    private final ActivityLog activity;
    private final ProjectEventWriter events;
    private final Duration ttl;
    private final SeparateSession separate;

    @Inject
    public SessionService(
            SessionRepository sessions,
            AssignmentRepository assignments,
            DeviceViewRepository devices,
            ProjectLookup lookup,
            AccessRules access,
            ActivityLog activity,
            ProjectEventWriter events,
            SessionsConfig config,
            SeparateSession separate) {
        this.sessions = sessions;
        this.assignments = assignments;
        this.devices = devices;
        this.lookup = lookup;
        this.access = access;
        this.activity = activity;
        this.events = events;
        this.ttl = config.ttl();
        this.separate = separate;
    }

    public Uni<RemoteSession> open(String org, String userId, String userName, UUID projectId, UUID deviceId) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lookup.changeable(org, projectId)
                        .chain(project -> assignments
                                .find("projectId = ?1 and deviceId = ?2 and unassignedAt is null", projectId, deviceId)
                                .firstResult()
                                .chain(a -> {
                                    if (a == null) {
                                        throw Errors.notInProject();
                                    }
                                    return access.of(org, deviceId, DeviceAccess.REMOTE_SESSION);
                                })
                                .map(a -> a.require(DeviceAccess.REMOTE_SESSION))
                                .chain(a -> {
                                    RemoteSession s = new RemoteSession();
                                    s.id = UUID.randomUUID();
                                    s.projectId = projectId;
                                    s.org = org;
                                    s.deviceId = deviceId;
                                    s.ownerOrg = a.ownerOrg();
                                    s.openedBy = userId;
                                    s.openedByName = userName;
                                    s.openedAt = now;
                                    s.expiresAt = now.plus(ttl);
                                    return sessions.persist(s)
                                            .call(() -> sessions.flush())
                                            .call(() -> events.sessionOpened(new SessionOpened(
                                                    s.id,
                                                    projectId,
                                                    org,
                                                    deviceId,
                                                    s.ownerOrg,
                                                    userId,
                                                    s.expiresAt,
                                                    now)))
                                            .call(() -> activity.record(
                                                    projectId,
                                                    ProjectActivity.Type.SESSION_OPENED,
                                                    new ActivityLog.Entry(
                                                            deviceId,
                                                            null,
                                                            null,
                                                            s.id,
                                                            userId,
                                                            null,
                                                            userName == null ? null : "opened by " + userName),
                                                    now));
                                })))
                // A simultaneous open won the race: name its session, read apart from this transaction, which the
                // violation aborted (and which may be an enclosing one, not yet ended).
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, ONE_OPEN))
                .recoverWithUni(() -> separate.read(s -> s.createSelectionQuery(
                                        "from RemoteSession where deviceId = ?1 and closedAt is null",
                                        RemoteSession.class)
                                .setParameter(1, deviceId)
                                .setMaxResults(1)
                                .getSingleResultOrNull())
                        .map(open -> {
                            throw Errors.sessionOpen(open == null ? null : open.id);
                        }));
    }

    public Uni<RemoteSession> close(String org, String userId, UUID projectId, UUID sessionId) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lookup.visible(org, projectId)
                .chain(p -> sessions.findById(sessionId, LockModeType.PESSIMISTIC_WRITE))
                .chain(s -> {
                    if (s == null || !s.projectId.equals(projectId)) {
                        throw Errors.noSuchSession();
                    }
                    if (s.closedAt != null) {
                        throw Errors.sessionClosed();
                    }
                    return close(s, RemoteSession.CloseReason.CLOSED, userId, now, events, activity)
                            .replaceWith(s);
                }));
    }

    public Uni<RemoteSession> get(String org, UUID projectId, UUID sessionId) {
        return Panache.withSession(() -> lookup.visible(org, projectId)
                .chain(p -> sessions.findById(sessionId))
                .map(s -> {
                    if (s == null || !s.projectId.equals(projectId)) {
                        throw Errors.noSuchSession();
                    }
                    return s;
                }));
    }

    public Uni<Page<RemoteSession>> ofProject(String org, UUID projectId, PageCursor cursor, int limit) {
        return Panache.withSession(() -> lookup.visible(org, projectId)
                .chain(p -> page("projectId = :key", Parameters.with("key", projectId), cursor, limit)));
    }

    /**
     * Sessions on a device: the owner sees every organization's; an organization with access to the device sees
     * its own; anyone else gets 404.
     */
    public Uni<Page<RemoteSession>> ofDevice(String org, UUID deviceId, PageCursor cursor, int limit) {
        return Panache.withSession(() -> devices.findById(deviceId).chain(device -> {
            if (device != null && !device.deleted && device.ownerOrg.equals(org)) {
                return page("deviceId = :key", Parameters.with("key", deviceId), cursor, limit);
            }
            return access.of(org, deviceId, DeviceAccess.REMOTE_SESSION).chain(a -> {
                if (!a.sees()) {
                    throw Errors.noSuchDevice();
                }
                return page(
                        "deviceId = :key and org = :org",
                        Parameters.with("key", deviceId).and("org", org),
                        cursor,
                        limit);
            });
        }));
    }

    private Uni<Page<RemoteSession>> page(String q, Parameters params, PageCursor cursor, int limit) {
        if (cursor != null) {
            q += " and (openedAt < :at or (openedAt = :at and id < :id))";
            params.and("at", cursor.at()).and("id", cursor.id());
        }
        return sessions.find(q, Sort.descending("openedAt", "id"), params)
                .page(0, limit + 1)
                .list()
                .map(rows -> Page.of(rows, limit, s -> new PageCursor(s.openedAt, s.id), s -> s));
    }

    /** device-service says the device joined (in the consumer's transaction); a closed session stays closed. */
    public Uni<Void> joined(UUID sessionId, UUID deviceId, OffsetDateTime at) {
        return sessions.findById(sessionId, LockModeType.PESSIMISTIC_WRITE).chain(s -> {
            if (s == null || !s.deviceId.equals(deviceId) || s.closedAt != null || s.joinedAt != null) {
                return Uni.createFrom().voidItem();
            }
            s.joinedAt = at;
            return activity.record(
                    s.projectId,
                    ProjectActivity.Type.SESSION_JOINED,
                    new ActivityLog.Entry(deviceId, null, null, s.id, null, null, null),
                    at);
        });
    }

    /** Closes sessions whose time is up; answers how many (call repeatedly until fewer than {@code batch}). */
    public Uni<Integer> expireDue(int batch) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> sessions.find(
                        "closedAt is null and expiresAt <= ?1", Sort.by("expiresAt"), now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, batch)
                .list()
                .call(due -> AssignmentService.sequentially(
                        due, s -> close(s, RemoteSession.CloseReason.EXPIRED, null, now, events, activity)))
                .map(List::size));
    }

    /** Closes a locked, open session with its event and activity entry. */
    static Uni<Void> close(
            RemoteSession s,
            RemoteSession.CloseReason reason,
            String actor,
            OffsetDateTime at,
            ProjectEventWriter events,
            ActivityLog activity) {
        s.closedAt = at;
        s.closedBy = actor;
        s.closeReason = reason;
        return events.sessionClosed(new SessionClosed(s.id, s.projectId, s.org, s.deviceId, reason.name(), at))
                .call(() -> activity.record(
                        s.projectId,
                        ProjectActivity.Type.SESSION_CLOSED,
                        new ActivityLog.Entry(s.deviceId, null, null, s.id, actor, reason.name(), null),
                        at));
    }
}
