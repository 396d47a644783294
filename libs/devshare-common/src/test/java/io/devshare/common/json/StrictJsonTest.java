package io.devshare.common.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.devshare.common.problem.ProblemMappersAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict reading of request bodies: each refusal names the field and says why. */
class StrictJsonTest {

    enum Role {
        VIEWER,
        OPERATOR
    }

    record Inner(String name, List<String> tags) {}

    record Body(
            String name,
            Integer size,
            int count,
            Double lat,
            double lon,
            Boolean flag,
            Role role,
            UUID id,
            Instant endsAt,
            OffsetDateTime startsAt,
            LocalDate day,
            List<String> emails,
            String[] codes,
            Inner inner,
            List<Inner> items,
            Map<String, String> labels,
            JsonNode geometry) {}

    private static final ObjectMapper MAPPER = StrictJson.apply(JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build());

    private static Body read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, Body.class);
    }

    /** The field and message the problem response would carry. */
    private static String refusal(String json) {
        try {
            read(json);
        } catch (JsonProcessingException e) {
            return ProblemMappersAccess.field(e) + ": " + ProblemMappersAccess.message(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void aGoodBodyIsRead() throws JsonProcessingException {
        Body body = read("""
                {"name":"Excavator 1\\twith tab\\nand line","size":10,"count":2,"lat":46.2,"lon":6.1,"flag":true,
                 "role":"OPERATOR","id":"6f1c4a6e-5f3b-4c55-9a52-0d4f5e0a3b11","endsAt":"2026-12-31T00:00:00Z",
                 "startsAt":"2026-12-01T10:00:00+01:00","day":"2026-12-01","emails":["a@b.example"],
                 "codes":["X"],"inner":{"name":"über 😀 名前","tags":["t"]},"labels":{"k":"v"},
                 "geometry":{"type":"Point","coordinates":[6.1,46.2]}}
                """);
        assertThat(body.name()).isEqualTo("Excavator 1\twith tab\nand line");
        assertThat(body.inner().name()).isEqualTo("über 😀 名前");
        assertThat(body.role()).isEqualTo(Role.OPERATOR);
        assertThat(body.size()).isEqualTo(10);
    }

    @Test
    void controlCharactersAreRefusedWhereverTheTextIs() {
        assertThat(refusal("{\"name\":\"a\\u0000b\"}")).isEqualTo("name: contains the control character U+0000");
        assertThat(refusal("{\"emails\":[\"ok@x.example\",\"a\\u0001b\"]}"))
                .isEqualTo("emails[1]: contains the control character U+0001");
        assertThat(refusal("{\"codes\":[\"a\\u007fb\"]}")).isEqualTo("codes[0]: contains the control character U+007F");
        assertThat(refusal("{\"inner\":{\"tags\":[\"\\u0085\"]}}"))
                .isEqualTo("inner.tags[0]: contains the control character U+0085");
        assertThat(refusal("{\"items\":[{\"name\":\"x\"},{\"name\":\"\\ud800\"}]}"))
                .isEqualTo("items[1].name: contains an unpaired surrogate U+D800");
        assertThat(refusal("{\"labels\":{\"k\":\"\\uffff\"}}"))
                .isEqualTo("labels.k: contains the non-character U+FFFF");
        assertThat(refusal("{\"labels\":{\"a\\u0000\":\"v\"}}"))
                .contains("a key contains the control character U+0000");
        assertThat(refusal("{\"geometry\":{\"type\":\"Point\",\"name\":\"a\\u0000\"}}"))
                .isEqualTo("geometry: contains the control character U+0000");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThat(refusal("{\"name\":\"a\",\"name\":\"b\"}")).isEqualTo("name: is given more than once");
        assertThat(refusal("{\"inner\":{\"name\":\"a\",\"name\":\"b\"}}"))
                .isEqualTo("inner.name: is given more than once");
    }

    @Test
    void valuesOfAnotherTypeAreRefused() {
        assertThat(refusal("{\"name\":5}")).isEqualTo("name: must be a string");
        assertThat(refusal("{\"name\":true}")).isEqualTo("name: must be a string");
        assertThat(refusal("{\"size\":\"10\"}")).isEqualTo("size: must be an integer");
        assertThat(refusal("{\"size\":1.5}")).isEqualTo("size: must be an integer");
        assertThat(refusal("{\"lat\":\"46.2\"}")).isEqualTo("lat: must be a number");
        assertThat(refusal("{\"flag\":\"true\"}")).isEqualTo("flag: must be true or false");
        assertThat(refusal("{\"flag\":1}")).isEqualTo("flag: must be true or false");
        assertThat(refusal("{\"role\":1}")).isEqualTo("role: unknown value");
        assertThat(refusal("{\"id\":\"nope\"}")).isEqualTo("id: must be a UUID");
        assertThat(refusal("{\"emails\":\"a@b.example\"}")).isEqualTo("emails: must be an array");
    }

    @Test
    void hugeNumbersAreRefused() {
        assertThat(refusal("{\"size\":99999999999999999999}")).isEqualTo("size: is out of range");
        assertThat(refusal("{\"count\":3000000000}")).isEqualTo("count: is out of range");
        assertThat(refusal("{\"lat\":1e400}")).isEqualTo("lat: must be a finite number");
        assertThat(refusal("{\"lon\":-1e400}")).isEqualTo("lon: must be a finite number");
    }

    @Test
    void instantsOutsideTheYearsOneTo9999AreRefused() throws JsonProcessingException {
        assertThat(refusal("{\"endsAt\":\"+999999-01-01T00:00:00Z\"}"))
                .isEqualTo("endsAt: must be between 0001-01-01 and 9999-12-31");
        assertThat(refusal("{\"startsAt\":\"+10000-01-01T00:00:00Z\"}"))
                .isEqualTo("startsAt: must be between 0001-01-01 and 9999-12-31");
        assertThat(refusal("{\"day\":\"-0001-01-01\"}")).isEqualTo("day: must be between 0001-01-01 and 9999-12-31");
        assertThat(read("{\"endsAt\":\"9999-12-31T23:59:59Z\"}").endsAt()).isEqualTo("9999-12-31T23:59:59Z");
    }

    @Test
    void trailingContentIsRefused() {
        assertThatThrownBy(() -> read("{\"name\":\"a\"} {\"name\":\"b\"}")).isInstanceOf(JsonProcessingException.class);
    }
}
