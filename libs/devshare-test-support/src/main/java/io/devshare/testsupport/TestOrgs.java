package io.devshare.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates fresh organizations (with an admin and a member) in the test Keycloak through its admin API, so each
 * test owns its data and no test depends on another's.
 */
public final class TestOrgs {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

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
        String admin = master();
        String orgId = idFromLocation(send(
                admin,
                "POST",
                "/organizations",
                Map.of(
                        "name",
                        name + " " + suffix,
                        "alias",
                        alias,
                        "enabled",
                        true,
                        "domains",
                        List.of(Map.of("name", domain, "verified", true)))));
        String adminUser = alias + "-admin";
        String memberUser = alias + "-member";
        addUser(admin, orgId, adminUser, domain, "org-admin");
        addUser(admin, orgId, memberUser, domain, "org-member");
        return new TestOrg(orgId, alias, name + " " + suffix, domain, adminUser, memberUser);
    }

    private static void addUser(String adminToken, String orgId, String username, String domain, String role) {
        String userId = idFromLocation(send(
                adminToken,
                "POST",
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
                        List.of(Map.of("type", "password", "value", Tokens.PASSWORD, "temporary", false)))));
        JsonNode roleRep = body(send(adminToken, "GET", "/roles/" + role, null));
        send(adminToken, "POST", "/users/" + userId + "/role-mappings/realm", List.of(roleRep));
        send(adminToken, "POST", "/organizations/" + orgId + "/members", userId);
    }

    private static String master() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(
                        URI.create(TestServers.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return body(r).get("access_token").asText();
    }

    private static HttpResponse<String> send(String token, String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return exchange(
                    HttpRequest.newBuilder(URI.create(TestServers.keycloakUrl() + "/admin/realms/devshare" + path))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .method(method, publisher));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r =
                    HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(
                        "Keycloak admin call " + r.request().uri() + " failed: " + r.statusCode() + " " + r.body());
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idFromLocation(HttpResponse<String> r) {
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
