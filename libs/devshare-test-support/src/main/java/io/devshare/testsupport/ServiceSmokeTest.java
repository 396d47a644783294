package io.devshare.testsupport;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every service answers on the real servers: health (live, ready with its database and Kafka, started),
 * Prometheus metrics, the OpenAPI document and Swagger UI. A service's test extends it with its
 * {@code @QuarkusTest} and {@code @QuarkusTestResource(RealServersResource)} annotations.
 */
public abstract class ServiceSmokeTest {

    @Test
    void isLiveReadyAndStarted() {
        for (String probe : new String[] {"live", "ready", "started"}) {
            given().get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void readinessCoversTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Reactive PostgreSQL"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", containsString("3."))
                .body("info.title", containsString("Devshare"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
