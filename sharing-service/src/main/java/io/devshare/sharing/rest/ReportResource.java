package io.devshare.sharing.rest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
                    + " [from, to) it was shared with each partner. At most 366 days per report. Each bound is a"
                    + " date-time with offset or a plain date (UTC): a plain `from` is the start of that day, a plain"
                    + " `to` includes that whole day (from=2026-12-01&to=2026-12-31 is December).")
    @APIResponse(responseCode = "200", description = "One line per owner, grantee and device or group")
    @APIResponse(responseCode = "400", description = "from/to missing, unreadable, reversed or too far apart")
    public Uni<List<UtilisationService.Line>> utilisation(
            @Parameter(
                            description = "Start of the period: a date (start of that day, UTC) or a date-time with"
                                    + " offset",
                            example = "2026-12-01")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "End of the period: a date (that day included, UTC) or a date-time with"
                                    + " offset (excluded)",
                            example = "2026-12-31")
                    @QueryParam("to")
                    String to) {
        OffsetDateTime start = time("from", from, false);
        OffsetDateTime end = time("to", to, true);
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.badRequest("to", "a report covers at most 366 days");
        }
        return utilisation.report(org.orgAlias(), start, end);
    }

    /**
     * A bound of the period: an ISO-8601 date-time with offset as given, or a plain ISO-8601 date in UTC — the start
     * of that day, or for the end ({@code wholeDay}) the start of the next, so that the day is included.
     */
    static OffsetDateTime time(String field, String value, boolean wholeDay) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "required: a date (2026-12-01) or a date-time with offset");
        }
        String v = value.strip();
        try {
            if (v.indexOf('T') < 0 && v.indexOf('t') < 0) {
                LocalDate day = LocalDate.parse(v);
                return (wholeDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(v);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(
                    field, "not a date (2026-12-01) or a date-time with offset (2026-12-01T00:00:00Z)");
        }
    }
}
