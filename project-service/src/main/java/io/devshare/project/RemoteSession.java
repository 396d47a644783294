package io.devshare.project;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A short-lived remote session on a project device: opened, joined by the device, closed or expired. */
@Entity
@Table(name = "remote_session")
public class RemoteSession {

    public enum CloseReason {
        CLOSED,
        EXPIRED,
        DEVICE_UNASSIGNED
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

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_by_name")
    public String openedByName;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "joined_at")
    public OffsetDateTime joinedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    public CloseReason closeReason;

    /** OPEN (waiting for the device), JOINED, or CLOSED. */
    public String status() {
        return closedAt != null ? "CLOSED" : joinedAt != null ? "JOINED" : "OPEN";
    }
}
