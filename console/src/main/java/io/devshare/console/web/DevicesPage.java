package io.devshare.console.web;

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

import io.devshare.console.client.DeviceApi;
import io.devshare.console.client.DeviceApi.Device;
import io.devshare.console.client.Page;
import io.devshare.console.client.ServiceProblem;
import io.devshare.console.client.SharingApi;
import io.devshare.console.text.Language;

import static io.devshare.console.web.FormValues.orNull;
import static io.devshare.console.web.FormValues.text;

/** Devices: the ones we own and the ones shared with us, in one list, with who shared what and who uses it now. */
@Path("/devices")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DevicesPage {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance devices(Layout layout, DevicesView view);

        static native TemplateInstance device(Layout layout, DeviceView view);

        static native TemplateInstance register(
                Layout layout, RegisterForm form, ServiceProblem problem, List<String> kinds);
    }

    /** {@code ownership}: "" (all), owned or shared; {@code cursor} of this page, for the link back to the first. */
    public record DevicesView(Page<Device> page, String ownership, String tag, String cursor) {
        public boolean filtered() {
            return !ownership.isEmpty() || !tag.isEmpty();
        }
    }

    /** A device; for its owner also who can reach it and why; right after registration its credentials, once. */
    public record DeviceView(Device device, boolean owner, List<SharingApi.Reach> reach) {
        public List<String> sentences(List<String> capabilities) {
            return Roles.sentences(capabilities);
        }
    }

    public record RegisterForm(
            String serialNumber, String manufacturer, String model, String kind, String displayName, String tags) {}

    static final List<String> KINDS =
            List.of("MACHINE_CONTROL", "GNSS_ROVER", "BASE_STATION", "TOTAL_STATION", "TABLET", "OTHER");

    private final DeviceApi devices;
    private final SharingApi sharing;
    private final Layouts layouts;

    @Inject
    public DevicesPage(@RestClient DeviceApi devices, @RestClient SharingApi sharing, Layouts layouts) {
        this.devices = devices;
        this.sharing = sharing;
        this.layouts = layouts;
    }

    @GET
    public Uni<TemplateInstance> list(
            @QueryParam("ownership") String ownership,
            @QueryParam("tag") String tag,
            @QueryParam("cursor") String cursor) {
        String own = "owned".equals(ownership) || "shared".equals(ownership) ? ownership : "";
        String t = tag == null ? "" : tag.strip();
        return devices.devices(own.isEmpty() ? null : own, t.isEmpty() ? null : t, orNull(cursor), PAGE_SIZE)
                .map(page -> Templates.devices(
                        layouts.of("devices", null), new DevicesView(page, own, t, cursor == null ? "" : cursor)));
    }

    @GET
    @Path("{id}")
    public Uni<TemplateInstance> device(@PathParam("id") UUID id) {
        String org = layouts.org();
        return devices.device(id).chain(d -> {
            boolean owner = d.owner() != null && d.owner().alias().equals(org);
            // Right after registration sharing-service may not know the device yet (it learns it from device-events):
            // the page then says so instead of failing.
            Uni<List<SharingApi.Reach>> reach = owner
                    ? sharing.reach(id).onFailure(ServiceProblem::isRefusal).recoverWithNull()
                    : Uni.createFrom().item(List.of());
            return reach.map(r -> Templates.device(layouts.of("devices", null), new DeviceView(d, owner, r)));
        });
    }

    @GET
    @Path("new")
    public TemplateInstance registration() {
        return Templates.register(
                layouts.of("devices", null), new RegisterForm("", "", "", "GNSS_ROVER", "", ""), null, KINDS);
    }

    /**
     * Registers a device and shows its page with the credentials this once (the answer to the registration is the only
     * time device-service gives the secret; the page is not cached and not shown again).
     */
    @POST
    @Path("new")
    public Uni<RestResponse<Object>> register(
            @RestForm String serialNumber,
            @RestForm String manufacturer,
            @RestForm String model,
            @RestForm String kind,
            @RestForm String displayName,
            @RestForm String tags) {
        RegisterForm form = new RegisterForm(
                text(serialNumber), text(manufacturer), text(model), text(kind), text(displayName), text(tags));
        List<String> tagList = java.util.Arrays.stream(form.tags().split("[,\\s]+"))
                .filter(t -> !t.isBlank())
                .toList();
        return devices.register(new DeviceApi.RegisterRequest(
                        form.serialNumber().strip(),
                        form.manufacturer().strip(),
                        form.model().strip(),
                        form.kind(),
                        form.displayName().isBlank() ? null : form.displayName().strip(),
                        tagList))
                .map(d -> RestResponse.ResponseBuilder.<Object>create(201)
                        .entity(Templates.device(
                                layouts.of(
                                        "devices",
                                        Language.current().sentences().noticeRegistered()),
                                new DeviceView(d, true, List.of())))
                        .type(MediaType.TEXT_HTML_TYPE)
                        .header("Cache-Control", "no-store")
                        .build())
                .onFailure(ServiceProblem::isRefusal)
                .recoverWithItem(f -> {
                    ServiceProblem p = ServiceProblem.of(f);
                    return Answers.page(p.status(), Templates.register(layouts.of("devices", null), form, p, KINDS));
                });
    }
}
