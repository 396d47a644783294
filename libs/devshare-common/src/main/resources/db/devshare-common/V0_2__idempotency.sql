-- Idempotency-Key support for creating writes (module devshare-common): the first response to a key is kept
-- and replayed for a retry of the same request; a different request under the same key is refused.
CREATE TABLE idempotency_record (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       integer     NOT NULL DEFAULT 0, -- 0 while the first request is still running
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
