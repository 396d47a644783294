package io.devshare.sharing.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.common.page.Page;
import io.devshare.common.problem.Problem;
import io.devshare.common.problem.ProblemException;
import io.devshare.common.problem.RequestParams;
import io.devshare.sharing.Capability;
import io.devshare.sharing.service.AccessService;

/**
 * The access authority. The services ask it with their own client token about any organization; a person's
 * token may ask only about its own organization.
 */
@Path("/access")
@Tag(name = "Access", description = "May organization X do A on device D? Which devices can X reach?")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AccessResource {

    private final AccessService access;
    private final OrgContext org;

    @Inject
    public AccessResource(AccessService access, OrgContext org) {
        this.access = access;
        this.org = org;
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "May organization org do capability on device?",
            description = "Allowed for the owner, or through an active grant inside its rental period (directly or via"
                    + " a shared group) whose role includes the capability.")
    @APIResponse(responseCode = "200", description = "The decision and its reason")
    @APIResponse(responseCode = "400", description = "Unknown capability or invalid request")
    @APIResponse(responseCode = "403", description = "A person's token asking about another organization")
    public Uni<AccessCheckResponse> check(AccessCheckRequest request) {
        validate(request);
        String subject = subject(request.org());
        return access.check(subject, request.device(), capability(request.capability()))
                .map(AccessCheckResponse::of);
    }

    @GET
    @Path("devices")
    @Operation(summary = "The devices an organization can reach with a capability (owned and shared-in), by id")
    @APIResponse(responseCode = "200", description = "One page; nextCursor continues it")
    public Uni<Page<AccessService.Reachable>> devices(
            @Parameter(description = "Defaults to the caller's organization; services must name one") @QueryParam("org")
                    String forOrg,
            @Parameter(description = "Defaults to view", example = "assign-to-project") @QueryParam("capability")
                    String capability,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 500, default 100") @QueryParam("limit") String limit) {
        String subject = subject(forOrg);
        UUID after;
        try {
            after = cursor == null || cursor.isBlank() ? null : UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "not a cursor this list returned");
        }
        return access.reachable(
                subject,
                capability == null ? Capability.VIEW : capability(capability),
                after,
                RequestParams.limit(limit, 100, 500));
    }

    @GET
    @Path("devices/{deviceId}/organizations")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(summary = "For the owner: which organizations can reach one of its devices now, and why")
    @APIResponse(responseCode = "200", description = "Every organization with an effective grant")
    @APIResponse(responseCode = "404", description = "Not a device of your organization")
    public Uni<List<AccessService.Reach>> reach(@PathParam("deviceId") UUID deviceId) {
        String caller = org.orgAlias();
        return access.ownerOf(deviceId).chain(owner -> {
            if (!caller.equals(owner)) {
                throw ProblemException.notFound("No such device of your organization.", Map.of());
            }
            return access.whoCanReach(deviceId);
        });
    }

    /**
     * The constraints of {@link AccessCheckRequest}, checked here rather than by Bean Validation: the check is the
     * hottest call of the suite and the validator's interceptor was a measurable share of its cost. Same answer: 400
     * naming every invalid field.
     */
    private static void validate(AccessCheckRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "must not be null");
        }
        List<Problem.FieldError> errors = new ArrayList<>(3);
        if (request.capability() == null || request.capability().isBlank()) {
            errors.add(new Problem.FieldError("capability", "must not be blank"));
        }
        if (request.device() == null) {
            errors.add(new Problem.FieldError("device", "must not be null"));
        }
        if (request.org() == null || request.org().isBlank()) {
            errors.add(new Problem.FieldError("org", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            String detail = String.join(
                    "; ",
                    errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(400, "invalid-request", "Invalid request", detail, errors, Map.of());
        }
    }

    /** The organization asked about: any for a service; only its own for a person. */
    private String subject(String requested) {
        if (org.isService()) {
            if (requested == null || requested.isBlank()) {
                throw ProblemException.badRequest("org", "name the organization");
            }
            return requested.strip();
        }
        String own = org.orgAlias();
        if (requested != null && !requested.isBlank() && !requested.strip().equals(own)) {
            throw ProblemException.forbidden("You may only ask about your own organization.");
        }
        return own;
    }

    private static Capability capability(String value) {
        return Capability.fromWire(value)
                .orElseThrow(() -> ProblemException.badRequest("capability", "unknown capability '" + value + "'"));
    }
}
