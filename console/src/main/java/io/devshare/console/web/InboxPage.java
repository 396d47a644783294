package io.devshare.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

import io.devshare.console.client.NotificationApi;
import io.devshare.console.client.NotificationApi.Inbox;

/** Inbox: the invitations waiting for us, and every mail sent about our organization, with its status. */
@Path("/inbox")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Layout layout, Inbox inbox);
    }

    private final NotificationApi notifications;
    private final Layouts layouts;

    @Inject
    public InboxPage(@RestClient NotificationApi notifications, Layouts layouts) {
        this.notifications = notifications;
        this.layouts = layouts;
    }

    @GET
    public Uni<TemplateInstance> inbox(@QueryParam("cursor") String cursor) {
        return notifications
                .inbox(cursor == null || cursor.isBlank() ? null : cursor, 50)
                .map(inbox -> Templates.inbox(layouts.of("inbox", null), inbox));
    }
}
