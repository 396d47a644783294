package io.devshare.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of mail notification-service sends. A contact in an organization's notification settings names the
 * kinds it wants by {@link #key()}; the same key is the {@code eventType} of each delivery in the inbox.
 */
public enum MailKind {
    INVITATION_CREATED("invitation.created"),
    INVITATION_ACCEPTED("invitation.accepted"),
    INVITATION_DECLINED("invitation.declined"),
    PARTNERSHIP_ENDED("partnership.ended"),
    SHARE_GRANTED("share.granted"),
    SHARE_REVOKED("share.revoked"),
    SHARE_EXPIRED("share.expired"),
    SHARE_LEFT("share.left"),
    SHARE_ENDING("share.ending"),
    TRANSFER_FAILED("transfer.failed");

    private final String key;

    MailKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<MailKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(MailKind::key).toList();
    }
}
