package dev.hum.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything hum needs to know about a project: the processes in the order to show them, and the
 * settings. {@code source} is the file read, or the folder for the demo. {@code notices} are what the
 * user must hear about although the load went on, each a one-line {@code file:line:column: } message
 * (a package.json script that cannot be a process and was left out).
 */
public record ProjectConfig(
        Path source, Origin origin, List<ProcessSpec> processes, Settings settings, List<String> notices) {

    public ProjectConfig(Path source, Origin origin, List<ProcessSpec> processes, Settings settings) {
        this(source, origin, processes, settings, List.of());
    }

    public ProjectConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(settings, "settings");
        processes = List.copyOf(processes);
        notices = List.copyOf(notices);
        var names = new HashSet<String>();
        for (ProcessSpec process : processes) {
            if (!names.add(process.name())) {
                throw new IllegalArgumentException("duplicate process name: " + process.name());
            }
        }
    }

    /** The process with this name, if configured. */
    public Optional<ProcessSpec> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
