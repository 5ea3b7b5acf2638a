package cn.fupin.platform.events;

/**
 * An incoming record that can never be processed (not a CloudEvent, an unknown version of a known event,
 * a payload that breaks its schema). Not retried: it goes straight to the dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
