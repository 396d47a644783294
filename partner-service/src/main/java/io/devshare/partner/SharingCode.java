package io.devshare.partner;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organization's personal sharing code: a partner holding it may connect directly (the code is consent). */
@Entity
@Table(name = "sharing_code")
public class SharingCode {

    @Id
    @Column(name = "org_id")
    public String orgId;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
