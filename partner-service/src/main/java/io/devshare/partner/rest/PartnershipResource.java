package io.devshare.partner.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
import io.devshare.partner.service.PartnershipService;
import io.devshare.partner.service.SharingCodeService;

@Path("/partnerships")
@Tag(name = "Partnerships", description = "Your partners, your sharing code, connecting by code, ending a partnership")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class PartnershipResource {

    private final PartnershipService partnerships;
    private final SharingCodeService codes;
    private final OrgContext org;
    private final Idempotency idempotency;

    @Inject
    public PartnershipResource(
            PartnershipService partnerships, SharingCodeService codes, OrgContext org, Idempotency idempotency) {
        this.partnerships = partnerships;
        this.codes = codes;
        this.org = org;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "Your organization's partners (name, alias, since when)", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page of partnerships")
    public Uni<Page<PartnershipResponse>> list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1 to 100 (default 20)", example = "20") @QueryParam("limit")
                    String limit) {
        return partnerships
                .list(org.orgAlias(), PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(PartnershipResponse::of));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "End a partnership (either side)",
            description = "Every device share between the two organizations, both ways, is revoked; both are told.")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(
            responseCode = "404",
            description = "No such active partnership of your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.NOT_FOUND)))
    public Uni<RestResponse<Void>> end(@PathParam("id") UUID id) {
        return partnerships.end(org.orgAlias(), org.userId(), id).map(p -> RestResponse.noContent());
    }

    @GET
    @Path("sharing-code")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Your organization's personal sharing code",
            description = "Whoever holds it can connect as your partner without further approval, so only admins see"
                    + " it. Created on first request.")
    @APIResponse(responseCode = "200", description = "The current code")
    public Uni<SharingCodeResponse> sharingCode() {
        return codes.current(org.orgAlias(), org.userId()).map(SharingCodeResponse::of);
    }

    @POST
    @Path("sharing-code/regenerate")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Replace your sharing code; the old one stops working at once")
    @APIResponse(responseCode = "200", description = "The new code")
    public Uni<SharingCodeResponse> regenerate() {
        return codes.regenerate(org.orgAlias(), org.userId()).map(SharingCodeResponse::of);
    }

    @POST
    @Path("connect")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Become partners using another organization's sharing code",
            description = "The code is the other organization's consent: the partnership starts at once.")
    @APIResponse(responseCode = "201", description = "Partners now")
    @APIResponse(
            responseCode = "404",
            description = "Wrong or old code",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "wrong code", value = Problems.WRONG_CODE)))
    @APIResponse(
            responseCode = "409",
            description = "Already partners",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "already partners", value = Problems.ALREADY_PARTNERS)))
    @APIResponse(responseCode = "422", description = "Your own organization's code")
    @APIResponse(
            responseCode = "429",
            description = "Too many wrong codes recently; Retry-After says when to try again",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "throttled", value = Problems.THROTTLED)))
    public Uni<RestResponse<PartnershipResponse>> connect(
            @Valid @NotNull ConnectRequest request,
            @Parameter(description = "Makes a retry safe: the same key and body answer the first response again")
                    @RestHeader(Idempotency.HEADER)
                    String idempotencyKey) {
        String orgAlias = org.orgAlias();
        // Counted first, committed, outside the transaction an Idempotency-Key opens: never two connections at once.
        return partnerships
                .countCodeAttempt(orgAlias)
                .chain(() -> idempotency.run(
                        orgAlias + " POST /partnerships/connect",
                        idempotencyKey,
                        request,
                        PartnershipResponse.class,
                        () -> partnerships
                                .connect(orgAlias, org.userId(), request.code())
                                .map(view -> RestResponse.status(
                                        RestResponse.Status.CREATED, PartnershipResponse.of(view)))));
    }
}
