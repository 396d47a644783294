package io.devshare.e2e;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' ceilings ({@code GET /ping} and {@code /ping/authenticated} of sharing- and device-service) are no
 * part of the production API: the packaged services, started as an operator starts them (prod profile, environment
 * only, no {@code DEVSHARE_BENCHMARK_ENDPOINTS}), answer 404 there — with or without a valid token — and their
 * OpenAPI documents do not list them.
 */
class BenchmarkEndpointsIT {

    static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    @Test
    void aServiceStartedNormallyDoesNotServeTheBenchmarkEndpoints() {
        TestOrg org = TestOrgs.create("e2eping", "E2E Ping");
        for (String service : List.of(Suite.SHARING, Suite.DEVICE)) {
            RestAssured.given().baseUri(suite.url(service)).get("/ping").then().statusCode(404);
            RestAssured.given()
                    .baseUri(suite.url(service))
                    .auth()
                    .oauth2(org.adminToken())
                    .get("/ping/authenticated")
                    .then()
                    .statusCode(404);
            String openApi = RestAssured.given()
                    .baseUri(suite.url(service))
                    .get("/q/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(openApi)
                    .as(service + "'s OpenAPI document")
                    .contains("\"paths\"")
                    .doesNotContain("/ping");
        }
    }
}
