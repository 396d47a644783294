package io.devshare.sharing.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import io.devshare.common.problem.ProblemException;
import io.devshare.sharing.service.UtilisationService;

@Path("/reports")
@Tag(name = "Reports", description = "Utilisation of shared devices (rental billing)")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final UtilisationService utilisation;
    private final OrgContext org;

    @Inject
    public ReportResource(UtilisationService utilisation, OrgContext org) {
        this.utilisation = utilisation;
        this.org = org;
    }

    @GET
    @Path("utilisation")
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "Share-days per partner and device within a period",
            description = "For every device (or group) your organization shared or received: how many days of"
                    + " [from, to) it was shared with each partner. At most 366 days per report.")
    @APIResponse(responseCode = "200", description = "One line per owner, grantee and device or group")
    @APIResponse(responseCode = "400", description = "from/to missing, unreadable, reversed or too far apart")
    public Uni<List<UtilisationService.Line>> utilisation(
            @Parameter(description = "Start of the period (ISO-8601)", example = "2026-12-01T00:00:00Z")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "End of the period (ISO-8601)", example = "2027-01-01T00:00:00Z") @QueryParam("to")
                    String to) {
        OffsetDateTime start = time("from", from);
        OffsetDateTime end = time("to", to);
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.badRequest("to", "a report covers at most 366 days");
        }
        return utilisation.report(org.orgAlias(), start, end);
    }

    private static OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "required (ISO-8601 date-time)");
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "not an ISO-8601 date-time");
        }
    }
}
