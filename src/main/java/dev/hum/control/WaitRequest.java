package dev.hum.control;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One wait: for {@code name} to meet {@code until} within {@code timeout}.
 *
 * @param cursor for {@link Until.Log}: only lines from this seq of the process's log on count; without one, the
 *     lines of its current run
 */
public record WaitRequest(String name, Until until, Duration timeout, OptionalLong cursor) {

    /** When no timeout is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The longest wait accepted: an agent that needs more can wait again. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    public WaitRequest {
        if (timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new ControlException("timeout must be between 0 and " + MAX_TIMEOUT.toMinutes() + " minutes, not "
                    + timeout.toMillis() + " ms");
        }
    }
}
