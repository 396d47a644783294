package io.devshare.project.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DbClock;
import io.devshare.project.AccessView;
import io.devshare.project.Assignment;
import io.devshare.project.Design;
import io.devshare.project.DeviceView;
import io.devshare.project.Project;
import io.devshare.project.RemoteSession;
import io.devshare.project.repository.AccessRepository;
import io.devshare.project.repository.AssignmentRepository;
import io.devshare.project.repository.DesignRepository;
import io.devshare.project.repository.DeviceViewRepository;
import io.devshare.project.repository.ProjectRepository;
import io.devshare.project.repository.SessionRepository;
import io.devshare.project.repository.TransferRepository;
import io.devshare.project.repository.TransferRepository.OpenCount;

/**
 * What ending a grant would take from the grantee's projects, before anyone ends it: a revoke by the owner or a
 * give-back by the grantee ends every assignment made through the grant (unless another effective grant of the
 * grantee still allows it), and with each the designs on their way to the device and its open session. Read from
 * the same rows {@link AssignmentService#accessEnded} would change; nothing is changed here.
 *
 * <p>Who may ask: the grantee, about its own projects; the owner, about the devices of the grant it owns — both the
 * grant's row (sharing-events) and the device's view (device-events, unless it has not arrived yet) must name the
 * caller's organization as owner. Anyone else, and an unknown grant, get the same 404.
 */
@ApplicationScoped
public class ImpactService {

    public static final String ASSIGNED = "assigned-device";
    public static final String OPENED_SESSION = "opened-session";
    public static final String PUBLISHED = "published-design";

    private final AccessRepository access;
    private final DeviceViewRepository devices;
    private final AssignmentRepository assignments;
    private final ProjectRepository projects;
    private final SessionRepository sessions;
    private final TransferRepository transfers;
    private final DesignRepository designs;

    @Inject
    public ImpactService(
            AccessRepository access,
            DeviceViewRepository devices,
            AssignmentRepository assignments,
            ProjectRepository projects,
            SessionRepository sessions,
            TransferRepository transfers,
            DesignRepository designs) {
        this.access = access;
        this.devices = devices;
        this.assignments = assignments;
        this.projects = projects;
        this.sessions = sessions;
        this.transfers = transfers;
        this.designs = designs;
    }

    /** Each list holds at most {@code limit} entries; its {@code more…} says how many were left out. */
    public record Impact(
            UUID grantId,
            String ownerOrg,
            String granteeOrg,
            List<ProjectLoss> projects,
            int moreProjects,
            List<DeviceLoss> devices,
            int moreDevices,
            List<RemoteSession> sessions,
            int moreSessions,
            List<DesignLoss> designs,
            long moreDesigns,
            long transfers,
            List<Person> people,
            int morePeople,
            int kept) {}

    /** A project of the grantee that loses {@code devices} of the grant, with what goes with them. */
    public record ProjectLoss(Project project, int devices, int sessions, long designs, long transfers) {}

    /** An assignment that ends, with what project-service knows of its device (null when not told yet). */
    public record DeviceLoss(Assignment assignment, DeviceView device) {}

    /** A design whose {@code transfers} to the grant's devices are cancelled. */
    public record DesignLoss(Design design, long transfers) {}

    /** A person of the grantee concerned, by Keycloak id; {@code name} only when a session of theirs kept it. */
    public record Person(String userId, String name, List<String> roles) {}

    public Uni<Impact> ofGrant(String org, UUID grantId, int limit) {
        return Panache.withSession(() -> access.find("grantId", grantId).list().chain(rows -> {
            if (rows.isEmpty()) {
                throw Errors.noSuchGrant();
            }
            AccessView first = rows.get(0);
            List<UUID> deviceIds = rows.stream().map(r -> r.deviceId).toList();
            return devices.find("deviceId in ?1", deviceIds).list().chain(views -> {
                List<UUID> asked = askable(org, rows, views);
                if (asked.isEmpty()) {
                    throw Errors.noSuchGrant();
                }
                Map<UUID, DeviceView> byId = views.stream().collect(Collectors.toMap(v -> v.deviceId, v -> v));
                return losses(first.granteeOrg, grantId, asked)
                        .chain(lost -> describe(first, lost.lost(), lost.kept(), byId, asked, limit));
            });
        }));
    }

