package dev.hum.process;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds small configurations for tests that run real processes. */
final class Specs {

    static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private Specs() {}

    static ProcessSpec shell(String name, String script) {
        return shell(name, script, Duration.ofSeconds(5));
    }

    static ProcessSpec shell(String name, String script, Duration stopTimeout) {
        return new ProcessSpec(name, new Command.Shell(script), TMP, Map.of(), true, StopSignal.TERM, stopTimeout);
    }

    /**
     * A shell process whose whole tree carries {@code token} in its environment, so that {@link
     * Leftovers} finds every descendant, even one that left the group or was re-parented.
     */
    static ProcessSpec tagged(String name, String script, String token) {
        return tagged(name, script, token, Duration.ofSeconds(5));
    }

    static ProcessSpec tagged(String name, String script, String token, Duration stopTimeout) {
        return new ProcessSpec(
                name,
                new Command.Shell(script),
                TMP,
                Map.of(Leftovers.VARIABLE, token),
                true,
                StopSignal.TERM,
                stopTimeout);
    }

    static ProcessSpec argv(String name, Path cwd, String... argv) {
        return new ProcessSpec(
                name, new Command.Argv(List.of(argv)), cwd, Map.of(), true, StopSignal.TERM, Duration.ofSeconds(5));
    }

    static ProjectConfig config(ProcessSpec... specs) {
        return new ProjectConfig(TMP, Origin.HUM_FILE, List.of(specs), new Settings(1000, 30));
    }
}
