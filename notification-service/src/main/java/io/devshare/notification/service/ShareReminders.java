package io.devshare.notification.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.notification.events.AccessChangedEvent;
import io.devshare.notification.events.ShareEvent;

/**
 * The reminders that a share ends: one row per grant with an end, scheduled {@code devshare.reminders.lead} (3 days)
 * before it, kept current from access.updated (per grant) and cancelled by share.revoked, always in the transaction
 * of the consumed event. {@link ShareReminderJob} sends the due ones every {@code devshare.reminders.check-interval}: one mail per
 * share action and end, to both organizations, exactly once (a synthetic event id through the inbox); after
 * downtime it catches up with every reminder whose share has not ended yet and marks the others missed.
 *
 * <p>A share granted with less than the lead time left gets no reminder (its "shared" mail states the end); a share
 * whose end is moved gets a new reminder for the new end, at once if the new end is already within the lead time.
 */
@ApplicationScoped
public class ShareReminders {

    private static final int BATCH = 500;

    /** One reminder to send: the grants of one share action that end at the same time. */
    public record Due(
            UUID actionId,
            String ownerOrg,
            String granteeOrg,
            String role,
            OffsetDateTime endsAt,
            List<UUID> grantIds,
            List<UUID> deviceIds) {

        public String eventId() {
            return "share.ending:" + (actionId != null ? actionId : grantIds.get(0)) + ":"
                    + endsAt.toInstant().getEpochSecond();
        }
    }

    private static final String UPSERT = "INSERT INTO share_reminder (grant_id, action_id, owner_org, grantee_org,"
            + " role, device_ids, ends_at, remind_at, status, event_at) VALUES (:grantId, :actionId, :ownerOrg,"
            + " :granteeOrg, :role, CAST(string_to_array(:deviceIds, ',') AS uuid[]), :endsAt, :remindAt, :status, :eventAt)"
            + " ON CONFLICT (grant_id) DO UPDATE SET"
            + " device_ids = ARRAY(SELECT DISTINCT d FROM unnest(share_reminder.device_ids || EXCLUDED.device_ids) d),"
            + " action_id = COALESCE(share_reminder.action_id, EXCLUDED.action_id),"
            + " role = CASE WHEN share_reminder.event_at < EXCLUDED.event_at THEN EXCLUDED.role"
            + "   ELSE share_reminder.role END,"
            + " ends_at = CASE WHEN share_reminder.event_at < EXCLUDED.event_at THEN EXCLUDED.ends_at"
            + "   ELSE share_reminder.ends_at END,"
            + " remind_at = CASE WHEN share_reminder.event_at < EXCLUDED.event_at THEN EXCLUDED.remind_at"
            + "   ELSE share_reminder.remind_at END,"
            // The same end again (a role change) keeps a reminder already sent or missed; a new end schedules anew.
            + " status = CASE WHEN share_reminder.event_at >= EXCLUDED.event_at THEN share_reminder.status"
            + "   WHEN EXCLUDED.ends_at IS NOT DISTINCT FROM share_reminder.ends_at"
            + "     AND share_reminder.status IN ('SENT', 'MISSED') THEN share_reminder.status"
            + "   ELSE EXCLUDED.status END,"
            + " event_at = GREATEST(share_reminder.event_at, EXCLUDED.event_at)"
            + " WHERE share_reminder.status <> 'CANCELLED'";

    private final Pool pool;
    private final Duration lead;

    @Inject
    public ShareReminders(
            Pool pool, @ConfigProperty(name = "devshare.reminders.lead", defaultValue = "P3D") Duration lead) {
        this.pool = pool;
        this.lead = lead;
    }

    public Duration lead() {
        return lead;
    }

