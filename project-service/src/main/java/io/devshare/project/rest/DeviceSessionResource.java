package io.devshare.project.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import io.devshare.common.problem.ProblemException;
import io.devshare.common.problem.RequestParams;
import io.devshare.project.service.SessionService;

@Path("/sessions")
@Tag(name = "Remote sessions")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceSessionResource {

    private final SessionService sessions;
    private final OrgContext org;

    @Inject
    public DeviceSessionResource(SessionService sessions, OrgContext org) {
        this.sessions = sessions;
        this.org = org;
    }

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "Remote sessions on one device",
            description = "The owner sees every organization's sessions on its device (who opened which, when); an"
                    + " organization the device is shared with sees its own.")
    @APIResponse(responseCode = "200", description = "One page of sessions, newest first")
    @APIResponse(responseCode = "400", description = "device missing or not a UUID")
    @APIResponse(responseCode = "404", description = "A device your organization cannot see")
    public Uni<Page<SessionResponse>> byDevice(
            @Parameter(description = "The device", required = true) @QueryParam("device") String device,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        UUID deviceId = RequestParams.uuid("device", device);
        if (deviceId == null) {
            throw ProblemException.badRequest("device", "required");
        }
        return sessions.ofDevice(
                        org.orgAlias(), deviceId, PageCursor.decode(cursor), RequestParams.limit(limit, 20, 100))
                .map(page -> page.map(SessionResponse::of));
    }
}
