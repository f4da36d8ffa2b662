package dev.hum.control;

/** A request the processes cannot answer; the message says what went wrong and what to try. */
public final class ControlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ControlException(String message) {
        super(message, null, false, false);
    }
}
