package io.devshare.device.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;

/**
 * Streams a design transfer's content from project-service's internal endpoint ({@code GET
 * /internal/transfers/{id}/content?device=}), called with the services' client-credentials token. The bytes are
 * passed through as they arrive, never held whole in memory.
 */
@ApplicationScoped
public class ProjectDesigns {

    private static final Logger LOG = Logger.getLogger(ProjectDesigns.class);
    private static final List<String> PASSED_HEADERS = List.of("Content-Type", "Content-Length", "ETag");

    /** What project-service answered: a status, the headers passed on, and the body as it streams. */
    public record Upstream(int status, Map<String, List<String>> headers, Multi<byte[]> body) {
        public boolean ok() {
            return status == 200;
        }
    }

    private final OidcClient oidc;
    private final HttpClient http;
    private final URI base;
    private volatile Tokens tokens;

    @Inject
    public ProjectDesigns(
            OidcClient oidc, Vertx vertx, @ConfigProperty(name = "devshare.project-service.url") URI base) {
        this.oidc = oidc;
        this.http = vertx.createHttpClient();
        this.base = base;
    }

    public Uni<Upstream> open(UUID transferId, UUID deviceId) {
        return token().chain(token -> {
                    RequestOptions options = new RequestOptions()
                            .setMethod(HttpMethod.GET)
                            .setAbsoluteURI(
                                    base.resolve("/internal/transfers/" + transferId + "/content?device=" + deviceId)
                                            .toString())
                            .putHeader("Authorization", "Bearer " + token)
                            .setTimeout(30_000);
                    return http.request(options).chain(req -> req.send());
                })
                .map(this::upstream)
                .onFailure()
                .recoverWithItem(t -> {
                    LOG.warnf("project-service unreachable for transfer %s: %s", transferId, t.toString());
                    return new Upstream(503, Map.of(), Multi.createFrom().empty());
                });
    }

    private Upstream upstream(HttpClientResponse response) {
        if (response.statusCode() != 200) {
            // The body (a problem) is not passed on: the caller answers with its own.
            response.end().subscribe().with(v -> {}, t -> {});
            return new Upstream(
                    response.statusCode(), Map.of(), Multi.createFrom().empty());
        }
        // Paused until the answer to the device subscribes (and asks for bytes as it can send them).
        response.pause();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h : PASSED_HEADERS) {
            String v = response.getHeader(h);
            if (v != null) {
                headers.put(h, List.of(v));
            }
        }
        return new Upstream(200, headers, response.toMulti().map(Buffer::getBytes));
    }

    /** The services' access token, reused until it is close to expiry. */
    private Uni<String> token() {
        Tokens t = tokens;
        if (t != null && !t.isAccessTokenExpired() && !t.isAccessTokenWithinRefreshInterval()) {
            return Uni.createFrom().item(t.getAccessToken());
        }
        return oidc.getTokens().invoke(fresh -> tokens = fresh).map(Tokens::getAccessToken);
    }
}
