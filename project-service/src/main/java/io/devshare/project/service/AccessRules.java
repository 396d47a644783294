package io.devshare.project.service;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DbClock;
import io.devshare.project.AccessView;
import io.devshare.project.DeviceView;
import io.devshare.project.repository.AccessRepository;
import io.devshare.project.repository.DeviceViewRepository;

/**
 * Answers what an organization may do with devices, from the projections of device-events (ownership) and
 * sharing-events (one row per grant and device, effective while not revoked and inside its window). Runs in the
 * caller's session.
 */
@ApplicationScoped
public class AccessRules {

    private final DeviceViewRepository devices;
    private final AccessRepository access;

    @Inject
    public AccessRules(DeviceViewRepository devices, AccessRepository access) {
        this.devices = devices;
        this.access = access;
    }

    public Uni<DeviceAccess> of(String org, UUID deviceId, String capability) {
        return of(org, deviceId, capability, null);
    }

    /** As {@link #of(String, UUID, String)}, ignoring grant {@code except} (one being revoked or reduced). */
    public Uni<DeviceAccess> of(String org, UUID deviceId, String capability, UUID except) {
        OffsetDateTime now = DbClock.now();
        return devices.findById(deviceId).chain(device -> {
            if (device != null && device.deleted) {
                return Uni.createFrom().item(DeviceAccess.NONE);
            }
            if (device != null && device.ownerOrg.equals(org)) {
                return Uni.createFrom().item(new DeviceAccess(org, true, null, true));
            }
            return access.find("granteeOrg = ?1 and deviceId = ?2 and revoked = false", org, deviceId)
                    .list()
                    .map(rows -> {
                        List<AccessView> effective = rows.stream()
                                .filter(r -> r.effectiveAt(now) && !r.grantId.equals(except))
                                .toList();
                        if (effective.isEmpty()) {
                            return DeviceAccess.NONE;
                        }
                        UUID grant = effective.stream()
                                .filter(r -> r.allows(capability))
                                .map(r -> r.grantId)
                                .findFirst()
                                .orElse(null);
                        String owner = device != null ? device.ownerOrg : effective.get(0).ownerOrg;
                        return new DeviceAccess(owner, false, grant, true);
                    });
        });
    }

    /** Of {@code deviceIds}, those {@code org} owns or holds {@code capability} on now. */
    public Uni<Set<UUID>> allowed(String org, Collection<UUID> deviceIds, String capability) {
        if (deviceIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        OffsetDateTime now = DbClock.now();
        return devices.find("deviceId in ?1", deviceIds).list().chain(found -> {
            Map<UUID, DeviceView> byId = new HashMap<>();
            found.forEach(d -> byId.put(d.deviceId, d));
            return access.find("granteeOrg = ?1 and deviceId in ?2 and revoked = false", org, deviceIds)
                    .list()
                    .map(grants -> {
                        Set<UUID> granted = grants.stream()
                                .filter(g -> g.effectiveAt(now) && g.allows(capability))
                                .map(g -> g.deviceId)
                                .collect(Collectors.toSet());
                        return deviceIds.stream()
                                .filter(id -> {
                                    DeviceView d = byId.get(id);
                                    if (d != null && d.deleted) {
                                        return false;
                                    }
                                    return d != null && d.ownerOrg.equals(org) || granted.contains(id);
                                })
                                .collect(Collectors.toSet());
                    });
        });
    }
}
