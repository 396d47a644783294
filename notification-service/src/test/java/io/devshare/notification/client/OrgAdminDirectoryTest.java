package io.devshare.notification.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import io.devshare.common.keycloak.KeycloakAdminApi;
import io.devshare.common.keycloak.KeycloakAdminApi.MemberRepresentation;
import io.devshare.common.keycloak.KeycloakAdminApi.RoleRepresentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who counts as an organization's admin, paging and caching, against an in-memory stand-in for Keycloak. */
class OrgAdminDirectoryTest {

    private final Map<String, List<MemberRepresentation>> members = new HashMap<>();
    private final Map<String, List<String>> roles = new HashMap<>();
    private final AtomicInteger memberCalls = new AtomicInteger();
    private final AtomicInteger roleCalls = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong now = new AtomicLong(1_000);

    private final KeycloakAdminApi api = new KeycloakAdminApi() {
        @Override
        public Uni<List<KeycloakAdminApi.OrganizationRepresentation>> organizations(int first, int max, boolean brief) {
            return Uni.createFrom().item(List.of());
        }

        @Override
        public Uni<List<MemberRepresentation>> members(String orgId, int first, int max) {
            memberCalls.incrementAndGet();
            if (down.get()) {
                return Uni.createFrom().failure(new ConnectException("Connection refused"));
            }
            List<MemberRepresentation> all = members.get(orgId);
            if (all == null) {
                return Uni.createFrom().failure(new WebApplicationException(404));
            }
            int to = Math.min(all.size(), first + max);
            return Uni.createFrom().item(first >= to ? List.of() : List.copyOf(all.subList(first, to)));
        }

        @Override
        public Uni<List<RoleRepresentation>> effectiveRealmRoles(String userId, boolean brief) {
            roleCalls.incrementAndGet();
            if (down.get()) {
                return Uni.createFrom().failure(new ConnectException("Connection refused"));
            }
            List<String> names = roles.get(userId);
            if (names == null) {
                return Uni.createFrom().failure(new WebApplicationException(404));
            }
            return Uni.createFrom()
                    .item(names.stream().map(n -> new RoleRepresentation(n, n)).toList());
        }
    };

    private final OrgAdminDirectory directory =
            new OrgAdminDirectory(api, "org-admin", Duration.ofSeconds(60), now::get);

    private List<String> admins(String orgId) {
        return directory.adminEmails(orgId).await().atMost(Duration.ofSeconds(5));
    }

    private void member(String orgId, String userId, String email, boolean enabled, String... realmRoles) {
        members.computeIfAbsent(orgId, k -> new ArrayList<>())
                .add(new MemberRepresentation(userId, userId, email, enabled));
        roles.put(userId, List.of(realmRoles));
    }

    @Test
    void adminsAreTheEnabledMembersWithAnEmailWhoseEffectiveRolesIncludeOrgAdmin() {
        member("acme", "a1", "admin@acme.example", true, "default-roles-devshare", "org-admin", "org-member");
        member("acme", "m1", "member@acme.example", true, "org-member");
        member("acme", "a2", "disabled@acme.example", false, "org-admin");
        member("acme", "a3", null, true, "org-admin");
        member("acme", "a4", "  ", true, "org-admin");
        member("acme", "a5", "second@acme.example", true, "org-admin");
        member("rentco", "r1", "admin@rentco.example", true, "org-admin");

        assertThat(admins("acme")).containsExactly("admin@acme.example", "second@acme.example");
        // Only the enabled members with an email are asked about: no role look-up for the others.
        assertThat(roleCalls.get()).isEqualTo(3);
    }

    @Test
    void readsEveryPageOfMembers() {
        for (int i = 0; i < 250; i++) {
            member("big", "u" + i, "u" + i + "@big.example", true, i == 249 ? "org-admin" : "org-member");
        }
        assertThat(admins("big")).containsExactly("u249@big.example");
        assertThat(memberCalls.get()).isEqualTo(3);
    }

    @Test
    void anOrganizationKeycloakDoesNotKnowHasNoAdminsAndAVanishedUserIsNoAdmin() {
        assertThat(admins("gone")).isEmpty();
        members.put("acme", List.of(new MemberRepresentation("deleted", "deleted", "deleted@acme.example", true)));
        assertThat(admins("acme")).isEmpty();
        assertThat(admins(null)).isEmpty();
    }

    @Test
    void anUnreachableKeycloakFailsTheAnswerAndTheFailureIsNotCached() {
        member("acme", "a1", "admin@acme.example", true, "org-admin");
        down.set(true);
        assertThatThrownBy(() -> admins("acme")).hasRootCauseInstanceOf(ConnectException.class);
        down.set(false);
        assertThat(admins("acme")).containsExactly("admin@acme.example");
    }

    @Test
    void anAdminFailureHalfwayFailsTheWholeAnswer() {
        member("acme", "a1", "admin@acme.example", true, "org-admin");
        member("acme", "a2", "other@acme.example", true, "org-admin");
        KeycloakAdminApi flaky = new KeycloakAdminApi() {
            @Override
            public Uni<List<KeycloakAdminApi.OrganizationRepresentation>> organizations(
                    int first, int max, boolean brief) {
                return Uni.createFrom().item(List.of());
            }

            @Override
            public Uni<List<MemberRepresentation>> members(String orgId, int first, int max) {
                return api.members(orgId, first, max);
            }

            @Override
            public Uni<List<RoleRepresentation>> effectiveRealmRoles(String userId, boolean brief) {
                return "a2".equals(userId)
                        ? Uni.createFrom().failure(new WebApplicationException(503))
                        : api.effectiveRealmRoles(userId, brief);
            }
        };
        OrgAdminDirectory d = new OrgAdminDirectory(flaky, "org-admin", Duration.ofSeconds(60), now::get);
        assertThatThrownBy(() -> d.adminEmails("acme").await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(WebApplicationException.class);
    }

    @Test
    void answersAreCachedPerOrganizationUntilTheTtlPasses() {
        member("acme", "a1", "admin@acme.example", true, "org-admin");
        member("rentco", "r1", "admin@rentco.example", true, "org-admin");
        admins("acme");
        admins("acme");
        admins("rentco");
        assertThat(memberCalls.get()).isEqualTo(2);

        member("acme", "a2", "new@acme.example", true, "org-admin");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(admins("acme")).containsExactly("admin@acme.example");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(admins("acme")).containsExactly("admin@acme.example", "new@acme.example");
        assertThat(memberCalls.get()).isEqualTo(3);
    }
}
