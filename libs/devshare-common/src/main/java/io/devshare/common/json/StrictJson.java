package io.devshare.common.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import jakarta.inject.Singleton;

import io.quarkus.jackson.ObjectMapperCustomizer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Every service reads request bodies the same strict way, so bad input is a 400 naming the field and never reaches
 * the database: a key given twice, a value of another JSON type than the field's (no {@code 5} for a string, no
 * {@code "10"} or {@code 1.5} for an integer, no number for an enum), trailing
 * content, unsafe text ({@link SafeText}), an instant outside the years 1–9999, a number that is not finite.
 *
 * <p>Events are read with a mapper of their own ({@link io.devshare.common.events.EventConsumer}), tolerant of what
 * other services may add; a value the database refuses there is a poison record, dead-lettered.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final Instant MIN = LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    static final Instant MAX = LocalDate.of(10000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final String RANGE = "must be between 0001-01-01 and 9999-12-31";

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Applies the rules to {@code mapper} (also used by tests and tools that build their own mapper). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("devshare-strict-json")
                .setDeserializerModifier(new Checks())
                // Trees are not offered to modifiers: free-form values (GeoJSON) are checked by a deserializer.
                .addDeserializer(JsonNode.class, new CheckedTree()));
        return mapper;
    }

    /** Why a deserialized value is refused, or null. */
    static String problem(Object value) {
        if (value instanceof String s) {
            return SafeText.problem(s);
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            return "must be a finite number";
        }
        if (value instanceof Float f && !Float.isFinite(f)) {
            return "must be a finite number";
        }
        Instant instant = null;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime odt) {
            instant = odt.toInstant();
        } else if (value instanceof ZonedDateTime zdt) {
            instant = zdt.toInstant();
        } else if (value instanceof LocalDateTime ldt) {
            instant = ldt.toInstant(ZoneOffset.UTC);
        } else if (value instanceof LocalDate ld) {
            instant = ld.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (instant != null && (instant.isBefore(MIN) || !instant.isBefore(MAX))) {
            return RANGE;
        }
        return null;
    }

    /** The first unsafe text or key inside a free-form JSON value (e.g. GeoJSON), or null. */
    private static String treeProblem(JsonNode node) {
        if (node.isTextual()) {
            return SafeText.problem(node.textValue());
        }
        if (node.isDouble() || node.isFloat()) {
            return Double.isFinite(node.doubleValue()) ? null : "must be a finite number";
        }
        if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                String reason = SafeText.problem(field.getKey());
                if (reason == null) {
                    reason = treeProblem(field.getValue());
                }
                if (reason != null) {
                    return reason;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                String reason = treeProblem(element);
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }

    private static boolean checked(Class<?> type) {
        return type == String.class
                || type == Double.class
                || type == double.class
                || type == Float.class
                || type == float.class
                || type == Instant.class
                || type == OffsetDateTime.class
                || type == ZonedDateTime.class
                || type == LocalDateTime.class
                || type == LocalDate.class;
    }

    private static final class Checks extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return checked(description.getBeanClass()) ? new Checked(deserializer) : deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(
                DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
            if (type.getRawClass() != String.class) {
                return deserializer;
            }
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext ctxt) throws java.io.IOException {
                    String reason = SafeText.problem(key);
                    if (reason != null) {
                        throw new InvalidValueException(ctxt.getParser(), String.class, "a key " + reason);
                    }
                    return deserializer.deserializeKey(key, ctxt);
                }
            };
        }
    }

    /** Reads a free-form JSON value as a tree, refusing unsafe text and keys anywhere inside it. */
    private static final class CheckedTree extends StdDeserializer<JsonNode> {

        private final JsonDeserializer<? extends JsonNode> tree = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        CheckedTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws java.io.IOException {
            JsonNode value = tree.deserialize(p, ctxt);
            String reason = treeProblem(value);
            if (reason != null) {
                throw new InvalidValueException(p, JsonNode.class, reason);
            }
            return value;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** A value deserializer that refuses what {@link #problem} refuses, naming the reason. */
    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws java.io.IOException {
            Object value = super.deserialize(p, ctxt);
            String reason = problem(value);
            if (reason != null) {
                throw new InvalidValueException(p, handledType(), reason);
            }
            return value;
        }
    }
}
