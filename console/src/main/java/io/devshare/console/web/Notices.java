package io.devshare.console.web;

import io.devshare.console.text.Language;
import io.devshare.console.text.Sentences;

/**
 * What a page says after a redirect (POST, then 303 to a page with {@code ?notice=<key>}): only these keys are
 * shown, so nothing from the address bar reaches the page as text.
 */
final class Notices {

    private Notices() {}

    static String text(String key) {
        if (key == null) {
            return null;
        }
        Sentences m = Language.current().sentences();
        return switch (key) {
            case "invited" -> m.noticeInvited();
            case "accepted" -> m.noticeAccepted();
            case "declined" -> m.noticeDeclined();
            case "cancelled" -> m.noticeCancelled();
            case "connected" -> m.noticeConnected();
            case "regenerated" -> m.noticeRegenerated();
            case "ended" -> m.noticeEnded();
            case "shared" -> m.noticeShared();
            case "changed" -> m.noticeChanged();
            case "revoked" -> m.noticeRevoked();
            case "left" -> m.noticeLeft();
            case "created" -> m.noticeCreated();
            case "saved" -> m.noticeSaved();
            case "group-created" -> m.noticeGroupCreated();
            case "group-added" -> m.noticeGroupAdded();
            case "group-removed" -> m.noticeGroupRemoved();
            case "assigned" -> m.noticeAssigned();
            case "unassigned" -> m.noticeUnassigned();
            case "published" -> m.noticePublished();
            case "session-opened" -> m.noticeSessionOpened();
            case "session-closed" -> m.noticeSessionClosed();
            case "closed" -> m.noticeClosed();
            default -> null;
        };
    }
}
