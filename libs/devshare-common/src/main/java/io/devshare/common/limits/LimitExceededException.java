package io.devshare.common.limits;

import java.util.List;
import java.util.Map;

import io.devshare.common.problem.ProblemException;

/**
 * A limit would be exceeded: answered 429 {@code application/problem+json} with {@code Retry-After} (seconds until
 * the window ends) and the extensions {@code limit} (its name), {@code max}, {@code windowSeconds} and
 * {@code retryAfter}.
 */
public class LimitExceededException extends ProblemException {

    private final transient Limit limit;
    private final long retryAfterSeconds;

    public LimitExceededException(Limit limit, long retryAfterSeconds) {
        super(
                429,
                "rate-limited",
                "Too many requests",
                "Too many " + limit.units() + ": at most " + limit.max() + " per " + limit.windowInWords()
                        + "; try again in " + retryAfterSeconds + " s.",
                List.of(),
                Map.of(
                        "limit",
                        limit.name(),
                        "max",
                        limit.max(),
                        "windowSeconds",
                        limit.window().getSeconds(),
                        "retryAfter",
                        retryAfterSeconds));
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Limit limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
