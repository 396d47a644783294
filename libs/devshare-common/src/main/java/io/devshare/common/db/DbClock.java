package io.devshare.common.db;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The services' clock: UTC, at PostgreSQL's precision (microseconds), so a stored time reads back equal. */
public final class DbClock {

    private DbClock() {}

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
