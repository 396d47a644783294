package io.devshare.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The write operations of a running service as its OpenAPI document ({@code GET /q/openapi?format=json}) declares
 * them: every POST, PUT and PATCH whose request body is {@code application/json}, with the body's schema and every
 * {@code $ref} in it resolved from the document's components. A new endpoint is covered without editing a test.
 */
final class WriteOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final int MAX_DEPTH = 12;

    /** One write operation: its path template, e.g. {@code /devices/{id}}, and the resolved body schema. */
    record Operation(String service, String method, String path, JsonNode schema, List<String> pathParams) {

        String label() {
            return method + " " + path;
        }
    }

    private WriteOperations() {}

    static List<Operation> of(String service, String baseUrl) {
        JsonNode doc = document(baseUrl);
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch")) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                JsonNode json = op.path("requestBody").path("content").get("application/json");
                if (json == null) {
                    continue;
                }
                List<String> params = new ArrayList<>();
                Matcher m = PATH_PARAM.matcher(path.getKey());
                while (m.find()) {
                    params.add(m.group(1));
                }
                ops.add(new Operation(
                        service,
                        method.toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        resolve(doc, json.path("schema"), 0),
                        List.copyOf(params)));
            }
        }
        return List.copyOf(ops);
    }

    private static JsonNode document(String baseUrl) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(baseUrl + "/q/openapi answered " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + baseUrl + "/q/openapi", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The schema with every {@code $ref} replaced by its target and {@code allOf} merged (recursion is cut off). */
    static JsonNode resolve(JsonNode doc, JsonNode schema, int depth) {
        if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
            return JSON.createObjectNode();
        }
        ObjectNode out = JSON.createObjectNode();
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
            JsonNode target = doc.at(ref.asText().substring(1));
            out.setAll((ObjectNode) resolve(doc, target, depth + 1));
        }
        for (Iterator<Map.Entry<String, JsonNode>> f = schema.fields(); f.hasNext(); ) {
            Map.Entry<String, JsonNode> e = f.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "$ref" -> {}
                case "properties" -> {
                    ObjectNode props =
                            out.has("properties") ? (ObjectNode) out.get("properties") : JSON.createObjectNode();
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), resolve(doc, p.getValue(), depth + 1)));
                    out.set("properties", props);
                }
                case "items", "additionalProperties" ->
                    out.set(key, value.isObject() ? resolve(doc, value, depth + 1) : value);
                case "allOf" -> {
                    for (JsonNode part : value) {
                        merge(out, (ObjectNode) resolve(doc, part, depth + 1));
                    }
                }
                case "oneOf", "anyOf" -> {
                    ArrayNode parts = JSON.createArrayNode();
                    value.forEach(part -> parts.add(resolve(doc, part, depth + 1)));
                    out.set(key, parts);
                }
                default -> out.set(key, value);
            }
        }
        return out;
    }

    private static void merge(ObjectNode into, ObjectNode part) {
        part.fields().forEachRemaining(e -> {
            if (e.getKey().equals("properties") && into.get("properties") instanceof ObjectNode props) {
                props.setAll((ObjectNode) e.getValue());
            } else if (e.getKey().equals("required") && into.get("required") instanceof ArrayNode req) {
                req.addAll((ArrayNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }
}
