package io.devshare.console.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** sharing-service: grants (who may use which device, with which role, for how long) and their history. */
@RegisterRestClient(configKey = "sharing")
@RegisterProvider(BearerPropagation.class)
public interface SharingApi {

    @GET
    @Path("/grants")
    Uni<Page<Grant>> grants(
            @QueryParam("direction") String direction,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @POST
    @Path("/grants")
    Uni<Share> share(ShareRequest request);

    @GET
    @Path("/grants/{id}")
    Uni<Grant> grant(@PathParam("id") UUID id);

    @GET
    @Path("/grants/{id}/history")
    Uni<List<HistoryEntry>> history(@PathParam("id") UUID id);

    @PATCH
    @Path("/grants/{id}")
    Uni<Grant> update(@PathParam("id") UUID id, UpdateRequest request);

    @POST
    @Path("/grants/{id}/revoke")
    Uni<Grant> revoke(@PathParam("id") UUID id);

    @POST
    @Path("/grants/{id}/leave")
    Uni<Grant> leave(@PathParam("id") UUID id);

    /** For the owner: which organizations can reach one of its devices now, and why. */
    @GET
    @Path("/access/devices/{deviceId}/organizations")
    Uni<List<Reach>> reach(@PathParam("deviceId") UUID deviceId);

    /** Share-days per partner and device (or group) within a period. */
    @GET
    @Path("/reports/utilisation")
    Uni<List<UtilisationLine>> utilisation(@QueryParam("from") String from, @QueryParam("to") String to);

    record UtilisationLine(
            String ownerOrg, String granteeOrg, UUID deviceId, UUID groupId, int grants, double shareDays) {}

    record Reach(
            String org,
            String basis,
            UUID grantId,
            UUID viaGroupId,
            String role,
            List<String> capabilities,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt) {}

    record Grant(
            UUID id,
            UUID actionId,
            String ownerOrg,
            String granteeOrg,
            UUID deviceId,
            UUID groupId,
            String role,
            List<String> capabilities,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String status,
            boolean effective,
            OffsetDateTime createdAt,
            OffsetDateTime closedAt,
            String closeReason) {

        public boolean isActive() {
            return "ACTIVE".equals(status);
        }

        public boolean isGroup() {
            return groupId != null;
        }
    }

    record ShareRequest(
            String granteeOrg,
            List<UUID> deviceIds,
            UUID groupId,
            String role,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt) {}

    record Share(UUID actionId, List<Grant> grants) {}

    record UpdateRequest(String role, OffsetDateTime endsAt, Boolean clearEndsAt) {}

    record HistoryEntry(
            String action,
            String actor,
            String reason,
            String role,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            OffsetDateTime at) {}
}