    /** share.granted: each grant with an end gets a reminder, unless it was granted within the lead time. */
    Uni<Void> granted(ShareEvent e, OffsetDateTime at) {
        boolean paired =
                e.groupId() == null && e.grantIds().size() == e.deviceIds().size();
        List<Uni<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < e.grantIds().size(); i++) {
            List<UUID> devices = paired ? List.of(e.deviceIds().get(i)) : e.deviceIds();
            OffsetDateTime remindAt = e.endsAt() == null ? null : e.endsAt().minus(lead);
            String status = remindAt == null || !remindAt.isAfter(at) ? "NONE" : "SCHEDULED";
            writes.add(upsert(
                    e.grantIds().get(i),
                    e.actionId(),
                    e.ownerOrg(),
                    e.granteeOrg(),
                    e.role(),
                    devices,
                    e.endsAt(),
                    remindAt,
                    status,
                    at));
        }
        return sequentially(writes);
    }

    /** access.updated: the grant's end as it is now; a grant without an end needs no reminder. */
    Uni<Void> updated(AccessChangedEvent e, OffsetDateTime at) {
        OffsetDateTime remindAt = e.endsAt() == null ? null : e.endsAt().minus(lead);
        return upsert(
                        e.grantId(),
                        e.actionId(),
                        e.ownerOrg(),
                        e.granteeOrg(),
                        e.role(),
                        e.deviceId() == null ? List.of() : List.of(e.deviceId()),
                        e.endsAt(),
                        remindAt,
                        e.endsAt() == null ? "NONE" : "SCHEDULED",
                        at)
                .replaceWithVoid();
    }

    /** share.revoked: the grants' reminders are cancelled for good. */
    Uni<Void> revoked(ShareEvent e, OffsetDateTime at) {
        List<Uni<Integer>> writes = new ArrayList<>();
        for (UUID grantId : e.grantIds()) {
            writes.add(Panache.getSession()
                    .chain(s -> s.createNativeQuery("INSERT INTO share_reminder (grant_id, action_id, owner_org,"
                                    + " grantee_org, role, status, event_at) VALUES (:grantId, :actionId, :ownerOrg,"
                                    + " :granteeOrg, :role, 'CANCELLED', :eventAt) ON CONFLICT (grant_id) DO UPDATE"
                                    + " SET status = 'CANCELLED',"
                                    + " event_at = GREATEST(share_reminder.event_at, EXCLUDED.event_at)")
                            .setParameter("grantId", grantId)
                            .setParameter("actionId", e.actionId())
                            .setParameter("ownerOrg", e.ownerOrg())
                            .setParameter("granteeOrg", e.granteeOrg())
                            .setParameter("role", e.role())
                            .setParameter("eventAt", at)
                            .executeUpdate()));
        }
        return sequentially(writes);
    }

    private Uni<Integer> upsert(
            UUID grantId,
            UUID actionId,
            String ownerOrg,
            String granteeOrg,
            String role,
            List<UUID> devices,
            OffsetDateTime endsAt,
            OffsetDateTime remindAt,
            String status,
            OffsetDateTime at) {
        String deviceArray = devices.stream().map(UUID::toString).collect(Collectors.joining(","));
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(UPSERT)
                        .setParameter("grantId", grantId)
                        .setParameter("actionId", actionId)
                        .setParameter("ownerOrg", ownerOrg)
                        .setParameter("granteeOrg", granteeOrg)
                        .setParameter("role", role)
                        .setParameter("deviceIds", deviceArray)
                        .setParameter("endsAt", endsAt)
                        .setParameter("remindAt", remindAt)
                        .setParameter("status", status)
                        .setParameter("eventAt", at)
                        .executeUpdate());
    }

    private static Uni<Void> sequentially(List<Uni<Integer>> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(writes)
                .onItem()
                .transformToUniAndConcatenate(u -> u)
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** Marks the reminders of ended shares missed, then answers the due ones, grouped per share action and end. */
    Uni<List<Due>> due() {
        return pool.query("UPDATE share_reminder SET status = 'MISSED' WHERE status = 'SCHEDULED'"
                        + " AND ends_at <= now()")
                .execute()
                .chain(() -> pool.preparedQuery("SELECT grant_id, action_id, owner_org, grantee_org, role,"
                                + " device_ids, ends_at FROM share_reminder WHERE status = 'SCHEDULED'"
                                + " AND remind_at <= now() ORDER BY remind_at LIMIT $1")
                        .execute(Tuple.of(BATCH)))
                .map(ShareReminders::group);
    }

    static List<Due> group(Iterable<Row> rows) {
        record Key(UUID actionId, String owner, String grantee, String role, OffsetDateTime endsAt) {}
        Map<Key, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            Key k = new Key(
                    r.getUUID("action_id"),
                    r.getString("owner_org"),
                    r.getString("grantee_org"),
                    r.getString("role"),
                    r.getOffsetDateTime("ends_at"));
            if (k.actionId() == null) {
                // Without an action, each grant is its own reminder.
                k = new Key(r.getUUID("grant_id"), k.owner(), k.grantee(), k.role(), k.endsAt());
            }
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }
        List<Due> out = new ArrayList<>();
        groups.forEach((k, list) -> {
            List<UUID> grants = list.stream().map(r -> r.getUUID("grant_id")).toList();
            Set<UUID> devices = new LinkedHashSet<>();
            for (Row r : list) {
                UUID[] ids = r.getArrayOfUUIDs("device_ids");
                if (ids != null) {
                    for (UUID id : ids) {
                        devices.add(Objects.requireNonNull(id));
                    }
                }
            }
            out.add(new Due(k.actionId(), k.owner(), k.grantee(), k.role(), k.endsAt(), grants, List.copyOf(devices)));
        });
        return out;
    }

    /** In the caller's transaction: marks the reminder's grants sent; answers how many still were due. */
    static Uni<Integer> markSent(Due due) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE share_reminder SET status = 'SENT' WHERE grant_id IN (:ids)"
                                + " AND status = 'SCHEDULED' AND ends_at = :endsAt")
                        .setParameter("ids", due.grantIds())
                        .setParameter("endsAt", due.endsAt())
                        .executeUpdate());
    }
}
