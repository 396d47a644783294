package io.devshare.notification.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

import io.devshare.common.keycloak.KeycloakAdminApi;
import io.devshare.common.keycloak.KeycloakPages;

/**
 * The admins of an organization, read from Keycloak (the source of truth, never a list kept here): the enabled
 * members with an email whose effective realm roles include {@code devshare.org-admins.role} ({@code org-admin}),
 * whether assigned directly, through a group or a composite role. Answers are cached per organization for
 * {@code devshare.org-admins.cache-ttl}. A failure to reach Keycloak fails the answer (and is not cached), so the
 * caller retries; only an organization Keycloak does not know has no admins.
 */
@ApplicationScoped
public class OrgAdminDirectory {

    /** Role look-ups in flight at once for one organization. */
    private static final int CONCURRENCY = 4;

    private final KeycloakAdminApi api;
    private final String adminRole;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    OrgAdminDirectory(
            @RestClient KeycloakAdminApi api,
            @ConfigProperty(name = "devshare.org-admins.role", defaultValue = "org-admin") String adminRole,
            @ConfigProperty(name = "devshare.org-admins.cache-ttl", defaultValue = "60S") Duration ttl) {
        this(api, adminRole, ttl, System::nanoTime);
    }

    OrgAdminDirectory(KeycloakAdminApi api, String adminRole, Duration ttl, LongSupplier clock) {
        this.api = api;
        this.adminRole = adminRole;
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    /** The email addresses of the organization's admins, in member order; empty for an unknown organization. */
    public Uni<List<String>> adminEmails(String orgId) {
        if (orgId == null || orgId.isBlank()) {
            return Uni.createFrom().item(List.of());
        }
        Cached cached = cache.get(orgId);
        if (cached != null && clock.getAsLong() - cached.loadedAt() < ttlNanos) {
            return Uni.createFrom().item(cached.emails());
        }
        return load(orgId).invoke(emails -> {
            long now = clock.getAsLong();
            cache.values().removeIf(c -> now - c.loadedAt() >= ttlNanos);
            cache.put(orgId, new Cached(emails, now));
        });
    }

    private Uni<List<String>> load(String orgId) {
        return members(orgId).chain(candidates -> {
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(List.<String>of());
            }
            List<KeycloakAdminApi.MemberRepresentation> list = new ArrayList<>(candidates.values());
            List<Uni<Boolean>> checks = list.stream().map(m -> isAdmin(m.id())).toList();
            return Uni.join()
                    .all(checks)
                    .usingConcurrencyOf(CONCURRENCY)
                    .andFailFast()
                    .map(admin -> {
                        List<String> emails = new ArrayList<>();
                        for (int i = 0; i < list.size(); i++) {
                            if (admin.get(i)) {
                                emails.add(list.get(i).email().strip());
                            }
                        }
                        return List.copyOf(emails);
                    });
        });
    }

    /** Every page of the members (none for an unknown organization); the enabled ones with an email, by user id. */
    private Uni<Map<String, KeycloakAdminApi.MemberRepresentation>> members(String orgId) {
        return KeycloakPages.all(first -> api.members(orgId, first, KeycloakPages.SIZE)
                        .onFailure(OrgAdminDirectory::notFound)
                        .recoverWithItem(List.of()))
                .map(all -> {
                    Map<String, KeycloakAdminApi.MemberRepresentation> byId = new LinkedHashMap<>();
                    for (KeycloakAdminApi.MemberRepresentation m : all) {
                        if (m.id() != null
                                && Boolean.TRUE.equals(m.enabled())
                                && m.email() != null
                                && !m.email().isBlank()) {
                            byId.putIfAbsent(m.id(), m);
                        }
                    }
                    return byId;
                });
    }

    private Uni<Boolean> isAdmin(String userId) {
        return api.effectiveRealmRoles(userId, true)
                .map(roles -> roles.stream().anyMatch(r -> adminRole.equals(r.name())))
                .onFailure(OrgAdminDirectory::notFound)
                .recoverWithItem(false);
    }

    private static boolean notFound(Throwable t) {
        return t instanceof WebApplicationException e
                && e.getResponse() != null
                && e.getResponse().getStatus() == 404;
    }

    private record Cached(List<String> emails, long loadedAt) {}
}
