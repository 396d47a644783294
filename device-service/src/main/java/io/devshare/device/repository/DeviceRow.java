package io.devshare.device.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.devshare.device.Device;

/**
 * A device as one organization sees it in lists and lookups: owned ({@code sharedIn} false, {@code sharedWith} the
 * organizations it is shared with) or shared in ({@code role} of the strongest effective grant, owner in
 * {@code ownerOrg}), and the organization whose project uses it now ({@code activeAccount}, null when none).
 */
public record DeviceRow(
        UUID id,
        String ownerOrg,
        String serialNumber,
        String manufacturer,
        String model,
        String kind,
        String displayName,
        List<String> tags,
        boolean sharedIn,
        String role,
        List<Grantee> sharedWith,
        Position lastPosition,
        ActiveAccount activeAccount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * A device just registered, as its owner sees it: shared with nobody, no position, in no project (the
     * projections that add these know nothing of a new id yet) — what reading it back would answer.
     */
    public static DeviceRow registered(Device d) {
        return new DeviceRow(
                d.id,
                d.ownerOrg,
                d.serialNumber,
                d.manufacturer,
                d.model,
                d.kind.name(),
                d.displayName,
                List.of(d.tags),
                false,
                null,
                List.of(),
                null,
                null,
                d.createdAt,
                d.updatedAt);
    }

    /** An organization an owned device is shared with, and the role of its strongest effective grant. */
    public record Grantee(String alias, String role) {}

    /** The organization whose project uses the device now, and since when. */
    public record ActiveAccount(String alias, OffsetDateTime since) {}

    /** The last position a device reported. */
    public record Position(double lat, double lon, Double altitude, Double accuracy, OffsetDateTime recordedAt) {}
}
