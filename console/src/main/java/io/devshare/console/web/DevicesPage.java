package io.devshare.console.web;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

import io.devshare.console.client.DeviceApi;
import io.devshare.console.client.DeviceApi.Device;
import io.devshare.console.client.Page;

/** Devices: the ones we own and the ones shared with us, in one list, with who shared what and who uses it now. */
@Path("/devices")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DevicesPage {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance devices(Layout layout, DevicesView view);

        static native TemplateInstance device(Layout layout, Device device);
    }

    /** {@code ownership}: "" (all), owned or shared; {@code cursor} of this page, for the link back to the first. */
    public record DevicesView(Page<Device> page, String ownership, String tag, String cursor) {
        public boolean filtered() {
            return !ownership.isEmpty() || !tag.isEmpty();
        }
    }

    private final DeviceApi devices;
    private final Layouts layouts;

    @Inject
    public DevicesPage(@RestClient DeviceApi devices, Layouts layouts) {
        this.devices = devices;
        this.layouts = layouts;
    }

    @GET
    public Uni<TemplateInstance> list(
            @QueryParam("ownership") String ownership,
            @QueryParam("tag") String tag,
            @QueryParam("cursor") String cursor) {
        String own = "owned".equals(ownership) || "shared".equals(ownership) ? ownership : "";
        String t = tag == null ? "" : tag.strip();
        return devices.devices(own.isEmpty() ? null : own, t.isEmpty() ? null : t, blankToNull(cursor), PAGE_SIZE)
                .map(page -> Templates.devices(
                        layouts.of("devices", null), new DevicesView(page, own, t, cursor == null ? "" : cursor)));
    }

    @GET
    @Path("{id}")
    public Uni<TemplateInstance> device(@PathParam("id") UUID id) {
        return devices.device(id).map(d -> Templates.device(layouts.of("devices", null), d));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
