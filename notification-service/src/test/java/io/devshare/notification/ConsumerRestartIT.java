package io.devshare.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.Mailbox;
import io.devshare.testsupport.TcpRelay;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;

import static io.devshare.notification.PartnerEventFixtures.id;
import static io.devshare.notification.PartnerEventFixtures.invitation;
import static io.devshare.notification.PartnerEventFixtures.notifyEmails;
import static io.devshare.notification.PartnerEventFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, prod profile, configured by environment as the
 * end-to-end suite runs it) started as a process and killed with SIGKILL, on the real servers:
 *
 * <ol>
 *   <li>a consumer of the service's group that was killed still holds its partitions: a new replica answers
 *       live but not ready until its channels are assigned, then mails what waited;
 *   <li>of two replicas one is killed: the other takes its partitions over within the session timeout;
 *   <li>a replica killed and started again mails an event within 10 s of the restart;
 *   <li>of two replicas, the one whose dispatcher is in the middle of an SMTP exchange (a stalled path) is killed:
 *       the other sends that mail in seconds (not after the 2-minute lease), once.
 * </ol>
 *
 * Figures are printed (grep {@code [restart]} in the failsafe report).
 */
class ConsumerRestartIT {

    private static final List<String> TOPICS =
            List.of("partner-events", "sharing-events", "project-events", "device-events");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Path LOGS = Path.of("target/it-logs");
    /**
     * How long the group keeps a killed holder's partitions: longer than a replica takes to start on a busy machine
     * (51 s seen with a load average of 26), so the replica is seen live and not ready.
     */
    private static final Duration HOLDER_SESSION = Duration.ofSeconds(100);
    /** Well below Kafka's default session timeout (45 s), which is what held a killed replica's partitions. */
    private static final Duration TAKE_OVER = Duration.ofSeconds(30);

    static KafkaCompanion kafka;
    private final List<Process> processes = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();

    @BeforeAll
    static void setUp() throws IOException {
        kafka = new KafkaCompanion(TestServers.kafkaBootstrap());
        Files.createDirectories(LOGS);
    }

    @AfterAll
    static void tearDown() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aReplicaIsReadyOnlyWhenConsumingTakesOverAndRestartsWithin10sAndSendsADeadDispatchersMailOnce()
            throws Exception {
        TestOrg inviter = TestOrgs.create("restart-a", "Restart Inviter");
        TestOrg invitee = TestOrgs.create("restart-b", "Restart Invitee");
        int firstPort = freePort();
        int secondPort = freePort();
        String smtpPort = TestServers.get("DEVSHARE_SMTP_PORT");

        // 1. A consumer of the group killed while it holds every partition (its session outlives a replica's start):
        // a new replica answers live, but ready only once the group gave it the partitions; then it mails what waited.
        Process holder = holdGroup(HOLDER_SESSION);
        String waiting = "waiting@" + invitee.domain();
        publish(kafka, invitationTo(inviter, invitee, waiting));
        holder.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        Process first = start(firstPort, smtpPort);
        Health health = awaitReady(first, firstPort);
        Mailbox.await(waiting, 1, Duration.ofSeconds(120));
        log(
                "holder (session %d s) killed → live %.1f s, ready %.1f s, mailed %.1f s; live but not ready %.1f s",
                HOLDER_SESSION.toSeconds(),
                seconds(killed, health.live),
                seconds(killed, health.ready),
                seconds(killed, System.nanoTime()),
                seconds(health.live, health.ready));
        assertThat(health.notReadyWhileLive)
                .as(
                        "answers live but not ready while the dead consumer holds the partitions (started within %s?)",
                        HOLDER_SESSION)
                .isPositive();
        assertThat(health.readyBody).contains("partner-events", "sharing-events", "project-events", "device-events");

        // 2. Two replicas; one is killed: the other takes its partitions over within the session timeout and mails
        // events on every partition (Kafka's default session timeout of 45 s held them that long).
        Process second = start(secondPort, smtpPort);
        awaitReady(second, secondPort);
        first.destroyForcibly().waitFor();
        long replicaKilled = System.nanoTime();
        List<String> onEveryPartition = new ArrayList<>();
        for (int partition = 0; partition < partitions("partner-events"); partition++) {
            String address = "partition" + partition + "@" + invitee.domain();
            onEveryPartition.add(address);
            publishOn(invitationTo(inviter, invitee, address), partition);
        }
        Awaitility.await()
                .atMost(TAKE_OVER)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> onEveryPartition.stream()
                        .allMatch(a -> !Mailbox.messages(a).isEmpty()));
        log(
                "replica killed → the other mailed events on all %d partitions after %.1f s",
                onEveryPartition.size(), seconds(replicaKilled, System.nanoTime()));

