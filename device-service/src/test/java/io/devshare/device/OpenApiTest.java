package io.devshare.device;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.testsupport.RealServersResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint is documented: a summary and at least one example. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndAnExample() throws Exception {
        String json = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode doc = new ObjectMapper().readTree(json);
        List<String> operations = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().isObject() || !op.getValue().has("responses")) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                boolean summary = op.getValue().hasNonNull("summary");
                boolean example = op.getValue().toString().contains("\"examples\"")
                        || op.getValue().toString().contains("\"example\"");
                if (!summary || !example) {
                    undocumented.add(name);
                }
            }
        }
        assertThat(operations)
                .contains(
                        "POST /devices",
                        "GET /devices",
                        "GET /devices/{id}",
                        "PATCH /devices/{id}",
                        "DELETE /devices/{id}",
                        "POST /devices/{id}/credentials/rotate",
                        "GET /devices/locations",
                        "GET /devices/{deviceId}/field-data",
                        "GET /devices/{deviceId}/field-data/{fileId}",
                        "POST /device-groups",
                        "PUT /device-groups/{id}/devices/{deviceId}",
                        "GET /licences",
                        "PUT /operator/organizations/{org}/licences",
                        "POST /device-api/position",
                        "POST /device-api/field-data",
                        "GET /device-api/work");
        assertThat(undocumented).isEmpty();
        assertThat(doc.at("/components/securitySchemes/DeviceCredentials/scheme")
                        .asText())
                .isEqualTo("basic");
        assertThat(doc.at("/components/securitySchemes/SecurityScheme/type").asText())
                .isEqualTo("openIdConnect");
    }
}
