package io.devshare.notification.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole of an organization's notification settings (PUT replaces them). */
@Schema(description = "Who in your organization is mailed about what")
public record NotificationSettingsRequest(
        @Schema(description = "Language of your organization's mails (IETF tag); supported: en. Default en.")
        String language,

        @Schema(description = "At most 50 contacts, each address once")
        List<Contact> contacts) {

    /** One address and the kinds of mail it wants. */
    public record Contact(
            @Schema(description = "A plain address, e.g. dispatch@rentco.example")
            String email,

            @Schema(description = "Mail kinds, e.g. share.granted, share.ending, transfer.failed")
            List<String> kinds) {}
}
