package io.devshare.project.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.common.problem.ProblemException;
import io.devshare.common.problem.RequestParams;
import io.devshare.project.service.ImpactService;

@Path("/projects/impact")
@Tag(name = "Projects")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ImpactResource {

    private final ImpactService impact;
    private final OrgContext org;

    @Inject
    public ImpactResource(ImpactService impact, OrgContext org) {
        this.impact = impact;
        this.org = org;
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "What ending a grant would take from the grantee's projects",
            description = "Before a revoke or a give-back: the grantee's projects that would lose a device of the"
                    + " grant, the open remote sessions on it that would close (and who opened them), the designs on"
                    + " their way to it that would be cancelled, and the grantee's people concerned. Changes"
                    + " nothing. The grantee asks about its own projects; the owner about the devices of the grant it"
                    + " owns. The grant's devices are the ones sharing-events named for it.")
    @APIResponse(responseCode = "200", description = "The effect, each list bounded by limit")
    @APIResponse(responseCode = "400", description = "grant missing or not a UUID; limit out of range")
    @APIResponse(
            responseCode = "404",
            description = "An unknown grant, or one your organization neither owns a device of nor received")
    public Uni<ImpactResponse> ofGrant(
            @Parameter(description = "The grant (sharing-service's id)", required = true) @QueryParam("grant")
                    String grant,
            @Parameter(description = "Entries per list, 1 to 100, default 20") @QueryParam("limit") String limit) {
        UUID grantId = RequestParams.uuid("grant", grant);
        if (grantId == null) {
            throw ProblemException.badRequest("grant", "required");
        }
        return impact.ofGrant(org.orgAlias(), grantId, RequestParams.limit(limit, 20, 100))
                .map(ImpactResponse::of);
    }
}
