package io.devshare.console.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

import io.devshare.console.client.DeviceApi;
import io.devshare.console.client.ServiceProblem;
import io.devshare.console.client.SharingApi;
import io.devshare.console.client.SharingApi.UtilisationLine;

/** The utilisation report: share-days per partner and device or group within a period, on the page and as CSV. */
@Path("/reports/utilisation")
@Authenticated
public class ReportsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance utilisation(Layout layout, ReportView view);
    }

    /** A period of whole days (UTC), the last one included. */
    public record ReportView(String from, String to, List<UtilisationLine> lines, Names names, ServiceProblem problem) {
        public String days(double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }

        /** The device or group by the name people know it by ({@link Names}). */
        public String what(UtilisationLine l) {
            return names.what(l.groupId(), l.deviceId(), l.ownerOrg());
        }
    }

    private final SharingApi sharing;
    private final DeviceApi devices;
    private final Layouts layouts;

    @Inject
    public ReportsPage(@RestClient SharingApi sharing, @RestClient DeviceApi devices, Layouts layouts) {
        this.sharing = sharing;
        this.devices = devices;
        this.layouts = layouts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] period = period(from, to);
        return Uni.combine()
                .all()
                .unis(
                        sharing.utilisation(period[0].toString(), period[1].toString()),
                        Names.of(devices, null, true).onFailure().recoverWithItem(Names.NONE))
                .asTuple()
                .map(t -> new ReportView(period[0].toString(), period[1].toString(), t.getItem1(), t.getItem2(), null))
                .onFailure(ServiceProblem::isRefusal)
                .recoverWithItem(f -> new ReportView(
                        period[0].toString(), period[1].toString(), List.of(), Names.NONE, ServiceProblem.of(f)))
                .map(v -> Templates.utilisation(layouts.of("sharing", null), v));
    }

    /** The same lines as CSV (RFC 4180; every text field quoted), for a spreadsheet. */
    @GET
    @Path("csv")
    @Produces("text/csv")
    public Uni<Response> csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] period = period(from, to);
        return sharing.utilisation(period[0].toString(), period[1].toString()).map(lines -> {
            StringBuilder csv = new StringBuilder("owner,partner,device,group,grants,share_days\r\n");
            for (UtilisationLine l : lines) {
                csv.append(quote(l.ownerOrg()))
                        .append(',')
                        .append(quote(l.granteeOrg()))
                        .append(',')
                        .append(quote(l.deviceId() == null ? "" : l.deviceId().toString()))
                        .append(',')
                        .append(quote(l.groupId() == null ? "" : l.groupId().toString()))
                        .append(',')
                        .append(l.grants())
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.3f", l.shareDays()))
                        .append("\r\n");
            }
            return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"utilisation-" + period[0] + "-" + period[1] + ".csv\"")
                    .build();
        });
    }

    /** A CSV field: quoted, quotes doubled, and a leading =, +, - or @ defused so no spreadsheet runs it. */
    static String quote(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static LocalDate[] period(String from, String to) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate f = parse(from, today.withDayOfMonth(1));
        LocalDate t = parse(to, today);
        return new LocalDate[] {f, t.isBefore(f) ? f : t};
    }

    private static LocalDate parse(String s, LocalDate fallback) {
        try {
            return s == null || s.isBlank() ? fallback : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
