package io.devshare.sharing.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cheapest answer the service gives: the ceiling its benchmark compares the access check against. */
@Path("/ping")
@Tag(name = "Ping")
public class PingResource {

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Answers pong (no authentication, no I/O)")
    public String ping() {
        return "pong";
    }
}
