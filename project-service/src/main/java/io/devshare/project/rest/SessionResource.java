package io.devshare.project.rest;

import java.net.URI;
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

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import io.devshare.common.problem.RequestParams;
import io.devshare.project.service.SessionService;

@Path("/projects/{projectId}/sessions")
@Tag(name = "Remote sessions", description = "Open, follow and close remote sessions on project devices")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final OrgContext org;
    private final JsonWebToken jwt;
    private final Idempotency idempotency;

    @Inject
    public SessionResource(SessionService sessions, OrgContext org, JsonWebToken jwt, Idempotency idempotency) {
        this.sessions = sessions;
        this.org = org;
        this.jwt = jwt;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Open a remote session on a device of the project",
            description = "Own devices always; shared ones need remote-session. The device picks it up through"
                    + " device-service and joins; it expires after the configured time (default 15 minutes).")
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "403", description = "A member; or the grant lacks remote-session")
    @APIResponse(responseCode = "404", description = "No such project, or the device is not assigned to it")
    @APIResponse(responseCode = "409", description = "The device has an open session already; the project is closed")
    public Uni<RestResponse<SessionResponse>> open(
            @PathParam("projectId") UUID projectId,
            @Valid @NotNull SessionRequest request,
            @Parameter(description = "Makes a retry safe") @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        String orgAlias = org.orgAlias();
        String name = jwt.getClaim("preferred_username");
        return idempotency.run(
                orgAlias + " POST /projects/" + projectId + "/sessions",
                idempotencyKey,
                request,
                SessionResponse.class,
                () -> sessions.open(orgAlias, org.userId(), name, projectId, request.deviceId())
                        .map(s -> RestResponse.ResponseBuilder.<SessionResponse>created(
                                        URI.create("/projects/" + projectId + "/sessions/" + s.id))
                                .entity(SessionResponse.of(s))
                                .build()));
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "The project's sessions, newest first")
    @APIResponse(responseCode = "200", description = "One page of sessions")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    public Uni<Page<SessionResponse>> list(
            @PathParam("projectId") UUID projectId,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        return sessions.ofProject(
                        org.orgAlias(), projectId, PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(SessionResponse::of));
    }

    @GET
    @Path("{sessionId}")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "One session of the project")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "404", description = "No such project or session")
    public Uni<SessionResponse> get(@PathParam("projectId") UUID projectId, @PathParam("sessionId") UUID sessionId) {
        return sessions.get(org.orgAlias(), projectId, sessionId).map(SessionResponse::of);
    }

    @POST
    @Path("{sessionId}/close")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Close a session")
    @APIResponse(responseCode = "200", description = "Closed")
    @APIResponse(responseCode = "404", description = "No such project or session")
    @APIResponse(responseCode = "409", description = "Already closed")
    public Uni<SessionResponse> close(@PathParam("projectId") UUID projectId, @PathParam("sessionId") UUID sessionId) {
        return sessions.close(org.orgAlias(), org.userId(), projectId, sessionId)
                .map(SessionResponse::of);
    }
}
