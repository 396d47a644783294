package io.devshare.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import io.devshare.console.client.DeviceApi;
import io.devshare.console.client.DeviceApi.Device;
import io.devshare.console.client.Page;
import io.devshare.console.client.ProjectApi;
import io.devshare.console.client.ProjectApi.Assignment;
import io.devshare.console.client.ProjectApi.Design;
import io.devshare.console.client.ProjectApi.FieldData;
import io.devshare.console.client.ProjectApi.Project;
import io.devshare.console.client.ProjectApi.Session;
import io.devshare.console.client.ServiceProblem;
import io.devshare.console.text.Language;

import static io.devshare.console.web.FormValues.uuid;

/**
 * Projects: create one; assign own and shared devices; the map of the devices (drawn in the page from the GeoJSON,
 * no tiles from the internet); publish a design and watch its delivery; field data to download; remote sessions.
 */
@Path("/projects")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProjectsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance projects(
                Layout layout, List<Project> projects, String name, ServiceProblem problem);

        static native TemplateInstance project(Layout layout, ProjectView view);

        static native TemplateInstance project$designs(ProjectView view);
    }

    /** A project page: its devices, the ones that could join, the map, designs, sessions and field data. */
    public record ProjectView(
            Project project,
            List<Assignment> devices,
            List<Device> candidates,
            MapView map,
            List<Design> designs,
            List<Session> sessions,
            List<FieldData> fieldData,
            ServiceProblem problem) {

        public boolean deliveriesPending() {
            return designs.stream().anyMatch(d -> !d.settled());
        }

        public String deviceName(UUID id) {
            return devices.stream()
                    .filter(a -> a.deviceId().equals(id))
                    .map(a -> a.displayName() == null ? id.toString().substring(0, 8) : a.displayName())
                    .findFirst()
                    .orElse(id.toString().substring(0, 8));
        }
    }

    private final ProjectApi projects;
    private final DeviceApi devices;
    private final Layouts layouts;

    @Inject
    public ProjectsPage(@RestClient ProjectApi projects, @RestClient DeviceApi devices, Layouts layouts) {
        this.projects = projects;
        this.devices = devices;
        this.layouts = layouts;
    }

    @GET
    public Uni<TemplateInstance> list(@QueryParam("notice") String notice) {
        return projects.projects(null, null, 100)
                .map(p -> Templates.projects(layouts.of("projects", Notices.text(notice)), p.items(), "", null));
    }

    @POST
    public Uni<RestResponse<Object>> create(@RestForm String name, @RestForm String address) {
        String n = name == null ? "" : name.strip();
        String a = address == null || address.isBlank() ? null : address.strip();
        return Answers.redirectOr(
                projects.create(
                        new ProjectApi.CreateRequest(n, a == null ? null : new ProjectApi.SiteRequest(a), "active")),
                p -> "/projects/" + p.id() + "?notice=created",
                problem -> projects.projects(null, null, 100)
                        .map(p -> Templates.projects(layouts.of("projects", null), p.items(), n, problem)));
    }

    @GET
    @Path("{id}")
    public Uni<TemplateInstance> project(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        return view(id, null).map(v -> Templates.project(layouts.of("projects", Notices.text(notice)), v));
    }

    /** The designs with their deliveries, polled by htmx while a delivery is under way. */
    @GET
    @Path("{id}/designs")
    public Uni<TemplateInstance> designs(@PathParam("id") UUID id) {
        return designsView(id).map(Templates::project$designs);
    }

    /** Where a mail about a design's delivery lands: the project page, at its designs. */
    @GET
    @Path("{id}/transfers/{transferId}")
    public RestResponse<Object> transfer(@PathParam("id") UUID id, @PathParam("transferId") UUID transferId) {
        return Answers.seeOther("/projects/" + id + "#designs");
    }

    @POST
    @Path("{id}/devices")
    public Uni<RestResponse<Object>> assign(@PathParam("id") UUID id, @RestForm String deviceId) {
        UUID device = uuid(deviceId);
        return act(
                id,
                device == null ? invalid("deviceId") : projects.assign(id, new ProjectApi.AssignRequest(device)),
                "assigned");
    }

    @POST
    @Path("{id}/devices/{deviceId}/remove")
    public Uni<RestResponse<Object>> unassign(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId) {
        return act(id, projects.unassign(id, deviceId), "unassigned");
    }

    @POST
    @Path("{id}/sessions")
    public Uni<RestResponse<Object>> openSession(@PathParam("id") UUID id, @RestForm String deviceId) {
        UUID device = uuid(deviceId);
        return act(
                id,
                device == null ? invalid("deviceId") : projects.openSession(id, new ProjectApi.AssignRequest(device)),
                "session-opened");
    }

    @POST
    @Path("{id}/sessions/{sessionId}/close")
    public Uni<RestResponse<Object>> closeSession(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId) {
        return act(id, projects.closeSession(id, sessionId), "session-closed");
    }

    @POST
    @Path("{id}/close")
    public Uni<RestResponse<Object>> close(@PathParam("id") UUID id) {
        return act(id, projects.close(id), "closed");
    }

    /** Publishes the uploaded file as the project's design; the file is streamed on to project-service. */
    @POST
    @Path("{id}/designs")
    public Uni<RestResponse<Object>> publish(@PathParam("id") UUID id, @RestForm("design") FileUpload design) {
        if (design == null || design.fileName() == null || design.fileName().isBlank()) {
            return act(id, invalid("design"), "published");
        }
        String type = design.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : design.contentType();
        Uni<Design> published = Uni.createFrom()
                .item(() -> open(design))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(in -> projects.publish(id, type, design.fileName(), in).eventually(() -> closeQuietly(in)));
        return act(id, published, "published");
    }

    /** A field-data file, fetched from device-service (which checks access again) and handed to the browser. */
    @GET
    @Path("{id}/field-data/{deviceId}/{fileId}")
    @Produces(MediaType.WILDCARD)
    public Uni<Response> download(
            @PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId, @PathParam("fileId") UUID fileId) {
        return devices.fieldData(deviceId, fileId).map(r -> {
            Response.ResponseBuilder b = Response.ok(r.readEntity(InputStream.class));
            for (String h : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, "ETag")) {
                String v = r.getHeaderString(h);
                if (v != null) {
                    b.header(h, v);
                }
            }
            // A device wrote this file: never shown as a page of the console's origin (it could be HTML).
            String disposition = r.getHeaderString("Content-Disposition");
            return b.header(
                            "Content-Disposition",
                            disposition != null && disposition.startsWith("attachment")
                                    ? disposition
                                    : "attachment; filename=\"" + fileId + "\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "sandbox")
                    .build();
        });
    }

    private <T> Uni<RestResponse<Object>> act(UUID id, Uni<T> action, String notice) {
        return Answers.redirectOr(
                action,
                "/projects/" + id + "?notice=" + notice,
                p -> view(id, p).map(v -> Templates.project(layouts.of("projects", null), v)));
    }

    private Uni<ProjectView> view(UUID id, ServiceProblem problem) {
        return projects.project(id)
                .chain(p -> Uni.combine()
                        .all()
                        .unis(
                                projects.devices(id, null, 100).map(Page::items),
                                devices.devices(null, null, null, 100).map(Page::items),
                                projects.map(id, 1000),
                                projects.designs(id, null, 20).map(Page::items),
                                projects.sessions(id, null, 20).map(Page::items),
                                projects.fieldData(id, null, 50).map(Page::items))
                        .asTuple()
                        .map(t -> {
                            List<UUID> assigned = t.getItem1().stream()
                                    .map(Assignment::deviceId)
                                    .toList();
                            List<Device> candidates = t.getItem2().stream()
                                    .filter(d -> !assigned.contains(d.id()))
                                    .filter(d -> d.sharedBy() == null || !"VIEWER".equals(d.role()))
                                    .toList();
                            return new ProjectView(
                                    p,
                                    t.getItem1(),
                                    candidates,
                                    MapView.of(t.getItem3()),
                                    t.getItem4(),
                                    t.getItem5(),
                                    t.getItem6(),
                                    problem);
                        }));
    }

    /**
     * What the polled designs part shows, and no more: the designs and the devices' names (asked every 2 s while a
     * delivery is under way, so not the map, sessions, field data or the organization's devices).
     */
    private Uni<ProjectView> designsView(UUID id) {
        return Uni.combine()
                .all()
                .unis(
                        projects.project(id),
                        projects.devices(id, null, 100).map(Page::items),
                        projects.designs(id, null, 20).map(Page::items))
                .asTuple()
                .map(t -> new ProjectView(
                        t.getItem1(),
                        t.getItem2(),
                        List.of(),
                        MapView.of(null),
                        t.getItem3(),
                        List.of(),
                        List.of(),
                        null));
    }

    private static InputStream open(FileUpload upload) {
        try {
            return Files.newInputStream(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    private static <T> Uni<T> invalid(String field) {
        return Answers.refused(field, Language.current().sentences().refusedChooseOne());
    }
}
