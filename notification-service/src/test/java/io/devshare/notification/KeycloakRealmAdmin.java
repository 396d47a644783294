package io.devshare.notification;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;
import io.devshare.testsupport.Tokens;

/**
 * Shapes a test organization's membership in the real test Keycloak beyond what {@code TestOrgs} creates: admins
 * who hold {@code org-admin} through a group, disabled admins. Uses the master admin (local test realm only).
 */
final class KeycloakRealmAdmin {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token = masterToken();

    /** A group whose members hold the realm role {@code role}. Answers its id. */
    String groupWithRole(String name, String role) {
        String groupId = idFromLocation(send("POST", "/groups", Map.of("name", name)));
        JsonNode roleRep = body(send("GET", "/roles/" + role, null));
        send("POST", "/groups/" + groupId + "/role-mappings/realm", List.of(roleRep));
        return groupId;
    }

    /** A new user with this email, member of {@code org}, optionally in a group and with direct realm roles. */
    String member(TestOrg org, String username, boolean enabled, String groupId, String... realmRoles) {
        String userId = idFromLocation(send(
                "POST",
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
                        List.of(Map.of("type", "password", "value", Tokens.PASSWORD, "temporary", false)))));
        for (String role : realmRoles) {
            JsonNode roleRep = body(send("GET", "/roles/" + role, null));
            send("POST", "/users/" + userId + "/role-mappings/realm", List.of(roleRep));
        }
        if (groupId != null) {
            send("PUT", "/users/" + userId + "/groups/" + groupId, null);
        }
        send("POST", "/organizations/" + org.id() + "/members", userId);
        return userId;
    }

    private static String masterToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(
                        URI.create(TestServers.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return body(r).get("access_token").asText();
    }

    private HttpResponse<String> send(String method, String path, Object body) {
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
