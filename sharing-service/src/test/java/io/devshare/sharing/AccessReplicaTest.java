package io.devshare.sharing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

import io.devshare.sharing.authority.AccessReplica;
import io.devshare.sharing.service.AccessService;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TcpRelay;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access authority's in-memory copies on the real PostgreSQL: a second replica of the service (a second
 * {@link AccessReplica} on the same database, as another pod would run) next to the service's own.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "sharing"))
class AccessReplicaTest {

    static TestOrg owner;
    static TestOrg partner;
    static TestOrg outsider;
    static World world;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Inject
    AccessReplica replica;

    @Inject
    AccessService access;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @BeforeAll
    static void orgs() {
        owner = TestOrgs.create("fleet", "Fleet Owner");
        partner = TestOrgs.create("builder", "Builder Partner");
        outsider = TestOrgs.create("nobody", "Nobody Org");
    }

    @BeforeEach
    void worldOnce() {
        if (world == null) {
            world = new World(pool, replica);
            world.partners(owner, partner);
        }
    }

    @AfterAll
    static void close() {
        if (world != null) {
            world.close();
            world = null;
        }
    }

    @Test
    void aChangeAnswersOnlyOnceTheOtherReplicaHasAppliedIt() {
        AccessReplica second = secondReplica();
        try {
            awaitFreshAndHeard(second);
            double leaseWaits = leaseWaits();
            for (int i = 0; i < 5; i++) {
                UUID d = world.device(owner);
                // Also under an Idempotency-Key, whose transaction commits the share only after the action.
                String grantId = i % 2 == 0 ? shareOne(d, "viewer") : shareOneWithKey(d, "viewer");
                // No waiting: the share answered after the second replica acknowledged it.
                assertThat(second.decide(partner.alias(), d, Capability.VIEW))
                        .isEqualTo(new Decision(true, Basis.GRANT, UUID.fromString(grantId), null, "VIEWER"));
                revoke(grantId);
                assertThat(second.decide(partner.alias(), d, Capability.VIEW).allowed())
                        .as("revoked on the other replica when the revoke answered")
                        .isFalse();
            }
            assertThat(leaseWaits())
                    .as("every fence ended by the replicas' acknowledgements")
                    .isEqualTo(leaseWaits);

            // A replica that goes away without a word is waited for until its lease has run out, no longer.
            UUID d = world.device(owner);
            second.stop();
            String grantId = shareOne(d, "operator");
            assertThat(leaseWaits())
                    .as("the share waited for the silent replica's lease")
                    .isEqualTo(leaseWaits + 1);
            revoke(grantId);
            assertThat(leaseWaits()).as("then it is no longer live").isEqualTo(leaseWaits + 1);
            assertThat(replica.decide(partner.alias(), d, Capability.VIEW).allowed())
                    .isFalse();
        } finally {
            second.stop();
        }
    }

    @Test
    void aReplicaThatLosesItsSubscriptionNeverAnswersStaleThenCatchesUp() {
        AccessReplica second = secondReplica();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(second::isFresh);
            UUID d = world.device(owner);
            String grantId = shareOne(d, "viewer");
            assertThat(second.decide(partner.alias(), d, Capability.VIEW).allowed())
                    .isTrue();

            long terminated = pool.preparedQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                            + " WHERE application_name = $1")
                    .execute(Tuple.of("devshare-access-" + second.id()))
                    .await()
                    .atMost(Duration.ofSeconds(10))
                    .iterator()
                    .next()
                    .getLong(0);
            assertThat(terminated)
                    .as("the second replica's listening connection")
                    .isEqualTo(1);

