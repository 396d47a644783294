package io.devshare.device;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A named group of an organization's own devices (members: table device_group_member). */
@Entity
@Table(name = "device_group")
public class DeviceGroup {

    @Id
    public UUID id;

    /** Alias of the owning organization. */
    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
