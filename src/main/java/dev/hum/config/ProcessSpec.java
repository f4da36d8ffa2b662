package dev.hum.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One process as configured: its unique name, command, absolute working folder, the extra
 * environment variables it gets on top of hum's own (in the order written), how to stop it, and its place in the
 * session's order (dependencies, readiness, restarts).
 */
public record ProcessSpec(
        String name,
        Command command,
        Path cwd,
        Map<String, String> env,
        boolean autostart,
        StopSignal stopSignal,
        Duration stopTimeout,
        Lifecycle lifecycle) {

    public static final StopSignal DEFAULT_STOP_SIGNAL = StopSignal.TERM;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);

    /** A process with no dependencies, no readiness probe and no restarts. */
    public ProcessSpec(
            String name,
            Command command,
            Path cwd,
            Map<String, String> env,
            boolean autostart,
            StopSignal stopSignal,
            Duration stopTimeout) {
        this(name, command, cwd, env, autostart, stopSignal, stopTimeout, Lifecycle.PLAIN);
    }

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        cwd = cwd.toAbsolutePath().normalize();
        // Map.copyOf would lose the order the user wrote the variables in.
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(stopSignal, "stopSignal");
        if (stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("stopTimeout must be positive: " + stopTimeout);
        }
        Objects.requireNonNull(lifecycle, "lifecycle");
    }
}