            // Cut off, it may answer from its copy only until its lease runs out; the revoke answers no earlier
            // than that (or than its acknowledgement, once it has reconnected and read its copy again).
            revoke(grantId);
            Decision meanwhile = second.decide(partner.alias(), d, Capability.VIEW);
            assertThat(meanwhile == null || !meanwhile.allowed())
                    .as("no replica allows what a revoke that answered took away: %s", meanwhile)
                    .isTrue();
            UUID later = world.device(owner);
            String laterGrant = shareOne(later, "manager");

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(second::isFresh);
            assertThat(second.decide(partner.alias(), d, Capability.VIEW).allowed())
                    .as("the revoke made while it was cut off")
                    .isFalse();
            assertThat(second.decide(partner.alias(), later, Capability.CONFIGURE))
                    .isEqualTo(new Decision(true, Basis.GRANT, UUID.fromString(laterGrant), null, "MANAGER"));
        } finally {
            second.stop();
        }
    }

    @Test
    void aReplicaWhoseNotificationsStallStopsAnsweringWithinItsLeaseAndChangesWaitForItNoLonger() {
        PgConnectOptions target = PgConnectOptions.fromUri(url);
        try (TcpRelay proxy = new TcpRelay(target.getHost(), target.getPort())) {
            // Its listening connection goes through the proxy; its heartbeats and reads through the pool, as before.
            String throughProxy = url.replaceFirst(":" + target.getPort() + "/", ":" + proxy.port() + "/");
            assertThat(throughProxy).isNotEqualTo(url);
            AccessReplica second = secondReplica(throughProxy);
            try {
                awaitFreshAndHeard(second);
                UUID d = world.device(owner);
                String grantId = shareOne(d, "viewer");
                assertThat(second.decide(partner.alias(), d, Capability.VIEW).allowed())
                        .isTrue();

                // Stalled, not closed: nothing tells it that it hears nothing, and the others still hear its
                // heartbeats. The revoke waits for its acknowledgement until its lease runs out, and by then its copy
                // no longer answers (its freshness ended a lease after its last heartbeat came back to it).
                proxy.stall();
                double leaseWaits = leaseWaits();
                revoke(grantId);
                assertThat(leaseWaits())
                        .as("the revoke ended on the deaf replica's lease")
                        .isEqualTo(leaseWaits + 1);
                assertThat(second.decide(partner.alias(), d, Capability.VIEW))
                        .as("a stalled copy does not answer once the revoke answered")
                        .isNull();
                assertThat(second.isFresh()).isFalse();
                assertThat(replica.decide(partner.alias(), d, Capability.VIEW).allowed())
                        .isFalse();
                UUID later = world.device(owner);
                String laterGrant = shareOne(later, "operator");

                // Once the path moves again, what was held back arrives in order and the copy answers again.
                proxy.resume();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(second::isFresh);
                assertThat(second.decide(partner.alias(), d, Capability.VIEW).allowed())
                        .as("the revoke made while it heard nothing")
                        .isFalse();
                assertThat(second.decide(partner.alias(), later, Capability.PUBLISH_DESIGN))
                        .isEqualTo(new Decision(true, Basis.GRANT, UUID.fromString(laterGrant), null, "OPERATOR"));
            } finally {
                second.stop();
            }
        }
    }

    @Test
    void theCopyDecidesEveryQuestionAsPostgreSQLDoes() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            devices.add(world.device(owner));
        }
        UUID partnersOwn = world.device(partner);
        UUID group = world.group(owner);
        UUID laterGroup = world.group(owner);
        world.addToGroup(group, devices.get(3), owner);
        world.addToGroup(group, devices.get(4), owner);
        world.addToGroup(laterGroup, devices.get(5), owner);

        shareOne(devices.get(0), "viewer");
        String changed = shareOne(devices.get(1), "manager");
        given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("role", "viewer"))
                .patch("/grants/" + changed)
                .then()
                .statusCode(200);
        revoke(shareOne(devices.get(2), "operator"));
        share(owner, Map.of("granteeOrg", partner.alias(), "groupId", group, "role", "operator"))
                .statusCode(201);
        shareOne(devices.get(3), "viewer"); // directly too: the direct grant is the reason
        world.removeFromGroup(group, devices.get(4), owner);
        share(
                        owner,
                        Map.of(
                                "granteeOrg",
                                partner.alias(),
                                "groupId",
                                laterGroup,
                                "role",
                                "manager",
                                "startsAt",
                                now.plusDays(2).toString()))
                .statusCode(201);
        share(
                        owner,
                        Map.of(
                                "granteeOrg",
                                partner.alias(),
                                "deviceIds",
                                List.of(devices.get(6)),
                                "role",
                                "operator",
                                "endsAt",
                                now.plusDays(1).toString()))
                .statusCode(201);
        world.deleteDevice(devices.get(7), owner);
        share(partner, Map.of("granteeOrg", owner.alias(), "deviceIds", List.of(partnersOwn), "role", "viewer"))
                .statusCode(201);

        List<UUID> asked = new ArrayList<>(devices);
        asked.add(partnersOwn);
        asked.add(UUID.randomUUID());
        int allowed = 0;
        int viaGroup = 0;
        for (TestOrg org : List.of(owner, partner, outsider)) {
            for (UUID device : asked) {
                for (Capability capability : Capability.values()) {
                    Decision memory = replica.decide(org.alias(), device, capability);
                    Decision database = access.checkInDatabase(org.alias(), device, capability)
                            .await()
                            .atMost(Duration.ofSeconds(10));
                    assertThat(memory)
                            .as("%s doing %s on device %d", org.alias(), capability, asked.indexOf(device))
                            .isEqualTo(database);
                    allowed += memory.allowed() ? 1 : 0;
                    viaGroup += memory.viaGroupId() != null ? 1 : 0;
                }
            }
        }
        // The scenario reaches every kind of answer (so the comparison is not of denials only).
        assertThat(allowed).isGreaterThan(50);
        assertThat(viaGroup).isGreaterThan(0);
    }

    private AccessReplica secondReplica() {
        return secondReplica(url);
    }

    /** Another replica on the same database, listening through {@code listenUrl}. */
    private AccessReplica secondReplica(String listenUrl) {
        AccessReplica second = new AccessReplica(
                pool,
                vertx,
                new SimpleMeterRegistry(),
                true,
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                listenUrl,
                user,
                password);
        second.start();
        return second;
    }

    /**
     * Until the second replica answers from its copy and the service's replica hears it and no other: a replica
     * stopped by an earlier test stays live for the others until its lease runs out.
     */
    private void awaitFreshAndHeard(AccessReplica second) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> second.isFresh() && replica.peers() == 1);
    }

    private double leaseWaits() {
        return registry.find("devshare.access.replica.fence.lease.waits")
                .counter()
                .count();
    }

    private static String shareOne(UUID device, String role) {
        return share(owner, Map.of("granteeOrg", partner.alias(), "deviceIds", List.of(device), "role", role))
                .statusCode(201)
                .extract()
                .path("grants[0].id");
    }

    private static String shareOneWithKey(UUID device, String role) {
        return given().auth()
                .oauth2(owner.adminToken())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("granteeOrg", partner.alias(), "deviceIds", List.of(device), "role", role))
                .post("/grants")
                .then()
                .statusCode(201)
                .extract()
                .path("grants[0].id");
    }

    private static ValidatableResponse share(TestOrg as, Map<String, Object> body) {
        return given().auth()
                .oauth2(as.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/grants")
                .then();
    }

    private static void revoke(String grantId) {
        given().auth()
                .oauth2(owner.adminToken())
                .post("/grants/" + grantId + "/revoke")
                .then()
                .statusCode(200);
    }
}
