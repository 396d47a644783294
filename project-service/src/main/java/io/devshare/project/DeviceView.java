package io.devshare.project;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** project-service's view of a device (device-events): owner, display name, kind. */
@Entity
@Table(name = "device_view")
public class DeviceView {

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    @Column(name = "display_name")
    public String displayName;

    public String kind;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
