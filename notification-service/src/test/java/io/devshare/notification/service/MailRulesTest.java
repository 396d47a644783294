package io.devshare.notification.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules of who gets mail and how it is shaped. */
class MailRulesTest {

    @Test
    void recipientsAreValidDistinctAndCannotSmuggleHeaders() {
        assertThat(NotificationService.recipients(Arrays.asList(
                        "A@Example.com",
                        "a@example.com",
                        " b@example.com ",
                        "evil@example.com\r\nBcc: victim@example.com",
                        "Name <c@example.com>",
                        "x@y",
                        "d@e.example,f@g.example",
                        null)))
                .containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void subjectsStayOnOneLine() {
        assertThat(NotificationService.subject("Hello\r\nBcc: x@y.z\tthere")).isEqualTo("Hello Bcc: x@y.z there");
        assertThat(NotificationService.subject("x".repeat(300))).hasSize(200);
    }

    @Test
    void backoffDoublesAndIsCapped() {
        assertThat(List.of(1, 2, 3, 4).stream().map(MailDispatcher::backoff))
                .containsExactly(
                        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(MailDispatcher.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    }
}
