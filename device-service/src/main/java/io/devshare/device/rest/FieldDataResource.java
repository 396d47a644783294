package io.devshare.device.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.Problem;
import io.devshare.common.problem.RequestParams;
import io.devshare.device.FieldDataFile;
import io.devshare.device.service.FieldDataService;

@jakarta.ws.rs.Path("/devices/{deviceId}/field-data")
@Tag(name = "Field data", description = "Files your devices uploaded: list and download")
@SecurityRequirement(name = "SecurityScheme")
public class FieldDataResource {

    private final FieldDataService service;
    private final OrgContext org;

    @Inject
    public FieldDataResource(FieldDataService service, OrgContext org) {
        this.service = service;
        this.org = org;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "List a device's field-data files",
            description = "Newest first, cursor-paginated; for the owner and organizations whose grant includes"
                    + " read-field-data.")
    @APIResponse(
            responseCode = "200",
            description = "One page of files",
            content = @Content(examples = @ExampleObject(name = "page", value = Problems.FIELD_DATA_PAGE)))
    @APIResponse(
            responseCode = "404",
            description = "No such device for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.DEVICE_NOT_FOUND)))
    public Uni<Page<FieldDataResponse>> list(
            @PathParam("deviceId") UUID deviceId,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1 to 100 (default 20)", example = "20") @QueryParam("limit")
                    String limit) {
        return service.list(org.orgAlias(), deviceId, PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(FieldDataResponse::of));
    }

    @GET
    @jakarta.ws.rs.Path("{fileId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "Download a field-data file",
            description = "The bytes as uploaded, with the content type the device sent; ETag and Repr-Digest carry"
                    + " the SHA-256.")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
    @APIResponse(
            responseCode = "404",
            description = "No such device or file for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.FILE_NOT_FOUND)))
    public Uni<Response> download(@PathParam("deviceId") UUID deviceId, @PathParam("fileId") UUID fileId) {
        return service.download(org.orgAlias(), deviceId, fileId).map(d -> {
            FieldDataFile f = d.file();
            // A plain Response, so its writer is chosen at run time by the stored content type (a typed
            // RestResponse<File> would get the JSON writer chosen at build time for @Produces */*).
            Response.ResponseBuilder response = Response.ok(d.path().toFile(), f.contentType)
                    .header("ETag", "\"" + f.sha256 + "\"")
                    .header(
                            "Repr-Digest",
                            "sha-256=:"
                                    + Base64.getEncoder()
                                            .encodeToString(HexFormat.of().parseHex(f.sha256)) + ":")
                    .header("X-Content-Type-Options", "nosniff");
            String name = f.filename == null ? f.id.toString() : f.filename;
            response.header(
                    "Content-Disposition",
                    "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._ -]", "_") + "\"; filename*=UTF-8''"
                            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
            return response.build();
        });
    }
}
