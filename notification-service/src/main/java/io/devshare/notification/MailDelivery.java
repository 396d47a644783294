package io.devshare.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One email for one recipient of one event: rendered when the event is consumed, sent by the dispatcher. */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery {

    public enum Status {
        PENDING,
        SENDING,
        SENT,
        RETRYING,
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The organizations whose inbox lists this mail. */
    @Column(name = "org_ids", nullable = false)
    public String[] orgIds = new String[0];

    /** The aliases of the organizations whose inbox lists this mail. */
    @Column(name = "org_aliases", nullable = false)
    public String[] orgAliases = new String[0];

    @Column(nullable = false)
    public String recipient;

    /** The aliases of the organizations whose address the recipient is: only their inboxes show it. */
    @Column(name = "recipient_orgs", nullable = false)
    public String[] recipientOrgs = new String[0];

    @Column(nullable = false)
    public String subject;

    @Column(name = "html_body", nullable = false)
    public String htmlBody;

    @Column(name = "text_body", nullable = false)
    public String textBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** When the event happened (its CloudEvent time), when known. */
    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    /** When a delivery that failed for good was reported on the dead-letter topic. */
    @Column(name = "dead_lettered_at")
    public OffsetDateTime deadLetteredAt;
}
