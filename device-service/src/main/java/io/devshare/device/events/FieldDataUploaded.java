package io.devshare.device.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.devshare.device.FieldDataFile;

/** {@code io.devshare.device.fielddata.uploaded}, keyed by device id: a device uploaded a field-data file. */
public record FieldDataUploaded(
        UUID fileId,
        UUID deviceId,
        String ownerOrg,
        String filename,
        String contentType,
        long size,
        String sha256,
        OffsetDateTime occurredAt) {

    public static FieldDataUploaded of(FieldDataFile f) {
        return new FieldDataUploaded(
                f.id, f.deviceId, f.ownerOrg, f.filename, f.contentType, f.size, f.sha256, f.uploadedAt);
    }
}
