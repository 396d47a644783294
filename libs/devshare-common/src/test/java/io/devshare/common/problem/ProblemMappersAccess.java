package io.devshare.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Lets tests in other packages read the field and message a JSON failure's problem response names. */
public final class ProblemMappersAccess {

    private ProblemMappersAccess() {}

    public static String field(JsonProcessingException e) {
        return ProblemMappers.fieldOf(e);
    }

    public static String message(JsonProcessingException e) {
        return ProblemMappers.messageOf(e);
    }
}
