package cn.fupin.local;

/**
 * A part of the stack could not be started. The message names the part and its log file, because that is
 * where the developer has to look next; whatever had been started before is stopped again.
 */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
