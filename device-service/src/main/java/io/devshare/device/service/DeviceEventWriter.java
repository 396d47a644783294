package io.devshare.device.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import io.devshare.common.outbox.Outbox;
import io.devshare.device.Device;
import io.devshare.device.DeviceGroup;
import io.devshare.device.FieldDataFile;
import io.devshare.device.events.DeviceChanged;
import io.devshare.device.events.DeviceDeleted;
import io.devshare.device.events.DeviceEvents;
import io.devshare.device.events.DeviceWorkReported;
import io.devshare.device.events.FieldDataUploaded;
import io.devshare.device.events.GroupCreated;
import io.devshare.device.events.GroupDeleted;
import io.devshare.device.events.GroupMembershipChanged;

/** Appends device events to the outbox, in the caller's transaction, keyed by their aggregate's id. */
@ApplicationScoped
public class DeviceEventWriter {

    private final Outbox outbox;

    @Inject
    public DeviceEventWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> registered(Device d) {
        return device(d.id, DeviceEvents.DEVICE_REGISTERED, DeviceChanged.of(d));
    }

    public Uni<Void> updated(Device d) {
        return device(d.id, DeviceEvents.DEVICE_UPDATED, DeviceChanged.of(d));
    }

    public Uni<Void> deleted(Device d, List<UUID> groupIds, String userId, OffsetDateTime at) {
        return device(
                d.id,
                DeviceEvents.DEVICE_DELETED,
                new DeviceDeleted(d.id, d.ownerOrg, d.serialNumber, d.manufacturer, groupIds, userId, at));
    }

    public Uni<Void> fieldDataUploaded(FieldDataFile f) {
        return device(f.deviceId, DeviceEvents.FIELD_DATA_UPLOADED, FieldDataUploaded.of(f));
    }

    public Uni<Void> designFetched(AuthenticatedDevice d, UUID transferId, OffsetDateTime at) {
        return device(
                d.id(),
                DeviceEvents.DESIGN_FETCHED,
                new DeviceWorkReported.DesignFetched(transferId, d.id(), d.ownerOrg(), at));
    }

    public Uni<Void> designReported(
            AuthenticatedDevice d, UUID transferId, String status, String message, OffsetDateTime at) {
        return device(
                d.id(),
                DeviceEvents.DESIGN_REPORTED,
                new DeviceWorkReported.DesignReported(transferId, d.id(), d.ownerOrg(), status, message, at));
    }

    public Uni<Void> sessionJoined(AuthenticatedDevice d, UUID sessionId, OffsetDateTime at) {
        return device(
                d.id(),
                DeviceEvents.SESSION_JOINED,
                new DeviceWorkReported.SessionJoined(sessionId, d.id(), d.ownerOrg(), at));
    }

    public Uni<Void> groupCreated(DeviceGroup g) {
        return group(
                g.id, DeviceEvents.GROUP_CREATED, new GroupCreated(g.id, g.ownerOrg, g.name, g.createdBy, g.createdAt));
    }

    public Uni<Void> membershipChanged(DeviceGroup g, UUID deviceId, String change, String userId, OffsetDateTime at) {
        return group(
                g.id,
                DeviceEvents.GROUP_MEMBERSHIP_CHANGED,
                new GroupMembershipChanged(g.id, g.ownerOrg, deviceId, change, userId, at));
    }

    public Uni<Void> groupDeleted(DeviceGroup g, List<UUID> deviceIds, String userId, OffsetDateTime at) {
        return group(
                g.id, DeviceEvents.GROUP_DELETED, new GroupDeleted(g.id, g.ownerOrg, g.name, deviceIds, userId, at));
    }

    private Uni<Void> device(UUID id, String type, Object data) {
        return outbox.append(DeviceEvents.TOPIC, DeviceEvents.DEVICE, id.toString(), type, data)
                .replaceWithVoid();
    }

    private Uni<Void> group(UUID id, String type, Object data) {
        return outbox.append(DeviceEvents.TOPIC, DeviceEvents.GROUP, id.toString(), type, data)
                .replaceWithVoid();
    }
}
