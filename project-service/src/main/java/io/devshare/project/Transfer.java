package io.devshare.project;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One delivery of a design to one device. */
@Entity
@Table(name = "transfer")
public class Transfer {

    public enum Status {
        PENDING,
        DELIVERED,
        APPLIED,
        FAILED,
        CANCELLED;

        /** Still waiting for the device (its content may be fetched). */
        public boolean open() {
            return this == PENDING || this == DELIVERED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "design_id", nullable = false)
    public UUID designId;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String org;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String message;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
