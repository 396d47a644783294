package io.devshare.device.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.device.service.LicenceService;

@Path("/licences")
@Tag(name = "Licences", description = "Your organization's device licences")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class LicenceResource {

    private final LicenceService service;
    private final OrgContext org;

    @Inject
    public LicenceResource(LicenceService service, OrgContext org) {
        this.service = service;
        this.org = org;
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "Your organization's licence pool: its size and how many licences are in use",
            description = "Each registered device uses one licence; devices shared with you use none. A new"
                    + " organization starts with the configured starting pool (devshare.licences.starting-pool, 10 by"
                    + " default); the platform operator sets any other size.")
    @APIResponse(
            responseCode = "200",
            description = "The pool",
            content = @Content(examples = @ExampleObject(name = "pool", value = Problems.LICENCES)))
    public Uni<LicencesResponse> get() {
        return service.of(org.orgAlias()).map(LicencesResponse::of);
    }
}
