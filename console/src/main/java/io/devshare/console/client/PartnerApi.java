package io.devshare.console.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** partner-service: partnerships, invitations, sharing codes. */
@RegisterRestClient(configKey = "partner")
@RegisterProvider(BearerPropagation.class)
@Path("/partnerships")
public interface PartnerApi {

    @GET
    Uni<Page<Partnership>> partners(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @DELETE
    @Path("{id}")
    Uni<Void> end(@PathParam("id") UUID id);

    @GET
    @Path("sharing-code")
    Uni<SharingCode> sharingCode();

    @POST
    @Path("sharing-code/regenerate")
    Uni<SharingCode> regenerateSharingCode();

    @POST
    @Path("connect")
    Uni<Partnership> connect(ConnectRequest request);

    @GET
    @Path("invitations")
    Uni<Page<Invitation>> invitations(
            @QueryParam("direction") String direction,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @POST
    @Path("invitations")
    Uni<Invitation> invite(InviteRequest request);

    @GET
    @Path("invitations/{id}")
    Uni<Invitation> invitation(@PathParam("id") UUID id);

    @POST
    @Path("invitations/{id}/accept")
    Uni<Invitation> accept(@PathParam("id") UUID id);

    @POST
    @Path("invitations/{id}/decline")
    Uni<Invitation> decline(@PathParam("id") UUID id, DeclineRequest request);

    @POST
    @Path("invitations/{id}/cancel")
    Uni<Invitation> cancel(@PathParam("id") UUID id);

    record Org(String alias, String name) {
        public String label() {
            return name == null || name.isBlank() ? alias : name;
        }
    }

    record Partnership(UUID id, Org partner, OffsetDateTime since, String via) {}

    record SharingCode(String code, OffsetDateTime createdAt) {}

    record ConnectRequest(String code) {}

    record InviteRequest(String partnerAlias, List<String> notifyEmails, String message) {}

    record DeclineRequest(String reason) {}

    record Invitation(
            UUID id,
            String status,
            Org inviter,
            Org invitee,
            List<String> notifyEmails,
            String message,
            String declineReason,
            UUID partnershipId,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime closedAt) {

        public boolean isPending() {
            return "PENDING".equals(status);
        }

        /** The invited side when {@code orgAlias} is the invitee. */
        public boolean receivedBy(String orgAlias) {
            return invitee != null && invitee.alias().equals(orgAlias);
        }
    }
}
