package io.devshare.device.service;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import io.devshare.common.db.DatabaseErrors;
import io.devshare.common.db.DbClock;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.ProblemException;
import io.devshare.device.Device;
import io.devshare.device.LicencePool;
import io.devshare.device.repository.DeviceAccess;
import io.devshare.device.repository.DeviceFilter;
import io.devshare.device.repository.DeviceGroupRepository;
import io.devshare.device.repository.DeviceQueries;
import io.devshare.device.repository.DeviceRepository;
import io.devshare.device.repository.DeviceRow;
import io.devshare.device.repository.LicencePoolRepository;

/**
 * Devices: register (one licence, a secret shown once), read what an organization sees, update, delete (frees the
 * licence; device.deleted makes sharing-service revoke its grants), rotate credentials. Every change and its event
 * are written in one transaction; a refused request writes nothing.
 */
@ApplicationScoped
public class DeviceService {

    static final String SERIAL_INDEX = "device_serial_per_manufacturer";
    private static final Logger LOG = Logger.getLogger(DeviceService.class);

    private final DeviceRepository devices;
    private final DeviceGroupRepository groups;
    private final LicencePoolRepository pools;
    private final LicenceService licences;
    private final DeviceQueries queries;
    private final DeviceEventWriter events;
    private final DeviceSecrets secrets;
    private final FieldDataStorage storage;
    private final Vertx vertx;

    @Inject
    public DeviceService(
            DeviceRepository devices,
            DeviceGroupRepository groups,
            LicencePoolRepository pools,
            LicenceService licences,
            DeviceQueries queries,
            DeviceEventWriter events,
            DeviceSecrets secrets,
            FieldDataStorage storage,
            Vertx vertx) {
        this.devices = devices;
        this.groups = groups;
        this.pools = pools;
        this.licences = licences;
        this.queries = queries;
        this.events = events;
        this.secrets = secrets;
        this.storage = storage;
        this.vertx = vertx;
    }

