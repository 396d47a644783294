package io.devshare.sharing;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a grant: who did what, when and why. */
@Entity
@Table(name = "grant_history")
public class GrantHistory {

    public enum Action {
        GRANTED,
        UPDATED,
        REVOKED,
        LEFT,
        EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "grant_id", nullable = false)
    public UUID grantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    /** Keycloak user id, or null for the system (expiry, partnership ended, device deleted). */
    public String actor;

    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    @Column(nullable = false)
    public OffsetDateTime at;

    public static GrantHistory of(Grant g, Action action, String actor, String reason, OffsetDateTime at) {
        GrantHistory h = new GrantHistory();
        h.grantId = g.id;
        h.action = action;
        h.actor = actor;
        h.reason = reason;
        h.role = g.role;
        h.startsAt = g.startsAt;
        h.endsAt = g.endsAt;
        h.at = at;
        return h;
    }
}
