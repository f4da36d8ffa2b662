package dev.hum.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The processes hum shows when a folder has nothing to run, so a first run demonstrates the
 * dashboard. The scripts ship as jar resources and run as {@code sh -c <text>}: nothing is written to
 * disk, and they keep to POSIX sh and coreutils so they run wherever {@code /bin/sh} does.
 */
final class Demo {
    /** The demo processes in display order; each has a resource {@code demo/<name>.sh}. */
    static final List<String> NAMES = List.of("clock", "web", "colors", "worker", "flaky");

    private Demo() {}

    static ProjectConfig load(Path folder) throws ConfigException {
        Path cwd = folder.toAbsolutePath().normalize();
        var specs = new ArrayList<ProcessSpec>();
        for (String name : NAMES) {
            specs.add(new ProcessSpec(
                    name,
                    new Command.Shell(script(name)),
                    cwd,
                    Map.of(),
                    true,
                    ProcessSpec.DEFAULT_STOP_SIGNAL,
                    ProcessSpec.DEFAULT_STOP_TIMEOUT));
        }
        return new ProjectConfig(cwd, Origin.DEMO, specs, Settings.DEFAULTS);
    }

    /** The script text of one demo process. */
    static String script(String name) throws ConfigException {
        String resource = "demo/" + name + ".sh";
        try (InputStream in = Demo.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("demo", 0, 0, "missing resource " + resource + " in hum's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("demo", 0, 0, "cannot read resource " + resource + ": " + e.getMessage());
        }
    }
}
