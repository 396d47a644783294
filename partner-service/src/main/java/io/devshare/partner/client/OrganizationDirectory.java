package io.devshare.partner.client;

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

import io.smallrye.mutiny.Uni;

import io.devshare.partner.Organization;

/**
 * Looks organizations up by alias in Keycloak (the source of truth), through a short-lived cache of the whole
 * list. A miss re-reads Keycloak (at most once per {@code devshare.organizations.miss-refresh}), so an organization
 * created after start-up is found, while unknown aliases cannot make it hammer Keycloak.
 */
@ApplicationScoped
public class OrganizationDirectory {

    private static final int PAGE = 100;

    private final KeycloakAdminApi api;
    private final long ttlNanos;
    private final long missRefreshNanos;
    private final LongSupplier clock;
    private volatile Snapshot snapshot;

    @Inject
    OrganizationDirectory(
            @RestClient KeycloakAdminApi api,
            @ConfigProperty(name = "devshare.organizations.cache-ttl", defaultValue = "60S") Duration ttl,
            @ConfigProperty(name = "devshare.organizations.miss-refresh", defaultValue = "1S") Duration missRefresh) {
        this(api, ttl, missRefresh, System::nanoTime);
    }

    OrganizationDirectory(KeycloakAdminApi api, Duration ttl, Duration missRefresh, LongSupplier clock) {
        this.api = api;
        this.ttlNanos = ttl.toNanos();
        this.missRefreshNanos = missRefresh.toNanos();
        this.clock = clock;
    }

    /** The enabled organization with this alias (case-insensitive), if Keycloak has one. */
    public Uni<Optional<Organization>> byAlias(String alias) {
        String key = alias.toLowerCase(Locale.ROOT);
        return lookup(s -> s.byAlias().get(key));
    }

    /** The enabled organization with this Keycloak id, if any. */
    public Uni<Optional<Organization>> byId(String id) {
        return lookup(s -> s.byId().get(id));
    }

    private Uni<Optional<Organization>> lookup(Function<Snapshot, Organization> find) {
        Snapshot current = snapshot;
        if (current == null) {
            return reload().map(s -> Optional.ofNullable(find.apply(s)));
        }
        long age = clock.getAsLong() - current.loadedAt();
        Organization cached = find.apply(current);
        if (cached != null && age < ttlNanos) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        if (cached == null && age < missRefreshNanos) {
            return Uni.createFrom().item(Optional.empty());
        }
        return reload().map(s -> Optional.ofNullable(find.apply(s)));
    }

    private Uni<Snapshot> reload() {
        return loadFrom(0, new HashMap<>()).map(all -> {
            Map<String, Organization> ids = new HashMap<>();
            all.values().forEach(o -> ids.put(o.id(), o));
            Snapshot s = new Snapshot(Map.copyOf(all), Map.copyOf(ids), clock.getAsLong());
            snapshot = s;
            return s;
        });
    }

    private Uni<Map<String, Organization>> loadFrom(int first, Map<String, Organization> acc) {
        return api.organizations(first, PAGE, true).chain(page -> {
            add(page, acc);
            return page.size() < PAGE ? Uni.createFrom().item(acc) : loadFrom(first + PAGE, acc);
        });
    }

    private static void add(List<KeycloakAdminApi.OrganizationRepresentation> page, Map<String, Organization> acc) {
        for (KeycloakAdminApi.OrganizationRepresentation o : page) {
            if (o.alias() != null && !Boolean.FALSE.equals(o.enabled())) {
                acc.put(o.alias().toLowerCase(Locale.ROOT), new Organization(o.id(), o.alias(), o.name()));
            }
        }
    }

    private record Snapshot(Map<String, Organization> byAlias, Map<String, Organization> byId, long loadedAt) {}
}
