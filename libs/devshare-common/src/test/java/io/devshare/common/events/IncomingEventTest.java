package io.devshare.common.events;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Thing(String name) {}

    @Test
    void parsesAStructuredCloudEvent() {
        IncomingEvent e = IncomingEvent.parse(
                MAPPER,
                "{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"t\",\"source\":\"urn:x\",\"subject\":\"s\","
                        + "\"time\":\"2026-11-24T08:00:00Z\",\"data\":{\"name\":\"n\",\"extra\":1}}");
        assertThat(e.id()).isEqualTo("e1");
        assertThat(e.type()).isEqualTo("t");
        assertThat(e.source()).isEqualTo("urn:x");
        assertThat(e.subject()).isEqualTo("s");
        assertThat(e.time()).isEqualTo(OffsetDateTime.parse("2026-11-24T08:00:00Z"));
        assertThat(e.dataAs(MAPPER, Thing.class)).isEqualTo(new Thing("n"));
    }

    @Test
    void rejectsWhatIsNotAnEvent() {
        assertThatThrownBy(() -> IncomingEvent.parse(MAPPER, "not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> IncomingEvent.parse(MAPPER, "[1,2]")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> IncomingEvent.parse(MAPPER, "{\"id\":\"x\",\"type\":\"t\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("source");
        assertThatThrownBy(() -> IncomingEvent.parse(
                        MAPPER, "{\"id\":\"x\",\"type\":\"t\",\"source\":\"s\",\"time\":\"yesterday\"}"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> IncomingEvent.parse(MAPPER, null)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void dataThatIsNotAnObjectIsMalformed() {
        IncomingEvent e =
                IncomingEvent.parse(MAPPER, "{\"id\":\"x\",\"type\":\"t\",\"source\":\"s\",\"data\":\"str\"}");
        assertThatThrownBy(() -> e.dataAs(MAPPER, Thing.class)).isInstanceOf(MalformedEventException.class);
    }
}
