package io.devshare.console.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

import io.devshare.console.client.NotificationApi;
import io.devshare.console.client.NotificationApi.Contact;
import io.devshare.console.client.NotificationApi.Settings;
import io.devshare.console.client.ServiceProblem;

/** Notification settings: the language of the organization's mails, and who gets which kind of mail. */
@Path("/settings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Layout layout, SettingsView view);
    }

    /** The settings as shown, with one empty row to add a contact, and the service's refusal if any. */
    public record SettingsView(Settings settings, List<Contact> rows, ServiceProblem problem) {
        public boolean has(Contact c, String kind) {
            return c.kinds() != null && c.kinds().contains(kind);
        }
    }

    private final NotificationApi notifications;
    private final Layouts layouts;
    private final OrgLanguages languages;

    @Inject
    public SettingsPage(@RestClient NotificationApi notifications, Layouts layouts, OrgLanguages languages) {
        this.notifications = notifications;
        this.layouts = layouts;
        this.languages = languages;
    }

    @GET
    public Uni<TemplateInstance> page(@QueryParam("notice") String notice) {
        return notifications
                .settings()
                .map(s ->
                        Templates.settings(layouts.of("settings", Notices.text(notice)), view(s, s.contacts(), null)));
    }

    /**
     * Rows are numbered fields {@code email.N} and {@code kinds.N}; a row without an address is dropped, so clearing
     * an address removes that contact.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<Object>> save(MultivaluedMap<String, String> form) {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 60 && form.containsKey("email." + i); i++) {
            String email = form.getFirst("email." + i);
            if (email != null && !email.isBlank()) {
                List<String> kinds = form.get("kinds." + i);
                contacts.add(new Contact(email.strip(), kinds == null ? List.of() : kinds));
            }
        }
        String language = form.getFirst("language");
        return Answers.redirectOr(
                notifications
                        .saveSettings(new NotificationApi.SettingsRequest(language, contacts))
                        .call(() -> languages.forget(layouts.org())),
                "/settings?notice=saved",
                p -> notifications
                        .settings()
                        .map(s -> Templates.settings(layouts.of("settings", null), view(s, contacts, p))));
    }

    private static SettingsView view(Settings s, List<Contact> contacts, ServiceProblem problem) {
        List<Contact> rows = new ArrayList<>(contacts == null ? List.of() : contacts);
        rows.add(new Contact("", List.of()));
        return new SettingsView(s, rows, problem);
    }
}
