package io.devshare.common.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens this replica has fully verified (signature, issuer, audience, expiry — by Quarkus OIDC), each with
 * the identity built from it, remembered until the token expires and at most {@code max-age}. Verifying a token
 * (signature, parsing, claims, roles) was most of the cost of a cheap request in every service, and callers reuse
 * their tokens — a service its client-credentials token for minutes, a console session its access token — so
 * verifying each once per replica instead of on every request removes it (sharing-service/README.md, Performance).
 *
 * <p>Only a token that passed verification is remembered, keyed by its exact text; a token that fails is verified
 * again on every request (and refused). Every hit checks the expiry again. {@code max-age} bounds how long a
 * token signed with a key the issuer has since withdrawn would still be accepted; Quarkus itself accepts such a
 * token until it refreshes the issuer's keys. The number of tokens is bounded ({@code max-size}); when full,
 * further tokens are simply verified each time.
 *
 * <p>Recording happens here, as the last identity augmentor, so the remembered identity carries every role and
 * attribute the normal path gives it; {@link VerifiedTokenAuthentication} answers from it.
 */
@ApplicationScoped
public class VerifiedTokens implements SecurityIdentityAugmentor {

    private record Entry(SecurityIdentity identity, long expiresAtMillis) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final long maxAgeMillis;
    private final int maxSize;
    private final LongSupplier clock;

    @Inject
    public VerifiedTokens(
            @ConfigProperty(name = "devshare.auth.verified-tokens.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "devshare.auth.verified-tokens.max-age", defaultValue = "PT5M") Duration maxAge,
            @ConfigProperty(name = "devshare.auth.verified-tokens.max-size", defaultValue = "2000") int maxSize) {
        this(enabled, maxAge, maxSize, System::currentTimeMillis);
    }

    VerifiedTokens(boolean enabled, Duration maxAge, int maxSize, LongSupplier clock) {
        this.enabled = enabled;
        this.maxAgeMillis = maxAge.toMillis();
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** Runs after every other augmentor: what it records is the identity exactly as the full path built it. */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remember(identity);
        return Uni.createFrom().item(identity);
    }

    /** Records a verified identity under its access token, unless disabled, full or already expired. */
    void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long expiresAt = Math.min(jwt.getExpirationTime() * 1000, now + maxAgeMillis);
        if (expiresAt <= now) {
            return;
        }
        if (entries.size() >= maxSize) {
            purgeExpired();
            if (entries.size() >= maxSize) {
                return;
            }
        }
        // The request's routing context is not kept: each hit gets its own (VerifiedTokenAuthentication).
        SecurityIdentity kept = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), null)
                .build();
        entries.put(credential.getToken(), new Entry(kept, expiresAt));
    }

    /** The identity of a token verified before and not expired since, or null (then it is verified in full). */
    public SecurityIdentity known(String token) {
        if (token == null) {
            return null;
        }
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (e.expiresAtMillis() <= clock.getAsLong()) {
            entries.remove(token, e);
            return null;
        }
        return e.identity();
    }

    public int size() {
        return entries.size();
    }

    @Scheduled(
            every = "${devshare.auth.verified-tokens.purge-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        long now = clock.getAsLong();
        entries.values().removeIf(e -> e.expiresAtMillis() <= now);
    }
}
