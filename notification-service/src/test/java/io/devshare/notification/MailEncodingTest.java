package io.devshare.notification;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

import static io.devshare.notification.PartnerEventFixtures.data;
import static io.devshare.notification.PartnerEventFixtures.invitation;
import static io.devshare.notification.PartnerEventFixtures.notifyEmails;
import static io.devshare.notification.PartnerEventFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subjects and bodies are UTF-8 end to end, read from the raw message GreenMail received: the subject as RFC 2047
 * encoded words (ASCII on the wire, no character lost, emoji included), each body part declaring {@code
 * charset=utf-8}; the headers name the one recipient and copy nobody (no empty {@code Cc:}).
 */
@QuarkusTest
@QuarkusTestResource(
        value = RealServersResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class MailEncodingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static KafkaCompanion kafka;

    @BeforeAll
    static void setUp() {
        kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
    }

    @AfterAll
    static void tearDown() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void emojiAndNonLatinNamesReachTheSubjectAndBodyIntact() throws Exception {
        TestOrg inviter = TestOrgs.create("utf8-a", "Inviter");
        TestOrg invitee = TestOrgs.create("utf8-b", "Invitee");
        // Long enough that the encoded subject needs several encoded words (a split inside an emoji loses it).
        String name = "Bagger 🚜 Ωμέγα Строй 東京建機 Straße " + "🏗🚧".repeat(12);
        ObjectNode event = invitation("invitation.created", inviter, invitee);
        ((ObjectNode) data(event).get("inviter")).put("name", name);
        String to = "utf8@" + invitee.domain();
        notifyEmails(event, List.of(to));
        publish(kafka, event);

        String raw = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> rawMessages(to), list -> !list.isEmpty())
                .get(0);
        String expected = name + " invites " + invitee.name() + " to become partners on Devshare";

        String headers = raw.substring(0, raw.indexOf("\r\n\r\n") >= 0 ? raw.indexOf("\r\n\r\n") : raw.indexOf("\n\n"));
        String subjectHeader = unfolded(headers, "Subject");
        assertThat(subjectHeader.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
                .as("subject on the wire is ASCII: %s", subjectHeader)
                .isTrue();
        assertThat(subjectHeader).matches("(=\\?(?i:utf-8)\\?[BbQq]\\?[^?]*\\?=\\s*)+");
        assertThat(MimeUtility.decodeText(subjectHeader)).isEqualTo(expected);
        for (String line : headers.split("\r?\n")) {
            assertThat(line.length()).as("header line ≤ 998: %s", line).isLessThanOrEqualTo(998);
            // Nobody is copied, so there is no Cc header at all (it used to go out empty: "Cc: ").
            assertThat(line).as("no Cc or Bcc header").doesNotMatch("(?i)^b?cc:.*");
        }
        assertThat(unfolded(headers, "To")).contains(to);

        MimeMessage message = new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        assertThat(message.getSubject()).isEqualTo(expected);
        List<Part> parts = new ArrayList<>();
        leaves(message, parts);
        assertThat(parts)
                .extracting(p -> new ContentType(p.getContentType()).getBaseType())
                .contains("text/plain", "text/html");
        for (Part p : parts) {
            assertThat(new ContentType(p.getContentType()).getParameter("charset"))
                    .as(p.getContentType())
                    .isEqualToIgnoringCase("utf-8");
            String body = (String) p.getContent();
            assertThat(body).contains(name.strip());
        }
    }

    private static void leaves(Part part, List<Part> out) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                leaves(bp, out);
            }
        } else {
            out.add(part);
        }
    }

    /** A header's value with its folding removed (CRLF or LF followed by white space). */
    private static String unfolded(String headers, String name) {
        String unfolded = headers.replaceAll("\r?\n[ \t]", " ");
        for (String line : unfolded.split("\r?\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new AssertionError("no " + name + " header in " + headers);
    }

    /** The raw messages (as GreenMail received them) in an inbox. */
    private static List<String> rawMessages(String address) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestServers.mailApiUrl() + "/api/user/"
                                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> out = new ArrayList<>();
        if (r.statusCode() != 200) {
            return out;
        }
        for (JsonNode m : new ObjectMapper().readTree(r.body())) {
            out.add(m.get("mimeMessage").asText());
        }
        return out;
    }
}
