package io.devshare.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.notification.service.NotificationSettingsService;

@Schema(description = "Your organization's notification settings")
public record NotificationSettingsResponse(
        String org,
        String language,
        List<NotificationSettingsRequest.Contact> contacts,

        @Schema(description = "Every mail kind a contact can ask for")
        List<String> availableKinds,

        @Schema(description = "When an admin last saved them; null while never set (the admins get every mail)")
        OffsetDateTime updatedAt) {

    static NotificationSettingsResponse of(NotificationSettingsService.Saved s) {
        return new NotificationSettingsResponse(
                s.org(),
                s.language(),
                s.contacts().stream()
                        .map(NotificationSettingsRequest.Contact::of)
                        .toList(),
                s.availableKinds(),
                s.updatedAt());
    }
}
