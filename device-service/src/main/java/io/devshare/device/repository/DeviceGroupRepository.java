package io.devshare.device.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import io.devshare.device.DeviceGroup;

@ApplicationScoped
public class DeviceGroupRepository implements PanacheRepositoryBase<DeviceGroup, UUID> {

    /** Adds the device to the group in the current transaction; false when it already was a member. */
    public Uni<Boolean> addMember(UUID groupId, UUID deviceId, String userId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO device_group_member (group_id, device_id, added_by,"
                                + " added_at) VALUES (:group, :device, :user, now()) ON CONFLICT DO NOTHING")
                        .setParameter("group", groupId)
                        .setParameter("device", deviceId)
                        .setParameter("user", userId)
                        .executeUpdate())
                .map(n -> n == 1);
    }

    /** Removes the device from the group in the current transaction; false when it was not a member. */
    public Uni<Boolean> removeMember(UUID groupId, UUID deviceId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "DELETE FROM device_group_member WHERE group_id = :group AND device_id = :device")
                        .setParameter("group", groupId)
                        .setParameter("device", deviceId)
                        .executeUpdate())
                .map(n -> n == 1);
    }

    /** The group's devices, in the order they were added. */
    public Uni<List<UUID>> memberIds(UUID groupId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT device_id FROM device_group_member WHERE group_id = :group"
                                        + " ORDER BY added_at, device_id",
                                UUID.class)
                        .setParameter("group", groupId)
                        .getResultList());
    }

    /** How many devices each of the groups has (groups without members are absent). */
    public Uni<List<Object[]>> memberCounts(List<UUID> groupIds) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT group_id, count(*) FROM device_group_member WHERE group_id IN (:groups)"
                                        + " GROUP BY group_id",
                                Object[].class)
                        .setParameter("groups", groupIds)
                        .getResultList());
    }
}
