package dev.hum.config;

import dev.hum.config.Node.Entry;
import dev.hum.config.Node.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@code scripts} of a package.json into processes run as {@code <pm> run <script>}. They
 * are listed but not started: a package.json mixes servers with one-off tasks like build and lint.
 */
final class PackageJson {
    private PackageJson() {}

    /** The processes, or empty when the file has no scripts (discovery then looks further). */
    static Optional<ProjectConfig> load(ConfigFile file) throws ConfigException {
        return parse(file, file.read());
    }

    static Optional<ProjectConfig> parse(ConfigFile file, String text) throws ConfigException {
        var schema = new Schema(file);
        Node root = TreeReader.read(file, text, TreeReader.Syntax.JSON);
        if (!(root instanceof Node.Mapping top)) {
            throw schema.wrongType(root, "a JSON object");
        }
        // Other keys belong to npm and friends; only these two concern hum.
        Optional<Entry> scripts = top.get("scripts");
        Optional<String> packageManager = Optional.empty();
        Optional<Entry> pmEntry = top.get("packageManager");
        if (pmEntry.isPresent() && pmEntry.get().value() instanceof Node.Scalar s && s.kind() == Kind.STRING) {
            packageManager = Optional.of(s.text());
        }
        if (scripts.isEmpty() || (scripts.get().value() instanceof Node.Scalar s && s.kind() == Kind.NULL)) {
            return Optional.empty();
        }
        if (!(scripts.get().value() instanceof Node.Mapping map)) {
            throw schema.wrongType(scripts.get().value(), "an object of script names to commands in 'scripts'");
        }
        if (map.entries().isEmpty()) {
            return Optional.empty();
        }
        PackageManager pm = PackageManager.detect(packageManager, file.folder());
        return Optional.of(
                new ProjectConfig(file.path(), Origin.PACKAGE_JSON, processes(schema, map, pm), Settings.DEFAULTS));
    }

    private static List<ProcessSpec> processes(Schema schema, Node.Mapping scripts, PackageManager pm)
            throws ConfigException {
        ConfigFile file = schema.file();
        var specs = new ArrayList<ProcessSpec>();
        var seen = new HashMap<String, Entry>();
        for (Entry script : scripts.entries()) {
            var bad = ProcessName.problem(script.key());
            if (bad.isPresent()) {
                throw file.error(script.keyMark(), bad.get() + " (script names become process names)");
            }
            Entry first = seen.putIfAbsent(script.key(), script);
            if (first != null) {
                throw file.error(
                        script.keyMark(),
                        "duplicate script '" + script.key() + "'; first on line "
                                + first.keyMark().line());
            }
            if (!(script.value() instanceof Node.Scalar s && s.kind() == Kind.STRING)) {
                throw schema.wrongType(script.value(), "a string command for script '" + script.key() + "'");
            }
            specs.add(new ProcessSpec(
                    script.key(),
                    new Command.Argv(List.of(pm.command(), "run", script.key())),
                    file.folder(),
                    Map.of(),
                    false,
                    ProcessSpec.DEFAULT_STOP_SIGNAL,
                    ProcessSpec.DEFAULT_STOP_TIMEOUT));
        }
        return specs;
    }
}
