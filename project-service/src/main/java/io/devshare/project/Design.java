package io.devshare.project;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A design file published to a project's devices; its bytes are on disk under {@code storagePath}. */
@Entity
@Table(name = "design")
public class Design {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String org;

    @Column(nullable = false)
    public String filename;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "storage_path", nullable = false)
    public String storagePath;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;
}
