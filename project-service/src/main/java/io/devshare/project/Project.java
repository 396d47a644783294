package io.devshare.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A project of an organization: a site (address and/or polygon), dates and a status. */
@Entity
@Table(name = "project")
public class Project {

    public enum Status {
        PLANNED,
        ACTIVE,
        CLOSED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String org;

    @Column(nullable = false)
    public String name;

    public String address;

    /** The site as a GeoJSON Polygon (JSON text), validated on the way in. */
    public String polygon;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Version
    public int version;

    public boolean closed() {
        return status == Status.CLOSED;
    }
}