        // 3. The one replica left is killed and started again: an event published meanwhile is mailed within 10 s
        // of the restart.
        second.destroyForcibly().waitFor();
        long killedAgain = System.nanoTime();
        String afterRestart = "restart@" + invitee.domain();
        publish(kafka, invitationTo(inviter, invitee, afterRestart));
        String smtpHost = TestServers.get("DEVSHARE_SMTP_HOST");
        try (TcpRelay smtp = new TcpRelay(smtpHost, Integer.parseInt(smtpPort))) {
            Process restarted = start(secondPort, Integer.toString(smtp.port()));
            long live = awaitLive(restarted, secondPort);
            Mailbox.await(afterRestart, 1, Duration.ofSeconds(120));
            long mailedAgain = System.nanoTime();
            log(
                    "killed → restarted (live) %.1f s; restart → mail %.1f s; kill → mail %.1f s",
                    seconds(killedAgain, live), seconds(live, mailedAgain), seconds(killedAgain, mailedAgain));
            assertThat(Duration.ofNanos(mailedAgain - live))
                    .as("mail flows within 10 s of the restart")
                    .isLessThanOrEqualTo(Duration.ofSeconds(10));

            // 4. Two replicas; the SMTP path of the restarted one stalls. An event whose mail that replica's
            // dispatcher claims hangs in the SMTP exchange (the other replica's mails go out: try another event); that
            // replica is killed, and the other one sends the mail in seconds (not after the 2-minute lease from the
            // claim), once.
            Process other = start(firstPort, smtpPort);
            awaitLive(other, firstPort);
            smtp.stall();
            ObjectNode stuck = null;
            String inFlight = null;
            for (int attempt = 0; attempt < 20 && stuck == null; attempt++) {
                String address = "inflight" + attempt + "@" + invitee.domain();
                ObjectNode event = invitationTo(inviter, invitee, address);
                publish(kafka, event);
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> delivery(id(event)).status() != null
                                && !"PENDING".equals(delivery(id(event)).status()));
                sleep(2000);
                if ("SENDING".equals(delivery(id(event)).status())
                        && Mailbox.messages(address).isEmpty()) {
                    stuck = event;
                    inFlight = address;
                }
            }
            assertThat(stuck).as("a mail claimed by the stalled replica").isNotNull();
            restarted.destroyForcibly().waitFor();
            long crashed = System.nanoTime();
            String stuckAddress = inFlight;
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !Mailbox.messages(stuckAddress).isEmpty());
            log(
                    "dispatcher killed mid-SMTP → the other replica sent its mail after %.1f s",
                    seconds(crashed, System.nanoTime()));
            String stuckId = id(stuck);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> "SENT".equals(delivery(stuckId).status()));
            assertThat(delivery(stuckId).attempts())
                    .as("claimed by the dead dispatcher, then once more")
                    .isEqualTo(2);
            assertThat(Mailbox.messages(stuckAddress)).hasSize(1);
        }
    }

    private static Connection database() throws SQLException {
        String url = "jdbc:postgresql://" + TestServers.get("DEVSHARE_PG_HOST") + ":"
                + TestServers.get("DEVSHARE_PG_PORT") + "/notification";
        return DriverManager.getConnection(url, "notification", "notification");
    }

    private static int partitions(String topic) {
        return kafka.topics().describe(topic).get(topic).partitions().size();
    }

    /** Puts an event on a given partition of partner-events. */
    private static void publishOn(ObjectNode event, int partition) {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                "partner-events", partition, event.get("subject").asText(), event.toString());
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }

    private static ObjectNode invitationTo(TestOrg inviter, TestOrg invitee, String address) {
        ObjectNode event = invitation("invitation.created", inviter, invitee);
        notifyEmails(event, List.of(address));
        return event;
    }

    /** A separate JVM in the service's consumer group, holding every partition of its topics (paused). */
    private Process holdGroup(Duration session) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                javaBin(),
                "-cp",
                System.getProperty("java.class.path"),
                GroupHolder.class.getName(),
                TestServers.kafkaBootstrap(),
                "notification-service",
                Long.toString(session.toMillis())));
        command.addAll(TOPICS);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(p);
        int partitions = TOPICS.stream().mapToInt(ConsumerRestartIT::partitions).sum();
        CountDownLatch all = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("ASSIGNED " + partitions)) {
                        all.countDown();
                    }
                }
            } catch (IOException e) {
                // killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(all.await(120, TimeUnit.SECONDS))
                .as("the holder was assigned every partition")
                .isTrue();
        return p;
    }

    private Process start(int port, String smtpPort) throws IOException {
        Path repo = EventSamples.repoRoot();
        Path jar = repo.resolve("notification-service/target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("package notification-service first").isRegularFile();
        Map<String, String> env = TestServers.asEnvironment(TestServers.serviceConfig("notification"));
        Path log = LOGS.resolve("notification-service-" + started.incrementAndGet() + ".log");
        ProcessBuilder pb = new ProcessBuilder(
                        javaBin(), "@" + repo.resolve("deploy/jvm/service.options"), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_MAILER_PORT", smtpPort);
        pb.environment().put("DEVSHARE_SERVICES_CLIENT_SECRET", "devshare-services-local-secret");
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** When the process first answered live, when ready, and how often it was live but not ready in between. */
    private record Health(long live, long ready, int notReadyWhileLive, String readyBody) {}

    private static Health awaitReady(Process p, int port) {
        long live = 0;
        int notReady = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("service exited; see " + LOGS).isTrue();
            HttpResponse<String> l = get(port, "/q/health/live");
            if (l != null && l.statusCode() == 200) {
                if (live == 0) {
                    live = System.nanoTime();
                }
                HttpResponse<String> r = get(port, "/q/health/ready");
                if (r != null && r.statusCode() == 200) {
                    return new Health(live, System.nanoTime(), notReady, r.body());
                }
                notReady++;
            }
            sleep(100);
        }
        throw new AssertionError("not ready after 180 s; see " + LOGS);
    }

    private static long awaitLive(Process p, int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("service exited; see " + LOGS).isTrue();
            HttpResponse<String> l = get(port, "/q/health/live");
            if (l != null && l.statusCode() == 200) {
                return System.nanoTime();
            }
            sleep(50);
        }
        throw new AssertionError("not live after 180 s; see " + LOGS);
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Delivery(String status, int attempts) {}

    private static Delivery delivery(String eventId) throws SQLException {
        try (Connection c = database();
                PreparedStatement s =
                        c.prepareStatement("SELECT status, attempts FROM mail_delivery WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Delivery(rs.getString(1), rs.getInt(2)) : new Delivery(null, 0);
            }
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("[restart] " + String.format(format, args));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
