package io.devshare.device;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The device licences of an organization: {@code size} set by a platform operator, {@code used} counted by
 * registrations and deletions in their own transactions, under a lock of this row.
 */
@Entity
@Table(name = "licence_pool")
public class LicencePool {

    @Id
    @Column(name = "org_alias")
    public String orgAlias;

    @Column(nullable = false)
    public int size;

    @Column(nullable = false)
    public int used;

    /** Keycloak user id of the operator who last set the size ({@code seed} for the migration's). */
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean exhausted() {
        return used >= size;
    }
}
