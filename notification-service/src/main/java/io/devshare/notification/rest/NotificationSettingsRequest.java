package io.devshare.notification.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.notification.service.NotificationSettingsService;

/** An organization's notification settings: a PUT replaces what it names (language, contacts or both). */
@Schema(description = "Who in your organization is mailed about what; a field left out keeps its stored value")
public record NotificationSettingsRequest(
        @Schema(
                description = "Language of your organization's mails (IETF tag); supported: en, de. Left out: kept"
                        + " (English while never set).")
        String language,

        @Schema(
                description = "At most 50 contacts, each address once; they replace the stored ones as a whole."
                        + " Left out: kept; [] removes every contact (the admins get every mail).")
        List<Contact> contacts) {

    /** One address and the kinds of mail it wants. */
    public record Contact(
            @Schema(description = "A plain address, e.g. dispatch@rentco.example")
            String email,

            @Schema(description = "Mail kinds, e.g. share.granted, share.ending, transfer.failed")
            List<String> kinds) {

        static Contact of(NotificationSettingsService.Contact c) {
            return new Contact(c.email(), c.kinds());
        }
    }

    /** The service's change; a contact left null stays null, so validation names it. */
    NotificationSettingsService.Change toChange() {
        return new NotificationSettingsService.Change(
                language,
                contacts == null
                        ? null
                        : contacts.stream()
                                .map(c -> c == null
                                        ? null
                                        : new NotificationSettingsService.Contact(c.email(), c.kinds()))
                                .toList());
    }
}
