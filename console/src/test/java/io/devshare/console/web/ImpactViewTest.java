package io.devshare.console.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.devshare.console.client.ProjectApi;

import static org.assertj.core.api.Assertions.assertThat;

/** The revoke preview's facts as the confirmation page arranges them. */
class ImpactViewTest {

    static final UUID NORTH = UUID.randomUUID();
    static final UUID SOUTH = UUID.randomUUID();

    @Test
    void noAnswerIsAnUnknownEffect() {
        ImpactView v = ImpactView.of(null, true);
        assertThat(v.known()).isFalse();
        assertThat(v.lines()).isEmpty();
    }

    @Test
    void eachProjectIsALineWithItsDevicesSessionsAndDesigns() {
        OffsetDateTime now = OffsetDateTime.now();
        UUID d1 = UUID.randomUUID();
        UUID d2 = UUID.randomUUID();
        ProjectApi.Impact impact = new ProjectApi.Impact(
                UUID.randomUUID(),
                "rentco",
                "acme",
                List.of(
                        new ProjectApi.ProjectImpact(NORTH, "North <Bridge>", "ACTIVE", 2, 2, 2, 3),
                        new ProjectApi.ProjectImpact(SOUTH, "South", "PLANNED", 1, 0, 0, 0)),
                4,
                List.of(
                        new ProjectApi.DeviceImpact(d1, "Excavator 1", "EXCAVATOR", NORTH, "u1", now),
                        new ProjectApi.DeviceImpact(d2, null, null, NORTH, "u1", now),
                        new ProjectApi.DeviceImpact(UUID.randomUUID(), "Rover", null, SOUTH, "u2", now)),
                0,
                List.of(
                        new ProjectApi.SessionImpact(UUID.randomUUID(), NORTH, d1, "u1", "jane", now, "OPEN"),
                        new ProjectApi.SessionImpact(UUID.randomUUID(), NORTH, d2, "u1", "jane", now, "JOINED")),
                0,
                List.of(),
                0,
                3,
                List.of(
                        new ProjectApi.PersonImpact("u1", "jane", List.of("assigned-device", "opened-session")),
                        new ProjectApi.PersonImpact("u2", null, List.of("assigned-device"))),
                2,
                0);

        ImpactView v = ImpactView.of(impact, false);

        assertThat(v.known()).isTrue();
        assertThat(v.granteeOrg()).isEqualTo("acme");
        assertThat(v.moreProjects()).isEqualTo(4);
        assertThat(v.lines()).hasSize(2);
        ImpactView.Line north = v.lines().get(0);
        assertThat(north.name()).isEqualTo("North <Bridge>");
        assertThat(north.single()).isFalse();
        assertThat(north.deviceNames())
                .containsExactly("Excavator 1", "a device (" + d2.toString().substring(0, 8) + ")");
        assertThat(north.moreDevices()).isZero();
        assertThat(north.sessions()).isEqualTo(2);
        assertThat(north.openers()).containsExactly("jane");
        assertThat(north.designs()).isEqualTo(2);
        assertThat(v.lines().get(1).deviceNames()).containsExactly("Rover");
        assertThat(v.people()).extracting(ImpactView.Person::name).containsExactly("jane");
        // One without a name here, two left out by the service's limit.
        assertThat(v.unnamed()).isEqualTo(3);
    }

    @Test
    void aLineNamesAFewDevicesAndCountsTheRest() {
        List<ProjectApi.DeviceImpact> devices = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> new ProjectApi.DeviceImpact(UUID.randomUUID(), "D" + i, null, NORTH, "u", null))
                .toList();
        ProjectApi.Impact impact = new ProjectApi.Impact(
                UUID.randomUUID(),
                "rentco",
                "acme",
                List.of(new ProjectApi.ProjectImpact(NORTH, "North", "ACTIVE", 7, 0, 0, 0)),
                0,
                devices,
                2,
                null,
                0,
                null,
                0,
                0,
                null,
                0,
                1);

        ImpactView.Line line = ImpactView.of(impact, false).lines().get(0);

        assertThat(line.deviceNames()).containsExactly("D0", "D1", "D2");
        assertThat(line.moreDevices()).isEqualTo(4);
        assertThat(ImpactView.of(impact, false).kept()).isEqualTo(1);
    }
}
