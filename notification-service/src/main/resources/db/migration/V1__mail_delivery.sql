-- notification-service: every email to send or sent, one row per (event, recipient) so a redelivered event
-- sends nothing new. Rows are written in the transaction that records the event as processed; the dispatcher
-- sends them over SMTP with retries.
CREATE TABLE mail_delivery (
    id              uuid PRIMARY KEY,
    event_id        text        NOT NULL,
    event_type      text        NOT NULL,
    org_ids         text[]      NOT NULL DEFAULT '{}',
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    html_body       text        NOT NULL,
    text_body       text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'RETRYING', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    UNIQUE (event_id, recipient)
);

CREATE INDEX mail_delivery_due ON mail_delivery (next_attempt_at)
    WHERE status IN ('PENDING', 'SENDING', 'RETRYING');
