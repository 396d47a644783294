package io.devshare.device.service;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
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
import io.devshare.device.Device;
import io.devshare.device.DeviceGroup;
import io.devshare.device.events.GroupMembershipChanged;
import io.devshare.device.repository.DeviceGroupRepository;
import io.devshare.device.repository.DeviceRepository;

/**
 * Device groups of an organization: create, rename, delete, and add or remove its own devices. Groups are never
 * visible to another organization (404). Membership changes are published only when they change something.
 */
@ApplicationScoped
public class GroupService {

    static final String NAME_INDEX = "device_group_name_per_org";

    private final DeviceGroupRepository groups;
    private final DeviceRepository devices;
    private final DeviceService deviceService;
    private final DeviceEventWriter events;

    @Inject
    public GroupService(
            DeviceGroupRepository groups,
            DeviceRepository devices,
            DeviceService deviceService,
            DeviceEventWriter events) {
        this.groups = groups;
        this.devices = devices;
        this.deviceService = deviceService;
        this.events = events;
    }

    public Uni<GroupView> create(String org, String userId, String name) {
        OffsetDateTime now = DbClock.now();
        DeviceGroup g = new DeviceGroup();
        g.id = UUID.randomUUID();
        g.ownerOrg = org;
        g.name = name.strip();
        g.createdBy = userId;
        g.createdAt = now;
        g.updatedAt = now;
        // Flushed inside, not at commit: inside an enclosing transaction (Idempotency-Key) the commit comes later,
        // and a name taken concurrently must still be answered 409 below.
        return Panache.withTransaction(() ->
                        groups.persist(g).call(() -> events.groupCreated(g)).call(() -> groups.flush()))
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, NAME_INDEX))
                .transform(e -> Errors.groupNameTaken(g.name))
                .map(saved -> new GroupView(g, 0, List.of()));
    }

    public Uni<GroupView> rename(String org, UUID id, String name) {
        String newName = name.strip();
        return Panache.withTransaction(() -> lockOwned(org, id).invoke(g -> {
                    if (!g.name.equals(newName)) {
                        g.name = newName;
                        g.updatedAt = DbClock.now();
                    }
                }))
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, NAME_INDEX))
                .transform(e -> Errors.groupNameTaken(newName))
                .chain(() -> get(org, id));
    }

    /** Deletes the group (its devices stay); group.deleted lists the devices it had. */
    public Uni<Void> delete(String org, String userId, UUID id) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lockOwned(org, id)
                .chain(g -> groups.memberIds(id)
                        .chain(members -> groups.delete(g).call(() -> events.groupDeleted(g, members, userId, now)))));
    }

    /** Adds one of the organization's own devices to the group (no change if it already is a member). */
    public Uni<Void> addDevice(String org, String userId, UUID groupId, UUID deviceId) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lockOwned(org, groupId)
                .chain(g -> ownDevice(org, deviceId)
                        .chain(d -> groups.addMember(groupId, deviceId, userId))
                        .chain(added -> added
                                ? events.membershipChanged(g, deviceId, GroupMembershipChanged.ADDED, userId, now)
                                : Uni.createFrom().voidItem())));
    }

    /** Removes a device from the group (no change if it was not a member). */
    public Uni<Void> removeDevice(String org, String userId, UUID groupId, UUID deviceId) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lockOwned(org, groupId)
                .chain(g -> ownDevice(org, deviceId)
                        .chain(d -> groups.removeMember(groupId, deviceId))
                        .chain(removed -> removed
                                ? events.membershipChanged(g, deviceId, GroupMembershipChanged.REMOVED, userId, now)
                                : Uni.createFrom().voidItem())));
    }

    /** One group with its device ids; 404 unless the organization owns it. */
    public Uni<GroupView> get(String org, UUID id) {
        return Panache.withSession(() -> groups.findById(id).chain(g -> {
            if (g == null || !g.ownerOrg.equals(org)) {
                throw Errors.noSuchGroup();
            }
            return groups.memberIds(id).map(ids -> new GroupView(g, ids.size(), ids));
        }));
    }

    /** The organization's groups, newest first, with their device counts. */
    public Uni<Page<GroupView>> list(String org, PageCursor cursor, int limit) {
        String q = "ownerOrg = :org";
        Parameters params = Parameters.with("org", org);
        if (cursor != null) {
            q += " and (createdAt < :at or (createdAt = :at and id < :id))";
            params.and("at", cursor.at()).and("id", cursor.id());
        }
        String query = q;
        return Panache.withSession(() -> groups.find(query, Sort.descending("createdAt", "id"), params)
                .page(0, limit + 1)
                .list()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(new Page<GroupView>(List.of(), null));
                    }
                    return groups.memberCounts(rows.stream().map(g -> g.id).toList())
                            .map(counts -> {
                                Map<UUID, Long> byGroup = new HashMap<>();
                                for (Object[] c : counts) {
                                    byGroup.put((UUID) c[0], ((Number) c[1]).longValue());
                                }
                                return Page.of(
                                        rows,
                                        limit,
                                        g -> new PageCursor(g.createdAt, g.id),
                                        g -> new GroupView(g, byGroup.getOrDefault(g.id, 0L), null));
                            });
                }));
    }

    /** The group locked for update; 404 unless the organization owns it. */
    private Uni<DeviceGroup> lockOwned(String org, UUID id) {
        return groups.findById(id, LockModeType.PESSIMISTIC_WRITE).map(g -> {
            if (g == null || !g.ownerOrg.equals(org)) {
                throw Errors.noSuchGroup();
            }
            return g;
        });
    }

    /**
     * Only own devices go into groups: 403 for a device shared in, 404 for one the organization cannot see. The device
     * is share-locked, so it cannot be deleted before the membership change commits.
     */
    private Uni<Device> ownDevice(String org, UUID deviceId) {
        return devices.findById(deviceId, LockModeType.PESSIMISTIC_READ).chain(d -> {
            if (d != null && d.ownerOrg.equals(org)) {
                return Uni.createFrom().item(d);
            }
            return deviceService.refusal(org, deviceId);
        });
    }
}
