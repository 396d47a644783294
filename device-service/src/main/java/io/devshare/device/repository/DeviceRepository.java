package io.devshare.device.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import io.devshare.device.Device;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    /** Whether a device with this serial number of this manufacturer exists (case-insensitive), in any org. */
    public Uni<Boolean> serialTaken(String manufacturer, String serialNumber) {
        return count("lower(manufacturer) = lower(?1) and lower(serialNumber) = lower(?2)", manufacturer, serialNumber)
                .map(n -> n > 0);
    }

    /** The groups the device is a member of, in the current session. */
    @SuppressWarnings("unchecked")
    public Uni<List<UUID>> groupIds(UUID deviceId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT group_id FROM device_group_member WHERE device_id = :device ORDER BY group_id",
                                UUID.class)
                        .setParameter("device", deviceId)
                        .getResultList());
    }
}
