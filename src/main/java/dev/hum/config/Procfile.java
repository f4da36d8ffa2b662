package dev.hum.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Procfile ({@code name: command} per line, as foreman and overmind do) and the {@code .env}
 * beside it, whose variables every process gets. All processes start, each through {@code /bin/sh -c}.
 */
final class Procfile {
    private static final String EXPECTED = "expected 'name: command'";

    private Procfile() {}

    static ProjectConfig load(ConfigFile file) throws ConfigException {
        var dotEnvPath = file.folder().resolve(".env");
        // Anything named .env counts (a folder, a broken link): ConfigFile.read says what is wrong with it.
        Map<String, String> env = Files.exists(dotEnvPath, LinkOption.NOFOLLOW_LINKS)
                ? DotEnv.parse(ConfigFile.of(file.path().resolveSibling(".env")), null)
                : Map.of();
        return parse(file, file.read(), env);
    }

    /** Parses Procfile text; {@code env} goes into every process. */
    static ProjectConfig parse(ConfigFile file, String text, Map<String, String> env) throws ConfigException {
        var specs = new ArrayList<ProcessSpec>();
        var firstLine = new HashMap<String, Integer>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(colon + 1).isBlank()) {
                throw file.error(lineNo, 0, EXPECTED + ", found '" + ProcessName.printable(shorten(line)) + "'");
            }
            String name = line.substring(0, colon).strip();
            var bad = ProcessName.problem(name);
            if (bad.isPresent()) {
                throw file.error(lineNo, 0, bad.get());
            }
            Integer first = firstLine.putIfAbsent(name, lineNo);
            if (first != null) {
                throw file.error(lineNo, 0, "duplicate process name '" + name + "'; first on line " + first);
            }
            specs.add(new ProcessSpec(
                    name,
                    new Command.Shell(line.substring(colon + 1).strip()),
                    file.folder(),
                    env,
                    true,
                    ProcessSpec.DEFAULT_STOP_SIGNAL,
                    ProcessSpec.DEFAULT_STOP_TIMEOUT));
        }
        if (specs.isEmpty()) {
            // Unlike an empty scripts object, a Procfile exists only to list processes: say so.
            throw file.error(0, 0, "no processes; " + EXPECTED + " lines");
        }
        return new ProjectConfig(file.path(), Origin.PROCFILE, specs, Settings.DEFAULTS);
    }

    private static String shorten(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
