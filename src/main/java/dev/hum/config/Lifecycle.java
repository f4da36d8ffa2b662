package dev.hum.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a process takes part in the session's order: what it waits for before it starts, when it counts as ready,
 * and whether hum starts it again after it ended by itself.
 */
public record Lifecycle(Optional<Readiness> ready, List<Dependency> dependsOn, RestartPolicy restart) {

    /** No dependencies, ready once started, never restarted. */
    public static final Lifecycle PLAIN = new Lifecycle(Optional.empty(), List.of(), RestartPolicy.NEVER);

    public Lifecycle {
        Objects.requireNonNull(ready, "ready");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(restart, "restart");
    }
}
