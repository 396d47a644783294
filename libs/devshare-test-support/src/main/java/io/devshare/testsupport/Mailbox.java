package io.devshare.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the test SMTP server's mailboxes back (GreenMail's REST API), parsing each message as MIME. */
public final class Mailbox {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session SESSION = Session.getInstance(new Properties());

    private Mailbox() {}

    /** A received email: its headers of interest and both bodies (null when the part is missing). */
    public record ReceivedMail(String subject, String from, List<String> to, String text, String html) {}

    /** Every message in {@code address}'s inbox, oldest first. */
    public static List<ReceivedMail> messages(String address) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestServers.mailApiUrl() + "/api/user/"
                        + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 400 || r.statusCode() == 404) {
                return List.of(); // no such user yet: nothing was delivered to it
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("mailbox read failed: HTTP " + r.statusCode());
            }
            List<ReceivedMail> out = new ArrayList<>();
            for (JsonNode m : JSON.readTree(r.body())) {
                out.add(parse(m.get("mimeMessage").asText()));
            }
            return out;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("mailbox read failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code address} has at least {@code count} messages and returns them. */
    public static List<ReceivedMail> await(String address, int count, Duration timeout) {
        return Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> messages(address), list -> list.size() >= count);
    }

    static ReceivedMail parse(String raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        String[] bodies = new String[2];
        collect(message, bodies);
        List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .map(a -> ((InternetAddress) a).getAddress())
                .toList();
        String from = ((InternetAddress) message.getFrom()[0]).getAddress();
        return new ReceivedMail(message.getSubject(), from, to, bodies[0], bodies[1]);
    }

    private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                collect(bp, bodies);
            }
        }
    }
}
