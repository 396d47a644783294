package io.devshare.device.rest;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
import io.devshare.device.Device;
import io.devshare.device.repository.DeviceFilter;
import io.devshare.device.repository.DeviceRow;
import io.devshare.device.service.DeviceService;

@Path("/devices")
@Tag(name = "Devices", description = "Register, read, change and delete devices; rotate their credentials; the map")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    static final String GEO_JSON = "application/geo+json";
    private static final int MAP_DEFAULT = 1000;
    private static final int MAP_MAX = 10_000;

    private final DeviceService service;
    private final OrgContext org;
    private final Idempotency idempotency;

    @Inject
    public DeviceResource(DeviceService service, OrgContext org, Idempotency idempotency) {
        this.service = service;
        this.org = org;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Register a device for your organization",
            description = "Uses one licence of your organization's pool. The answer carries the device's credentials;"
                    + " its secret is shown only here (Devshare stores a slow hash of it), so put it on the device"
                    + " now. A retry with the same Idempotency-Key answers the device again, without the secret.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rover", value = Problems.REGISTER)))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names it",
            content = @Content(examples = @ExampleObject(name = "registered", value = Problems.REGISTERED)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed or invalid request; the problem names each field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "invalid", value = Problems.INVALID),
                                @ExampleObject(name = "unknown kind", value = Problems.MALFORMED)
                            }))
    @APIResponse(
            responseCode = "403",
            description = "Only an organization admin registers devices",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "member", value = Problems.FORBIDDEN)))
    @APIResponse(
            responseCode = "409",
            description = "The licence pool is exhausted (size and use stated), or the serial number of this"
                    + " manufacturer is already registered",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "pool exhausted", value = Problems.LICENCES_EXHAUSTED),
                                @ExampleObject(name = "serial taken", value = Problems.SERIAL_TAKEN)
                            }))
    public Uni<RestResponse<DeviceResponse>> register(
            @Valid @NotNull RegisterDeviceRequest request,
            @Parameter(description = "Makes a retry safe: the same key and body answer the first response again")
                    @RestHeader(Idempotency.HEADER)
                    String idempotencyKey,
            UriInfo uri) {
        String orgAlias = org.orgAlias();
        // The secret must not be kept with the idempotent response: it is added to the first answer only.
        AtomicReference<String> secret = new AtomicReference<>();
        AtomicReference<URI> location = new AtomicReference<>();
        return idempotency
                .run(
                        orgAlias + " POST /devices",
                        idempotencyKey,
                        request,
                        DeviceResponse.class,
                        // Answered from the registered device, not read back: under an Idempotency-Key the
                        // registration commits only after this answer (device reads use a connection of their own).
                        () -> service.register(orgAlias, org.userId(), request.spec())
                                .map(registration -> {
                                    secret.set(registration.secret());
                                    UUID id = registration.device().id;
                                    location.set(uri.getAbsolutePathBuilder()
                                            .path(id.toString())
                                            .build());
                                    return DeviceRow.registered(registration.device());
                                })
                                .map(row -> RestResponse.ResponseBuilder.<DeviceResponse>created(location.get())
                                        .entity(DeviceResponse.of(row)
                                                .withCredentials(new CredentialsResponse(row.id(), null)))
                                        .build()))
                .map(response -> {
                    String s = secret.get();
                    if (s == null) {
                        return response;
                    }
                    DeviceResponse body = response.getEntity();
                    return RestResponse.ResponseBuilder.<DeviceResponse>created(location.get())
                            .entity(body.withCredentials(new CredentialsResponse(body.id(), s)))
                            .header("Cache-Control", "no-store")
                            .build();
                });
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "List the devices your organization can see: owned and shared in",
            description = "One list, newest first (by registration), cursor-paginated: pass nextCursor back as cursor."
                    + " Each row carries its badges: owner; sharedWith (owner's view); sharedBy and role (when shared"
                    + " in); activeAccount.")
    @APIResponse(
            responseCode = "200",
            description = "One page of devices",
            content = @Content(examples = @ExampleObject(name = "page", value = Problems.DEVICE_PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown ownership or kind, a group that is not yours, a bad cursor or limit",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown kind", value = Problems.BAD_FILTER)))
    public Uni<Page<DeviceResponse>> list(
            @Parameter(description = "owned or shared (default: both)", example = "owned") @QueryParam("ownership")
                    String ownership,
            @Parameter(description = "Only devices of this group of yours") @QueryParam("group") String group,
            @Parameter(description = "Only devices with this tag", example = "riverside") @QueryParam("tag") String tag,
            @Parameter(description = "Only devices of this kind", example = "GNSS_ROVER") @QueryParam("kind")
                    String kind,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1 to 100 (default 20)", example = "20") @QueryParam("limit")
                    String limit) {
        Device.Kind k = RequestParams.enumValue("kind", kind, Device.Kind.class);
        DeviceFilter filter = new DeviceFilter(
                RequestParams.enumValue("ownership", ownership, DeviceFilter.Ownership.class),
                RequestParams.uuid("group", group),
                QueryParams.text("tag", tag, 40),
                k == null ? null : k.name());
        return service.list(org.orgAlias(), filter, PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(DeviceResponse::of));
    }

    @GET
    @Path("locations")
    @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "The last positions of the devices your organization can see, as GeoJSON",
            description = "A FeatureCollection of Points (RFC 7946, [lon, lat, altitude]) of your devices and of"
                    + " devices shared with you with position access, optionally inside a bounding box; most"
                    + " recently reported first, at most limit (truncated says when more matched). Devices that never"
                    + " reported are absent.")
    @APIResponse(
            responseCode = "200",
            description = "The devices on the map",
            content =
                    @Content(mediaType = GEO_JSON, examples = @ExampleObject(name = "map", value = Problems.LOCATIONS)))
    @APIResponse(
            responseCode = "400",
            description = "A malformed bounding box or limit",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad bbox", value = Problems.BAD_BBOX)))
    public Uni<LocationsResponse> locations(
            @Parameter(
                            description = "minLon,minLat,maxLon,maxLat in degrees (WGS 84); minLon > maxLon crosses the"
                                    + " antimeridian",
                            example = "8.4,47.3,8.7,47.5")
                    @QueryParam("bbox")
                    String bbox,
            @Parameter(description = "at most this many devices, 1 to 10000 (default 1000)", example = "1000")
                    @QueryParam("limit")
                    String limit) {
        int max = RequestParams.limit(limit, MAP_DEFAULT, MAP_MAX);
        return service.locations(org.orgAlias(), QueryParams.bbox(bbox), max)
                .map(located -> LocationsResponse.of(located, max));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "One device your organization owns or that is shared with it, with its badges")
    @APIResponse(
            responseCode = "200",
            description = "The device (never its secret)",
            content = @Content(examples = @ExampleObject(name = "device", value = Problems.DEVICE)))
    @APIResponse(
            responseCode = "404",
            description = "No such device for your organization (also when another organization owns it)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.DEVICE_NOT_FOUND)))
    public Uni<DeviceResponse> get(@PathParam("id") UUID id) {
        return service.get(org.orgAlias(), id).map(DeviceResponse::of);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Change a device your organization owns",
            description = "Display name, model, kind and tags; members left out stay as they are. Publishes"
                    + " device.updated when something changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename and retag", value = Problems.UPDATE)))
    @APIResponse(
            responseCode = "200",
            description = "The device as it is now",
            content = @Content(examples = @ExampleObject(name = "device", value = Problems.DEVICE)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed or invalid request (serial number and manufacturer cannot change)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Problems.INVALID)))
    @APIResponse(
            responseCode = "403",
            description = "A member, or a device only shared with your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not the owner", value = Problems.NOT_OWNER)))
    @APIResponse(
            responseCode = "404",
            description = "No such device for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.DEVICE_NOT_FOUND)))
    public Uni<DeviceResponse> update(@PathParam("id") UUID id, @Valid @NotNull UpdateDeviceRequest request) {
        return service.update(org.orgAlias(), org.userId(), id, request.changes())
                .map(DeviceResponse::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Delete a device your organization owns",
            description = "Frees its licence; its group memberships, last position and field data go with it; its"
                    + " credentials stop working. device.deleted makes sharing-service revoke every share of it, so"
                    + " the organizations it was shared with lose it at once.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "403",
            description = "A member, or a device only shared with your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not the owner", value = Problems.NOT_OWNER)))
    @APIResponse(
            responseCode = "404",
            description = "No such device for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.DEVICE_NOT_FOUND)))
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return service.delete(org.orgAlias(), org.userId(), id).map(v -> RestResponse.noContent());
    }

    @POST
    @Path("{id}/credentials/rotate")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Give a device a new secret",
            description = "The new secret is shown only in this answer; the old one stops working at once.")
    @APIResponse(
            responseCode = "200",
            description = "The new credentials",
            content = @Content(examples = @ExampleObject(name = "credentials", value = Problems.CREDENTIALS)))
    @APIResponse(
            responseCode = "403",
            description = "A member, or a device only shared with your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not the owner", value = Problems.NOT_OWNER)))
    @APIResponse(
            responseCode = "404",
            description = "No such device for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.DEVICE_NOT_FOUND)))
    public Uni<RestResponse<CredentialsResponse>> rotate(@PathParam("id") UUID id) {
        return service.rotate(org.orgAlias(), id)
                .map(secret -> RestResponse.ResponseBuilder.ok(new CredentialsResponse(id, secret))
                        .header("Cache-Control", "no-store")
                        .build());
    }
}
