package io.devshare.console.web;

import java.util.Map;

/**
 * What a page says after a redirect (POST, then 303 to a page with {@code ?notice=<key>}): only these keys are
 * shown, so nothing from the address bar reaches the page as text.
 */
final class Notices {

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("invited", "Invitation sent."),
            Map.entry("accepted", "Invitation accepted: you are partners now."),
            Map.entry("declined", "Invitation declined."),
            Map.entry("cancelled", "Invitation cancelled."),
            Map.entry("connected", "Connected: you are partners now."),
            Map.entry("regenerated", "A new sharing code was made; the old one no longer works."),
            Map.entry("ended", "The partnership was ended and everything shared within it was revoked."),
            Map.entry("shared", "Shared. Your partner can use it now (or from the start you chose)."),
            Map.entry("changed", "The share was changed; it applies at once."),
            Map.entry("revoked", "Revoked: your partner can no longer use it."),
            Map.entry("left", "You gave it back: your organization can no longer use it."),
            Map.entry("created", "Project created."),
            Map.entry("saved", "Saved."),
            Map.entry("group-created", "Group created: add devices to it, then share it at once."),
            Map.entry("group-added", "Added to the group (and to every share of the group)."),
            Map.entry("group-removed", "Removed from the group (and from the group's shares)."),
            Map.entry("assigned", "The device works in this project now."),
            Map.entry("unassigned", "The device left the project."),
            Map.entry("published", "Design published: its delivery to each device shows below."),
            Map.entry("session-opened", "Remote session opened."),
            Map.entry("session-closed", "Remote session closed."),
            Map.entry("closed", "Project closed: its devices left it."));

    private Notices() {}

    static String text(String key) {
        return key == null ? null : TEXT.get(key);
    }
}
