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
        // Unicode line and paragraph separators and C1 controls are line breaks too.
        assertThat(NotificationService.subject("a\u2028b\u2029c\u0085d")).isEqualTo("a b c d");
    }

    @Test
    void aLongSubjectIsCutBetweenCharactersNotInsideAnEmoji() {
        String cut = NotificationService.subject("x".repeat(199) + "🚜 tail");
        assertThat(cut).isEqualTo("x".repeat(199));
        assertThat(cut.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE))
                .isTrue();
        assertThat(NotificationService.subject("x".repeat(198) + "🚜 tail")).isEqualTo("x".repeat(198) + "🚜");
    }

    @Test
    void boldNamesAndTheirSentenceAreEscapedInHtmlAndPlainInText() {
        MailText.Sentence s = MailText.strong(
                b -> b[0] + " & " + b[1] + " <met> (" + "<i>alias\uE000</i>" + ")", "A <b>&</b> B", "C's");
        assertThat(s.text()).isEqualTo("A <b>&</b> B & C's <met> (<i>alias\uE000</i>)");
        assertThat(s.html().getValue())
                .isEqualTo("<strong>A &lt;b&gt;&amp;&lt;/b&gt; B</strong> &amp; <strong>C&#39;s</strong> &lt;met&gt;"
                        + " (&lt;i&gt;alias&lt;/i&gt;)");
        // A marker character inside a bold value cannot open another one.
        assertThat(MailText.strong(b -> "by " + b[0], "x\uE000y").html().getValue())
                .isEqualTo("by <strong>xy</strong>");
    }

    @Test
    void backoffDoublesAndIsCapped() {
        assertThat(List.of(1, 2, 3, 4).stream().map(MailDispatcher::backoff))
                .containsExactly(
                        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(MailDispatcher.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    }
}
