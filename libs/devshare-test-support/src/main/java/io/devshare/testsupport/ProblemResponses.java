package io.devshare.testsupport;

import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.equalTo;

/** Assertions on the problem+json responses every service answers. */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** A 400 problem whose first field error names {@code field}. */
    public static ValidatableResponse refused(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }
}
