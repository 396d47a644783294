package io.devshare.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.notification.service.NotificationSettingsService;

@Path("/notification-settings")
@Tag(name = "Notification settings", description = "Who in your organization is mailed about what")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationSettingsResource {

    private final NotificationSettingsService settings;
    private final OrgContext org;

    @Inject
    public NotificationSettingsResource(NotificationSettingsService settings, OrgContext org) {
        this.settings = settings;
        this.org = org;
    }

    @GET
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Your organization's contacts and the kinds of mail each wants",
            description = "A kind no contact wants goes to your organization's admins (from Keycloak).")
    @APIResponse(responseCode = "200", description = "The settings (empty contacts while never set)")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Uni<NotificationSettingsResponse> get() {
        return settings.get(org.orgAlias()).map(NotificationSettingsResponse::of);
    }

    @GET
    @Path("language")
    @RolesAllowed(OrgContext.ROLE_MEMBER)
    @Operation(
            summary = "Your organization's language",
            description = "The language of your organization's mails and pages (en or de; en while never set)."
                    + " Every member may read it; the contacts stay with the admins.")
    @APIResponse(responseCode = "200", description = "The language")
    public Uni<LanguageResponse> language() {
        return settings.get(org.orgAlias()).map(s -> new LanguageResponse(s.language()));
    }

    /** An organization's language, {@code en} or {@code de}. */
    public record LanguageResponse(String language) {}

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OrgContext.ROLE_ADMIN)
    @Operation(
            summary = "Replace your organization's language, contacts or both",
            description = "Replaces what the request names (language, contacts) and keeps the rest; naming neither is"
                    + " 400. Validated as a whole: every bad field is named and nothing is stored on error.")
    @APIResponse(responseCode = "200", description = "The settings as stored")
    @APIResponse(
            responseCode = "400",
            description = "Invalid address, kind, language, too many contacts, or nothing named")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Uni<NotificationSettingsResponse> put(NotificationSettingsRequest request) {
        return settings.put(org.orgAlias(), org.userId(), request == null ? null : request.toChange())
                .map(NotificationSettingsResponse::of);
    }
}
