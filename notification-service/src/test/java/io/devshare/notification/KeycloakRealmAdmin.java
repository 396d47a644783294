package io.devshare.notification;

import java.util.List;
import java.util.Map;

import io.devshare.testsupport.KeycloakAdmin;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

/**
 * Shapes a test organization's membership in the real test Keycloak beyond what {@code TestOrgs} creates: admins
 * who hold {@code org-admin} through a group, disabled admins. Uses the master admin (local test realm only).
 */
final class KeycloakRealmAdmin {

    private final KeycloakAdmin admin = KeycloakAdmin.login();

    /** A group whose members hold the realm role {@code role}. Answers its id. */
    String groupWithRole(String name, String role) {
        String groupId = admin.create("/groups", Map.of("name", name));
        admin.send("POST", "/groups/" + groupId + "/role-mappings/realm", List.of(admin.get("/roles/" + role)));
        return groupId;
    }

    /** A new user with this email, member of {@code org}, optionally in a group and with direct realm roles. */
    String member(TestOrg org, String username, boolean enabled, String groupId, String... realmRoles) {
        String userId = admin.create(
                "/users",
                Map.of(
                        "username",
                        username,
                        "email",
                        username + "@" + org.domain(),
                        "firstName",
                        "Test",
                        "lastName",
                        username,
                        "enabled",
                        enabled,
                        "emailVerified",
                        true,
                        "credentials",
                        List.of(Map.of("type", "password", "value", Tokens.PASSWORD, "temporary", false))));
        for (String role : realmRoles) {
            admin.send("POST", "/users/" + userId + "/role-mappings/realm", List.of(admin.get("/roles/" + role)));
        }
        if (groupId != null) {
            admin.send("PUT", "/users/" + userId + "/groups/" + groupId, null);
        }
        admin.send("POST", "/organizations/" + org.id() + "/members", userId);
        return userId;
    }
}
