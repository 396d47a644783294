package io.devshare.project;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A device working in a project, from its assignment until it is unassigned. Own devices have no grant; shared-in
 * devices name the grant (with assign-to-project) they are assigned through.
 */
@Entity
@Table(name = "assignment")
public class Assignment {

    /** Why a device left a project. */
    public enum Reason {
        MANUAL,
        ACCESS_ENDED,
        ACCESS_REDUCED,
        PROJECT_CLOSED,
        DEVICE_DELETED
    }

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String org;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;

    @Column(name = "assigned_at", nullable = false)
    public OffsetDateTime assignedAt;

    @Column(name = "unassigned_at")
    public OffsetDateTime unassignedAt;

    @Column(name = "unassigned_by")
    public String unassignedBy;

    @Enumerated(EnumType.STRING)
    public Reason reason;

    /** sharing-service's reason when access ended (EXPIRED, LEFT, MANUAL…). */
    @Column(name = "access_reason")
    public String accessReason;

    public boolean active() {
        return unassignedAt == null;
    }
}
