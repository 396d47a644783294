package io.devshare.sharing.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The cheapest answers the service gives: the ceilings its benchmark compares the access check against. {@code
 * /ping} is bare; {@code /ping/authenticated} verifies the bearer token exactly as the access check does, so the
 * two show apart what the token costs and what the check itself costs. Both answer on the event loop (no worker
 * thread hand-off), like the check.
 *
 * <p>Not part of the production API: the resource exists only when {@code devshare.benchmark.endpoints=true}
 * ({@code DEVSHARE_BENCHMARK_ENDPOINTS=true}), which the benchmark scripts set when they start the service; read
 * when the service starts, so the same jar answers 404 here unless a benchmark asked for it.
 */
@Path("/ping")
@EndpointDisabled(name = "devshare.benchmark.endpoints", stringValue = "false", disableIfMissing = true)
@Tag(name = "Ping")
public class PingResource {

    @GET
    @PermitAll
    @NonBlocking
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Answers pong (no authentication, no I/O)")
    public String ping() {
        return "pong";
    }

    @GET
    @Path("authenticated")
    @Authenticated
    @NonBlocking
    @SecurityRequirement(name = "SecurityScheme")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Answers pong to any verified token (no I/O)")
    public String authenticated() {
        return "pong";
    }
}
