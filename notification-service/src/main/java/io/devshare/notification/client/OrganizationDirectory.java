package io.devshare.notification.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

import io.devshare.notification.events.OrgRef;

/**
 * Organizations by alias, read from Keycloak (sharing- and project-events name organizations by alias only; mails
 * need the display name and the Keycloak id for the admins). The whole list is cached for
 * {@code devshare.organizations.cache-ttl}; a miss re-reads it at most once per
 * {@code devshare.organizations.miss-refresh}. A failure to reach Keycloak fails the answer, so the caller retries.
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

    /**
     * The organization with this alias as an {@link OrgRef}: with its id and name when Keycloak knows it, else the
     * alias alone (no admins can be found for it, its contacts still can).
     */
    public Uni<OrgRef> byAlias(String alias) {
        if (alias == null || alias.isBlank()) {
            return Uni.createFrom().item(new OrgRef(null, null, null));
        }
        String key = alias.toLowerCase(Locale.ROOT);
        return lookup(key).map(found -> found.orElse(new OrgRef(null, alias, null)));
    }

    private Uni<Optional<OrgRef>> lookup(String key) {
        Snapshot current = snapshot;
        if (current == null) {
            return reload().map(s -> Optional.ofNullable(s.byAlias().get(key)));
        }
        long age = clock.getAsLong() - current.loadedAt();
        OrgRef cached = current.byAlias().get(key);
        if (cached != null && age < ttlNanos) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        if (cached == null && age < missRefreshNanos) {
            return Uni.createFrom().item(Optional.empty());
        }
        return reload().map(s -> Optional.ofNullable(s.byAlias().get(key)));
    }

    private Uni<Snapshot> reload() {
        return loadFrom(0, new HashMap<>()).map(all -> {
            Snapshot s = new Snapshot(Map.copyOf(all), clock.getAsLong());
            snapshot = s;
            return s;
        });
    }

    private Uni<Map<String, OrgRef>> loadFrom(int first, Map<String, OrgRef> acc) {
        return api.organizations(first, PAGE, true).chain(page -> {
            add(page, acc);
            return page.size() < PAGE ? Uni.createFrom().item(acc) : loadFrom(first + PAGE, acc);
        });
    }

    private static void add(List<KeycloakAdminApi.OrganizationRepresentation> page, Map<String, OrgRef> acc) {
        for (KeycloakAdminApi.OrganizationRepresentation o : page) {
            if (o.alias() != null && o.id() != null && !Boolean.FALSE.equals(o.enabled())) {
                acc.put(o.alias().toLowerCase(Locale.ROOT), new OrgRef(o.id(), o.alias(), o.name()));
            }
        }
    }

    private record Snapshot(Map<String, OrgRef> byAlias, long loadedAt) {}
}
