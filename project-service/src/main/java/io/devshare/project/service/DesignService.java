package io.devshare.project.service;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import io.devshare.common.db.DbClock;
import io.devshare.common.db.ReactiveWork;
import io.devshare.common.files.StoredFile;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.project.Assignment;
import io.devshare.project.Design;
import io.devshare.project.ProjectActivity;
import io.devshare.project.Transfer;
import io.devshare.project.config.DesignsConfig;
import io.devshare.project.events.DesignPublished;
import io.devshare.project.events.TransferFailed;
import io.devshare.project.repository.AssignmentRepository;
import io.devshare.project.repository.DesignRepository;
import io.devshare.project.repository.DeviceViewRepository;
import io.devshare.project.repository.ProjectRepository;
import io.devshare.project.repository.TransferRepository;

/**
 * Design files published to a project's devices: the file is stored on disk first (streamed, hashed), then the
 * design, one transfer per device and one event per transfer are recorded in one transaction (a failure removes the
 * file). Devices fetch the content through device-service (the internal endpoint) and report back through its
 * events: PENDING → DELIVERED → APPLIED | FAILED.
 */
@ApplicationScoped
public class DesignService {

    /** A design with its transfers. */
    public record Published(Design design, List<Transfer> transfers) {}

    /** A transfer's content to stream. */
    public record Content(Transfer transfer, Design design, Path path) {}

    private final DesignRepository designs;
    private final TransferRepository transfers;
    private final AssignmentRepository assignments;
    private final ProjectRepository projects;
    private final DeviceViewRepository devices;
    private final ProjectLookup lookup;
    private final AccessRules access;
    private final DesignStorage storage;
    private final ActivityLog activity;
    private final ProjectEventWriter events;
    private final Vertx vertx;
    private final long maxBytes;

    @Inject
    public DesignService(
            DesignRepository designs,
            TransferRepository transfers,
            AssignmentRepository assignments,
            ProjectRepository projects,
            DeviceViewRepository devices,
            ProjectLookup lookup,
            AccessRules access,
            DesignStorage storage,
            ActivityLog activity,
            ProjectEventWriter events,
            Vertx vertx,
            DesignsConfig config) {
        this.designs = designs;
        this.transfers = transfers;
        this.assignments = assignments;
        this.projects = projects;
        this.devices = devices;
        this.lookup = lookup;
        this.access = access;
        this.storage = storage;
        this.activity = activity;
        this.events = events;
        this.vertx = vertx;
        this.maxBytes = config.maxSize().asLongValue();
    }

    /**
     * Blocking (worker thread): publishes the body to every device of the project the organization owns or holds
     * publish-design on. Refused before anything is read when the project cannot change, has no such device, or
     * the declared length is over the limit.
     */
    public Published publish(
            String org,
            String userId,
            UUID projectId,
            InputStream body,
            Long declaredLength,
            String contentType,
            String filename) {
        ReactiveWork.await(() ->
                        Panache.withSession(() -> lookup.visible(org, projectId).chain(p -> {
                            if (p.closed()) {
                                throw Errors.projectClosed();
                            }
                            return targets(org, projectId);
                        })))
                .stream()
                .findAny()
                .orElseThrow(Errors::noDevices);
        if (declaredLength != null && declaredLength > maxBytes) {
            throw Errors.tooLarge(maxBytes);
        }
        UUID designId = UUID.randomUUID();
        StoredFile stored = storage.store(projectId, designId, body, maxBytes);
        try {
            return ReactiveWork.await(() -> Panache.withTransaction(() -> lookup.changeable(org, projectId)
                    .chain(project -> targets(org, projectId).chain(targets -> {
                        if (targets.isEmpty()) {
                            throw Errors.noDevices();
                        }
                        OffsetDateTime now = DbClock.now();
                        Design d = new Design();
                        d.id = designId;
                        d.projectId = projectId;
                        d.org = org;
                        d.filename = filename;
                        d.contentType = contentType;
                        d.size = stored.size();
                        d.sha256 = stored.sha256();
                        d.storagePath = stored.relativePath();
                        d.publishedBy = userId;
                        d.publishedAt = now;
                        List<Transfer> created = new ArrayList<>();
                        for (Assignment a : targets) {
                            Transfer t = new Transfer();
                            t.id = UUID.randomUUID();
                            t.designId = designId;
                            t.projectId = projectId;
                            t.org = org;
                            t.deviceId = a.deviceId;
                            t.ownerOrg = a.ownerOrg;
                            t.status = Transfer.Status.PENDING;
                            t.createdAt = now;
                            t.updatedAt = now;
                            created.add(t);
                        }
                        return designs.persist(d)
                                .call(() -> activity.record(
                                        projectId,
                                        ProjectActivity.Type.DESIGN_PUBLISHED,
                                        new ActivityLog.Entry(
                                                null,
                                                designId,
                                                null,
                                                null,
                                                userId,
                                                null,
                                                d.filename + " to " + created.size() + " device(s)"),
                                        now))
                                .call(() -> AssignmentService.sequentially(
                                        created,
                                        t -> transfers
                                                .persist(t)
                                                .call(() -> events.published(new DesignPublished(
                                                        t.id,
                                                        designId,
                                                        projectId,
                                                        org,
                                                        t.deviceId,
                                                        t.ownerOrg,
                                                        d.filename,
                                                        d.contentType,
                                                        d.size,
                                                        d.sha256,
                                                        userId,
                                                        now)))))
                                .replaceWith(new Published(d, created));
                    }))));
        } catch (RuntimeException e) {
            storage.delete(stored.relativePath());
            throw e;
        }
    }

