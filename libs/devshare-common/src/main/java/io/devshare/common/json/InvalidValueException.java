package io.devshare.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that a service refuses at the edge (unsafe text, an instant out of range, a
 * number that is not finite). Jackson adds the field's path as it unwinds, so the problem response names the field.
 */
public class InvalidValueException extends MismatchedInputException {

    private final String reason;

    public InvalidValueException(JsonParser parser, Class<?> targetType, String reason) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** Why the value was refused, for a person: e.g. "contains the control character U+0000". */
    public String reason() {
        return reason;
    }
}