    /**
     * The grant's devices {@code org} may ask about: all of them for the grantee; for anyone else, those it owns by
     * both the grant's row and the device's view (a deleted device is no one's).
     */
    static List<UUID> askable(String org, List<AccessView> rows, List<DeviceView> views) {
        if (rows.get(0).granteeOrg.equals(org)) {
            return rows.stream().map(r -> r.deviceId).toList();
        }
        Map<UUID, DeviceView> byId = views.stream().collect(Collectors.toMap(v -> v.deviceId, v -> v));
        return rows.stream()
                .filter(r -> {
                    DeviceView v = byId.get(r.deviceId);
                    boolean ownsDevice = v == null || !v.deleted && v.ownerOrg.equals(org);
                    return r.ownerOrg.equals(org) && ownsDevice;
                })
                .map(r -> r.deviceId)
                .toList();
    }

    private record Losses(List<Assignment> lost, int kept) {}

    /** The grantee's active assignments through the grant, less those another effective grant would keep. */
    private Uni<Losses> losses(String grantee, UUID grantId, List<UUID> deviceIds) {
        OffsetDateTime now = DbClock.now();
        return assignments
                .find(
                        "org = ?1 and grantId = ?2 and deviceId in ?3 and unassignedAt is null",
                        Sort.descending("assignedAt", "id"),
                        grantee,
                        grantId,
                        deviceIds)
                .list()
                .chain(active -> {
                    if (active.isEmpty()) {
                        return Uni.createFrom().item(new Losses(List.of(), 0));
                    }
                    return access.find(
                                    "granteeOrg = ?1 and deviceId in ?2 and grantId <> ?3 and revoked = false",
                                    grantee,
                                    active.stream().map(a -> a.deviceId).toList(),
                                    grantId)
                            .list()
                            .map(others -> {
                                Set<UUID> keptBy = others.stream()
                                        .filter(o -> o.effectiveAt(now) && o.allows(DeviceAccess.ASSIGN))
                                        .map(o -> o.deviceId)
                                        .collect(Collectors.toSet());
                                List<Assignment> lost = active.stream()
                                        .filter(a -> !keptBy.contains(a.deviceId))
                                        .toList();
                                return new Losses(lost, active.size() - lost.size());
                            });
                });
    }

    /** What a reading gathers, one query after the other (a reactive session runs one at a time). */
    private static final class Reading {
        List<Project> projects;
        List<RemoteSession> open;
        List<OpenCount> perProject;
        List<OpenCount> perDesign;
        Map<UUID, Design> designs;
        List<String> publishers;
        List<Person> people;
    }

    private Uni<Impact> describe(
            AccessView grant,
            List<Assignment> lost,
            int kept,
            Map<UUID, DeviceView> views,
            List<UUID> asked,
            int limit) {
        String grantee = grant.granteeOrg;
        if (lost.isEmpty()) {
            return Uni.createFrom()
                    .item(new Impact(
                            grant.grantId,
                            grant.ownerOrg,
                            grantee,
                            List.of(),
                            0,
                            List.of(),
                            0,
                            List.of(),
                            0,
                            List.of(),
                            0,
                            0,
                            List.of(),
                            0,
                            kept));
        }
        Set<UUID> projectIds = lost.stream().map(a -> a.projectId).collect(Collectors.toCollection(LinkedHashSet::new));
        List<UUID> lostDevices = lost.stream().map(a -> a.deviceId).toList();
        // A device is active on one project at a time, and leaving one closes its sessions and cancels its
        // transfers there: what is open on a lost device is in the project that loses it.
        Set<String> pairs =
                lost.stream().map(a -> a.projectId + "/" + a.deviceId).collect(Collectors.toSet());
        OffsetDateTime now = DbClock.now();
        Reading r = new Reading();
        return projects.find("id in ?1", projectIds)
                .list()
                .invoke(ps -> r.projects = ps)
                .chain(() -> sessions.openOn(grantee, lostDevices))
                .invoke(open -> r.open = open.stream()
                        .filter(s -> pairs.contains(s.projectId + "/" + s.deviceId) && s.expiresAt.isAfter(now))
                        .toList())
                .chain(() -> transfers.openPerProject(grantee, projectIds, lostDevices))
                .invoke(counts -> r.perProject = counts)
                .chain(() -> transfers.openPerDesign(grantee, projectIds, lostDevices, limit))
                .invoke(counts -> r.perDesign = counts)
                .chain(() -> designsOf(r.perDesign))
                .invoke(ds -> r.designs = ds)
                .chain(() -> transfers.openPublishers(grantee, projectIds, lostDevices))
                .invoke(ps -> r.publishers = ps)
                .chain(() -> people(grantee, asked, lost, r.open, r.publishers))
                .invoke(people -> r.people = people)
                .map(x -> {
                    List<ProjectLoss> all = projectLosses(r.projects, lost, r.open, r.perProject);
                    long designCount =
                            r.perProject.stream().mapToLong(OpenCount::designs).sum();
                    long transferCount = r.perProject.stream()
                            .mapToLong(OpenCount::transfers)
                            .sum();
                    List<DeviceLoss> deviceLosses = lost.stream()
                            .map(a -> new DeviceLoss(a, views.get(a.deviceId)))
                            .toList();
                    List<DesignLoss> designLosses = r.perDesign.stream()
                            .filter(c -> r.designs.containsKey(c.key()))
                            .map(c -> new DesignLoss(r.designs.get(c.key()), c.transfers()))
                            .toList();
                    return new Impact(
                            grant.grantId,
                            grant.ownerOrg,
                            grantee,
                            head(all, limit),
                            more(all, limit),
                            head(deviceLosses, limit),
                            more(deviceLosses, limit),
                            head(r.open, limit),
                            more(r.open, limit),
                            designLosses,
                            Math.max(0, designCount - designLosses.size()),
                            transferCount,
                            head(r.people, limit),
                            more(r.people, limit),
                            kept);
                });
    }

