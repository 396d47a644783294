package io.devshare.notification.messaging;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.devshare.common.events.IncomingEvent;
import io.devshare.common.events.MalformedEventException;
import io.devshare.notification.events.InvitationAcceptedEvent;
import io.devshare.notification.events.InvitationCreatedEvent;
import io.devshare.notification.events.InvitationDeclinedEvent;
import io.devshare.notification.events.OrgRef;
import io.devshare.notification.events.PartnershipEndedEvent;
import io.devshare.testsupport.EventSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * partner-service's sample events (the contracts) read by notification-service's own tolerant records; an event
 * that lacks what its mail needs is unreadable (dead-letter topic), not mailed to nobody.
 */
class PartnerEventRecordsTest {

    // Like the application's mapper: java.time support, unknown members ignored.
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    private IncomingEvent sample(String type) {
        return IncomingEvent.parse(
                mapper,
                EventSamples.load("partner-service", "io.devshare.partner." + type)
                        .toString());
    }

    @Test
    void theSamplesAreReadByOurOwnRecords() {
        InvitationAcceptedEvent accepted = sample("invitation.accepted").dataAs(mapper, InvitationAcceptedEvent.class);
        assertThat(accepted.invitationId()).isEqualTo(UUID.fromString("5b0e8d3c-7f41-4f0a-8a55-1f6a9e3c2d11"));
        assertThat(accepted.inviter())
                .isEqualTo(new OrgRef("9a3c1f7e-2d44-4a8b-b1c6-3e5f7a9d0b21", "acme", "Acme Construction"));
        assertThat(accepted.invitee().displayName()).isEqualTo("RentCo Equipment Rental");

        InvitationDeclinedEvent declined = sample("invitation.declined").dataAs(mapper, InvitationDeclinedEvent.class);
        assertThat(declined.reason()).isEqualTo("We do not rent to new customers this season.");
        assertThat(declined.inviter().alias()).isEqualTo("acme");

        PartnershipEndedEvent ended = sample("partnership.ended").dataAs(mapper, PartnershipEndedEvent.class);
        assertThat(ended.orgs()).extracting(OrgRef::alias).containsExactly("acme", "rentco");
        assertThat(ended.endedByOrg().alias()).isEqualTo("rentco");

        InvitationCreatedEvent created = sample("invitation.created").dataAs(mapper, InvitationCreatedEvent.class);
        assertThat(created.notifyEmailsOrEmpty()).containsExactly("dispatch@rentco.example");
    }

    @Test
    void anEventWithoutWhatItsMailNeedsIsUnreadable() {
        ObjectNode accepted = EventSamples.load("partner-service", "io.devshare.partner.invitation.accepted");
        ((ObjectNode) accepted.get("data")).remove("inviter");
        assertThatThrownBy(() ->
                        IncomingEvent.parse(mapper, accepted.toString()).dataAs(mapper, InvitationAcceptedEvent.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("inviter.id is missing");

        ObjectNode declined = EventSamples.load("partner-service", "io.devshare.partner.invitation.declined");
        ((ObjectNode) declined.get("data")).put("invitationId", "not-a-uuid");
        assertThatThrownBy(() ->
                        IncomingEvent.parse(mapper, declined.toString()).dataAs(mapper, InvitationDeclinedEvent.class))
                .isInstanceOf(MalformedEventException.class);

        ObjectNode ended = EventSamples.load("partner-service", "io.devshare.partner.partnership.ended");
        ((ObjectNode) ended.get("data")).withArray("orgs").remove(1);
        assertThatThrownBy(
                        () -> IncomingEvent.parse(mapper, ended.toString()).dataAs(mapper, PartnershipEndedEvent.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("orgs must name the two partners");
    }

    @Test
    void unknownMembersAreIgnoredAndNamesFallBack() {
        ObjectNode accepted = EventSamples.load("partner-service", "io.devshare.partner.invitation.accepted");
        ObjectNode data = (ObjectNode) accepted.get("data");
        data.put("somethingNew", 42);
        ((ObjectNode) data.get("invitee")).remove("name");
        InvitationAcceptedEvent event =
                IncomingEvent.parse(mapper, accepted.toString()).dataAs(mapper, InvitationAcceptedEvent.class);
        assertThat(event.invitee().displayName()).isEqualTo("rentco");
        assertThat(new OrgRef("x", null, " ").displayName()).isEqualTo("An organization");
    }
}
