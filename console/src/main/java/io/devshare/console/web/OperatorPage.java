package io.devshare.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import io.devshare.console.client.DeviceApi;
import io.devshare.console.client.DeviceApi.Licences;
import io.devshare.console.client.ServiceProblem;
import io.devshare.console.text.Language;

import static io.devshare.console.web.FormValues.text;

/**
 * The platform operator's licence pools: how many devices an organization may register. device-service allows it to
 * the role {@code platform-operator} only; anyone else is told so by the service's 403.
 */
@Path("/operator/licences")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class OperatorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance licences(
                Layout layout, String org, Licences pool, String size, ServiceProblem problem);
    }

    private final DeviceApi devices;
    private final Layouts layouts;

    @Inject
    public OperatorPage(@RestClient DeviceApi devices, Layouts layouts) {
        this.devices = devices;
        this.layouts = layouts;
    }

    @GET
    public Uni<TemplateInstance> page(@QueryParam("org") String org, @QueryParam("notice") String notice) {
        String o = org == null ? "" : org.strip();
        Uni<Licences> pool = o.isEmpty() ? Uni.createFrom().nullItem() : devices.licencesOf(o);
        return pool.map(p -> Templates.licences(
                        layouts.of("operator", Notices.text(notice)),
                        o,
                        p,
                        p == null ? "" : Integer.toString(p.size()),
                        null))
                .onFailure(ServiceProblem::isRefusal)
                .recoverWithItem(
                        f -> Templates.licences(layouts.of("operator", null), o, null, "", ServiceProblem.of(f)));
    }

    @POST
    public Uni<RestResponse<Object>> set(@RestForm String org, @RestForm String size) {
        String o = org == null ? "" : org.strip();
        Integer n;
        try {
            n = Integer.valueOf(size == null ? "" : size.strip());
        } catch (NumberFormatException e) {
            n = null;
        }
        Uni<Licences> action = n == null
                ? Answers.refused("size", Language.current().sentences().refusedWholeNumber())
                : devices.setLicences(o, new DeviceApi.LicenceRequest(n));
        return Answers.redirectOr(
                action,
                "/operator/licences?org=" + TemplateExtensions.url(o) + "&notice=saved",
                p -> Uni.createFrom().item(Templates.licences(layouts.of("operator", null), o, null, text(size), p)));
    }
}
