package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;

/** Reads an organization's inbox: the mails about it, newest first, and the invitations waiting for it. */
@ApplicationScoped
public class InboxService {

    /**
     * One mail as the inbox lists it (no bodies). The address (and the last SMTP error, which may quote it) only when
     * it is one of the caller's organization's recipients; another organization's recipient is shown as that
     * organization.
     */
    public record Sent(
            UUID id,
            String eventType,

            @Schema(description = "The address, when it is one of your organization's recipients; else null")
            String recipient,

            @Schema(
                    description = "Alias of the organization whose address it is (its contacts or admins; for the"
                            + " addresses an inviter named on an invitation, the inviter); null if not recorded")
            String recipientOrg,

            String subject,
            String status,
            int attempts,

            @Schema(description = "The last SMTP error, for your organization's recipients only")
            String lastError,

            OffsetDateTime createdAt,
            OffsetDateTime sentAt) {}

    /** An invitation the organization received and has not answered. */
    public record PendingInvitation(
            UUID invitationId,
            String inviterAlias,
            String inviterName,
            String message,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {}

    private final Pool pool;

    @Inject
    public InboxService(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<Sent>> sent(String orgAlias, PageCursor cursor, int limit) {
        String sql = "SELECT id, event_type, recipient, recipient_orgs, subject, status, attempts, last_error,"
                + " created_at, sent_at"
                + " FROM mail_delivery WHERE org_aliases @> ARRAY[$1]::text[]"
                + " AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3))"
                + " ORDER BY created_at DESC, id DESC LIMIT $4";
        return pool.preparedQuery(sql)
                .execute(Tuple.of(
                        orgAlias, cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(), limit + 1))
                .map(rows -> {
                    List<Sent> out = new ArrayList<>();
                    for (Row r : rows) {
                        List<String> recipientOrgs = Arrays.asList(r.getArrayOfStrings("recipient_orgs"));
                        boolean own = recipientOrgs.contains(orgAlias);
                        out.add(new Sent(
                                r.getUUID("id"),
                                r.getString("event_type"),
                                own ? r.getString("recipient") : null,
                                own
                                        ? orgAlias
                                        : recipientOrgs.stream().findFirst().orElse(null),
                                r.getString("subject"),
                                label(r.getString("status")),
                                r.getInteger("attempts"),
                                own ? r.getString("last_error") : null,
                                r.getOffsetDateTime("created_at"),
                                r.getOffsetDateTime("sent_at")));
                    }
                    return Page.of(out, limit, s -> new PageCursor(s.createdAt(), s.id()), s -> s);
                });
    }

    public Uni<List<PendingInvitation>> pendingInvitations(String orgAlias) {
        return pool.preparedQuery("SELECT invitation_id, inviter_alias, inviter_name, message, created_at, expires_at"
                        + " FROM pending_invitation WHERE invitee_alias = $1"
                        + " AND (expires_at IS NULL OR expires_at > now()) ORDER BY created_at DESC LIMIT 100")
                .execute(Tuple.of(orgAlias))
                .map(rows -> {
                    List<PendingInvitation> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new PendingInvitation(
                                r.getUUID("invitation_id"),
                                r.getString("inviter_alias"),
                                r.getString("inviter_name"),
                                r.getString("message"),
                                r.getOffsetDateTime("created_at"),
                                r.getOffsetDateTime("expires_at")));
                    }
                    return out;
                });
    }

    /** sent, retrying or failed (pending and in-flight mails count as retrying until sent). */
    static String label(String status) {
        return switch (status) {
            case "SENT" -> "sent";
            case "FAILED" -> "failed";
            default -> "retrying";
        };
    }
}
