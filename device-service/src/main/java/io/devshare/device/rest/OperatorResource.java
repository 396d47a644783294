package io.devshare.device.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.common.problem.Problem;
import io.devshare.common.problem.ProblemException;
import io.devshare.device.service.LicenceService;

@Path("/operator/organizations/{org}/licences")
@Tag(name = "Operator", description = "Platform operators: licence pools of organizations")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    /** An organization alias as Keycloak allows it (the operator names organizations by alias). */
    private static final String ALIAS = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private final LicenceService service;
    private final JsonWebToken jwt;

    @Inject
    public OperatorResource(LicenceService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_OPERATOR)
    @Operation(
            summary = "Set the size of an organization's licence pool",
            description = "For platform operators (realm role platform-operator). Not below the licences in use."
                    + " Overrides the starting pool, also before the organization is first seen.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "fifty", value = Problems.POOL_SIZE)))
    @APIResponse(
            responseCode = "200",
            description = "The pool as it is now",
            content = @Content(examples = @ExampleObject(name = "pool", value = Problems.LICENCES)))
    @APIResponse(
            responseCode = "400",
            description = "A size outside 0..1000000, or not an organization alias",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Problems.INVALID)))
    @APIResponse(
            responseCode = "403",
            description = "Not a platform operator",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "forbidden", value = Problems.FORBIDDEN)))
    @APIResponse(
            responseCode = "409",
            description = "Smaller than the licences in use",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "in use", value = Problems.LICENCES_IN_USE)))
    public Uni<LicencesResponse> set(
            @Parameter(description = "The organization's alias", example = "acme") @PathParam("org") String org,
            @Valid @NotNull LicencePoolRequest request) {
        return service.set(alias(org), request.size(), jwt.getSubject()).map(LicencesResponse::of);
    }

    @GET
    @RolesAllowed(OrgContext.ROLE_OPERATOR)
    @Operation(summary = "An organization's licence pool, for platform operators")
    @APIResponse(
            responseCode = "200",
            description = "The pool; for an organization Devshare has not seen yet, the starting pool it will get",
            content = @Content(examples = @ExampleObject(name = "pool", value = Problems.LICENCES)))
    public Uni<LicencesResponse> get(
            @Parameter(description = "The organization's alias", example = "acme") @PathParam("org") String org) {
        return service.peek(alias(org)).map(LicencesResponse::of);
    }

    private static String alias(String org) {
        if (org == null || !org.matches(ALIAS)) {
            throw ProblemException.badRequest("org", "not an organization alias");
        }
        return org;
    }
}
