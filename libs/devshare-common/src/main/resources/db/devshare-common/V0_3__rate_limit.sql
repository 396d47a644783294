-- Rate limits (module devshare-common, io.devshare.common.limits.RateLimiter): one counter per limit, key (e.g. an
-- organization) and fixed window, raised by an atomic upsert in the transaction of the counted action, so a refused
-- or failed action counts nothing and every replica counts in the same row. Windows are aligned to the epoch
-- (an hour starts on the hour, a day at 00:00 UTC); rows of past windows are purged.
CREATE TABLE rate_limit_counter (
    name         text        NOT NULL,
    key          text        NOT NULL,
    window_start timestamptz NOT NULL,
    window_end   timestamptz NOT NULL,
    count        bigint      NOT NULL,
    PRIMARY KEY (name, key, window_start)
);

CREATE INDEX rate_limit_counter_window_end ON rate_limit_counter (window_end);
