package io.devshare.common.keycloak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import io.devshare.common.keycloak.KeycloakAdminApi.MemberRepresentation;
import io.devshare.common.keycloak.KeycloakAdminApi.OrganizationRepresentation;
import io.devshare.common.keycloak.KeycloakAdminApi.RoleRepresentation;
import io.devshare.common.keycloak.KeycloakOrganizations.Found;

import static org.assertj.core.api.Assertions.assertThat;

/** Cache rules of the organization look-ups, against an in-memory stand-in for Keycloak's admin API (unit test). */
class KeycloakOrganizationsTest {

    private final List<OrganizationRepresentation> orgs = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000);
    private final KeycloakAdminApi api = new KeycloakAdminApi() {
        @Override
        public Uni<List<OrganizationRepresentation>> organizations(int first, int max, boolean brief) {
            calls.incrementAndGet();
            int to = Math.min(orgs.size(), first + max);
            return Uni.createFrom().item(first >= to ? List.of() : List.copyOf(orgs.subList(first, to)));
        }

        @Override
        public Uni<List<MemberRepresentation>> members(String orgId, int first, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<List<RoleRepresentation>> effectiveRealmRoles(String userId, boolean brief) {
            throw new UnsupportedOperationException();
        }
    };
    private final KeycloakOrganizations directory =
            new KeycloakOrganizations(api, Duration.ofSeconds(60), Duration.ofSeconds(1), now::get);

    private Found lookup(String alias) {
        return directory.byAlias(alias).await().indefinitely().orElse(null);
    }

    @Test
    void findsByAliasIgnoringCaseAndSkipsDisabledOrganizations() {
        orgs.add(new OrganizationRepresentation("1", "Acme Construction", "acme", true));
        orgs.add(new OrganizationRepresentation("2", "Gone", "gone", false));
        assertThat(lookup("ACME")).isEqualTo(new Found("1", "acme", "Acme Construction"));
        assertThat(lookup("gone")).isNull();
    }

    @Test
    void findsById() {
        orgs.add(new OrganizationRepresentation("1", "Acme Construction", "acme", true));
        assertThat(directory.byId("1").await().indefinitely()).contains(new Found("1", "acme", "Acme Construction"));
        assertThat(directory.byId("2").await().indefinitely()).isEmpty();
    }

    @Test
    void readsEveryPage() {
        for (int i = 0; i < 250; i++) {
            orgs.add(new OrganizationRepresentation("id" + i, "Org " + i, "org" + i, true));
        }
        assertThat(lookup("org249")).isNotNull();
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void hitsAreCachedUntilTheTtlPasses() {
        orgs.add(new OrganizationRepresentation("1", "Acme", "acme", true));
        lookup("acme");
        lookup("acme");
        assertThat(calls.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        lookup("acme");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aMissRereadsKeycloakButAtMostOncePerInterval() {
        orgs.add(new OrganizationRepresentation("1", "Acme", "acme", true));
        assertThat(lookup("newco")).isNull();
        orgs.add(new OrganizationRepresentation("2", "NewCo", "newco", true));
        assertThat(lookup("newco")).isNull(); // within the interval: no new read
        assertThat(calls.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(lookup("newco")).isEqualTo(new Found("2", "newco", "NewCo"));
        assertThat(calls.get()).isEqualTo(2);
    }
}
