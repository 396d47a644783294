package io.devshare.device.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The cheapest answers device-service gives: the ceilings its list benchmark ({@code benchmarks/device-list.sh})
 * prints beside {@code GET /devices}. {@code /ping} is bare; {@code /ping/authenticated} verifies the bearer token
 * as every list request does. Both answer on the event loop, like the list.
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
    @APIResponse(
            responseCode = "200",
            description = "pong",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_PLAIN,
                            examples = @ExampleObject(name = "pong", value = "pong")))
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
    @APIResponse(
            responseCode = "200",
            description = "pong",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_PLAIN,
                            examples = @ExampleObject(name = "pong", value = "pong")))
    public String authenticated() {
        return "pong";
    }
}
