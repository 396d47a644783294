package io.devshare.notification.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.common.events.IncomingEvent;
import io.devshare.common.events.MalformedEventException;
import io.devshare.notification.events.AccessChangedEvent;
import io.devshare.notification.events.DeviceEvent;
import io.devshare.notification.events.ShareEvent;
import io.devshare.notification.events.TransferFailedEvent;
import io.devshare.testsupport.EventSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * sharing-, device- and project-service's sample events (the contracts) read by notification-service's own tolerant
 * records; an event that lacks what its mail needs is unreadable (dead-letter topic).
 */
class SharingEventRecordsTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    private IncomingEvent sample(String producer, String type) {
        return IncomingEvent.parse(mapper, EventSamples.load(producer, type).toString());
    }

    @Test
    void theSamplesAreReadByOurOwnRecords() {
        ShareEvent granted =
                sample("sharing-service", "io.devshare.sharing.share.granted").dataAs(mapper, ShareEvent.class);
        assertThat(granted.ownerOrg()).isEqualTo("rentco");
        assertThat(granted.granteeOrg()).isEqualTo("acme");
        assertThat(granted.grantIds()).containsExactly(UUID.fromString("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f"));
        assertThat(granted.deviceIds()).containsExactly(UUID.fromString("3f6c1a2e-8b4d-4c7e-9a1f-2b3c4d5e6f70"));
        assertThat(granted.endsAt()).isEqualTo(OffsetDateTime.parse("2026-12-24T18:00:00Z"));
        assertThat(granted.role()).isEqualTo("OPERATOR");

        ShareEvent revoked =
                sample("sharing-service", "io.devshare.sharing.share.revoked").dataAs(mapper, ShareEvent.class);
        assertThat(revoked.reason()).isEqualTo("EXPIRED");

        AccessChangedEvent updated = sample("sharing-service", "io.devshare.sharing.access.updated")
                .dataAs(mapper, AccessChangedEvent.class);
        assertThat(updated.grantId()).isEqualTo(UUID.fromString("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f"));
        assertThat(updated.endsAt()).isEqualTo(OffsetDateTime.parse("2026-12-24T18:00:00Z"));

        DeviceEvent registered =
                sample("device-service", "io.devshare.device.device.registered").dataAs(mapper, DeviceEvent.class);
        assertThat(registered.displayName()).isEqualTo("Rover 7 (Riverside)");
        DeviceEvent deleted =
                sample("device-service", "io.devshare.device.device.deleted").dataAs(mapper, DeviceEvent.class);
        assertThat(deleted.deviceId()).isEqualTo(registered.deviceId());

        TransferFailedEvent failed = sample("project-service", "io.devshare.project.transfer.failed")
                .dataAs(mapper, TransferFailedEvent.class);
        assertThat(failed.org()).isEqualTo("acme");
        assertThat(failed.ownerOrg()).isEqualTo("rentco");
        assertThat(failed.deviceName()).isEqualTo("Excavator 12 (CAT 336)");
        assertThat(failed.projectName()).isEqualTo("Riverside earthworks");
        assertThat(failed.message()).isEqualTo("unsupported surface format");
    }

    @Test
    void anEventWithoutWhatItsMailNeedsIsUnreadable() {
        ObjectNode granted = EventSamples.load("sharing-service", "io.devshare.sharing.share.granted");
        ((ObjectNode) granted.get("data")).remove("granteeOrg");
        assertThatThrownBy(() -> IncomingEvent.parse(mapper, granted.toString()).dataAs(mapper, ShareEvent.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("granteeOrg");
        ObjectNode failed = EventSamples.load("project-service", "io.devshare.project.transfer.failed");
        ((ObjectNode) failed.get("data")).remove("org");
        assertThatThrownBy(
                        () -> IncomingEvent.parse(mapper, failed.toString()).dataAs(mapper, TransferFailedEvent.class))
                .isInstanceOf(MalformedEventException.class);
    }
}
