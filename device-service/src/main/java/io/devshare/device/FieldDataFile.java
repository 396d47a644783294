package io.devshare.device;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A field-data file a device uploaded; its bytes are in the storage directory under {@code storagePath}. */
@Entity
@Table(name = "field_data_file")
public class FieldDataFile {

    @Id
    public UUID id;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    /** Alias of the organization owning the device at upload time. */
    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    public String filename;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    /** Lower-case hex SHA-256 of the bytes. */
    @Column(nullable = false)
    public String sha256;

    /** Relative to {@code devshare.field-data.dir}. */
    @Column(name = "storage_path", nullable = false)
    public String storagePath;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;
}
