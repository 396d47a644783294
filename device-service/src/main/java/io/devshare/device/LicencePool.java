package io.devshare.device;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The device licences of an organization: {@code size} set by a platform operator (or the starting pool it got when
 * first seen), {@code used} counted by
 * registrations and deletions in their own transactions, under a lock of this row.
 */
@Entity
@Table(name = "licence_pool")
public class LicencePool {

    /** The largest pool an operator (or the starting pool) may set. */
    public static final int MAX_SIZE = 1_000_000;

    @Id
    @Column(name = "org_alias")
    public String orgAlias;

    @Column(nullable = false)
    public int size;

    @Column(nullable = false)
    public int used;

    /**
     * Keycloak user id of the operator who last set the size; {@code seed} for the migration's, {@code starting-pool}
     * for the starting pool an organization got when first seen.
     */
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean exhausted() {
        return used >= size;
    }
}
