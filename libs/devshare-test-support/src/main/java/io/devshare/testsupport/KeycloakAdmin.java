package io.devshare.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The test Keycloak's admin API for realm {@code devshare}, as its master admin (local test servers only). */
public final class KeycloakAdmin {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;

    private KeycloakAdmin(String token) {
        this.token = token;
    }

    /** Logs in as the master realm's admin ({@code admin}/{@code admin}). */
    public static KeycloakAdmin login() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(
                        URI.create(TestServers.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return new KeycloakAdmin(body(r).get("access_token").asText());
    }

    /** Calls {@code /admin/realms/devshare<path>} with a JSON body (or none); fails on any status ≥ 300. */
    public HttpResponse<String> send(String method, String path, Object body) {
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

    /** Creates something and answers its id (from the Location header). */
    public String create(String path, Object body) {
        String location =
                send("POST", path, body).headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Reads something as JSON. */
    public JsonNode get(String path) {
        return body(send("GET", path, null));
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
}
