package io.devshare.device;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A field device, owned by the organization (alias) that registered it. Its secret is never stored: only a
 * slow hash of it ({@link io.devshare.device.service.DeviceSecrets}).
 */
@Entity
@Table(name = "device")
public class Device {

    public enum Kind {
        MACHINE_CONTROL,
        GNSS_ROVER,
        BASE_STATION,
        TOTAL_STATION,
        TABLET,
        OTHER
    }

    @Id
    public UUID id;

    /** Alias of the owning organization. */
    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    @Column(name = "serial_number", nullable = false)
    public String serialNumber;

    @Column(nullable = false)
    public String manufacturer;

    @Column(nullable = false)
    public String model;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String[] tags = new String[0];

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "secret_rotated_at", nullable = false)
    public OffsetDateTime secretRotatedAt;

    /** Keycloak user id of the admin who registered it. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
