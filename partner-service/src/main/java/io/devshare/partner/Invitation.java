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

/** An invitation from one organization to another to become partners. */
@Entity
@Table(name = "invitation")
public class Invitation {

    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        CANCELLED,
        EXPIRED
    }

    @Id
    public UUID id;

    @Column(name = "inviter_org_id", nullable = false)
    public String inviterOrgId;

    @Column(name = "inviter_alias", nullable = false)
    public String inviterAlias;

    @Column(name = "inviter_name", nullable = false)
    public String inviterName;

    @Column(name = "invitee_org_id", nullable = false)
    public String inviteeOrgId;

    @Column(name = "invitee_alias", nullable = false)
    public String inviteeAlias;

    @Column(name = "invitee_name", nullable = false)
    public String inviteeName;

    /** Addresses the inviter asked to notify; empty means the invited organization's admins are told. */
    @Column(name = "notify_emails", nullable = false)
    public String[] notifyEmails = new String[0];

    public String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Keycloak user id of the admin who invited. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** Keycloak user id of who accepted, declined or cancelled it. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decline_reason")
    public String declineReason;

    /** The partnership an accepted invitation started. */
    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Version
    public int version;

    public boolean involves(String orgId) {
        return orgId.equals(inviterOrgId) || orgId.equals(inviteeOrgId);
    }

    /** Pending past its expiry counts as expired, even before the expiry job has marked it. */
    public Status effectiveStatus(OffsetDateTime now) {
        return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
    }

    public Organization inviter() {
        return new Organization(inviterOrgId, inviterAlias, inviterName);
    }

    public Organization invitee() {
        return new Organization(inviteeOrgId, inviteeAlias, inviteeName);
    }
}
