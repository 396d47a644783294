package io.devshare.common.limits;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.devshare.common.problem.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitTest {

    @Test
    void aLimitNeedsANameANonNegativeMaxAndWholeSeconds() {
        assertThatThrownBy(() -> new Limit(" ", 1, Duration.ofHours(1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit("n", -1, Duration.ofHours(1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit("n", 1, Duration.ofMillis(1500), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit("n", 1, Duration.ZERO, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Limit("n", 0, Duration.ofSeconds(1), "x").max()).isZero();
    }

    @Test
    void theWindowReadsAsWords() {
        assertThat(words(Duration.ofDays(1))).isEqualTo("day");
        assertThat(words(Duration.ofHours(1))).isEqualTo("hour");
        assertThat(words(Duration.ofMinutes(1))).isEqualTo("minute");
        assertThat(words(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(words(Duration.ofHours(6))).isEqualTo("6 hours");
        assertThat(words(Duration.ofDays(7))).isEqualTo("7 days");
        assertThat(words(Duration.ofSeconds(90))).isEqualTo("90 s");
    }

    @Test
    void aRefusalIsA429ProblemNamingTheLimitWithRetryAfter() {
        Limit limit = new Limit("invitations-per-hour", 20, Duration.ofHours(1), "invitations");

        LimitExceededException e = new LimitExceededException(limit, 120);
        Problem problem = e.toProblem(URI.create("/partnerships/invitations"));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.headers()).containsExactly(java.util.Map.entry("Retry-After", "120"));
        assertThat(problem.type()).isEqualTo(URI.create("https://devshare.io/problems/rate-limited"));
        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.detail()).isEqualTo("Too many invitations: at most 20 per hour; try again in 120 s.");
        assertThat(problem.extensions())
                .containsEntry("limit", "invitations-per-hour")
                .containsEntry("max", 20L)
                .containsEntry("windowSeconds", 3600L)
                .containsEntry("retryAfter", 120L);
    }

    private static String words(Duration window) {
        return new Limit("n", 1, window, "x").windowInWords();
    }
}
