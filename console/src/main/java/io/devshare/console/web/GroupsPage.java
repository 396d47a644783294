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
import io.devshare.console.client.DeviceApi.Group;
import io.devshare.console.client.Page;
import io.devshare.console.client.ServiceProblem;
import io.devshare.console.text.Language;

import static io.devshare.console.web.FormValues.uuid;

/** Groups of our devices: a fleet shared at once, devices added later shared with it. */
@Path("/groups")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class GroupsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance groups(Layout layout, List<Group> groups, String name, ServiceProblem problem);

        static native TemplateInstance group(Layout layout, GroupView view);
    }

    /** A group, its devices (by name) and the devices of ours that could join it. */
    public record GroupView(Group group, List<Device> members, List<Device> candidates, ServiceProblem problem) {}

    private final DeviceApi devices;
    private final Layouts layouts;

    @Inject
    public GroupsPage(@RestClient DeviceApi devices, Layouts layouts) {
        this.devices = devices;
        this.layouts = layouts;
    }

    @GET
    public Uni<TemplateInstance> list(@QueryParam("notice") String notice) {
        return devices.groups(null, 100)
                .map(p -> Templates.groups(layouts.of("devices", Notices.text(notice)), p.items(), "", null));
    }

    @POST
    public Uni<RestResponse<Object>> create(@RestForm String name) {
        String n = name == null ? "" : name.strip();
        return Answers.redirectOr(
                devices.createGroup(new DeviceApi.GroupRequest(n)),
                g -> "/groups/" + g.id() + "?notice=group-created",
                p -> devices.groups(null, 100)
                        .map(g -> Templates.groups(layouts.of("devices", null), g.items(), n, p)));
    }

    @GET
    @Path("{id}")
    public Uni<TemplateInstance> group(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        return view(id, null).map(v -> Templates.group(layouts.of("devices", Notices.text(notice)), v));
    }

    @POST
    @Path("{id}/devices")
    public Uni<RestResponse<Object>> add(@PathParam("id") UUID id, @RestForm String deviceId) {
        UUID device = uuid(deviceId);
        Uni<Void> action = device == null
                ? Answers.<Void>refused(
                        "deviceId", Language.current().sentences().refusedChooseDevice())
                : devices.addToGroup(id, device);
        return act(id, action, "group-added");
    }

    @POST
    @Path("{id}/devices/{deviceId}/remove")
    public Uni<RestResponse<Object>> remove(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId) {
        return act(id, devices.removeFromGroup(id, deviceId), "group-removed");
    }

    private Uni<RestResponse<Object>> act(UUID id, Uni<Void> action, String notice) {
        return Answers.redirectOr(
                action,
                "/groups/" + id + "?notice=" + notice,
                p -> view(id, p).map(v -> Templates.group(layouts.of("devices", null), v)));
    }

    private Uni<GroupView> view(UUID id, ServiceProblem problem) {
        return Uni.combine()
                .all()
                .unis(
                        devices.group(id),
                        devices.devices("owned", null, null, 100).map(Page::items))
                .asTuple()
                .map(t -> {
                    List<UUID> in = t.getItem1().deviceIds() == null
                            ? List.of()
                            : t.getItem1().deviceIds();
                    return new GroupView(
                            t.getItem1(),
                            t.getItem2().stream()
                                    .filter(d -> in.contains(d.id()))
                                    .toList(),
                            t.getItem2().stream()
                                    .filter(d -> !in.contains(d.id()))
                                    .toList(),
                            problem);
                });
    }
}
