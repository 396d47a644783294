package io.devshare.project.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.project.Assignment;
import io.devshare.project.DeviceView;
import io.devshare.project.FieldDataFile;
import io.devshare.project.PositionView;
import io.devshare.project.repository.AssignmentRepository;
import io.devshare.project.repository.DeviceViewRepository;
import io.devshare.project.repository.FieldDataRepository;
import io.devshare.project.repository.PositionRepository;

/**
 * What a project's devices produced, as far as the project's organization may still see it now: field-data files
 * (owner, or an effective read-field-data grant) and last positions (owner, or view-position).
 */
@ApplicationScoped
public class ProjectDataService {

    /** A device on the map: where it is, and what it is. */
    public record Located(Assignment assignment, PositionView position, DeviceView device) {}

    private final FieldDataRepository files;
    private final AssignmentRepository assignments;
    private final PositionRepository positions;
    private final DeviceViewRepository devices;
    private final ProjectLookup lookup;
    private final AccessRules access;

    @Inject
    public ProjectDataService(
            FieldDataRepository files,
            AssignmentRepository assignments,
            PositionRepository positions,
            DeviceViewRepository devices,
            ProjectLookup lookup,
            AccessRules access) {
        this.files = files;
        this.assignments = assignments;
        this.positions = positions;
        this.devices = devices;
        this.lookup = lookup;
        this.access = access;
    }

    /** The project's field-data files of devices the organization may still read, newest first. */
    public Uni<Page<FieldDataFile>> fieldData(
            String org, UUID projectId, UUID deviceFilter, PageCursor cursor, int limit) {
        return Panache.withSession(() -> lookup.visible(org, projectId)
                .chain(p -> Panache.getSession()
                        .chain(s -> s.createQuery(
                                        "select distinct f.deviceId from FieldDataFile f where f.projectId = :p",
                                        UUID.class)
                                .setParameter("p", projectId)
                                .getResultList()))
                .chain(deviceIds -> access.allowed(
                        org,
                        deviceFilter == null
                                ? deviceIds
                                : deviceIds.stream()
                                        .filter(deviceFilter::equals)
                                        .toList(),
                        DeviceAccess.READ_FIELD_DATA))
                .chain(readable -> {
                    if (readable.isEmpty()) {
                        return Uni.createFrom().item(new Page<FieldDataFile>(List.of(), null));
                    }
                    String q = "projectId = :p and deviceId in :devices";
                    Parameters params = Parameters.with("p", projectId).and("devices", readable);
                    if (cursor != null) {
                        q += " and (recordedAt < :at or (recordedAt = :at and fileId < :id))";
                        params.and("at", cursor.at()).and("id", cursor.id());
                    }
                    return files.find(q, Sort.descending("recordedAt", "fileId"), params)
                            .page(0, limit + 1)
                            .list()
                            .map(rows -> Page.of(rows, limit, f -> new PageCursor(f.recordedAt, f.fileId), f -> f));
                }));
    }

    /** The project's active devices with a last position the organization may see; at most {@code limit + 1}. */
    public Uni<List<Located>> map(String org, UUID projectId, int limit) {
        return Panache.withSession(() -> lookup.visible(org, projectId)
                .chain(p -> assignments
                        .find("projectId = ?1 and unassignedAt is null", Sort.by("assignedAt", "id"), projectId)
                        .list())
                .chain(active -> {
                    List<UUID> ids = active.stream().map(a -> a.deviceId).toList();
                    return access.allowed(org, ids, DeviceAccess.VIEW_POSITION).chain(visible -> {
                        if (visible.isEmpty()) {
                            return Uni.createFrom().item(List.<Located>of());
                        }
                        return positions
                                .find("deviceId in ?1", visible)
                                .list()
                                .chain(found -> devices.find("deviceId in ?1", visible)
                                        .list()
                                        .map(views -> join(active, visible, found, views, limit)));
                    });
                }));
    }

    private static List<Located> join(
            List<Assignment> active, Set<UUID> visible, List<PositionView> found, List<DeviceView> views, int limit) {
        Map<UUID, PositionView> byDevice =
                found.stream().collect(Collectors.toMap(p -> p.deviceId, Function.identity()));
        Map<UUID, DeviceView> viewById = views.stream().collect(Collectors.toMap(d -> d.deviceId, Function.identity()));
        return active.stream()
                .filter(a -> visible.contains(a.deviceId) && byDevice.containsKey(a.deviceId))
                .limit(limit + 1L)
                .map(a -> new Located(a, byDevice.get(a.deviceId), viewById.get(a.deviceId)))
                .toList();
    }
}
