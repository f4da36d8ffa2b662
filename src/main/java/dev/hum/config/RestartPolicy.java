package dev.hum.config;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Whether hum starts a process again when it ends by itself, how often at most, and the first delay (doubling up
 * to {@link #MAX_DELAY} between restarts, reset once a run has stayed up for {@link #STABLE}).
 */
public record RestartPolicy(Mode mode, OptionalInt maxRestarts, Duration backoff) {

    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    /** The delay doubles up to this. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /** A run that stayed up (and ready) this long resets the delay and the count. */
    public static final Duration STABLE = Duration.ofSeconds(30);

    public static final RestartPolicy NEVER = new RestartPolicy(Mode.NO, OptionalInt.empty(), DEFAULT_BACKOFF);

    public RestartPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxRestarts, "maxRestarts");
        if (backoff.isNegative() || backoff.isZero()) {
            throw new IllegalArgumentException("backoff must be positive: " + backoff);
        }
    }

    /** The delay before restart number {@code n} (1-based): backoff, doubled per restart, capped. */
    public Duration delay(int n) {
        Duration cap = backoff.compareTo(MAX_DELAY) > 0 ? backoff : MAX_DELAY;
        Duration d = backoff;
        for (int i = 1; i < n && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** When hum restarts a process that ended by itself. */
    public enum Mode {
        /** Never (the default). */
        NO("no"),
        /** After a non-zero exit or a death by a signal hum did not send. */
        ON_FAILURE("on-failure"),
        /** After any end that was not a stop. */
        ALWAYS("always");

        private final String word;

        Mode(String word) {
            this.word = word;
        }

        /** How the configuration writes it. */
        public String word() {
            return word;
        }
    }
}
