package io.devshare.console.client;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** project-service: projects, the devices working in them, designs and their delivery, sessions, map. */
@RegisterRestClient(configKey = "project")
@RegisterProvider(BearerPropagation.class)
@Path("/projects")
public interface ProjectApi {

    @GET
    Uni<Page<Project>> projects(
            @QueryParam("status") String status, @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @POST
    Uni<Project> create(CreateRequest request);

    @GET
    @Path("{id}")
    Uni<Project> project(@PathParam("id") UUID id);

    @POST
    @Path("{id}/close")
    Uni<Project> close(@PathParam("id") UUID id);

    @GET
    @Path("{id}/devices")
    Uni<Page<Assignment>> devices(
            @PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @POST
    @Path("{id}/devices")
    Uni<Assignment> assign(@PathParam("id") UUID id, AssignRequest request);

    @DELETE
    @Path("{id}/devices/{deviceId}")
    Uni<Assignment> unassign(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId);

    @GET
    @Path("{id}/designs")
    Uni<Page<Design>> designs(
            @PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @POST
    @Path("{id}/designs")
    @Consumes(MediaType.WILDCARD)
    Uni<Design> publish(
            @PathParam("id") UUID id,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("X-Filename") String filename,
            InputStream content);

    @GET
    @Path("{id}/map")
    Uni<Map> map(@PathParam("id") UUID id, @QueryParam("limit") int limit);

    @GET
    @Path("{id}/sessions")
    Uni<Page<Session>> sessions(
            @PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @POST
    @Path("{id}/sessions")
    Uni<Session> openSession(@PathParam("id") UUID id, AssignRequest request);

    @POST
    @Path("{id}/sessions/{sessionId}/close")
    Uni<Session> closeSession(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId);

    @GET
    @Path("{id}/field-data")
    Uni<Page<FieldData>> fieldData(
            @PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    /** What ending a grant would take from the grantee's projects (asked by its owner or its grantee). */
    @GET
    @Path("impact")
    Uni<Impact> impact(@QueryParam("grant") UUID grant, @QueryParam("limit") int limit);

    record Site(String address) {}

    record Project(
            UUID id,
            String org,
            String name,
            Site site,
            LocalDate startDate,
            LocalDate endDate,
            String status,
            OffsetDateTime createdAt,
            OffsetDateTime closedAt) {

        public boolean isClosed() {
            return "CLOSED".equals(status);
        }
    }

    record CreateRequest(String name, SiteRequest site, String status) {}

    record SiteRequest(String address) {}

    record AssignRequest(UUID deviceId) {}

    record Assignment(
            UUID id,
            UUID projectId,
            UUID deviceId,
            String displayName,
            String kind,
            String ownerOrg,
            UUID grantId,
            String assignedBy,
            OffsetDateTime assignedAt,
            OffsetDateTime unassignedAt,
            String reason) {}

    record Transfer(UUID id, UUID deviceId, String ownerOrg, String status, String message, OffsetDateTime updatedAt) {}

    record Design(
            UUID id,
            UUID projectId,
            String filename,
            String contentType,
            long size,
            String sha256,
            String publishedBy,
            OffsetDateTime publishedAt,
            List<Transfer> transfers) {

        public boolean settled() {
            return transfers == null
                    || transfers.stream()
                            .noneMatch(t -> "PENDING".equals(t.status()) || "DELIVERED".equals(t.status()));
        }
    }

    record Session(
            UUID id,
            UUID projectId,
            String org,
            UUID deviceId,
            String openedBy,
            OffsetDateTime openedAt,
            OffsetDateTime expiresAt,
            OffsetDateTime joinedAt,
            OffsetDateTime closedAt,
            String closeReason,
            String status) {

        public boolean isOpen() {
            return closedAt == null;
        }
    }

    record FieldData(
            UUID fileId,
            UUID deviceId,
            String ownerOrg,
            String filename,
            String contentType,
            Long size,
            OffsetDateTime recordedAt,
            String download) {}

    record Point(List<Double> coordinates) {}

    record Properties(UUID deviceId, String displayName, String kind, String ownerOrg, OffsetDateTime recordedAt) {}

    record Feature(Point geometry, Properties properties) {}

    record Map(List<Feature> features, boolean truncated) {}

    record Impact(
            UUID grantId,
            String ownerOrg,
            String granteeOrg,
            List<ProjectImpact> projects,
            int moreProjects,
            List<DeviceImpact> devices,
            int moreDevices,
            List<SessionImpact> sessions,
            int moreSessions,
            List<DesignImpact> designs,
            long moreDesigns,
            long transfers,
            List<PersonImpact> people,
            int morePeople,
            int keptThroughAnotherGrant) {}

    record ProjectImpact(
            UUID id, String name, String status, int devices, int openSessions, long designs, long transfers) {}

    record DeviceImpact(
            UUID deviceId,
            String displayName,
            String kind,
            UUID projectId,
            String assignedBy,
            OffsetDateTime assignedAt) {}

    record SessionImpact(
            UUID id,
            UUID projectId,
            UUID deviceId,
            String openedBy,
            String openedByName,
            OffsetDateTime openedAt,
            String status) {}

    record DesignImpact(
            UUID id, UUID projectId, String filename, String publishedBy, OffsetDateTime publishedAt, long transfers) {}

    record PersonImpact(String userId, String name, List<String> roles) {}
}
