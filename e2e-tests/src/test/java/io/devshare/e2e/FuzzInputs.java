package io.devshare.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated requests for one write operation: mostly a body shaped by the operation's schema with one or a few
 * fields mutated (wrong types, unsafe and unusual text, huge and tiny numbers, extreme dates, duplicate keys, deep
 * nesting), so the request gets past the first field; sometimes a broken body as a whole (empty, an array instead
 * of an object, trailing content, invalid UTF-8). The JSON text is written here, not by a mapper, so a key can
 * appear twice and a lone surrogate can be written as an escape.
 */
final class FuzzInputs {

    /** Replaced by the bytes C3 28 (invalid UTF-8) when the body is encoded. */
    static final String BAD_UTF8 = "\uE000BAD-UTF8\uE000";

    /** The objects the fuzzing organization owns, so some path and body ids reach the services' logic. */
    record Fixture(
            String alias, String partnerAlias, String deviceId, String groupId, String projectId, String grantId) {

        List<String> ids() {
            return List.of(deviceId, groupId, projectId, grantId);
        }
    }

    /** How a request authenticates. */
    enum Auth {
        ADMIN,
        OPERATOR,
        DEVICE
    }

    private static final String DEEP_ARRAYS = "[".repeat(2000) + "]".repeat(2000);
    private static final String DEEP_OBJECTS = "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);

