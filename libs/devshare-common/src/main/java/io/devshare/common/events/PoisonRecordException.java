package io.devshare.common.events;

/**
 * A record a consumer gave up on: unreadable, or refused because of its data after bounded retries. Its message is
 * the reason the dead-letter topic records ({@code dead-letter-reason}).
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
