package io.devshare.console.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

import io.devshare.console.client.DeviceApi;
import io.devshare.console.client.DeviceApi.Device;
import io.devshare.console.client.DeviceApi.Group;
import io.devshare.console.client.Page;
import io.devshare.console.client.PartnerApi;
import io.devshare.console.client.PartnerApi.Invitation;
import io.devshare.console.client.PartnerApi.Partnership;
import io.devshare.console.client.ProjectApi;
import io.devshare.console.client.ServiceProblem;
import io.devshare.console.client.SharingApi;
import io.devshare.console.client.SharingApi.Grant;
import io.devshare.console.client.SharingApi.HistoryEntry;
import io.devshare.console.text.Language;
import io.devshare.console.text.Sentences;

import static io.devshare.console.web.FormValues.orNull;
import static io.devshare.console.web.FormValues.text;
import static io.devshare.console.web.FormValues.uuid;

/**
 * Sharing, arranged like Keycloak's account console arranges shared resources: what needs our approval, what we
 * share and with whom (revoke from there), what is shared with us (give back from there), our requests waiting for
 * approval; the share dialog, which previews what the partner will see and be able to do before anything is shared;
 * a grant with its history, its change of role or end date, and the confirmation of a revoke or a give-back.
 */
@Path("/sharing")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SharingPage {

    private static final int LIST = 50;

    /** How many projects (and of each list) the revoke and give-back confirmations name. */
    private static final int IMPACT = 10;

    /** The confirmation waits this long for its preview, then shows the page without it. */
    private static final Duration IMPACT_WAIT = Duration.ofSeconds(3);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Layout layout, HomeView view);

        static native TemplateInstance home$incoming(HomeView view);

        static native TemplateInstance grants(Layout layout, GrantsView view);

        static native TemplateInstance share(Layout layout, ShareView view);

        static native TemplateInstance share$preview(ShareView view);

        static native TemplateInstance grant(Layout layout, GrantView view);

        static native TemplateInstance end(Layout layout, GrantView view, boolean revoke, ImpactView impact);
    }

    /** A grant with the names a person knows its device or group by. */
    public record Row(Grant grant, String what) {}

    public record HomeView(
            List<Invitation> approvals, List<Row> outgoing, List<Row> incoming, List<Invitation> requests) {}

    public record GrantsView(boolean outgoing, List<Row> rows, String nextCursor, String cursor) {}

    /** The share dialog: the choices offered, what was chosen, and the service's refusal if any. */
    public record ShareView(
            List<Partnership> partners,
            List<Device> devices,
            List<Group> groups,
            List<Roles.Role> roles,
            ShareForm form,
            ServiceProblem problem) {

        public Roles.Role role() {
            return Roles.of(form.role());
        }

        public Partnership partner() {
            return partners.stream()
                    .filter(p -> p.partner().alias().equals(form.partner()))
                    .findFirst()
                    .orElse(null);
        }

        public List<Device> chosenDevices() {
            return devices.stream()
                    .filter(d -> form.deviceIds().contains(d.id()))
                    .toList();
        }

        /** The chosen devices' names, for the preview's sentence. */
        public String chosenDeviceNames() {
            return String.join(", ", chosenDevices().stream().map(Device::name).toList());
        }

        public Group chosenGroup() {
            return groups.stream()
                    .filter(g -> g.id().equals(form.groupId()))
                    .findFirst()
                    .orElse(null);
        }

        public boolean ready() {
            return partner() != null && role() != null && (!chosenDevices().isEmpty() || chosenGroup() != null);
        }

        public boolean chosen(Device d) {
            return form.deviceIds().contains(d.id());
        }
    }

    /** What the person chose in the share dialog; dates are whole days in UTC, the end day included. */
    public record ShareForm(
            String partner, List<UUID> deviceIds, UUID groupId, String role, String startDate, String endDate) {

        OffsetDateTime startsAt() {
            LocalDate d = date(startDate);
            return d == null || !d.isAfter(LocalDate.now(ZoneOffset.UTC))
                    ? null
                    : d.atStartOfDay().atOffset(ZoneOffset.UTC);
        }

        OffsetDateTime endsAt() {
            LocalDate d = date(endDate);
            return d == null ? null : d.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        }

        public String period() {
            LocalDate s = date(startDate);
            LocalDate e = date(endDate);
            Sentences m = Language.current().sentences();
            String from = s == null || !s.isAfter(LocalDate.now(ZoneOffset.UTC)) ? m.periodFromNow() : m.periodFrom(s);
            return e == null ? m.periodOpen(from) : m.periodUntil(from, e);
        }
    }

    public record GrantView(
            Grant grant, String what, boolean owner, List<HistoryEntry> history, ServiceProblem problem) {
        public List<String> capabilities() {
            return Roles.sentences(grant.capabilities());
        }

        public List<Roles.Role> roles() {
            return Roles.ALL;
        }

        public String endDate() {
            return grant.endsAt() == null
                    ? ""
                    : grant.endsAt().minusNanos(1).toLocalDate().toString();
        }
    }

    private final SharingApi sharing;
    private final PartnerApi partners;
    private final DeviceApi devices;
    private final ProjectApi projects;
    private final Layouts layouts;

    @Inject
    public SharingPage(
            @RestClient SharingApi sharing,
            @RestClient PartnerApi partners,
            @RestClient DeviceApi devices,
            @RestClient ProjectApi projects,
            Layouts layouts) {
        this.sharing = sharing;
        this.partners = partners;
        this.devices = devices;
        this.projects = projects;
        this.layouts = layouts;
    }

    @GET
    public Uni<TemplateInstance> home(@QueryParam("notice") String notice) {
        Uni<List<Invitation>> approvals =
                partners.invitations("incoming", "PENDING", null, 20).map(Page::items);
        Uni<List<Invitation>> requests =
                partners.invitations("outgoing", "PENDING", null, 20).map(Page::items);
        return Uni.combine()
                .all()
                .unis(approvals, rows(true, null, 10), rows(false, null, 10), requests)
                .asTuple()
                .map(t -> Templates.home(
                        layouts.of("sharing", Notices.text(notice)),
                        new HomeView(
                                t.getItem1(), t.getItem2().items(), t.getItem3().items(), t.getItem4())));
    }

    /** The home's "shared with you", polled by htmx: a share arriving shows within 2 s without a reload. */
    @GET
    @Path("shared-with-us")
    public Uni<TemplateInstance> sharedWithUs() {
        return rows(false, null, 10)
                .map(p -> Templates.home$incoming(new HomeView(List.of(), List.of(), p.items(), List.of())));
    }

    /** Where a mail about a share we gave lands. */
    @GET
    @Path("outgoing")
    public Uni<TemplateInstance> outgoing(@QueryParam("cursor") String cursor, @QueryParam("notice") String notice) {
        return grants(true, cursor, notice);
    }

    /** Where a mail about a share we received lands. */
    @GET
    @Path("incoming")
    public Uni<TemplateInstance> incoming(@QueryParam("cursor") String cursor, @QueryParam("notice") String notice) {
        return grants(false, cursor, notice);
    }

    private Uni<TemplateInstance> grants(boolean outgoing, String cursor, String notice) {
        return rows(outgoing, orNull(cursor), LIST)
                .map(p -> Templates.grants(
                        layouts.of("sharing", Notices.text(notice)),
                        new GrantsView(outgoing, p.items(), p.nextCursor(), text(cursor))));
    }

    @GET
    @Path("new")
    public Uni<TemplateInstance> dialog(
            @RestQuery String partner,
            @RestQuery List<String> device,
            @RestQuery String group,
            @RestQuery String role,
            @RestQuery String startDate,
            @RestQuery String endDate) {
        ShareForm form = form(partner, device, group, role == null ? "OPERATOR" : role, startDate, endDate);
        return shareView(form, null).map(v -> Templates.share(layouts.of("sharing", null), v));
    }

    /** The preview beside the dialog, redrawn by htmx whenever a choice changes; it changes nothing. */
    @GET
    @Path("preview")
    public Uni<TemplateInstance> preview(
            @RestQuery String partner,
            @RestQuery List<String> device,
            @RestQuery String group,
            @RestQuery String role,
            @RestQuery String startDate,
            @RestQuery String endDate) {
        return shareView(form(partner, device, group, role, startDate, endDate), null)
                .map(Templates::share$preview);
    }

    @POST
    @Path("new")
    public Uni<RestResponse<Object>> share(
            @RestForm String partner,
            @RestForm List<String> device,
            @RestForm String group,
            @RestForm String role,
            @RestForm String startDate,
            @RestForm String endDate) {
        ShareForm form = form(partner, device, group, role, startDate, endDate);
        Uni<SharingApi.Share> action = sharing.share(new SharingApi.ShareRequest(
                form.partner(),
                form.groupId() == null ? form.deviceIds() : null,
                form.groupId(),
                form.role(),
                form.startsAt(),
                form.endsAt()));
        return Answers.redirectOr(
                action,
                "/sharing/outgoing?notice=shared",
                p -> shareView(form, p).map(v -> Templates.share(layouts.of("sharing", null), v)));
    }

    @GET
    @Path("grants/{id}")
    public Uni<TemplateInstance> grant(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        return grantView(id, null).map(v -> Templates.grant(layouts.of("sharing", Notices.text(notice)), v));
    }

    @POST
    @Path("grants/{id}/change")
    public Uni<RestResponse<Object>> change(
            @PathParam("id") UUID id, @RestForm String role, @RestForm String endDate, @RestForm boolean clearEnd) {
        ShareForm f = form(null, null, null, role, null, endDate);
        return Answers.redirectOr(
                sharing.update(
                        id,
                        new SharingApi.UpdateRequest(
                                orNull(role), clearEnd ? null : f.endsAt(), clearEnd ? true : null)),
                "/sharing/grants/" + id + "?notice=changed",
                p -> grantView(id, p).map(v -> Templates.grant(layouts.of("sharing", null), v)));
    }

    @GET
    @Path("grants/{id}/revoke")
    public Uni<TemplateInstance> confirmRevoke(@PathParam("id") UUID id) {
        return endPage(id, null, true);
    }

    @POST
    @Path("grants/{id}/revoke")
    public Uni<RestResponse<Object>> revoke(@PathParam("id") UUID id) {
        return end(id, sharing.revoke(id), "/sharing/outgoing?notice=revoked", true);
    }

    @GET
    @Path("grants/{id}/leave")
    public Uni<TemplateInstance> confirmLeave(@PathParam("id") UUID id) {
        return endPage(id, null, false);
    }

    @POST
    @Path("grants/{id}/leave")
    public Uni<RestResponse<Object>> leave(@PathParam("id") UUID id) {
        return end(id, sharing.leave(id), "/sharing/incoming?notice=left", false);
    }

    private Uni<RestResponse<Object>> end(UUID id, Uni<Grant> action, String then, boolean revoke) {
        return Answers.redirectOr(action, then, p -> endPage(id, p, revoke));
    }

    /** The confirmation of a revoke or a give-back, with its preview of what the grantee's projects lose. */
    private Uni<TemplateInstance> endPage(UUID id, ServiceProblem problem, boolean revoke) {
        return Uni.combine()
                .all()
                .unis(grantView(id, problem), impact(id))
                .asTuple()
                .map(t -> Templates.end(
                        layouts.of("sharing", null),
                        t.getItem1(),
                        revoke,
                        ImpactView.of(t.getItem2(), !t.getItem1().grant().isGroup())));
    }

    /**
     * project-service's preview of ending the grant; null when it cannot be had now (down, slow, refused), so that
     * the confirmation still works and says the effect could not be previewed.
     */
    private Uni<ProjectApi.Impact> impact(UUID id) {
        return projects.impact(id, IMPACT)
                .ifNoItem()
                .after(IMPACT_WAIT)
                .fail()
                .onFailure()
                .recoverWithNull();
    }

    private Uni<GrantView> grantView(UUID id, ServiceProblem problem) {
        String org = layouts.org();
        return sharing.grant(id)
                .chain(g -> Uni.combine()
                        .all()
                        .unis(names(g.ownerOrg().equals(org)), sharing.history(id))
                        .asTuple()
                        .map(t -> new GrantView(
                                g, what(g, t.getItem1()), g.ownerOrg().equals(org), t.getItem2(), problem)));
    }

    private Uni<ShareView> shareView(ShareForm form, ServiceProblem problem) {
        return Uni.combine()
                .all()
                .unis(
                        partners.partners(null, 100).map(Page::items),
                        devices.devices("owned", null, null, 100).map(Page::items),
                        devices.groups(null, 100).map(Page::items))
                .asTuple()
                .map(t -> new ShareView(t.getItem1(), t.getItem2(), t.getItem3(), Roles.ALL, form, problem));
    }

    /**
     * A page of grants with the names of what they share; the names are asked for only when there is a grant to name
     * (two or three calls saved on an empty side, which the sharing home often has).
     */
    private Uni<Page<Row>> rows(boolean outgoing, String cursor, int limit) {
        return sharing.grants(outgoing ? "outgoing" : "incoming", "ACTIVE", cursor, limit)
                .chain(grants -> grants.items().isEmpty()
                        ? Uni.createFrom().item(new Page<Row>(List.of(), grants.nextCursor()))
                        : names(outgoing)
                                .map(names -> new Page<>(
                                        grants.items().stream()
                                                .map(g -> new Row(g, what(g, names)))
                                                .toList(),
                                        grants.nextCursor())));
    }

    /** Names of what our grants (ours: our devices and groups) or a partner's (its devices shared with us) name. */
    private Uni<Names> names(boolean ours) {
        return Names.of(devices, ours ? "owned" : "shared", ours);
    }

    private static String what(Grant g, Names names) {
        return names.what(g.isGroup() ? g.groupId() : null, g.deviceId(), g.ownerOrg());
    }

    private static ShareForm form(
            String partner, List<String> device, String group, String role, String startDate, String endDate) {
        List<UUID> ids = device == null
                ? List.of()
                : device.stream()
                        .map(FormValues::uuid)
                        .filter(java.util.Objects::nonNull)
                        .toList();
        return new ShareForm(
                text(partner),
                ids,
                uuid(group),
                text(role).toUpperCase(java.util.Locale.ROOT),
                text(startDate),
                text(endDate));
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
