package io.devshare.project;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One grant on one device, as sharing-events told it: the grantee's capabilities and window. */
@Entity
@Table(name = "access_view")
@IdClass(AccessView.Key.class)
public class AccessView {

    @Id
    @Column(name = "grant_id")
    public UUID grantId;

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    @Column(name = "grantee_org", nullable = false)
    public String granteeOrg;

    public String role;

    @Column(nullable = false)
    public String[] capabilities;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Column(nullable = false)
    public boolean revoked;

    public String reason;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Not revoked and inside its window at {@code now}. */
    public boolean effectiveAt(OffsetDateTime now) {
        return !revoked && (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
    }

    public boolean allows(String capability) {
        return capabilities != null && Arrays.asList(capabilities).contains(capability);
    }

    public static class Key implements Serializable {
        public UUID grantId;
        public UUID deviceId;

        public Key() {}

        public Key(UUID grantId, UUID deviceId) {
            this.grantId = grantId;
            this.deviceId = deviceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(grantId, k.grantId) && Objects.equals(deviceId, k.deviceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(grantId, deviceId);
        }
    }
}
