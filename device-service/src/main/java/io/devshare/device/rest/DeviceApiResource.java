package io.devshare.device.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.common.problem.Problem;
import io.devshare.common.problem.ProblemException;
import io.devshare.common.problem.UploadParams;
import io.devshare.device.client.ProjectDesigns;
import io.devshare.device.repository.WorkQueries;
import io.devshare.device.service.DeviceApiService;
import io.devshare.device.service.FieldDataService;

@Path("/device-api")
@Tag(
        name = "Device API",
        description = "What devices call themselves, with their own credentials (HTTP Basic deviceId:secret), never"
                + " a person's token")
@SecurityScheme(
        securitySchemeName = "DeviceCredentials",
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "The device id as user name and the secret shown once at registration or rotation")
@SecurityRequirement(name = "DeviceCredentials")
@PermitAll
public class DeviceApiResource {

    private final DeviceCaller caller;
    private final DeviceApiService api;
    private final FieldDataService fieldData;
    private final ObjectMapper json;

    @Inject
    public DeviceApiResource(DeviceCaller caller, DeviceApiService api, FieldDataService fieldData, ObjectMapper json) {
        this.caller = caller;
        this.api = api;
        this.fieldData = fieldData;
        this.json = json;
    }

    @POST
    @Path("position")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report the device's position",
            description = "Kept as its last known position (a report recorded earlier than the stored one does not"
                    + " replace it). Not published as an event.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "position", value = Problems.POSITION)))
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or a value out of range; the problem names each field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "out of range", value = Problems.BAD_POSITION)))
    @APIResponse(
            responseCode = "401",
            description = "Missing or wrong device credentials (WWW-Authenticate: Basic)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unauthorized", value = Problems.DEVICE_UNAUTHORIZED)))
    public Uni<RestResponse<Void>> position(@Valid @NotNull PositionRequest request) {
        return api.reportPosition(
                        caller.device(),
                        request.lat(),
                        request.lon(),
                        request.altitude(),
                        request.accuracy(),
                        request.recordedAt())
                .map(v -> RestResponse.noContent());
    }

    @POST
    @Path("field-data")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(
            summary = "Upload a field-data file",
            description = "The request body is the file, streamed to storage with the Content-Type sent (default"
                    + " application/octet-stream); name it with the X-Filename header or the filename query"
                    + " parameter. Size and SHA-256 are recorded; files over the configured limit (default 50 MiB)"
                    + " are refused with 413 and nothing is kept.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            examples = @ExampleObject(name = "bytes", value = "<the file's bytes>")))
    @APIResponse(
            responseCode = "201",
            description = "Stored; the record of the file",
            content = @Content(examples = @ExampleObject(name = "file", value = Problems.FIELD_DATA)))
    @APIResponse(
            responseCode = "400",
            description = "An empty body, a bad filename or content type",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Problems.INVALID)))
    @APIResponse(
            responseCode = "401",
            description = "Missing or wrong device credentials (WWW-Authenticate: Basic)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unauthorized", value = Problems.DEVICE_UNAUTHORIZED)))
    @APIResponse(
            responseCode = "413",
            description = "Larger than the limit; nothing is kept",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "too large", value = Problems.TOO_LARGE)))
    public RestResponse<FieldDataResponse> fieldData(
            InputStream body,
            @RestHeader("Content-Type") String contentType,
            @RestHeader("Content-Length") String contentLength,
            @Parameter(description = "The file's name", example = "survey-2026-11-24.job") @RestHeader("X-Filename")
                    String filenameHeader,
            @Parameter(description = "The file's name (if no X-Filename header)", example = "survey-2026-11-24.job")
                    @QueryParam("filename")
                    String filenameQuery) {
        String filename = UploadParams.filename(filenameHeader != null ? filenameHeader : filenameQuery);
        var file = fieldData.upload(
                caller.device(),
                body,
                UploadParams.contentLength(contentLength),
                UploadParams.contentType(contentType),
                filename);
        return RestResponse.ResponseBuilder.<FieldDataResponse>created(
                        URI.create("/devices/" + file.deviceId + "/field-data/" + file.id))
                .entity(FieldDataResponse.of(file))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("work")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Fetch the device's pending work",
            description = "Design transfers to fetch and report, and remote sessions to join, of the projects the"
                    + " device works in (at most " + WorkQueries.MAX_ITEMS + ", oldest first).")
    @APIResponse(
            responseCode = "200",
            description = "Pending work",
            content = @Content(examples = @ExampleObject(name = "nothing", value = Problems.WORK)))
    @APIResponse(
            responseCode = "401",
            description = "Missing or wrong device credentials (WWW-Authenticate: Basic)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unauthorized", value = Problems.DEVICE_UNAUTHORIZED)))
    public Uni<WorkResponse> work() {
        return api.pendingWork(caller.device()).map(WorkResponse::of);
    }

    @GET
    @Path("designs/{transferId}")
    // Chunked bytes (never SSE); the design's own Content-Type replaces this one.
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            summary = "Fetch a design transfer's content",
            description = "Streams the design file from project-service with its Content-Type, Content-Length and"
                    + " ETag (SHA-256). The first fetch marks the transfer delivered.")
    @APIResponse(
            responseCode = "200",
            description = "The file's bytes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            examples = @ExampleObject(name = "bytes", value = "<the design's bytes>")))
    @APIResponse(
            responseCode = "404",
            description = "No such transfer for this device, or it was cancelled",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.TRANSFER_NOT_FOUND)))
    @APIResponse(
            responseCode = "503",
            description = "project-service cannot be reached; try again later",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unavailable", value = Problems.DESIGNS_UNAVAILABLE)))
    public Multi<byte[]> design(@RestPath UUID transferId) {
        // A streamed answer cannot go through the exception mappers once the stream is chosen: a refusal (404, 503)
        // becomes a problem+json answer of its own here.
        URI instance = URI.create("/device-api/designs/" + transferId);
        return RestMulti.fromUniResponse(
                api.fetchDesign(caller.device(), transferId)
                        .onFailure(ProblemException.class)
                        .recoverWithItem(e -> problem((ProblemException) e, instance)),
                ProjectDesigns.Upstream::body,
                ProjectDesigns.Upstream::headers,
                ProjectDesigns.Upstream::status);
    }

    private ProjectDesigns.Upstream problem(ProblemException e, URI instance) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(e.toProblem(instance));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
        return new ProjectDesigns.Upstream(
                e.status(),
                Map.of("Content-Type", List.of(Problem.MEDIA_TYPE)),
                Multi.createFrom().item(body));
    }

    @POST
    @Path("designs/{transferId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a design applied or failed",
            description = "Published for the project (design.reported); the transfer leaves the device's work.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "failed", value = Problems.DESIGN_STATUS)))
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(
            responseCode = "400",
            description = "An unknown status or a message too long",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Problems.BAD_DESIGN_STATUS)))
    @APIResponse(
            responseCode = "404",
            description = "No such transfer for this device (or already reported)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.TRANSFER_NOT_FOUND)))
    public Uni<RestResponse<Void>> reportDesign(
            @RestPath UUID transferId, @Valid @NotNull DesignStatusRequest request) {
        return api.reportDesign(caller.device(), transferId, request.status().name(), request.message())
                .map(v -> RestResponse.noContent());
    }

    @POST
    @Path("sessions/{sessionId}/join")
    @Operation(
            summary = "Join a remote session",
            description = "The device takes part in a session opened for it in a project (session.joined, once);"
                    + " joining again is no error; an expired or unknown session is 404.")
    @APIResponse(responseCode = "204", description = "Joined")
    @APIResponse(
            responseCode = "404",
            description = "No open session of that id for this device",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.SESSION_NOT_FOUND)))
    public Uni<RestResponse<Void>> joinSession(@RestPath UUID sessionId) {
        return api.joinSession(caller.device(), sessionId).map(v -> RestResponse.noContent());
    }
}
