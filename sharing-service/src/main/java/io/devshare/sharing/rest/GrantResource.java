package io.devshare.sharing.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import io.devshare.common.problem.ProblemException;
import io.devshare.common.problem.RequestParams;
import io.devshare.sharing.Grant;
import io.devshare.sharing.GrantHistory;
import io.devshare.sharing.Role;
import io.devshare.sharing.service.GrantService;

@Path("/grants")
@Tag(name = "Grants", description = "Share devices or a device group with a partner; change, revoke, leave")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class GrantResource {

    private final GrantService grants;
    private final OrgContext org;
    private final Idempotency idempotency;

    @Inject
    public GrantResource(GrantService grants, OrgContext org, Idempotency idempotency) {
        this.grants = grants;
        this.org = org;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Share devices or a device group with a partner",
            description = "Needs an active partnership and ownership of every device (or the group). Uses no licence"
                    + " of the partner. A group is shared with one organization at a time.")
    @APIResponse(responseCode = "201", description = "Shared")
    @APIResponse(responseCode = "400", description = "Invalid request; the problem names each field")
    @APIResponse(responseCode = "404", description = "A device or the group is not your organization's")
    @APIResponse(responseCode = "409", description = "Not partners; already shared; group shared with another org")
    @APIResponse(responseCode = "422", description = "Sharing with your own organization")
    public Uni<RestResponse<ShareResponse>> share(
            @Valid @NotNull ShareRequest request,
            @Parameter(description = "Makes a retry safe") @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        String owner = org.orgAlias();
        Role role = role(request.role());
        return idempotency
                .run(
                        owner + " POST /grants",
                        idempotencyKey,
                        request,
                        ShareResponse.class,
                        () -> grants.share(
                                        owner,
                                        org.userId(),
                                        new GrantService.ShareCommand(
                                                request.granteeOrg().strip(),
                                                request.deviceIds() == null ? List.of() : request.deviceIds(),
                                                request.groupId(),
                                                role,
                                                request.startsAt(),
                                                request.endsAt()))
                                .map(result -> RestResponse.status(
                                        RestResponse.Status.CREATED,
                                        new ShareResponse(
                                                result.actionId(),
                                                result.grants().stream()
                                                        .map(GrantResponse::of)
                                                        .toList()))))
                // After the commit, which under an Idempotency-Key follows the action (a replay fences too).
                .call(grants::fence);
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "Grants your organization made (outgoing, default) or received (incoming), newest first")
    @APIResponse(responseCode = "200", description = "One page of grants")
    public Uni<Page<GrantResponse>> list(
            @Parameter(description = "outgoing or incoming", example = "outgoing") @QueryParam("direction")
                    String direction,
            @Parameter(description = "ACTIVE, REVOKED or EXPIRED") @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        GrantService.Direction dir = direction == null
                ? GrantService.Direction.OUTGOING
                : RequestParams.enumValue("direction", direction, GrantService.Direction.class);
        Grant.Status st = RequestParams.enumValue("status", status, Grant.Status.class);
        return grants.list(org.orgAlias(), dir, st, PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(GrantResponse::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "One grant your organization made or received")
    @APIResponse(responseCode = "200", description = "The grant")
    @APIResponse(responseCode = "404", description = "No such grant of your organization")
    public Uni<GrantResponse> get(@PathParam("id") UUID id) {
        return grants.visibleTo(org.orgAlias(), id).map(GrantResponse::of);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "Every change of a grant: who, when, why (both organizations may read it)")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "404", description = "No such grant of your organization")
    public Uni<List<HistoryEntry>> history(@PathParam("id") UUID id) {
        return grants.history(org.orgAlias(), id)
                .map(list -> list.stream().map(HistoryEntry::of).toList());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Change a grant's role or the end of its rental period (owner)")
    @APIResponse(responseCode = "200", description = "Changed, effective at once")
    @APIResponse(responseCode = "403", description = "Your organization received the grant; only its owner changes it")
    @APIResponse(responseCode = "404", description = "No such grant of your organization")
    @APIResponse(responseCode = "409", description = "The grant is no longer active")
    public Uni<GrantResponse> update(@PathParam("id") UUID id, @Valid @NotNull UpdateGrantRequest request) {
        if (request.endsAt() != null && Boolean.TRUE.equals(request.clearEndsAt())) {
            throw ProblemException.badRequest("clearEndsAt", "cannot be true together with endsAt");
        }
        Role role = request.role() == null ? null : role(request.role());
        return grants.update(
                        org.orgAlias(),
                        org.userId(),
                        id,
                        role,
                        request.endsAt(),
                        Boolean.TRUE.equals(request.clearEndsAt()))
                .map(GrantResponse::of);
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Revoke a grant at once (owner)")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "403", description = "Your organization received the grant; it leaves instead")
    @APIResponse(responseCode = "404", description = "No such grant of your organization")
    @APIResponse(responseCode = "409", description = "Already revoked or expired")
    public Uni<GrantResponse> revoke(@PathParam("id") UUID id) {
        return grants.revoke(org.orgAlias(), org.userId(), id).map(GrantResponse::of);
    }

    @POST
    @Path("{id}/leave")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Give a received grant back (grantee)")
    @APIResponse(responseCode = "200", description = "Left")
    @APIResponse(responseCode = "403", description = "Your organization shared the grant; it revokes instead")
    @APIResponse(responseCode = "404", description = "No such grant of your organization")
    @APIResponse(responseCode = "409", description = "Already revoked or expired")
    public Uni<GrantResponse> leave(@PathParam("id") UUID id) {
        return grants.leave(org.orgAlias(), org.userId(), id).map(GrantResponse::of);
    }

    /** One change of a grant. */
    public record HistoryEntry(
            String action,
            String actor,
            String reason,

            @Schema(
                    enumeration = {"VIEWER", "OPERATOR", "MANAGER"},
                    examples = "OPERATOR")
            String role,

            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            OffsetDateTime at) {

        static HistoryEntry of(GrantHistory h) {
            return new HistoryEntry(h.action.name(), h.actor, h.reason, h.role.name(), h.startsAt, h.endsAt, h.at);
        }
    }

    static Role role(String value) {
        Role role = RequestParams.enumValue("role", value, Role.class);
        if (role == null) {
            throw ProblemException.badRequest("role", "required: VIEWER, OPERATOR or MANAGER");
        }
        return role;
    }
}