    /**
     * Registers a device for {@code org}, using one licence of its pool (the pool row is locked, so concurrent
     * registrations never exceed it; an organization registering first gets its starting pool).
     */
    public Uni<Registration> register(String org, String userId, DeviceSpec spec) {
        String secret = secrets.generate();
        String hash = secrets.hash(secret);
        OffsetDateTime now = DbClock.now();
        Device d = new Device();
        d.id = UUID.randomUUID();
        d.ownerOrg = org;
        d.serialNumber = spec.serialNumber().strip();
        d.manufacturer = spec.manufacturer().strip();
        d.model = spec.model().strip();
        d.kind = spec.kind();
        d.displayName = spec.displayName().strip();
        d.tags = normalizeTags(spec.tags());
        d.secretHash = hash;
        d.secretRotatedAt = now;
        d.createdBy = userId;
        d.createdAt = now;
        d.updatedBy = userId;
        d.updatedAt = now;
        return Panache.withTransaction(() -> devices.serialTaken(d.manufacturer, d.serialNumber)
                        .invoke(taken -> {
                            if (taken) {
                                throw Errors.serialTaken(d.manufacturer, d.serialNumber);
                            }
                        })
                        .chain(() -> licences.lockedForRegistration(org))
                        .chain(pool -> {
                            if (pool == null || pool.exhausted()) {
                                throw Errors.licencesExhausted(
                                        pool == null ? 0 : pool.size, pool == null ? 0 : pool.used);
                            }
                            pool.used += 1;
                            return devices.persist(d);
                        })
                        .call(() -> events.registered(d))
                        // Here, not at commit: inside an enclosing transaction (Idempotency-Key) the commit comes
                        // later, and a concurrent registration must still be answered 409 below.
                        .call(() -> devices.flush()))
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, SERIAL_INDEX))
                .transform(e -> Errors.serialTaken(d.manufacturer, d.serialNumber))
                .map(saved -> new Registration(d, secret));
    }

    /** The device with its badges, if {@code org} owns it or it is shared in; else 404 (no existence leak). */
    public Uni<DeviceRow> get(String org, UUID id) {
        return queries.visible(org, id).map(row -> {
            if (row == null) {
                throw Errors.noSuchDevice();
            }
            return row;
        });
    }

    /** One keyset page of what {@code org} sees, newest first. A group filter must name one of its groups. */
    public Uni<Page<DeviceRow>> list(String org, DeviceFilter filter, PageCursor cursor, int limit) {
        Uni<Void> groupCheck = filter.groupId() == null
                ? Uni.createFrom().voidItem()
                : Panache.withSession(() -> groups.findById(filter.groupId()))
                        .invoke(g -> {
                            if (g == null || !g.ownerOrg.equals(org)) {
                                throw ProblemException.badRequest(
                                        "group", "no device group of your organization has this id");
                            }
                        })
                        .replaceWithVoid();
        return groupCheck
                .chain(() -> queries.page(org, filter, cursor, limit))
                .map(rows -> Page.of(rows, limit, r -> new PageCursor(r.createdAt(), r.id()), r -> r));
    }

    /**
     * The last positions of the devices {@code org} may see on a map, optionally inside {@code box}, most recently
     * reported first ({@code limit + 1} rows, so the caller can tell the map was cut).
     */
    public Uni<List<DeviceQueries.Located>> locations(String org, DeviceQueries.BoundingBox box, int limit) {
        return queries.located(org, box, limit);
    }

    /** Changes what the owner may change; publishes device.updated when something actually changed. */
    public Uni<DeviceRow> update(String org, String userId, UUID id, DeviceChanges changes) {
        return Panache.withTransaction(() -> lockOwned(org, id).chain(d -> {
                    boolean changed = false;
                    if (changes.model() != null && !changes.model().strip().equals(d.model)) {
                        d.model = changes.model().strip();
                        changed = true;
                    }
                    if (changes.kind() != null && changes.kind() != d.kind) {
                        d.kind = changes.kind();
                        changed = true;
                    }
                    if (changes.displayName() != null
                            && !changes.displayName().strip().equals(d.displayName)) {
                        d.displayName = changes.displayName().strip();
                        changed = true;
                    }
                    if (changes.tags() != null) {
                        String[] tags = normalizeTags(changes.tags());
                        if (!Arrays.equals(tags, d.tags)) {
                            d.tags = tags;
                            changed = true;
                        }
                    }
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    d.updatedBy = userId;
                    d.updatedAt = DbClock.now();
                    return events.updated(d);
                }))
                .chain(() -> get(org, id));
    }

    /**
     * Deletes an owned device: its licence is freed, its group memberships, position and field data go with it, and
     * device.deleted tells sharing-service to revoke every grant of it. Its files are removed after commit.
     */
    public Uni<Void> delete(String org, String userId, UUID id) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lockOwned(org, id)
                        .chain(d -> devices.groupIds(id)
                                .chain(groupIds -> pools.findById(org, LockModeType.PESSIMISTIC_WRITE)
                                        .chain((LicencePool pool) -> {
                                            if (pool != null && pool.used > 0) {
                                                pool.used -= 1;
                                            }
                                            return devices.delete(d);
                                        })
                                        .call(() -> events.deleted(d, groupIds, userId, now)))))
                .call(() -> vertx.executeBlocking(
                                () -> {
                                    storage.deleteDevice(id);
                                    return null;
                                },
                                false)
                        .onFailure()
                        .invoke(e -> LOG.warnf("field data of deleted device %s not removed: %s", id, e))
                        .onFailure()
                        .recoverWithNull());
    }

    /** A new secret for an owned device; the old one stops working at once. Answers the new secret (shown once). */
    public Uni<String> rotate(String org, UUID id) {
        String secret = secrets.generate();
        String hash = secrets.hash(secret);
        return Panache.withTransaction(() -> lockOwned(org, id).invoke(d -> {
                    d.secretHash = hash;
                    d.secretRotatedAt = DbClock.now();
                }))
                .replaceWith(secret);
    }

    /** The device locked for update if {@code org} owns it; 403 if it only sees it (shared in), else 404. */
    Uni<Device> lockOwned(String org, UUID id) {
        return devices.findById(id, LockModeType.PESSIMISTIC_WRITE).chain(d -> {
            if (d != null && d.ownerOrg.equals(org)) {
                return Uni.createFrom().item(d);
            }
            return refusal(org, id);
        });
    }

    /** 403 when {@code org} sees the device through a grant, else 404. */
    <T> Uni<T> refusal(String org, UUID id) {
        return queries.access(org, id, DeviceAccess.VIEW).map(access -> {
            throw access.sees() ? Errors.notOwner() : Errors.noSuchDevice();
        });
    }

    /** Tags stripped, without blanks or duplicates, in the order given. */
    static String[] normalizeTags(List<String> tags) {
        if (tags == null) {
            return new String[0];
        }
        return tags.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toArray(String[]::new);
    }
}
