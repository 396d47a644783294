package io.devshare.partner.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.common.problem.Problem;
import io.devshare.partner.service.InvitationService;

@Path("/partnerships/invitations")
@Tag(name = "Invitations", description = "Invite an organization to become partners")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService service;
    private final OrgContext org;

    @Inject
    public InvitationResource(InvitationService service, OrgContext org) {
        this.service = service;
        this.org = org;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Invite an organization by its alias",
            description = "Creates a pending invitation and tells the notify addresses (or the invited organization's"
                    + " admins) by email.")
    @APIResponse(responseCode = "201", description = "Invitation created")
    @APIResponse(
            responseCode = "404",
            description = "No organization has that alias",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(
                                            name = "unknown alias",
                                            value =
                                                    "{\"type\":\"https://devshare.io/problems/not-found\",\"title\":\"Not found\","
                                                            + "\"status\":404,\"detail\":\"No organization has the alias 'nope'.\","
                                                            + "\"alias\":\"nope\"}")))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request; the problem names the field")
    @APIResponse(responseCode = "409", description = "An invitation between the two organizations is pending")
    @APIResponse(responseCode = "422", description = "An organization cannot invite itself")
    public Uni<RestResponse<InvitationResponse>> invite(@Valid @NotNull InviteRequest request, UriInfo uri) {
        return service.invite(
                        org.orgAlias(),
                        org.userId(),
                        request.partnerAlias(),
                        request.notifyEmailsOrEmpty(),
                        request.message())
                .map(invitation -> RestResponse.ResponseBuilder.<InvitationResponse>created(uri.getAbsolutePathBuilder()
                                .path(invitation.id.toString())
                                .build())
                        .entity(InvitationResponse.of(invitation))
                        .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "One invitation of the caller's organization (as inviter or invitee)")
    @APIResponse(responseCode = "200", description = "The invitation")
    @APIResponse(responseCode = "404", description = "No such invitation for your organization")
    public Uni<InvitationResponse> get(@PathParam("id") UUID id) {
        return service.visibleTo(org.orgAlias(), id).map(InvitationResponse::of);
    }
}
