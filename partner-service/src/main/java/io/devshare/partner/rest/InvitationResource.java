package io.devshare.partner.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import io.devshare.common.idempotency.Idempotency;
import io.devshare.common.org.OrgContext;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.Problem;
import io.devshare.common.problem.RequestParams;
import io.devshare.partner.Invitation;
import io.devshare.partner.service.InvitationService;

@Path("/partnerships/invitations")
@Tag(name = "Invitations", description = "Invite an organization to become partners; accept, decline or cancel")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService service;
    private final OrgContext org;
    private final Idempotency idempotency;

    @Inject
    public InvitationResource(InvitationService service, OrgContext org, Idempotency idempotency) {
        this.service = service;
        this.org = org;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Invite an organization by its alias",
            description = "Creates a pending invitation and tells the notify addresses (or, with none, the invited"
                    + " organization's admins) by email.")
    @APIResponse(responseCode = "201", description = "Invitation created; Location names it")
    @APIResponse(
            responseCode = "400",
            description = "Malformed or invalid request; the problem names each field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Problems.INVALID)))
    @APIResponse(
            responseCode = "404",
            description = "No organization has that alias",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown alias", value = Problems.UNKNOWN_ALIAS)))
    @APIResponse(
            responseCode = "409",
            description = "Already partners, or an invitation between the two is pending (either way)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(
                                        name = "the partner already invited you",
                                        value = Problems.PENDING_FROM_PARTNER),
                                @ExampleObject(name = "already partners", value = Problems.ALREADY_PARTNERS)
                            }))
    @APIResponse(
            responseCode = "422",
            description = "An organization cannot invite itself",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "self", value = Problems.SELF)))
    public Uni<RestResponse<InvitationResponse>> invite(
            @Valid @NotNull InviteRequest request,
            @Parameter(description = "Makes a retry safe: the same key and body answer the first response again")
                    @RestHeader(Idempotency.HEADER)
                    String idempotencyKey,
            UriInfo uri) {
        String orgAlias = org.orgAlias();
        return idempotency.run(
                orgAlias + " POST /partnerships/invitations",
                idempotencyKey,
                request,
                InvitationResponse.class,
                () -> service.invite(
                                orgAlias,
                                org.userId(),
                                request.partnerAlias(),
                                request.notifyEmailsOrEmpty(),
                                request.message())
                        .map(invitation -> RestResponse.ResponseBuilder.<InvitationResponse>created(
                                        uri.getAbsolutePathBuilder()
                                                .path(invitation.id.toString())
                                                .build())
                                .entity(view(invitation))
                                .build()));
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "List the invitations your organization received (incoming) or sent (outgoing)",
            description = "Newest first; pass nextCursor back as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "One page of invitations")
    @APIResponse(responseCode = "400", description = "Unknown direction or status, bad cursor or limit")
    public Uni<Page<InvitationResponse>> list(
            @Parameter(description = "incoming (default) or outgoing", example = "incoming") @QueryParam("direction")
                    String direction,
            @Parameter(description = "PENDING, ACCEPTED, DECLINED, CANCELLED or EXPIRED", example = "PENDING")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1 to 100 (default 20)", example = "20") @QueryParam("limit")
                    String limit) {
        InvitationService.Direction dir = direction == null
                ? InvitationService.Direction.INCOMING
                : RequestParams.enumValue("direction", direction, InvitationService.Direction.class);
        Invitation.Status st = RequestParams.enumValue("status", status, Invitation.Status.class);
        return service.list(org.orgAlias(), dir, st, PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(InvitationResource::view));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "One invitation of your organization (as inviter or invitee)")
    @APIResponse(responseCode = "200", description = "The invitation")
    @APIResponse(
            responseCode = "404",
            description = "No such invitation for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.NOT_FOUND)))
    public Uni<InvitationResponse> get(@PathParam("id") UUID id) {
        return service.visibleTo(org.orgAlias(), id).map(InvitationResource::view);
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Accept an invitation your organization received",
            description = "The two organizations become partners at once; either may then share devices with the"
                    + " other without further approval.")
    @APIResponse(responseCode = "200", description = "Accepted; partnershipId names the new partnership")
    @APIResponse(
            responseCode = "404",
            description = "Your organization was not invited (or no such invitation)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "Expired, cancelled or already decided; or already partners",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "expired", value = Problems.EXPIRED),
                                @ExampleObject(name = "decided", value = Problems.CLOSED)
                            }))
    public Uni<InvitationResponse> accept(@PathParam("id") UUID id) {
        return service.accept(org.orgAlias(), org.userId(), id).map(InvitationResource::view);
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline an invitation your organization received, optionally with a reason")
    @APIResponse(responseCode = "200", description = "Declined; the inviter is told")
    @APIResponse(
            responseCode = "404",
            description = "Your organization was not invited (or no such invitation)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "Expired, cancelled or already decided",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "decided", value = Problems.CLOSED)))
    public Uni<InvitationResponse> decline(@PathParam("id") UUID id, @Valid DeclineRequest request) {
        return service.decline(org.orgAlias(), org.userId(), id, request == null ? null : request.reason())
                .map(InvitationResource::view);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Withdraw an invitation your organization sent")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(
            responseCode = "404",
            description = "Your organization did not send it (or no such invitation)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "Expired or already decided",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "decided", value = Problems.CLOSED)))
    public Uni<InvitationResponse> cancel(@PathParam("id") UUID id) {
        return service.cancel(org.orgAlias(), org.userId(), id).map(InvitationResource::view);
    }

    private static InvitationResponse view(Invitation invitation) {
        return InvitationResponse.of(invitation, OffsetDateTime.now(ZoneOffset.UTC));
    }
}
