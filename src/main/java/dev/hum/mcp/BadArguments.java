package dev.hum.mcp;

/** Tool arguments that do not fit the tool's input schema; the message says which and why. */
final class BadArguments extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadArguments(String message) {
        super(message, null, false, false);
    }
}
