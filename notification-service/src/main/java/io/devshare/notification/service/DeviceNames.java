package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.common.db.DbClock;
import io.devshare.notification.events.DeviceEvent;

/**
 * notification-service's projection of device display names from device-events. Idempotent and order-tolerant
 * without an inbox: a row only moves forward in event time. A deleted device keeps its last name, so the mails
 * about the shares its deletion revoked can still name it. Mails fall back to the device id.
 */
@ApplicationScoped
public class DeviceNames {

    private final Pool pool;

    @Inject
    public DeviceNames(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> named(DeviceEvent e, OffsetDateTime eventTime, boolean deleted) {
        OffsetDateTime at = e.occurredAt() != null ? e.occurredAt() : eventTime != null ? eventTime : DbClock.now();
        String sql = deleted
                ? "INSERT INTO device_name (device_id, owner_org, display_name, deleted, event_at)"
                        + " VALUES ($1, $2, $3, true, $4) ON CONFLICT (device_id) DO UPDATE SET deleted = true,"
                        + " event_at = EXCLUDED.event_at WHERE device_name.event_at <= EXCLUDED.event_at"
                : "INSERT INTO device_name (device_id, owner_org, display_name, deleted, event_at)"
                        + " VALUES ($1, $2, $3, false, $4) ON CONFLICT (device_id) DO UPDATE SET"
                        + " owner_org = EXCLUDED.owner_org, display_name = EXCLUDED.display_name, deleted = false,"
                        + " event_at = EXCLUDED.event_at WHERE device_name.event_at <= EXCLUDED.event_at";
        String name = e.displayName() == null || e.displayName().isBlank()
                ? null
                : e.displayName().strip();
        return pool.preparedQuery(sql)
                .execute(Tuple.of(e.deviceId(), e.ownerOrg(), name, at))
                .replaceWithVoid();
    }

    /** Each device's display name, else its id, in the given order. */
    public Uni<List<String>> namesOf(List<UUID> deviceIds) {
        return namesOf(deviceIds, Map.of());
    }

    /**
     * Each device's display name as {@code given} (by the event being mailed), else as this projection knows it,
     * else its id, in the given order.
     */
    public Uni<List<String>> namesOf(List<UUID> deviceIds, Map<UUID, String> given) {
        if (given.keySet().containsAll(deviceIds)) {
            return Uni.createFrom().item(deviceIds.stream().map(given::get).toList());
        }
        return pool.preparedQuery("SELECT device_id, display_name FROM device_name WHERE device_id = ANY ($1::uuid[])")
                .execute(Tuple.of(deviceIds.toArray(new UUID[0])))
                .map(rows -> {
                    Map<UUID, String> found = new HashMap<>(given);
                    for (Row r : rows) {
                        if (r.getString("display_name") != null && !given.containsKey(r.getUUID("device_id"))) {
                            found.put(r.getUUID("device_id"), r.getString("display_name"));
                        }
                    }
                    Map<UUID, String> out = new LinkedHashMap<>();
                    for (UUID id : deviceIds) {
                        out.put(id, found.getOrDefault(id, id.toString()));
                    }
                    return List.copyOf(out.values());
                });
    }
}
