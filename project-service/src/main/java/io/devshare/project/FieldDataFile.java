package io.devshare.project;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A field-data file a device recorded (device-events fielddata.uploaded), linked to the project the device was
 * assigned to when it was uploaded. The bytes stay at device-service.
 */
@Entity
@Table(name = "field_data_file")
public class FieldDataFile {

    @Id
    @Column(name = "file_id")
    public UUID fileId;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    public String filename;

    @Column(name = "content_type")
    public String contentType;

    public Long size;

    public String sha256;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "project_id")
    public UUID projectId;

    public String org;
}
