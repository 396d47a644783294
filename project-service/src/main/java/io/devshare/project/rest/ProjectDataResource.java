package io.devshare.project.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.RequestParams;
import io.devshare.project.service.ProjectDataService;

@Path("/projects/{projectId}")
@Tag(name = "Project data", description = "Field data recorded in a project, and the map of its devices")
@SecurityRequirement(name = "SecurityScheme")
public class ProjectDataResource {

    static final String GEO_JSON = "application/geo+json";
    private static final int MAP_DEFAULT = 1000;
    private static final int MAP_MAX = 10_000;

    private final ProjectDataService data;
    private final OrgContext org;

    @Inject
    public ProjectDataResource(ProjectDataService data, OrgContext org) {
        this.data = data;
        this.org = org;
    }

    @GET
    @Path("field-data")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "Field-data files the project's devices recorded while assigned to it",
            description = "Newest first; only files of devices your organization may still read (owner, or an"
                    + " effective read-field-data grant). Download at device-service (each item's download path).")
    @APIResponse(responseCode = "200", description = "One page of files")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    public Uni<Page<FieldDataResponse>> fieldData(
            @PathParam("projectId") UUID projectId,
            @Parameter(description = "Only this device's files") @QueryParam("device") String device,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        return data.fieldData(
                        org.orgAlias(),
                        projectId,
                        RequestParams.uuid("device", device),
                        PageCursor.decode(cursor),
                        RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(FieldDataResponse::of));
    }

    @GET
    @Path("map")
    @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "GeoJSON of the project's devices at their last positions",
            description = "Only devices your organization may see the position of (owner, or view-position).")
    @APIResponse(responseCode = "200", description = "A FeatureCollection")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    public Uni<MapResponse> map(
            @PathParam("projectId") UUID projectId,
            @Parameter(description = "1 to 10000, default 1000") @QueryParam("limit") String limit) {
        int max = RequestParams.limit(limit, MAP_DEFAULT, MAP_MAX);
        return data.map(org.orgAlias(), projectId, max).map(located -> MapResponse.of(located, max));
    }
}
