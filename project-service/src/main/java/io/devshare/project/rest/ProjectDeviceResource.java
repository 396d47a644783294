package io.devshare.project.rest;

import java.net.URI;
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
import io.devshare.project.service.AssignmentService;

@Path("/projects/{projectId}/devices")
@Tag(name = "Project devices", description = "Assign own or shared-in devices to a project; unassign")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectDeviceResource {

    private final AssignmentService assignments;
    private final OrgContext org;
    private final Idempotency idempotency;

    @Inject
    public ProjectDeviceResource(AssignmentService assignments, OrgContext org, Idempotency idempotency) {
        this.assignments = assignments;
        this.org = org;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Assign a device to the project",
            description = "Your own device, or one shared in with assign-to-project (operator or manager). A device"
                    + " is active on one project at a time across all organizations. Sets the device's active"
                    + " account (device.assigned).")
    @APIResponse(responseCode = "201", description = "Assigned")
    @APIResponse(responseCode = "403", description = "A member; or the grant lacks assign-to-project")
    @APIResponse(responseCode = "404", description = "No such project, or a device your organization cannot see")
    @APIResponse(
            responseCode = "409",
            description = "The device is active on a project already (device-booked, naming where); the project is"
                    + " closed")
    public Uni<RestResponse<AssignmentResponse>> assign(
            @PathParam("projectId") UUID projectId,
            @Valid @NotNull AssignRequest request,
            @Parameter(description = "Makes a retry safe") @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        String orgAlias = org.orgAlias();
        return idempotency.run(
                orgAlias + " POST /projects/" + projectId + "/devices",
                idempotencyKey,
                request,
                AssignmentResponse.class,
                () -> assignments
                        .assign(orgAlias, org.userId(), projectId, request.deviceId())
                        .chain(assignments::withDevice)
                        .map(a -> RestResponse.ResponseBuilder.<AssignmentResponse>created(
                                        URI.create("/projects/" + projectId + "/devices/" + request.deviceId()))
                                .entity(AssignmentResponse.of(a.assignment(), a.device()))
                                .build()));
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "The devices working in the project, newest assignment first")
    @APIResponse(responseCode = "200", description = "One page of assignments")
    @APIResponse(responseCode = "404", description = "No such project of your organization")
    public Uni<Page<AssignmentResponse>> list(
            @PathParam("projectId") UUID projectId,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        return assignments
                .devices(org.orgAlias(), projectId, PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(a -> AssignmentResponse.of(a.assignment(), a.device())));
    }

    @DELETE
    @Path("{deviceId}")
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Take a device off the project",
            description = "Reason MANUAL; its open transfers are cancelled and its open sessions closed.")
    @APIResponse(responseCode = "200", description = "Unassigned; the ended assignment")
    @APIResponse(responseCode = "404", description = "No such project, or the device is not assigned to it")
    @APIResponse(responseCode = "409", description = "The project is closed")
    public Uni<AssignmentResponse> unassign(
            @PathParam("projectId") UUID projectId, @PathParam("deviceId") UUID deviceId) {
        return assignments
                .unassign(org.orgAlias(), org.userId(), projectId, deviceId)
                .chain(assignments::withDevice)
                .map(a -> AssignmentResponse.of(a.assignment(), a.device()));
    }
}
