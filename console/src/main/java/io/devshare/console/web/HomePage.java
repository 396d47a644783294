package io.devshare.console.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The console's entry, and the page a person sees after signing out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @Inject
    Who who;

    /** An organization's people start at the sharing home; the platform operator (no organization) at licences. */
    @GET
    @Authenticated
    public RestResponse<Object> home() {
        return RestResponse.seeOther(URI.create(who.org() == null ? "/operator/licences" : "/sharing"));
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
