-- notification-service: dispatcher instances and their claims (issue 13). Each running dispatcher beats its row every
-- second (devshare.mail.heartbeat-interval); a delivery in flight (SENDING) names the dispatcher that claimed it, and
-- once that dispatcher has been silent for devshare.mail.dispatcher-timeout (10 s) a live one claims it again instead
-- of waiting for the 2-minute lease.
CREATE TABLE mail_dispatcher (
    id           uuid PRIMARY KEY,
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL
);

ALTER TABLE mail_delivery ADD COLUMN claimed_by uuid;
