package io.devshare.partner.rest;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Invite an organization, by its alias, to become partners.")
public record InviteRequest(
        @Schema(description = "Alias (short name) of the organization to invite", examples = "rentco")
        @NotBlank
        @Size(max = 255)
        String partnerAlias,

        @Schema(
                description =
                        "Addresses to notify (at most 20). With none, the invited organization's admins are" + " told.",
                examples = "[\"dispatch@rentco.example\"]")
        @Size(max = 20)
        List<@NotBlank @Email @Size(max = 254) @Pattern(regexp = "[^\\s<>,;\"]+") String> notifyEmails,

        @Schema(
                description = "A note for the invited organization (at most 2000 characters)",
                examples = "We would like to use your excavators on the Riverside site.")
        @Size(max = 2000)
        String message) {

    public List<String> notifyEmailsOrEmpty() {
        return notifyEmails == null ? List.of() : notifyEmails;
    }
}
