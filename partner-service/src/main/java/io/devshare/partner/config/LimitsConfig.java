package io.devshare.partner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on the actions that make notification-service send email, per inviting organization, counted in PostgreSQL
 * across replicas ({@code io.devshare.common.limits.RateLimiter}). Beyond them the action is answered 429 with
 * {@code Retry-After} and nothing is stored or published.
 */
@ConfigMapping(prefix = "devshare.limits")
public interface LimitsConfig {

    /** Off: no invitation limit is counted or enforced (the sharing-code throttle is not affected). */
    @WithDefault("true")
    boolean enabled();

    /** Invitations an organization may send per clock hour (each one emails its notify addresses or admins). */
    @WithDefault("20")
    int invitationsPerHour();

    /** Addresses an organization may name in {@code notifyEmails} per UTC day, over all its invitations. */
    @WithDefault("100")
    int notifyAddressesPerDay();
}