    private static final List<String> BAD_TEXT = List.of(
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\u001b[31mred\"",
            "\"\\u007f\\u0085\"",
            "\"line\\u2028separator\\u2029\"",
            "\"\\ud800\"",
            "\"x\\udc00y\"",
            "\"\\udbff\\udfff\"",
            "\"\\ufffe\"",
            "\"\\uffff\\ufdd0\"",
            "\"\\ufeffbom\"",
            "\"\uD83D\uDE9C Bagger \uD83C\uDFD7\uFE0F\"",
            "\"\u202Egnp.exe\"",
            "\"\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627\"",
            "\"e\u0301\u0301\u0301\u0301\"",
            "\"\\t\\n\\r\"",
            "\"a\u001Bb\"",
            "\"a\u0000b\"",
            "\"\"",
            "\"   \"",
            "\"" + "x".repeat(10_000) + "\"",
            "\"" + "\u00E9".repeat(3000) + "\"",
            "\"<script>alert(1)</script>\"",
            "\"'; DROP TABLE device; --\"",
            "\"%00%1b\"",
            "\"\\\\\"",
            "\"a" + BAD_UTF8 + "b\"");
    private static final List<String> BAD_NUMBERS = List.of(
            "1e400",
            "-1e400",
            "-0",
            "-0.0",
            "99999999999999999999",
            "-99999999999999999999",
            "1.5",
            "0.1",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "1e-400",
            "4.9e-324",
            "1E2",
            "0",
            "-1",
            "01",
            "+1",
            "NaN",
            "Infinity",
            "-Infinity",
            ".5",
            "1.",
            "0x10",
            "\"10\"");
    private static final List<String> BAD_DATES = List.of(
            "\"+999999-01-01T00:00:00Z\"",
            "\"-999999-01-01T00:00:00Z\"",
            "\"0000-01-01\"",
            "\"0000-01-01T00:00:00Z\"",
            "\"-0001-12-31T23:59:59Z\"",
            "\"9999-12-31T23:59:59.999999999Z\"",
            "\"+10000-01-01T00:00:00Z\"",
            "\"2026-02-30T00:00:00Z\"",
            "\"2026-13-01T00:00:00Z\"",
            "\"2026-01-01T24:00:00Z\"",
            "\"2026-12-01T00:00:00\"",
            "\"2026-12-01T00:00:00+18:00\"",
            "\"2026-12-01T00:00:00-18:01\"",
            "\"2026-12-01\"",
            "\"1970-01-01T00:00:00Z\"",
            "\"2026-12-01T00:00:00.1234567890123Z\"",
            "\"garbage\"",
            "1700000000",
            "99999999999999999999",
            "-1e400");
    private static final List<String> BAD_IDS = List.of(
            "\"not-a-uuid\"",
            "\"00000000-0000-0000-0000-000000000000\"",
            "\"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF\"",
            "\"{6f1c2a4e-0000-4000-8000-000000000000}\"",
            "\"1-1-1-1-1\"",
            "\"6f1c2a4e-0000-4000-8000-0000000000000\"",
            "\"\"");
    private static final List<String> GENERIC =
            List.of("null", "true", "false", "[]", "{}", "[null]", "{\"\":null}", DEEP_ARRAYS, DEEP_OBJECTS);
    private static final List<String> BAD_PATH = List.of(
            "not-a-uuid",
            "0",
            "%00",
            "%1B",
            "%E2%80%A8",
            "%ED%A0%80",
            "%F0%9F%9A%9C",
            "%E2%80%AE",
            "%2e%2e",
            "a%2Fb",
            "x".repeat(2000),
            "00000000-0000-0000-0000-000000000000");
    private static final List<String> CONTENT_TYPES =
            List.of("text/plain", "application/json; charset=UTF-16", "application/x-www-form-urlencoded", "");

    private final Fixture fixture;

    FuzzInputs(Fixture fixture) {
        this.fixture = fixture;
    }

    /** Requests for one of {@code operations}, chosen evenly. */
    Arbitrary<FuzzRequest> requests(List<WriteOperations.Operation> operations) {
        return Arbitraries.of(operations).flatMap(this::request);
    }

    Arbitrary<FuzzRequest> request(WriteOperations.Operation op) {
        Arbitrary<String> path = path(op);
        Arbitrary<String> body = body(op.schema());
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just("application/json")), Tuple.of(2, Arbitraries.of(CONTENT_TYPES)));
        Arbitrary<String> idempotencyKey = op.method().equals("POST")
                ? Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.just("")),
                        Tuple.of(2, uuids()),
                        Tuple.of(1, Arbitraries.just("k".repeat(300))))
                : Arbitraries.just("");
        Auth auth = op.path().startsWith("/device-api/")
                ? Auth.DEVICE
                : op.path().startsWith("/operator/") ? Auth.OPERATOR : Auth.ADMIN;
        return Combinators.combine(path, body, contentType, idempotencyKey)
                .as((p, b, ct, key) -> new FuzzRequest(
                        op.service(), op.label(), op.method(), p, ct, b, key.isEmpty() ? null : key, auth));
    }

    // ---- paths

    private Arbitrary<String> path(WriteOperations.Operation op) {
        List<Arbitrary<String>> values = new ArrayList<>();
        for (String param : op.pathParams()) {
            values.add(pathParam(op.path(), param));
        }
        if (values.isEmpty()) {
            return Arbitraries.just(op.path());
        }
        return Combinators.combine(values).as(list -> {
            String p = op.path();
            for (int i = 0; i < list.size(); i++) {
                p = p.replace("{" + op.pathParams().get(i) + "}", list.get(i));
            }
            return p;
        });
    }

    private Arbitrary<String> pathParam(String path, String param) {
        String real = realIdFor(param, segmentBefore(path, param));
        Arbitrary<String> realOrRandom = real == null ? uuids() : Arbitraries.just(real);
        return Arbitraries.frequencyOf(
                Tuple.of(6, realOrRandom),
                Tuple.of(2, uuids()),
                Tuple.of(1, Arbitraries.of(fixture.ids())),
                Tuple.of(1, Arbitraries.of(BAD_PATH)));
    }

    private static String segmentBefore(String path, String param) {
        String head = path.substring(0, path.indexOf("{" + param + "}"));
        String[] segments = head.split("/");
        return segments.length == 0 ? "" : segments[segments.length - 1];
    }

    /** The fixture's id a parameter or field most likely names, by its name (or the path segment before it). */
    private String realIdFor(String name, String segment) {
        String n = (name + " " + segment).toLowerCase(Locale.ROOT);
        if (n.startsWith("org")) {
            return fixture.alias();
        }
        if (n.contains("group")) {
            return fixture.groupId();
        }
        if (n.contains("project")) {
            return fixture.projectId();
        }
        if (n.contains("grant")) {
            return fixture.grantId();
        }
        if (n.contains("device")) {
            return fixture.deviceId();
        }
        return null;
    }

    // ---- bodies

    private Arbitrary<String> body(JsonNode schema) {
        if ("object".equals(type(schema))) {
            return Arbitraries.frequencyOf(Tuple.of(8, mutatedObject(schema, 0)), Tuple.of(2, brokenBody(schema)));
        }
        return Arbitraries.frequencyOf(Tuple.of(5, bad(schema, "body", 0)), Tuple.of(2, brokenBody(schema)));
    }

    /** An object with every field schema-shaped but one (the focus), and now and then another, mutated. */
    private Arbitrary<String> mutatedObject(JsonNode schema, int depth) {
        List<Map.Entry<String, JsonNode>> props = properties(schema);
        if (props.isEmpty()) {
            return Arbitraries.of("{}", "{\"unknown\":1}", "{\"a\":1,\"a\":2}");
        }
        Set<String> required = required(schema);
        Arbitrary<String> extra = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("")),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                ",\"unknownField\":1",
                                ",\"\\u0000\":1",
                                ",\"\":\"\"",
                                ",\"__proto__\":{}",
                                ",\"\\ud800\":true")));
        return Arbitraries.integers().between(0, props.size() - 1).flatMap(focus -> {
            List<Arbitrary<String>> entries = new ArrayList<>();
            for (int i = 0; i < props.size(); i++) {
                String name = props.get(i).getKey();
                JsonNode field = props.get(i).getValue();
                entries.add(
                        i == focus
                                ? focusEntry(name, field, depth)
                                : otherEntry(name, field, required.contains(name), depth));
            }
            return Combinators.combine(Combinators.combine(entries).as(FuzzInputs::joinEntries), extra)
                    .as((body, more) -> "{" + body + (body.isEmpty() ? more.replaceFirst("^,", "") : more) + "}");
        });
    }

    private Arbitrary<String> focusEntry(String name, JsonNode field, int depth) {
        String key = quote(name);
        Arbitrary<String> valid = valid(field, name, depth);
        Arbitrary<String> bad = bad(field, name, depth);
        return Arbitraries.frequencyOf(
                Tuple.of(12, bad.map(b -> key + ":" + b)),
                Tuple.of(2, Combinators.combine(valid, bad).as((v, b) -> key + ":" + v + "," + key + ":" + b)),
                Tuple.of(1, valid.map(v -> key + ":" + v + "," + key + ":" + v)),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, valid.map(v -> quote(name.toUpperCase(Locale.ROOT)) + ":" + v)));
    }

    private Arbitrary<String> otherEntry(String name, JsonNode field, boolean required, int depth) {
        String key = quote(name);
        return Arbitraries.frequencyOf(
                Tuple.of(18, valid(field, name, depth).map(v -> key + ":" + v)),
                Tuple.of(1, bad(field, name, depth).map(b -> key + ":" + b)),
                Tuple.of(required ? 1 : 4, Arbitraries.just("")));
    }

    private static String joinEntries(List<String> entries) {
        StringBuilder b = new StringBuilder();
        for (String e : entries) {
            if (!e.isEmpty()) {
                if (!b.isEmpty()) {
                    b.append(',');
                }
                b.append(e);
            }
        }
        return b.toString();
    }

    /** A body broken as a whole. */
    private Arbitrary<String> brokenBody(JsonNode schema) {
        Arbitrary<String> constant = Arbitraries.of(
                "",
                " ",
                "null",
                "[]",
                "{}",
                "0",
                "\"text\"",
                "true",
                DEEP_ARRAYS,
                "[".repeat(50_000),
                DEEP_OBJECTS,
                "{",
                "{}}",
                "{\"a\":1,}",
                "{'a':1}",
                "/* comment */{}",
                "{\"" + BAD_UTF8 + "\":1}",
                "\uFEFF{}");
        Arbitrary<String> valid = valid(schema, "body", 0);
        Arbitrary<String> derived = valid.flatMap(v -> Arbitraries.of(
                "[" + v + "]",
                "[" + v + "," + v + "]",
                v + "x",
                v + " " + v,
                v.substring(0, v.length() / 2),
                "\uFEFF" + v,
                "[".repeat(1000) + v + "]".repeat(1000)));
        return Arbitraries.oneOf(constant, derived);
    }

    /** A value the schema allows (as far as the schema says; the services' own rules may still refuse it). */
    Arbitrary<String> valid(JsonNode schema, String name, int depth) {
        JsonNode en = schema.get("enum");
        if (en != null && en.isArray() && !en.isEmpty()) {
            List<String> values = new ArrayList<>();
            en.forEach(v -> values.add(v.toString()));
            return Arbitraries.of(values);
        }
        String type = type(schema);
        if (type == null) {
            if (schema.has("oneOf") || schema.has("anyOf")) {
                JsonNode first = schema.has("oneOf")
                        ? schema.get("oneOf").get(0)
                        : schema.get("anyOf").get(0);
                return first == null ? Arbitraries.just("{}") : valid(first, name, depth + 1);
            }
            return Arbitraries.of(
                    "{\"type\":\"Polygon\",\"coordinates\":[[[8.5,47.3],[8.6,47.3],[8.6,47.4],[8.5,47.3]]]}",
                    "{\"type\":\"Point\",\"coordinates\":[8.5,47.3]}",
                    "{}");
        }
        return switch (type) {
            case "string" -> validString(schema, name);
            case "integer" -> {
                long lo = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long hi = schema.has("maximum") ? schema.get("maximum").asLong() : lo + 10;
                yield Arbitraries.longs().between(lo, Math.min(hi, lo + 1000)).map(String::valueOf);
            }
            case "number" -> {
                double lo = schema.has("minimum") ? schema.get("minimum").asDouble() : -10;
                double hi = schema.has("maximum") ? schema.get("maximum").asDouble() : 10;
                yield Arbitraries.doubles().between(lo, hi).ofScale(4).map(String::valueOf);
            }
            case "boolean" -> Arbitraries.of("true", "false");
            case "array" -> {
                JsonNode items = schema.path("items");
                int min = schema.path("minItems").asInt(0);
                int max = Math.max(
                        Math.max(min, 1), Math.min(schema.path("maxItems").asInt(3), 3));
                yield valid(items, singular(name), depth + 1)
                        .list()
                        .ofMinSize(Math.min(min, max))
                        .ofMaxSize(max)
                        .map(l -> "[" + String.join(",", l) + "]");
            }
            case "object" -> depth > 4 ? Arbitraries.just("{}") : validObject(schema, depth + 1);
            default -> Arbitraries.just("null");
        };
    }

    private Arbitrary<String> validObject(JsonNode schema, int depth) {
        List<Map.Entry<String, JsonNode>> props = properties(schema);
        if (props.isEmpty()) {
            return Arbitraries.just("{}");
        }
        Set<String> required = required(schema);
        List<Arbitrary<String>> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : props) {
            String key = quote(p.getKey());
            Arbitrary<String> entry = valid(p.getValue(), p.getKey(), depth).map(v -> key + ":" + v);
            entries.add(
                    required.contains(p.getKey())
                            ? entry
                            : Arbitraries.frequencyOf(Tuple.of(7, entry), Tuple.of(3, Arbitraries.just(""))));
        }
        return Combinators.combine(entries).as(l -> "{" + joinEntries(l) + "}");
    }

    private Arbitrary<String> validString(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        String n = name.toLowerCase(Locale.ROOT);
        switch (format) {
            case "uuid" -> {
                String real = realIdFor(name, "");
                return real == null
                        ? Arbitraries.oneOf(
                                uuids().map(FuzzInputs::quote),
                                Arbitraries.of(fixture.ids()).map(FuzzInputs::quote))
                        : Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.just(quote(real))),
                                Tuple.of(1, uuids().map(FuzzInputs::quote)));
            }
            case "date-time" -> {
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                return Arbitraries.of(
                        quote(now.plus(1, ChronoUnit.HOURS).toString()),
                        quote(now.plus(30, ChronoUnit.DAYS).toString()),
                        quote(now.minus(1, ChronoUnit.DAYS).toString()));
            }
            case "date" -> {
                return Arbitraries.of("\"2027-01-15\"", "\"2026-12-31\"", "\"2027-06-30\"");
            }
            case "email" -> {
                return Arbitraries.strings()
                        .alpha()
                        .ofLength(6)
                        .map(s -> quote(s.toLowerCase(Locale.ROOT) + "@fuzz.example"));
            }
            default -> {}
        }
        if (n.contains("email")) {
            return Arbitraries.strings()
                    .alpha()
                    .ofLength(6)
                    .map(s -> quote(s.toLowerCase(Locale.ROOT) + "@fuzz.example"));
        }
        if (n.contains("org") || n.contains("alias") || n.equals("grantee")) {
            return Arbitraries.of(fixture.partnerAlias(), fixture.alias(), "acme", "no-such-org")
                    .map(FuzzInputs::quote);
        }
        if (n.endsWith("id") || n.endsWith("ids") || n.equals("device")) {
            String real = realIdFor(name, "");
            if (real != null) {
                return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(quote(real))), Tuple.of(1, uuids().map(FuzzInputs::quote)));
            }
        }
        int min = Math.max(0, schema.path("minLength").asInt(1) - 2);
        int max = Math.max(min, Math.min(schema.path("maxLength").asInt(24), 24) - 2);
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withChars(' ', '-')
                .ofMinLength(min)
                .ofMaxLength(max)
                .map(s -> quote("fz" + s));
    }

    /** A value the schema does not allow, or text, numbers and dates no service should choke on. */
    Arbitrary<String> bad(JsonNode schema, String name, int depth) {
        String type = type(schema);
        String format = schema.path("format").asText("");
        Arbitrary<String> typed;
        if ("array".equals(type)) {
            Arbitrary<String> item = valid(schema.path("items"), singular(name), depth + 1);
            Arbitrary<String> badItem = bad(schema.path("items"), singular(name), depth + 1);
            int max = schema.path("maxItems").asInt(100);
            typed = Arbitraries.oneOf(
                    badItem.map(b -> "[" + b + "]"),
                    Combinators.combine(item, badItem).as((v, b) -> "[" + v + "," + b + "]"),
                    item.map(v ->
                            "[" + String.join(",", java.util.Collections.nCopies(Math.min(max + 1, 20_000), v)) + "]"),
                    Arbitraries.of("[[]]", "[{}]", "\"not an array\""));
        } else if ("object".equals(type)) {
            typed = depth > 3 ? Arbitraries.of("[]", "\"x\"") : mutatedObject(schema, depth + 1);
        } else if ("integer".equals(type) || "number".equals(type)) {
            typed = Arbitraries.of(BAD_NUMBERS);
        } else if (format.startsWith("date")) {
            typed = Arbitraries.of(BAD_DATES);
        } else if (format.equals("uuid") || name.toLowerCase(Locale.ROOT).endsWith("id")) {
            typed = Arbitraries.of(BAD_IDS);
        } else if (schema.has("enum")) {
            List<String> wrong = new ArrayList<>(List.of("\"bogus\"", "\"\"", "0", "1"));
            schema.get("enum").forEach(v -> wrong.add(quote(v.asText().toLowerCase(Locale.ROOT) + " ")));
            schema.get("enum").forEach(v -> wrong.add(quote(v.asText().toLowerCase(Locale.ROOT))));
            typed = Arbitraries.of(wrong);
        } else {
            typed = Arbitraries.of(BAD_TEXT);
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, typed),
                Tuple.of(3, Arbitraries.of(BAD_TEXT)),
                Tuple.of(2, Arbitraries.of(BAD_NUMBERS)),
                Tuple.of(1, Arbitraries.of(BAD_DATES)),
                Tuple.of(1, Arbitraries.of(BAD_IDS)),
                Tuple.of(2, Arbitraries.of(GENERIC)));
    }

    // ---- helpers

    private static Arbitrary<String> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((a, b) -> new UUID(a, b).toString());
    }

    static String type(JsonNode schema) {
        JsonNode t = schema.get("type");
        if (t != null && t.isTextual()) {
            return t.asText();
        }
        if (t != null && t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asText())) {
                    return x.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return null;
    }

    private static List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> props = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            props.add(it.next());
        }
        return props;
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> names = new HashSet<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /** A JSON string literal of plain text (what the generators above make: no quotes, backslashes or controls). */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
