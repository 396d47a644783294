package io.devshare.partner;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Two organizations that may share devices with each other, without further approval, until either ends it. */
@Entity
@Table(name = "partnership")
public class Partnership {

    public enum Status {
        ACTIVE,
        ENDED
    }

    public enum Via {
        INVITATION,
        SHARING_CODE
    }

    @Id
    public UUID id;

    @Column(name = "org_a_id", nullable = false)
    public String orgAId;

    @Column(name = "org_a_alias", nullable = false)
    public String orgAAlias;

    @Column(name = "org_a_name", nullable = false)
    public String orgAName;

    @Column(name = "org_b_id", nullable = false)
    public String orgBId;

    @Column(name = "org_b_alias", nullable = false)
    public String orgBAlias;

    @Column(name = "org_b_name", nullable = false)
    public String orgBName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Via via;

    @Column(name = "invitation_id")
    public UUID invitationId;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "ended_by_org")
    public String endedByOrg;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Version
    public int version;

    /** A new active partnership of two different organizations, stored in canonical (id) order. */
    public static Partnership between(Organization one, Organization other) {
        Partnership p = new Partnership();
        p.id = UUID.randomUUID();
        boolean oneFirst = one.id().compareTo(other.id()) < 0;
        Organization a = oneFirst ? one : other;
        Organization b = oneFirst ? other : one;
        p.orgAId = a.id();
        p.orgAAlias = a.alias();
        p.orgAName = a.name();
        p.orgBId = b.id();
        p.orgBAlias = b.alias();
        p.orgBName = b.name();
        p.status = Status.ACTIVE;
        return p;
    }

    public boolean involves(String orgId) {
        return orgId.equals(orgAId) || orgId.equals(orgBId);
    }

    public Organization orgA() {
        return new Organization(orgAId, orgAAlias, orgAName);
    }

    public Organization orgB() {
        return new Organization(orgBId, orgBAlias, orgBName);
    }

    /** The other organization of the partnership, seen from {@code orgId}. */
    public Organization partnerOf(String orgId) {
        return orgId.equals(orgAId) ? orgB() : orgA();
    }
}
