package io.devshare.common.events;

/** A record on a topic that is not a readable event; it goes to the dead-letter topic, never retried. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message, null, false, false);
    }
}
