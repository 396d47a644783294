package io.devshare.sharing.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.devshare.sharing.Basis;
import io.devshare.sharing.Capability;
import io.devshare.sharing.Decision;
import io.devshare.sharing.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory copy's decisions and its readers under a writer (the PostgreSQL comparison is AccessReplicaTest). */
class AccessTableTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final int VIEWER = bits(Role.VIEWER);
    private static final int MANAGER = bits(Role.MANAGER);

    private final AccessTable table = new AccessTable(1, 1);

    @Test
    void theOwnerOfALiveDeviceThenADirectGrantThenAGroupGrant() {
        UUID device = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID direct = UUID.randomUUID();
        UUID viaGroup = UUID.randomUUID();
        table.device(device, "owner", false);
        table.membership(group, device, true);
        table.grant(viaGroup, true, "partner", null, group, "MANAGER", MANAGER, Long.MIN_VALUE, Long.MAX_VALUE);

        assertThat(decide("owner", device, Capability.CONFIGURE).basis()).isEqualTo(Basis.OWNER);
        assertThat(decide("partner", device, Capability.CONFIGURE))
                .isEqualTo(new Decision(true, Basis.GRANT, viaGroup, group, "MANAGER"));

        table.grant(direct, true, "partner", device, null, "VIEWER", VIEWER, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(decide("partner", device, Capability.VIEW))
                .as("the direct grant is the reason when both allow")
                .isEqualTo(new Decision(true, Basis.GRANT, direct, null, "VIEWER"));
        assertThat(decide("partner", device, Capability.CONFIGURE).viaGroupId())
                .as("only the group's role allows configuring")
                .isEqualTo(group);

        table.membership(group, device, false);
        assertThat(decide("partner", device, Capability.CONFIGURE).allowed()).isFalse();
        table.device(device, "owner", true);
        assertThat(decide("owner", device, Capability.VIEW).allowed())
                .as("a deleted device has no owner")
                .isFalse();
        assertThat(decide("stranger", device, Capability.VIEW).allowed()).isFalse();
        assertThat(decide("partner", UUID.randomUUID(), Capability.VIEW).allowed())
                .isFalse();
        assertThat(table.activeGrants()).isEqualTo(2);
    }

    @Test
    void aGrantCountsFromItsStartUntilJustBeforeItsEnd() {
        UUID device = UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        table.device(device, "owner", false);
        table.grant(grant, true, "partner", device, null, "VIEWER", VIEWER, NOW, NOW + 1000);

        assertThat(table.decide("partner", device, Capability.VIEW, NOW - 1).allowed())
                .isFalse();
        assertThat(table.decide("partner", device, Capability.VIEW, NOW).allowed())
                .isTrue();
        assertThat(table.decide("partner", device, Capability.VIEW, NOW + 999).allowed())
                .isTrue();
        assertThat(table.decide("partner", device, Capability.VIEW, NOW + 1000).allowed())
                .isFalse();
    }

    @Test
    void aClosedGrantGoesAndOnlyItsOwnClosingRemovesIt() {
        UUID device = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        table.device(device, "owner", false);
        table.grant(first, true, "partner", device, null, "VIEWER", VIEWER, Long.MIN_VALUE, Long.MAX_VALUE);
        table.grant(first, false, "partner", device, null, "VIEWER", VIEWER, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(decide("partner", device, Capability.VIEW).allowed()).isFalse();

        table.grant(second, true, "partner", device, null, "MANAGER", MANAGER, Long.MIN_VALUE, Long.MAX_VALUE);
        // A late repeat of the first grant's closing must not remove its successor.
        table.grant(first, false, "partner", device, null, "VIEWER", VIEWER, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(decide("partner", device, Capability.CONFIGURE))
                .isEqualTo(new Decision(true, Basis.GRANT, second, null, "MANAGER"));
        assertThat(table.activeGrants()).isEqualTo(1);
    }

    @Test
    void readersNeverSeeAHalfMadeChange() throws Exception {
        // One device always shared with "steady"; meanwhile the writer adds many devices (growing every array)
        // and shares and unshares them. A reader must always see the steady grant and never fail.
        UUID steady = UUID.randomUUID();
        UUID steadyGrant = UUID.randomUUID();
        table.device(steady, "owner", false);
        table.grant(steadyGrant, true, "steady", steady, null, "VIEWER", VIEWER, Long.MIN_VALUE, Long.MAX_VALUE);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        long[] reads = new long[2];
        for (int r = 0; r < 2; r++) {
            int me = r;
            Thread t = new Thread(() -> {
                try {
                    while (!done.get()) {
                        Decision d = decide("steady", steady, Capability.VIEW);
                        if (!d.allowed() || !steadyGrant.equals(d.grantId())) {
                            throw new AssertionError("lost the steady grant: " + d);
                        }
                        reads[me]++;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            t.start();
            readers.add(t);
        }
        for (int i = 0; i < 200_000; i++) {
            UUID device = UUID.randomUUID();
            UUID grant = UUID.randomUUID();
            table.device(device, "owner" + (i % 100), false);
            table.grant(grant, true, "org" + (i % 500), device, null, "VIEWER", VIEWER, Long.MIN_VALUE, Long.MAX_VALUE);
            if (i % 3 == 0) {
                table.grant(grant, false, "org" + (i % 500), device, null, "VIEWER", VIEWER, 0, 0);
            }
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(reads[0] + reads[1]).isPositive();
        assertThat(table.devices()).isEqualTo(200_001);
        assertThat(table.activeGrants()).isEqualTo(1 + 200_000 - 66_667);
    }

    private Decision decide(String org, UUID device, Capability capability) {
        return table.decide(org, device, capability, NOW);
    }

    private static int bits(Role role) {
        return AccessTable.bits(role.capabilityNames().toArray(String[]::new));
    }
}
