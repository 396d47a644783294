package io.devshare.project.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.common.problem.ProblemException;
import io.devshare.common.problem.RequestParams;
import io.devshare.project.Design;
import io.devshare.project.service.DesignService;
import io.devshare.project.service.Errors;

@Path("/internal")
@Tag(name = "Internal", description = "For Devshare services only (client credentials of devshare-services)")
@SecurityRequirement(name = "SecurityScheme")
public class InternalResource {

    private final DesignService designs;
    private final OrgContext org;

    @Inject
    public InternalResource(DesignService designs, OrgContext org) {
        this.designs = designs;
        this.org = org;
    }

    @GET
    @Path("transfers/{transferId}/content")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    @Operation(
            summary = "The bytes of a design transfer, for device-service to stream to the device",
            description = "Only for a services token; 404 unless the transfer is for that device and still pending or"
                    + " delivered. Content-Type as published; ETag is the SHA-256.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "403", description = "Not a services token")
    @APIResponse(responseCode = "404", description = "No such open transfer for this device")
    public Uni<Response> content(@PathParam("transferId") UUID transferId, @QueryParam("device") String device) {
        if (!org.isService()) {
            throw ProblemException.forbidden("Only Devshare services may read transfer content.");
        }
        UUID deviceId = RequestParams.uuid("device", device);
        if (deviceId == null) {
            throw ProblemException.badRequest("device", "required: the device the transfer is for");
        }
        return designs.content(transferId, deviceId).map(c -> {
            Design d = c.design();
            if (c.path() == null) {
                throw Errors.noSuchTransfer();
            }
            // A plain Response, so its writer is chosen at run time by the stored content type.
            return Response.ok(c.path().toFile(), d.contentType)
                    .header("Content-Length", d.size)
                    .header("ETag", "\"" + d.sha256 + "\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        });
    }
}