    /** Per project of the grantee, in name order: devices lost, sessions closed, designs and transfers cancelled. */
    private static List<ProjectLoss> projectLosses(
            List<Project> ps, List<Assignment> lost, List<RemoteSession> open, List<OpenCount> perProject) {
        Map<UUID, OpenCount> counts = perProject.stream().collect(Collectors.toMap(OpenCount::key, c -> c));
        Map<UUID, Long> devicesPer =
                lost.stream().collect(Collectors.groupingBy(a -> a.projectId, Collectors.counting()));
        Map<UUID, Long> sessionsPer =
                open.stream().collect(Collectors.groupingBy(s -> s.projectId, Collectors.counting()));
        return ps.stream()
                .sorted(Comparator.comparing((Project p) -> p.name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(p -> p.id))
                .map(p -> {
                    OpenCount c = counts.get(p.id);
                    return new ProjectLoss(
                            p,
                            devicesPer.getOrDefault(p.id, 0L).intValue(),
                            sessionsPer.getOrDefault(p.id, 0L).intValue(),
                            c == null ? 0 : c.designs(),
                            c == null ? 0 : c.transfers());
                })
                .toList();
    }

    private Uni<Map<UUID, Design>> designsOf(List<OpenCount> perDesign) {
        if (perDesign.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return designs.find("id in ?1", perDesign.stream().map(OpenCount::key).toList())
                .list()
                .map(list -> list.stream().collect(Collectors.toMap(d -> d.id, Function.identity())));
    }

    /** Who assigned the devices, opened the sessions, published the designs; names where a session kept one. */
    private Uni<List<Person>> people(
            String grantee,
            List<UUID> asked,
            List<Assignment> lost,
            List<RemoteSession> open,
            List<String> publishers) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        lost.forEach(a -> role(roles, a.assignedBy, ASSIGNED));
        open.forEach(s -> role(roles, s.openedBy, OPENED_SESSION));
        publishers.forEach(p -> role(roles, p, PUBLISHED));
        if (roles.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, String> known = new HashMap<>();
        open.forEach(s -> {
            if (s.openedByName != null) {
                known.put(s.openedBy, s.openedByName);
            }
        });
        List<String> unnamed =
                roles.keySet().stream().filter(u -> !known.containsKey(u)).toList();
        Uni<Map<String, String>> names =
                unnamed.isEmpty() ? Uni.createFrom().item(Map.of()) : sessions.openerNames(grantee, asked, unnamed);
        return names.map(found -> {
            List<Person> all = new ArrayList<>();
            roles.forEach((user, rs) -> {
                String name = known.containsKey(user) ? known.get(user) : found.get(user);
                all.add(new Person(user, name, List.copyOf(rs)));
            });
            return all;
        });
    }

    private static void role(Map<String, Set<String>> roles, String user, String role) {
        if (user != null) {
            roles.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(role);
        }
    }

    private static <T> List<T> head(List<T> list, int limit) {
        return list.size() <= limit ? list : list.subList(0, limit);
    }

    private static int more(List<?> list, int limit) {
        return Math.max(0, list.size() - limit);
    }
}
