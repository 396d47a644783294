package io.devshare.device.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import io.devshare.device.service.GroupService;

@Path("/device-groups")
@Tag(name = "Device groups", description = "Group your own devices: create, rename, delete, add and remove devices")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceGroupResource {

    private final GroupService service;
    private final OrgContext org;
    private final Idempotency idempotency;

    @Inject
    public DeviceGroupResource(GroupService service, OrgContext org, Idempotency idempotency) {
        this.service = service;
        this.org = org;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Create a device group", description = "Names are unique within your organization.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "group", value = Problems.GROUP_NAME)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content = @Content(examples = @ExampleObject(name = "group", value = Problems.GROUP)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed or invalid request",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Problems.INVALID)))
    @APIResponse(
            responseCode = "409",
            description = "Your organization already has a group of that name",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "name taken", value = Problems.GROUP_NAME_TAKEN)))
    public Uni<RestResponse<DeviceGroupResponse>> create(
            @Valid @NotNull DeviceGroupRequest request,
            @Parameter(description = "Makes a retry safe: the same key and body answer the first response again")
                    @RestHeader(Idempotency.HEADER)
                    String idempotencyKey,
            UriInfo uri) {
        String orgAlias = org.orgAlias();
        return idempotency.run(
                orgAlias + " POST /device-groups",
                idempotencyKey,
                request,
                DeviceGroupResponse.class,
                () -> service.create(orgAlias, org.userId(), request.name())
                        .map(view -> RestResponse.ResponseBuilder.<DeviceGroupResponse>created(
                                        uri.getAbsolutePathBuilder()
                                                .path(view.group().id.toString())
                                                .build())
                                .entity(DeviceGroupResponse.of(view))
                                .build()));
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "Your organization's device groups", description = "Newest first, cursor-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "One page of groups, with their device counts",
            content = @Content(examples = @ExampleObject(name = "page", value = Problems.GROUP_PAGE)))
    public Uni<Page<DeviceGroupResponse>> list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1 to 100 (default 20)", example = "20") @QueryParam("limit")
                    String limit) {
        return service.list(org.orgAlias(), PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(DeviceGroupResponse::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "One of your organization's device groups, with its device ids")
    @APIResponse(
            responseCode = "200",
            description = "The group",
            content = @Content(examples = @ExampleObject(name = "group", value = Problems.GROUP)))
    @APIResponse(
            responseCode = "404",
            description = "No such group for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.GROUP_NOT_FOUND)))
    public Uni<DeviceGroupResponse> get(@PathParam("id") UUID id) {
        return service.get(org.orgAlias(), id).map(DeviceGroupResponse::of);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(summary = "Rename a device group")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename", value = Problems.GROUP_NAME)))
    @APIResponse(
            responseCode = "200",
            description = "The group as it is now",
            content = @Content(examples = @ExampleObject(name = "group", value = Problems.GROUP)))
    @APIResponse(
            responseCode = "404",
            description = "No such group for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.GROUP_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "Your organization already has a group of that name",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "name taken", value = Problems.GROUP_NAME_TAKEN)))
    public Uni<DeviceGroupResponse> rename(@PathParam("id") UUID id, @Valid @NotNull DeviceGroupRequest request) {
        return service.rename(org.orgAlias(), id, request.name()).map(DeviceGroupResponse::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Delete a device group",
            description = "Its devices stay registered; group.deleted lists them, so a share of the group ends.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such group for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.GROUP_NOT_FOUND)))
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return service.delete(org.orgAlias(), org.userId(), id).map(v -> RestResponse.noContent());
    }

    @PUT
    @Path("{id}/devices/{deviceId}")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Add one of your devices to a group",
            description = "Idempotent: adding a member again changes nothing. A device may be in several groups.")
    @APIResponse(responseCode = "204", description = "The device is in the group")
    @APIResponse(
            responseCode = "403",
            description = "A device only shared with your organization (only own devices are grouped)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not the owner", value = Problems.NOT_OWNER)))
    @APIResponse(
            responseCode = "404",
            description = "No such group or device for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.DEVICE_NOT_FOUND)))
    public Uni<RestResponse<Void>> addDevice(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId) {
        return service.addDevice(org.orgAlias(), org.userId(), id, deviceId).map(v -> RestResponse.noContent());
    }

    @DELETE
    @Path("{id}/devices/{deviceId}")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Remove a device from a group",
            description = "Idempotent: removing a device that is not a member changes nothing.")
    @APIResponse(responseCode = "204", description = "The device is not in the group")
    @APIResponse(
            responseCode = "404",
            description = "No such group or device for your organization",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Problems.GROUP_NOT_FOUND)))
    public Uni<RestResponse<Void>> removeDevice(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId) {
        return service.removeDevice(org.orgAlias(), org.userId(), id, deviceId).map(v -> RestResponse.noContent());
    }
}
