package io.devshare.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.TestServers;
import io.devshare.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's proof: generated JSON sent to every write endpoint (POST, PUT, PATCH with a JSON body) of every service,
 * as each service's OpenAPI document lists them, never answers 5xx, and a refused request (4xx) leaves the service's
 * own tables as they were (row counts, see {@link RowCounts}). Bodies are mostly schema-shaped with one or a few
 * fields mutated ({@link FuzzInputs}); path ids are random or the fuzzing organization's own device, group, project
 * and grant, so some requests reach the services' logic. People call with an admin token of a fresh organization,
 * {@code /device-api/*} with the HTTP Basic credentials of its device, {@code /operator/*} as the platform operator.
 *
 * <p>jqwik runs the properties as its own JUnit Platform engine (no Quarkus extension runs here): the packaged
 * services come from {@link Suite}. A failure prints the request as a curl command and the answer.
 */
class WriteEndpointsFuzzIT {

    /** Fixed, so a run is repeatable; change it to explore other samples. */
    static final String SEED = "1313";

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    static Suite suite;
    static TestOrg org;
    static String deviceSecret;
    static FuzzInputs.Fixture fixture;
    static FuzzInputs inputs;
    static final Map<String, List<WriteOperations.Operation>> OPERATIONS = new ConcurrentHashMap<>();
    static final Map<String, RowCounts> COUNTS = new ConcurrentHashMap<>();
    static final Map<String, Map<String, Integer>> STATUSES = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> NANOS = new ConcurrentHashMap<>();
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static final Map<String, Instant> TOKEN_TIMES = new ConcurrentHashMap<>();

    @BeforeContainer
    static void setUp() {
        suite = Suite.get();
        Instant since = Instant.now().minusSeconds(60);
        org = TestOrgs.create("fuzz", "Fuzz Org");
        TestOrg peer = TestOrgs.create("fuzzpeer", "Fuzz Peer");

        // Partners by the peer's sharing code, so shares can reach the service's logic.
        String code = as(peer.adminToken(), Suite.PARTNER)
                .get("/partnerships/sharing-code")
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        as(token(org.admin()), Suite.PARTNER)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/partnerships/connect")
                .then()
                .statusCode(201);

        // A device (licences first), a group holding it, a project, and a share of the device with the peer.
        as(token("operator"), Suite.DEVICE)
                .contentType(ContentType.JSON)
                .body(Map.of("size", 20))
                .put("/operator/organizations/" + org.alias() + "/licences")
                .then()
                .statusCode(200);
        ExtractableResponse<Response> registered = as(token(org.admin()), Suite.DEVICE)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "serialNumber", "FUZZ-" + UUID.randomUUID(),
                        "manufacturer", "Caterpillar",
                        "model", "336",
                        "kind", "MACHINE_CONTROL",
                        "displayName", "Fuzzed excavator",
                        "tags", List.of("fuzz")))
                .post("/devices")
                .then()
                .statusCode(201)
                .extract();
        String device = registered.path("id");
        deviceSecret = registered.path("credentials.secret");
        String group = as(token(org.admin()), Suite.DEVICE)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Fuzz group"))
                .post("/device-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(token(org.admin()), Suite.DEVICE)
                .put("/device-groups/" + group + "/devices/" + device)
                .then()
                .statusCode(204);
        String project = as(token(org.admin()), Suite.PROJECT)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Fuzz site", "status", "active"))
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String[] grant = new String[1];
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            ExtractableResponse<Response> r = as(token(org.admin()), Suite.SHARING)
                    .contentType(ContentType.JSON)
                    .body(Map.of("granteeOrg", peer.alias(), "deviceIds", List.of(device), "role", "VIEWER"))
                    .post("/grants")
                    .then()
                    .extract();
            grant[0] = r.statusCode() == 201 ? r.path("grants[0].id") : null;
            return grant[0] != null;
        });
        fixture = new FuzzInputs.Fixture(org.alias(), peer.alias(), device, group, project, grant[0]);
        inputs = new FuzzInputs(fixture);

        for (String svc : List.of(Suite.PARTNER, Suite.SHARING, Suite.DEVICE, Suite.PROJECT, Suite.NOTIFICATION)) {
            List<WriteOperations.Operation> ops = WriteOperations.of(svc, suite.url(svc));
            if (ops.isEmpty()) {
                throw new IllegalStateException(svc + "'s OpenAPI document lists no write operation with a JSON body");
            }
            OPERATIONS.put(svc, ops);
            String db = svc.replace("-service", "");
            COUNTS.put(svc, new RowCounts(db, org.alias(), since));
            System.out.printf(
                    "[fuzz] %s: %d write operations with a JSON body %s; tables checked: %s%n",
                    svc,
                    ops.size(),
                    ops.stream().map(WriteOperations.Operation::label).toList(),
                    COUNTS.get(svc).tables());
        }
        // The counts see a write: a created group is one more row, and its event one more for this organization.
        Map<String, Long> before = COUNTS.get(Suite.DEVICE).snapshot();
        as(token(org.admin()), Suite.DEVICE)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Fuzz group 2"))
                .post("/device-groups")
                .then()
                .statusCode(201);
        Map<String, Long> after = COUNTS.get(Suite.DEVICE).snapshot();
        assertThat(after.get("device_group")).isEqualTo(before.get("device_group") + 1);
        assertThat(after.get("outbox_event")).isEqualTo(before.get("outbox_event") + 1);
    }

    @AfterContainer
    static void report() {
        STATUSES.forEach((svc, statuses) -> System.out.printf(
                "[fuzz] %s: %d requests in %.1f s, answers %s%n",
                svc,
                statuses.values().stream().mapToInt(Integer::intValue).sum(),
                NANOS.getOrDefault(svc, new AtomicLong()).get() / 1e9,
                statuses));
        COUNTS.values().forEach(RowCounts::close);
    }

    @Property(
            tries = 150,
            seed = SEED,
            afterFailure = AfterFailureMode.SAMPLE_FIRST,
            shrinking = ShrinkingMode.BOUNDED,
            edgeCases = EdgeCasesMode.NONE)
    void partnerServiceRefusesBadInputCleanly(@ForAll("partnerRequests") FuzzRequest request) {
        check(request);
    }

    @Property(
            tries = 200,
            seed = SEED,
            afterFailure = AfterFailureMode.SAMPLE_FIRST,
            shrinking = ShrinkingMode.BOUNDED,
            edgeCases = EdgeCasesMode.NONE)
    void sharingServiceRefusesBadInputCleanly(@ForAll("sharingRequests") FuzzRequest request) {
        check(request);
    }

    @Property(
            tries = 300,
            seed = SEED,
            afterFailure = AfterFailureMode.SAMPLE_FIRST,
            shrinking = ShrinkingMode.BOUNDED,
            edgeCases = EdgeCasesMode.NONE)
    void deviceServiceRefusesBadInputCleanly(@ForAll("deviceRequests") FuzzRequest request) {
        check(request);
    }

    @Property(
            tries = 250,
            seed = SEED,
            afterFailure = AfterFailureMode.SAMPLE_FIRST,
            shrinking = ShrinkingMode.BOUNDED,
            edgeCases = EdgeCasesMode.NONE)
    void projectServiceRefusesBadInputCleanly(@ForAll("projectRequests") FuzzRequest request) {
        check(request);
    }

    @Property(
            tries = 100,
            seed = SEED,
            afterFailure = AfterFailureMode.SAMPLE_FIRST,
            shrinking = ShrinkingMode.BOUNDED,
            edgeCases = EdgeCasesMode.NONE)
    void notificationServiceRefusesBadInputCleanly(@ForAll("notificationRequests") FuzzRequest request) {
        check(request);
    }

    @Provide
    Arbitrary<FuzzRequest> partnerRequests() {
        return inputs.requests(OPERATIONS.get(Suite.PARTNER));
    }

    @Provide
    Arbitrary<FuzzRequest> sharingRequests() {
        return inputs.requests(OPERATIONS.get(Suite.SHARING));
    }

    @Provide
    Arbitrary<FuzzRequest> deviceRequests() {
        return inputs.requests(OPERATIONS.get(Suite.DEVICE));
    }

    @Provide
    Arbitrary<FuzzRequest> projectRequests() {
        return inputs.requests(OPERATIONS.get(Suite.PROJECT));
    }

    @Provide
    Arbitrary<FuzzRequest> notificationRequests() {
        return inputs.requests(OPERATIONS.get(Suite.NOTIFICATION));
    }

    /** Never a 5xx (or no answer); after a 4xx the service's own row counts are unchanged. */
    private static void check(FuzzRequest request) {
        RowCounts counts = COUNTS.get(request.service());
        Map<String, Long> before = counts.snapshot();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = HTTP.send(http(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("no answer (" + e + ")\n" + describe(request, null), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            NANOS.computeIfAbsent(request.service(), s -> new AtomicLong()).addAndGet(System.nanoTime() - start);
        }
        int status = response.statusCode();
        STATUSES.computeIfAbsent(request.service(), s -> new ConcurrentHashMap<>())
                .merge(request.operation() + " → " + status, 1, Integer::sum);
        if (status >= 500) {
            throw new AssertionError("answered " + status + "\n" + describe(request, response));
        }
        if (status >= 400) {
            Map<String, Long> after = counts.snapshot();
            if (!after.equals(before)) {
                Map<String, String> changed = new TreeMap<>();
                after.forEach((table, n) -> {
                    if (!n.equals(before.get(table))) {
                        changed.put(table, before.get(table) + " → " + n);
                    }
                });
                throw new AssertionError(
                        "answered " + status + " but wrote rows " + changed + "\n" + describe(request, response));
            }
        }
    }

    private static HttpRequest http(FuzzRequest r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(suite.url(r.service()) + r.path()))
                .timeout(Duration.ofSeconds(30))
                .method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.bytes()));
        if (r.contentType() != null && !r.contentType().isEmpty()) {
            b.header("Content-Type", r.contentType());
        }
        if (r.idempotencyKey() != null) {
            b.header("Idempotency-Key", r.idempotencyKey());
        }
        switch (r.auth()) {
            case DEVICE ->
                b.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((fixture.deviceId() + ":" + deviceSecret)
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            case OPERATOR -> b.header("Authorization", "Bearer " + token("operator"));
            case ADMIN -> b.header("Authorization", "Bearer " + token(org.admin()));
        }
        return b.build();
    }

    /** The request as a curl command (with how to get its credentials), and the answer. */
    private static String describe(FuzzRequest r, HttpResponse<String> response) {
        String user = r.auth() == FuzzInputs.Auth.OPERATOR ? "operator" : org.admin();
        String credentials = r.auth() == FuzzInputs.Auth.DEVICE
                ? "-u '" + fixture.deviceId() + ":" + deviceSecret + "'"
                : "-H \"Authorization: Bearer $TOKEN\"";
        StringBuilder b = new StringBuilder();
        b.append("operation: ")
                .append(r.operation())
                .append(" on ")
                .append(r.service())
                .append('\n');
        b.append("request:   ").append(r.method()).append(' ').append(r.path()).append('\n');
        b.append("body:      ")
                .append(FuzzRequest.abbreviate(FuzzRequest.escape(r.body()), 4000))
                .append('\n');
        if (r.auth() != FuzzInputs.Auth.DEVICE) {
            b.append("TOKEN=$(curl -s -d grant_type=password -d client_id=devshare-console -d username=")
                    .append(user)
                    .append(" -d password=")
                    .append(Tokens.PASSWORD)
                    .append(' ')
                    .append(TestServers.realmUrl())
                    .append(
                            "/protocol/openid-connect/token | sed -n 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/p')\n");
        }
        b.append(r.curl(suite.url(r.service()), credentials)).append('\n');
        if (response != null) {
            b.append("answer:    ")
                    .append(response.statusCode())
                    .append(' ')
                    .append(FuzzRequest.abbreviate(response.body(), 2000))
                    .append('\n');
        }
        b.append("log:       e2e-tests/target/e2e-logs/").append(r.service()).append(".log");
        return b.toString();
    }

    /** A token of {@code username}, fetched again after four minutes (they live five in the test realm). */
    private static String token(String username) {
        Instant at = TOKEN_TIMES.get(username);
        if (at == null || at.isBefore(Instant.now().minusSeconds(240))) {
            TOKENS.put(username, Tokens.passwordGrant(username, Tokens.PASSWORD));
            TOKEN_TIMES.put(username, Instant.now());
        }
        return TOKENS.get(username);
    }

    private static RequestSpecification as(String token, String service) {
        return RestAssured.given().baseUri(suite.url(service)).auth().oauth2(token);
    }
}
