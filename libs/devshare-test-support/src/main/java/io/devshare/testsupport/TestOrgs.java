package io.devshare.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates fresh organizations (with an admin and a member) in the test Keycloak through its admin API, so each
 * test owns its data and no test depends on another's.
 */
public final class TestOrgs {

    private TestOrgs() {}

    /** An organization created for a test, with its admin's and member's usernames (password "devshare"). */
    public record TestOrg(String id, String alias, String name, String domain, String admin, String member) {

        public String adminToken() {
            return Tokens.of(admin);
        }

        public String memberToken() {
            return Tokens.of(member);
        }

        public String adminEmail() {
            return admin + "@" + domain;
        }
    }

    /** A new organization whose alias starts with {@code prefix}; its display name is {@code name}. */
    public static TestOrg create(String prefix, String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String alias = prefix + "-" + suffix;
        String domain = alias + ".example";
        KeycloakAdmin admin = KeycloakAdmin.login();
        String orgId = admin.create(
                "/organizations",
                Map.of(
                        "name",
                        name + " " + suffix,
                        "alias",
                        alias,
                        "enabled",
                        true,
                        "domains",
                        List.of(Map.of("name", domain, "verified", true))));
        String adminUser = alias + "-admin";
        String memberUser = alias + "-member";
        addUser(admin, orgId, adminUser, domain, "org-admin");
        addUser(admin, orgId, memberUser, domain, "org-member");
        return new TestOrg(orgId, alias, name + " " + suffix, domain, adminUser, memberUser);
    }

    /** A user of the organization, with a password and a realm role; answers its id. */
    public static String addUser(KeycloakAdmin admin, String orgId, String username, String domain, String role) {
        String userId = admin.create(
                "/users",
                Map.of(
                        "username",
                        username,
                        "email",
                        username + "@" + domain,
                        "firstName",
                        "Test",
                        "lastName",
                        username,
                        "enabled",
                        true,
                        "emailVerified",
                        true,
                        "credentials",
                        List.of(Map.of("type", "password", "value", Tokens.PASSWORD, "temporary", false))));
        if (role != null) {
            admin.send("POST", "/users/" + userId + "/role-mappings/realm", List.of(admin.get("/roles/" + role)));
        }
        admin.send("POST", "/organizations/" + orgId + "/members", userId);
        return userId;
    }
}
