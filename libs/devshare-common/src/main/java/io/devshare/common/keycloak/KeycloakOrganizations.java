package io.devshare.common.keycloak;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/**
 * The realm's enabled organizations, looked up by alias (case-insensitive) or id in Keycloak (the source of truth),
 * through a cache of the whole list: a hit is answered for {@code ttl}; a miss re-reads Keycloak, at most once per
 * {@code missRefresh}, so an organization created after start-up is found, while unknown aliases cannot make it
 * hammer Keycloak. A failure to reach Keycloak fails the answer (and is not cached), so the caller retries.
 *
 * <p>A bean only in a service that sets {@code devshare.keycloak-admin.enabled=true} (and configures
 * {@link KeycloakAdminApi}); the times are {@code devshare.organizations.cache-ttl} and
 * {@code devshare.organizations.miss-refresh}. The service maps {@link Found} to its own domain type.
 */
@ApplicationScoped
@IfBuildProperty(name = "devshare.keycloak-admin.enabled", stringValue = "true")
public class KeycloakOrganizations {

    /** An organization as Keycloak has it. */
    public record Found(String id, String alias, String name) {}

    private final KeycloakAdminApi api;
    private final long ttlNanos;
    private final long missRefreshNanos;
    private final LongSupplier clock;
    private volatile Snapshot snapshot;

    @Inject
    public KeycloakOrganizations(
            @RestClient KeycloakAdminApi api,
            @ConfigProperty(name = "devshare.organizations.cache-ttl", defaultValue = "60S") Duration ttl,
            @ConfigProperty(name = "devshare.organizations.miss-refresh", defaultValue = "1S") Duration missRefresh) {
        this(api, ttl, missRefresh, System::nanoTime);
    }

    public KeycloakOrganizations(KeycloakAdminApi api, Duration ttl, Duration missRefresh, LongSupplier clock) {
        this.api = api;
        this.ttlNanos = ttl.toNanos();
        this.missRefreshNanos = missRefresh.toNanos();
        this.clock = clock;
    }

    /** The enabled organization with this alias (case-insensitive), if Keycloak has one. */
    public Uni<Optional<Found>> byAlias(String alias) {
        String key = alias.toLowerCase(Locale.ROOT);
        return lookup(s -> s.byAlias().get(key));
    }

    /** The enabled organization with this Keycloak id, if any. */
    public Uni<Optional<Found>> byId(String id) {
        return lookup(s -> s.byId().get(id));
    }

    private Uni<Optional<Found>> lookup(Function<Snapshot, Found> find) {
        Snapshot current = snapshot;
        if (current == null) {
            return reload().map(s -> Optional.ofNullable(find.apply(s)));
        }
        long age = clock.getAsLong() - current.loadedAt();
        Found cached = find.apply(current);
        if (cached != null && age < ttlNanos) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        if (cached == null && age < missRefreshNanos) {
            return Uni.createFrom().item(Optional.empty());
        }
        return reload().map(s -> Optional.ofNullable(find.apply(s)));
    }

    private Uni<Snapshot> reload() {
        return KeycloakPages.all(first -> api.organizations(first, KeycloakPages.SIZE, true))
                .map(all -> {
                    Snapshot s = snapshot(all, clock.getAsLong());
                    snapshot = s;
                    return s;
                });
    }

    private static Snapshot snapshot(List<KeycloakAdminApi.OrganizationRepresentation> all, long loadedAt) {
        Map<String, Found> byAlias = new HashMap<>();
        for (KeycloakAdminApi.OrganizationRepresentation o : all) {
            if (o.alias() != null && o.id() != null && !Boolean.FALSE.equals(o.enabled())) {
                byAlias.put(o.alias().toLowerCase(Locale.ROOT), new Found(o.id(), o.alias(), o.name()));
            }
        }
        Map<String, Found> byId = new HashMap<>();
        byAlias.values().forEach(o -> byId.put(o.id(), o));
        return new Snapshot(Map.copyOf(byAlias), Map.copyOf(byId), loadedAt);
    }

    private record Snapshot(Map<String, Found> byAlias, Map<String, Found> byId, long loadedAt) {}
}
