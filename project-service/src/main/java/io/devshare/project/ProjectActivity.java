package io.devshare.project;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One thing that happened in a project: a change, an assignment, a transfer step, a session step. */
@Entity
@Table(name = "project_activity")
public class ProjectActivity {

    public enum Type {
        PROJECT_CREATED,
        PROJECT_UPDATED,
        PROJECT_CLOSED,
        DEVICE_ASSIGNED,
        DEVICE_UNASSIGNED,
        DESIGN_PUBLISHED,
        TRANSFER_DELIVERED,
        TRANSFER_APPLIED,
        TRANSFER_FAILED,
        TRANSFER_CANCELLED,
        SESSION_OPENED,
        SESSION_JOINED,
        SESSION_CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "design_id")
    public UUID designId;

    @Column(name = "transfer_id")
    public UUID transferId;

    @Column(name = "session_id")
    public UUID sessionId;

    /** Keycloak user id of the person who acted; null for what events caused. */
    public String actor;

    public String reason;

    public String detail;
}
