package io.devshare.console.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** notification-service: what was mailed about an organization, and the invitations waiting for it. */
@RegisterRestClient(configKey = "notification")
@RegisterProvider(BearerPropagation.class)
public interface NotificationApi {

    @GET
    @Path("/notifications")
    Uni<Inbox> inbox(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @GET
    @Path("/notification-settings")
    Uni<Settings> settings();

    @GET
    @Path("/notification-settings/language")
    Uni<Language> language();

    @jakarta.ws.rs.PUT
    @Path("/notification-settings")
    Uni<Settings> saveSettings(SettingsRequest request);

    record Language(String language) {}

    record Contact(String email, List<String> kinds) {}

    record Settings(String org, String language, List<Contact> contacts, List<String> availableKinds) {}

    record SettingsRequest(String language, List<Contact> contacts) {}

    record Inbox(List<Sent> items, String nextCursor, List<PendingInvitation> pendingInvitations) {}

    record Sent(
            UUID id,
            String eventType,
            String recipient,
            String recipientOrg,
            String subject,
            String status,
            int attempts,
            String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt) {}

    record PendingInvitation(
            UUID invitationId,
            String inviterAlias,
            String inviterName,
            String message,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {}
}
