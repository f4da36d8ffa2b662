package dev.hum.process;

/** A process could not be started; the message is what the user reads in its log. */
final class LaunchException extends Exception {
    LaunchException(String message) {
        super(message, null, false, false);
    }
}