    /** The project's active devices that may receive designs (owned, or shared with publish-design). */
    private Uni<List<Assignment>> targets(String org, UUID projectId) {
        return assignments
                .find("projectId = ?1 and unassignedAt is null", Sort.by("assignedAt", "id"), projectId)
                .list()
                .chain(active -> access.allowed(
                                org, active.stream().map(a -> a.deviceId).toList(), DeviceAccess.PUBLISH_DESIGN)
                        .map(allowed -> active.stream()
                                .filter(a -> allowed.contains(a.deviceId))
                                .toList()));
    }

    public Uni<Page<Published>> list(String org, UUID projectId, PageCursor cursor, int limit) {
        return Panache.withSession(() -> lookup.visible(org, projectId).chain(p -> {
            String q = "projectId = :p";
            Parameters params = Parameters.with("p", projectId);
            if (cursor != null) {
                q += " and (publishedAt < :at or (publishedAt = :at and id < :id))";
                params.and("at", cursor.at()).and("id", cursor.id());
            }
            return designs.find(q, Sort.descending("publishedAt", "id"), params)
                    .page(0, limit + 1)
                    .list()
                    .chain(rows -> {
                        Page<Design> page = Page.of(rows, limit, d -> new PageCursor(d.publishedAt, d.id), d -> d);
                        return withTransfers(page.items()).map(items -> new Page<>(items, page.nextCursor()));
                    });
        }));
    }

    public Uni<Published> get(String org, UUID projectId, UUID designId) {
        return Panache.withSession(() -> lookup.visible(org, projectId)
                .chain(p -> designs.findById(designId))
                .chain(d -> {
                    if (d == null || !d.projectId.equals(projectId)) {
                        throw Errors.noSuchDesign();
                    }
                    return withTransfers(List.of(d)).map(list -> list.get(0));
                }));
    }

    private Uni<List<Published>> withTransfers(List<Design> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> ids = list.stream().map(d -> d.id).collect(Collectors.toSet());
        return transfers
                .find("designId in ?1", Sort.by("createdAt", "id"), ids)
                .list()
                .map(all -> {
                    Map<UUID, List<Transfer>> byDesign = all.stream().collect(Collectors.groupingBy(t -> t.designId));
                    return list.stream()
                            .map(d -> new Published(d, byDesign.getOrDefault(d.id, List.of())))
                            .toList();
                });
    }

    /** The content of a transfer still open for {@code deviceId}; 404 otherwise (for device-service). */
    public Uni<Content> content(UUID transferId, UUID deviceId) {
        return Panache.withSession(() -> transfers.findById(transferId).chain(t -> {
                    if (t == null || !t.deviceId.equals(deviceId) || !t.status.open()) {
                        throw Errors.noSuchTransfer();
                    }
                    return designs.findById(t.designId).map(d -> new Object[] {t, d});
                }))
                .chain(pair -> {
                    Transfer t = (Transfer) pair[0];
                    Design d = (Design) pair[1];
                    return vertx.executeBlocking(() -> storage.resolve(d.storagePath), false)
                            .map(path -> {
                                if (path == null) {
                                    throw Errors.noSuchTransfer();
                                }
                                return new Content(t, d, path);
                            });
                });
    }

    /** device-service delivered the content to the device (in the consumer's transaction). */
    public Uni<Void> fetched(UUID transferId, UUID deviceId, OffsetDateTime at) {
        return locked(transferId, deviceId).chain(t -> {
            if (t == null || t.status != Transfer.Status.PENDING) {
                return Uni.createFrom().voidItem();
            }
            t.status = Transfer.Status.DELIVERED;
            t.updatedAt = at;
            return activity.record(
                    t.projectId,
                    ProjectActivity.Type.TRANSFER_DELIVERED,
                    new ActivityLog.Entry(t.deviceId, t.designId, t.id, null, null, null, null),
                    at);
        });
    }

    /** The device reported APPLIED or FAILED (in the consumer's transaction); a failure is published. */
    public Uni<Void> reported(UUID transferId, UUID deviceId, boolean applied, String message, OffsetDateTime at) {
        return locked(transferId, deviceId).chain(t -> {
            if (t == null || !t.status.open()) {
                return Uni.createFrom().voidItem();
            }
            t.status = applied ? Transfer.Status.APPLIED : Transfer.Status.FAILED;
            t.message = message;
            t.updatedAt = at;
            Uni<Void> logged = activity.record(
                    t.projectId,
                    applied ? ProjectActivity.Type.TRANSFER_APPLIED : ProjectActivity.Type.TRANSFER_FAILED,
                    new ActivityLog.Entry(t.deviceId, t.designId, t.id, null, null, null, message),
                    at);
            if (applied) {
                return logged;
            }
            return logged.chain(() -> projects.findById(t.projectId))
                    .chain(p -> designs.findById(t.designId)
                            .chain(d -> devices.findById(t.deviceId)
                                    .chain(device -> events.failed(new TransferFailed(
                                            t.id,
                                            t.designId,
                                            t.projectId,
                                            p.name,
                                            t.org,
                                            t.deviceId,
                                            device == null ? null : device.displayName,
                                            t.ownerOrg,
                                            d.filename,
                                            message,
                                            at)))));
        });
    }

    private Uni<Transfer> locked(UUID transferId, UUID deviceId) {
        return transfers
                .findById(transferId, LockModeType.PESSIMISTIC_WRITE)
                .map(t -> t == null || !t.deviceId.equals(deviceId) ? null : t);
    }
}
