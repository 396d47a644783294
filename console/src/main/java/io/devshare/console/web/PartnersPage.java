package io.devshare.console.web;

import java.util.Arrays;
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
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

import io.devshare.console.client.Page;
import io.devshare.console.client.PartnerApi;
import io.devshare.console.client.PartnerApi.Invitation;
import io.devshare.console.client.PartnerApi.Partnership;
import io.devshare.console.client.PartnerApi.SharingCode;
import io.devshare.console.client.ServiceProblem;

import static io.devshare.console.web.FormValues.text;

/**
 * Partners: who we are partners with, invitations both ways, our sharing code, connecting by a partner's code,
 * ending a partnership. Every action is a form (CSRF-checked) answered with a redirect to the page that shows its
 * result, or the same page again with the service's refusal next to the field it concerns.
 */
@Path("/partners")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PartnersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance partners(Layout layout, PartnersView view);

        static native TemplateInstance partners$live(PartnersView view);

        static native TemplateInstance invitation(Layout layout, InvitationView view);

        static native TemplateInstance invitation$status(InvitationView view);

        static native TemplateInstance end(Layout layout, Partnership partnership);
    }

    /** Everything the partners page shows; {@code form} holds what a person typed when a service refused it. */
    public record PartnersView(
            List<Partnership> partners,
            String partnersNext,
            SharingCode code,
            List<Invitation> incoming,
            List<Invitation> outgoing,
            InviteForm invite,
            String connectCode,
            ServiceProblem inviteProblem,
            ServiceProblem connectProblem,
            ServiceProblem problem) {}

    public record InviteForm(String partnerAlias, String notifyEmails, String message) {
        static final InviteForm EMPTY = new InviteForm("", "", "");
    }

    public record InvitationView(
            Invitation invitation, boolean received, String declineReason, ServiceProblem problem) {
        public boolean canAnswer() {
            return received && invitation.isPending();
        }

        public boolean canCancel() {
            return !received && invitation.isPending();
        }
    }

    private final PartnerApi partners;
    private final Layouts layouts;

    @Inject
    public PartnersPage(@RestClient PartnerApi partners, Layouts layouts) {
        this.partners = partners;
        this.layouts = layouts;
    }

    @GET
    public Uni<TemplateInstance> page(@QueryParam("notice") String notice, @QueryParam("cursor") String cursor) {
        return load(cursor, InviteForm.EMPTY, "", null, null, null)
                .map(view -> Templates.partners(layouts.of("partners", Notices.text(notice)), view));
    }

    /** The parts of the page that others change (an invitation answered, a new partner), polled by htmx. */
    @GET
    @Path("live")
    public Uni<TemplateInstance> live() {
        // Asked every 2 s: the parts it redraws, not the sharing code.
        return load(null, Uni.createFrom().nullItem(), InviteForm.EMPTY, "", null, null, null)
                .map(Templates::partners$live);
    }

    @POST
    @Path("invite")
    public Uni<RestResponse<Object>> invite(
            @RestForm String partnerAlias, @RestForm String notifyEmails, @RestForm String message) {
        InviteForm form = new InviteForm(text(partnerAlias), text(notifyEmails), text(message));
        List<String> emails = Arrays.stream(form.notifyEmails().split("[\\s,;]+"))
                .filter(s -> !s.isBlank())
                .toList();
        return Answers.redirectOr(
                partners.invite(new PartnerApi.InviteRequest(
                        form.partnerAlias().strip(), emails, form.message().isBlank() ? null : form.message())),
                "/partners?notice=invited",
                p -> again(load(null, form, "", p, null, null)));
    }

    @POST
    @Path("connect")
    public Uni<RestResponse<Object>> connect(@RestForm String code) {
        return Answers.redirectOr(
                partners.connect(new PartnerApi.ConnectRequest(text(code).strip())),
                "/partners?notice=connected",
                p -> again(load(null, InviteForm.EMPTY, text(code), null, p, null)));
    }

    @POST
    @Path("sharing-code/regenerate")
    public Uni<RestResponse<Object>> regenerate() {
        return Answers.redirectOr(partners.regenerateSharingCode(), "/partners?notice=regenerated", this::refused);
    }

    @GET
    @Path("{id}/end")
    public Uni<TemplateInstance> confirmEnd(@PathParam("id") UUID id) {
        return allPartners()
                .map(list -> list.stream()
                        .filter(p -> p.id().equals(id))
                        .findFirst()
                        .orElseThrow(() -> new jakarta.ws.rs.NotFoundException()))
                .map(p -> Templates.end(layouts.of("partners", null), p));
    }

    @POST
    @Path("{id}/end")
    public Uni<RestResponse<Object>> end(@PathParam("id") UUID id) {
        return Answers.redirectOr(partners.end(id), "/partners?notice=ended", this::refused);
    }

    // An invitation: where the mail's link lands.

    @GET
    @Path("invitations/{id}")
    public Uni<TemplateInstance> invitation(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        return invitationView(id, "", null)
                .map(view -> Templates.invitation(layouts.of("partners", Notices.text(notice)), view));
    }

    @GET
    @Path("invitations/{id}/status")
    public Uni<TemplateInstance> invitationStatus(@PathParam("id") UUID id) {
        return invitationView(id, "", null).map(Templates::invitation$status);
    }

    @POST
    @Path("invitations/{id}/accept")
    public Uni<RestResponse<Object>> accept(@PathParam("id") UUID id) {
        return answer(id, partners.accept(id), "accepted", "");
    }

    @POST
    @Path("invitations/{id}/decline")
    public Uni<RestResponse<Object>> decline(@PathParam("id") UUID id, @RestForm String reason) {
        String r = text(reason).strip();
        return answer(id, partners.decline(id, new PartnerApi.DeclineRequest(r.isEmpty() ? null : r)), "declined", r);
    }

    @POST
    @Path("invitations/{id}/cancel")
    public Uni<RestResponse<Object>> cancel(@PathParam("id") UUID id) {
        return answer(id, partners.cancel(id), "cancelled", "");
    }

    private Uni<RestResponse<Object>> answer(UUID id, Uni<Invitation> action, String notice, String reason) {
        return Answers.redirectOr(
                action,
                "/partners/invitations/" + id + "?notice=" + notice,
                // An invitation the caller can no longer see: the refusal alone, on the console's frame.
                p -> invitationView(id, reason, p)
                        .map(view -> Templates.invitation(layouts.of("partners", null), view))
                        .onFailure(ServiceProblem::isRefusal)
                        .recoverWithItem(g -> layouts.problem(p)));
    }

    private Uni<InvitationView> invitationView(UUID id, String reason, ServiceProblem problem) {
        String org = layouts.org();
        return partners.invitation(id).map(i -> new InvitationView(i, i.receivedBy(org), reason, problem));
    }

    private Uni<PartnersView> load(
            String cursor,
            InviteForm form,
            String connectCode,
            ServiceProblem inviteProblem,
            ServiceProblem connectProblem,
            ServiceProblem problem) {
        // Members may not see the code: the page then simply does not show it.
        Uni<SharingCode> code =
                partners.sharingCode().onFailure(ServiceProblem::isRefusal).recoverWithNull();
        return load(cursor, code, form, connectCode, inviteProblem, connectProblem, problem);
    }

    private Uni<PartnersView> load(
            String cursor,
            Uni<SharingCode> code,
            InviteForm form,
            String connectCode,
            ServiceProblem inviteProblem,
            ServiceProblem connectProblem,
            ServiceProblem problem) {
        Uni<Page<Partnership>> list = partners.partners(cursor, 50);
        Uni<Page<Invitation>> incoming = partners.invitations("incoming", "PENDING", null, 50);
        Uni<Page<Invitation>> outgoing = partners.invitations("outgoing", "PENDING", null, 50);
        return Uni.combine()
                .all()
                .unis(list, code, incoming, outgoing)
                .asTuple()
                .map(t -> new PartnersView(
                        t.getItem1().items(),
                        t.getItem1().nextCursor(),
                        t.getItem2(),
                        t.getItem3().items(),
                        t.getItem4().items(),
                        form,
                        connectCode,
                        inviteProblem,
                        connectProblem,
                        problem));
    }

    private Uni<List<Partnership>> allPartners() {
        return partners.partners(null, 100).map(Page::items);
    }

    private Uni<TemplateInstance> refused(ServiceProblem p) {
        return again(load(null, InviteForm.EMPTY, "", null, null, p));
    }

    private Uni<TemplateInstance> again(Uni<PartnersView> view) {
        return view.map(v -> Templates.partners(layouts.of("partners", null), v));
    }
}
