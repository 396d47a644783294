package io.devshare.sharing;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A share grant: the owner organization lets the grantee use one device, or every device of one group. */
@Entity
@Table(name = "share_grant")
public class Grant {

    public enum Status {
        ACTIVE,
        REVOKED,
        EXPIRED
    }

    /** Why a grant stopped. */
    public enum Reason {
        MANUAL,
        PARTNERSHIP_ENDED,
        DEVICE_DELETED,
        GROUP_DELETED,
        EXPIRED,
        LEFT
    }

    @Id
    public UUID id;

    /** Grants created by one share request share an action id (one mail lists them all). */
    @Column(name = "action_id", nullable = false)
    public UUID actionId;

    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    @Column(name = "grantee_org", nullable = false)
    public String granteeOrg;

    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "group_id")
    public UUID groupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public String[] capabilities;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    public Reason closeReason;

    @Version
    public int version;

    public boolean involves(String org) {
        return org.equals(ownerOrg) || org.equals(granteeOrg);
    }

    /** Active and inside its window at {@code now}. */
    public boolean effectiveAt(OffsetDateTime now) {
        return status == Status.ACTIVE
                && (startsAt == null || !now.isBefore(startsAt))
                && (endsAt == null || now.isBefore(endsAt));
    }
}
