package io.devshare.project.rest;

import java.net.URI;
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
import io.devshare.project.Project;
import io.devshare.project.service.ProjectService;
import io.devshare.project.service.ProjectSpec;

@Path("/projects")
@Tag(name = "Projects", description = "Projects of your organization: create, list, change, close, activity")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService projects;
    private final OrgContext org;
    private final Idempotency idempotency;

    @Inject
    public ProjectResource(ProjectService projects, OrgContext org, Idempotency idempotency) {
        this.projects = projects;
        this.org = org;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Create a project", description = "Status planned unless active is asked for.")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid request; the problem names each field")
    @APIResponse(responseCode = "403", description = "Only an organization admin creates projects")
    public Uni<RestResponse<ProjectResponse>> create(
            @Valid @NotNull CreateProjectRequest request,
            @Parameter(description = "Makes a retry safe") @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        String orgAlias = org.orgAlias();
        Project.Status status = status(request.status());
        if (status == Project.Status.CLOSED) {
            throw ProblemException.badRequest("status", "a new project is planned or active");
        }
        ProjectSpec spec = new ProjectSpec(
                request.name().strip(),
                request.site() == null ? null : request.site().addressText(),
                request.site() == null ? null : request.site().polygonText(),
                request.startDate(),
                request.endDate(),
                status,
                request.site() != null);
        return idempotency.run(
                orgAlias + " POST /projects",
                idempotencyKey,
                request,
                ProjectResponse.class,
                () -> projects.create(orgAlias, org.userId(), spec)
                        .map(p -> RestResponse.ResponseBuilder.<ProjectResponse>created(URI.create("/projects/" + p.id))
                                .entity(ProjectResponse.of(p))
                                .build()));
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "Your organization's projects, newest first")
    @APIResponse(responseCode = "200", description = "One page of projects")
    public Uni<Page<ProjectResponse>> list(
            @Parameter(description = "PLANNED, ACTIVE or CLOSED") @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        return projects.list(
                        org.orgAlias(), status(status), PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(ProjectResponse::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "One project of your organization")
    @APIResponse(responseCode = "200", description = "The project")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    public Uni<ProjectResponse> get(@PathParam("id") UUID id) {
        return projects.get(org.orgAlias(), id).map(ProjectResponse::of);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Change a project (status closed closes it)")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid request; the problem names each field")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    @APIResponse(responseCode = "409", description = "The project is closed")
    public Uni<ProjectResponse> update(@PathParam("id") UUID id, @Valid @NotNull UpdateProjectRequest request) {
        ProjectSpec spec = new ProjectSpec(
                request.name() == null ? null : request.name().strip(),
                request.site() == null ? null : request.site().addressText(),
                request.site() == null ? null : request.site().polygonText(),
                request.startDate(),
                request.endDate(),
                status(request.status()),
                request.site() != null);
        return projects.update(org.orgAlias(), org.userId(), id, spec).map(ProjectResponse::of);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Close a project",
            description = "Every device leaves it (reason PROJECT_CLOSED), its open transfers are cancelled and"
                    + " its open sessions closed.")
    @APIResponse(responseCode = "200", description = "Closed")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    @APIResponse(responseCode = "409", description = "Already closed")
    public Uni<ProjectResponse> close(@PathParam("id") UUID id) {
        return projects.close(org.orgAlias(), org.userId(), id).map(ProjectResponse::of);
    }

    @GET
    @Path("{id}/activity")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "What happened in the project, newest first")
    @APIResponse(responseCode = "200", description = "One page of activity")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    public Uni<Page<ActivityResponse>> activity(
            @PathParam("id") UUID id,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") String limit) {
        return projects.activity(org.orgAlias(), id, PageCursor.decode(cursor), RequestParams.limit(limit, 50, 200))
                .map(page -> page.map(ActivityResponse::of));
    }

    static Project.Status status(String value) {
        return RequestParams.enumValue("status", value, Project.Status.class);
    }
}
