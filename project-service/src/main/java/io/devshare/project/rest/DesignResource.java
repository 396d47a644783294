package io.devshare.project.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.ProblemException;
import io.devshare.common.problem.RequestParams;
import io.devshare.common.problem.UploadParams;
import io.devshare.project.service.DesignService;

@Path("/projects/{projectId}/designs")
@Tag(name = "Designs", description = "Publish design files to a project's devices and follow their transfers")
@SecurityRequirement(name = "SecurityScheme")
public class DesignResource {

    private final DesignService designs;
    private final OrgContext org;

    @Inject
    public DesignResource(DesignService designs, OrgContext org) {
        this.designs = designs;
        this.org = org;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Blocking
    @Operation(
            summary = "Publish a design file to the project's devices",
            description = "The request body is the file (any concrete Content-Type), named by the X-Filename header"
                    + " or the filename query parameter. One transfer per device of the project that your"
                    + " organization owns or may publish-design to; each device fetches it through device-service.")
    @APIResponse(responseCode = "201", description = "Published; the design with its transfers")
    @APIResponse(responseCode = "400", description = "No filename, an empty body or a bad content type")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    @APIResponse(responseCode = "409", description = "The project is closed or has no device to receive it")
    @APIResponse(responseCode = "413", description = "Larger than the limit; nothing is kept")
    public RestResponse<DesignResponse> publish(
            @PathParam("projectId") UUID projectId,
            InputStream body,
            @RestHeader("Content-Type") String contentType,
            @RestHeader("Content-Length") String contentLength,
            @Parameter(description = "The file's name", example = "riverside-surface-v3.ttm") @RestHeader("X-Filename")
                    String filenameHeader,
            @QueryParam("filename") String filenameParam) {
        String filename = filename(filenameHeader != null ? filenameHeader : filenameParam);
        DesignService.Published published = designs.publish(
                org.orgAlias(),
                org.userId(),
                projectId,
                body,
                UploadParams.contentLength(contentLength),
                UploadParams.contentType(contentType),
                filename);
        return RestResponse.ResponseBuilder.<DesignResponse>created(
                        URI.create("/projects/" + projectId + "/designs/" + published.design().id))
                .entity(DesignResponse.of(published))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "The project's designs with their transfers, newest first")
    @APIResponse(responseCode = "200", description = "One page of designs")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    public Uni<Page<DesignResponse>> list(
            @PathParam("projectId") UUID projectId,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        return designs.list(org.orgAlias(), projectId, PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(DesignResponse::of));
    }

    @GET
    @Path("{designId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "One design with its transfers")
    @APIResponse(responseCode = "200", description = "The design")
    @APIResponse(responseCode = "404", description = "No such project or design")
    public Uni<DesignResponse> get(@PathParam("projectId") UUID projectId, @PathParam("designId") UUID designId) {
        return designs.get(org.orgAlias(), projectId, designId).map(DesignResponse::of);
    }

    private static String filename(String value) {
        String name = UploadParams.filename(value);
        if (name == null) {
            throw ProblemException.badRequest("filename", "required: the X-Filename header or the filename parameter");
        }
        return name;
    }
}
