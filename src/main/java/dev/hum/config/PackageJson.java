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
 * are listed but not started: a package.json mixes servers with one-off tasks like build and lint. A
 * script whose name cannot be a process name ({@link ProcessName#scriptProblem}) is left out with a
 * notice; the file belongs to npm, so one odd script must not stop hum from running the others.
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
        var leftOut = new ArrayList<LeftOut>();
        List<ProcessSpec> specs = processes(schema, map, pm, leftOut);
        if (specs.isEmpty()) {
            // Every script was left out: an error, rather than a fall-through to a Procfile or the demo.
            LeftOut first = leftOut.get(0);
            String more = leftOut.size() > 1 ? " (and " + (leftOut.size() - 1) + " more like it)" : "";
            throw file.error(first.at(), "no script hum can run; " + first.why() + more);
        }
        List<String> notices =
                leftOut.stream().map(s -> file.notice(s.at(), s.why())).toList();
        return Optional.of(new ProjectConfig(file.path(), Origin.PACKAGE_JSON, specs, Settings.DEFAULTS, notices));
    }

    /** A script that cannot be a process, where its name is written, and why. */
    private record LeftOut(Node.Mark at, String why) {}

    private static List<ProcessSpec> processes(
            Schema schema, Node.Mapping scripts, PackageManager pm, List<LeftOut> leftOut) throws ConfigException {
        ConfigFile file = schema.file();
        var specs = new ArrayList<ProcessSpec>();
        var seen = new HashMap<String, Entry>();
        for (Entry script : scripts.entries()) {
            var bad = ProcessName.scriptProblem(script.key());
            if (bad.isPresent()) {
                leftOut.add(new LeftOut(
                        script.keyMark(),
                        "left out script '" + ProcessName.printable(script.key()) + "': " + bad.get()));
                continue;
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
