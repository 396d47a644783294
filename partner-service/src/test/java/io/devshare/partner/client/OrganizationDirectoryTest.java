package io.devshare.partner.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import io.devshare.partner.Organization;

import static org.assertj.core.api.Assertions.assertThat;

/** Cache rules of the directory, against an in-memory stand-in for Keycloak's admin API (unit test). */
class OrganizationDirectoryTest {

    private final List<KeycloakAdminApi.OrganizationRepresentation> orgs = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000);
    private final KeycloakAdminApi api = (first, max, brief) -> {
        calls.incrementAndGet();
        int to = Math.min(orgs.size(), first + max);
        return Uni.createFrom().item(first >= to ? List.of() : List.copyOf(orgs.subList(first, to)));
    };
    private final OrganizationDirectory directory =
            new OrganizationDirectory(api, Duration.ofSeconds(60), Duration.ofSeconds(1), now::get);

    private Organization lookup(String alias) {
        return directory.byAlias(alias).await().indefinitely().orElse(null);
    }

    @Test
    void findsByAliasIgnoringCaseAndSkipsDisabledOrganizations() {
        orgs.add(new KeycloakAdminApi.OrganizationRepresentation("1", "Acme Construction", "acme", true));
        orgs.add(new KeycloakAdminApi.OrganizationRepresentation("2", "Gone", "gone", false));
        assertThat(lookup("ACME")).isEqualTo(new Organization("1", "acme", "Acme Construction"));
        assertThat(lookup("gone")).isNull();
    }

    @Test
    void readsEveryPage() {
        for (int i = 0; i < 250; i++) {
            orgs.add(new KeycloakAdminApi.OrganizationRepresentation("id" + i, "Org " + i, "org" + i, true));
        }
        assertThat(lookup("org249")).isNotNull();
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void hitsAreCachedUntilTheTtlPasses() {
        orgs.add(new KeycloakAdminApi.OrganizationRepresentation("1", "Acme", "acme", true));
        lookup("acme");
        lookup("acme");
        assertThat(calls.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        lookup("acme");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aMissRereadsKeycloakButAtMostOncePerInterval() {
        orgs.add(new KeycloakAdminApi.OrganizationRepresentation("1", "Acme", "acme", true));
        assertThat(lookup("newco")).isNull();
        orgs.add(new KeycloakAdminApi.OrganizationRepresentation("2", "NewCo", "newco", true));
        assertThat(lookup("newco")).isNull(); // within the interval: no new read
        assertThat(calls.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(lookup("newco")).isEqualTo(new Organization("2", "newco", "NewCo"));
        assertThat(calls.get()).isEqualTo(2);
    }
}
