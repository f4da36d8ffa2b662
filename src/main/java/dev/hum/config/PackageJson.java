package dev.hum.config;

import dev.hum.config.Node.Entry;
import dev.hum.config.Node.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@code scripts} of a package.json into processes run as {@code <pm> run <script>}. They
 * are listed but not started: a package.json mixes servers with one-off tasks like build and lint. A
 * script whose name cannot be a process name ({@link ProcessName#scriptProblem}) is left out with a
 * notice; the file belongs to npm, so one odd script must not stop hum from running the others. The
 * packages of a workspace ({@link Workspaces}) add their scripts as {@code <package>:<script>}, run in the
 * package's folder with the root's package manager.
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
        // Other keys belong to npm and friends; only these concern hum.
        Optional<String> packageManager = Optional.empty();
        Optional<Entry> pmEntry = top.get("packageManager");
        if (pmEntry.isPresent() && pmEntry.get().value() instanceof Node.Scalar s && s.kind() == Kind.STRING) {
            packageManager = Optional.of(s.text());
        }
        // The root decides for every workspace package: its lockfile and packageManager are the workspace's.
        PackageManager pm = PackageManager.detect(packageManager, file.folder());
        var leftOut = new ArrayList<LeftOut>();
        var specs = new ArrayList<ProcessSpec>();
        Optional<Node.Mapping> scripts = scripts(schema, top);
        if (scripts.isPresent()) {
            specs.addAll(processes(schema, scripts.get(), pm, "", file.folder(), leftOut));
        }
        var notices = new ArrayList<String>();
        var members = new ArrayList<ProcessSpec>();
        for (Member member : members(file, top, notices)) {
            for (ProcessSpec spec : processes(
                    new Schema(member.file()), member.scripts(), pm, member.label() + ":", member.folder(), leftOut)) {
                if (specs.stream().anyMatch(p -> p.name().equals(spec.name()))) {
                    notices.add(member.file()
                            .notice(
                                    member.scripts().mark(),
                                    "left out script '" + spec.name() + "': a root script has that name"));
                } else {
                    members.add(spec);
                }
            }
        }
        specs.addAll(members);
        if (specs.isEmpty()) {
            if (leftOut.isEmpty()) {
                return Optional.empty(); // no scripts: discovery goes on to a Procfile
            }
            // Every script was left out: an error, rather than a fall-through to a Procfile or the demo.
            LeftOut first = leftOut.get(0);
            String more = leftOut.size() > 1 ? " (and " + (leftOut.size() - 1) + " more like it)" : "";
            throw first.file().error(first.at(), "no script hum can run; " + first.why() + more);
        }
        var all = new ArrayList<String>();
        leftOut.forEach(s -> all.add(s.file().notice(s.at(), s.why())));
        all.addAll(notices);
        return Optional.of(new ProjectConfig(file.path(), Origin.PACKAGE_JSON, specs, Settings.DEFAULTS, all));
    }

    /** The {@code scripts} object, or empty when there is none (absent, null or {@code {}}). */
    private static Optional<Node.Mapping> scripts(Schema schema, Node.Mapping top) throws ConfigException {
        Optional<Entry> scripts = top.get("scripts");
        if (scripts.isEmpty() || (scripts.get().value() instanceof Node.Scalar s && s.kind() == Kind.NULL)) {
            return Optional.empty();
        }
        if (!(scripts.get().value() instanceof Node.Mapping map)) {
            throw schema.wrongType(scripts.get().value(), "an object of script names to commands in 'scripts'");
        }
        return map.entries().isEmpty() ? Optional.empty() : Optional.of(map);
    }

    /** A script that cannot be a process, where its name is written, and why. */
    private record LeftOut(ConfigFile file, Node.Mark at, String why) {}

    /** A workspace package with scripts, and the name its processes start with ({@code web} of {@code web:dev}). */
    private record Member(String label, Path folder, ConfigFile file, Node.Mapping scripts) {}

    /**
     * The workspace packages that have scripts, each labelled by its package.json {@code name} without its
     * scope ({@code @acme/web} is {@code web}), or its folder's name when it has none or one hum cannot take;
     * packages that would share a label take their folder's path below the root instead ({@code apps/web}). A
     * package whose package.json cannot be read is left out with a notice: the others still run.
     */
    private static List<Member> members(ConfigFile root, Node.Mapping top, List<String> notices)
            throws ConfigException {
        var found = new ArrayList<Member>();
        for (Path folder : Workspaces.folders(root, top)) {
            ConfigFile file = ConfigFile.of(folder.resolve("package.json"));
            try {
                Node parsed = TreeReader.read(file, file.read(), TreeReader.Syntax.JSON);
                if (!(parsed instanceof Node.Mapping map)) {
                    throw new Schema(file).wrongType(parsed, "a JSON object");
                }
                Optional<Node.Mapping> scripts = scripts(new Schema(file), map);
                if (scripts.isPresent()) {
                    found.add(new Member(shortName(map, folder), folder, file, scripts.get()));
                }
            } catch (ConfigException e) {
                notices.add(e.getMessage() + "; this workspace package is left out");
            }
        }
        var counts = new HashMap<String, Integer>();
        found.forEach(m -> counts.merge(m.label(), 1, Integer::sum));
        var members = new ArrayList<Member>();
        for (Member m : found) {
            String label = counts.getOrDefault(m.label(), 0) > 1
                    ? root.folder().relativize(m.folder()).toString()
                    : m.label();
            Optional<String> bad = ProcessName.problem(label);
            if (bad.isPresent()) {
                notices.add(m.file().notice(Node.Mark.START, "workspace package left out: " + bad.get()));
            } else {
                members.add(new Member(label, m.folder(), m.file(), m.scripts()));
            }
        }
        return members;
    }

    private static String shortName(Node.Mapping packageJson, Path folder) {
        Optional<Entry> name = packageJson.get("name");
        if (name.isPresent() && name.get().value() instanceof Node.Scalar s && s.kind() == Kind.STRING) {
            String text = s.text().strip();
            int slash = text.indexOf('/');
            String unscoped = text.startsWith("@") && slash > 0 ? text.substring(slash + 1) : text;
            if (ProcessName.problem(unscoped).isEmpty()) {
                return unscoped;
            }
        }
        Path last = folder.getFileName();
        return last == null ? folder.toString() : last.toString();
    }

    private static List<ProcessSpec> processes(
            Schema schema, Node.Mapping scripts, PackageManager pm, String prefix, Path cwd, List<LeftOut> leftOut)
            throws ConfigException {
        ConfigFile file = schema.file();
        var specs = new ArrayList<ProcessSpec>();
        var seen = new HashMap<String, Entry>();
        for (Entry script : scripts.entries()) {
            String name = prefix + script.key();
            var bad = ProcessName.scriptProblem(script.key()).or(() -> ProcessName.scriptProblem(name));
            if (bad.isPresent()) {
                leftOut.add(new LeftOut(
                        file, script.keyMark(), "left out script '" + ProcessName.printable(name) + "': " + bad.get()));
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
                    name,
                    new Command.Argv(List.of(pm.command(), "run", script.key())),
                    cwd,
                    Map.of(),
                    false,
                    ProcessSpec.DEFAULT_STOP_SIGNAL,
                    ProcessSpec.DEFAULT_STOP_TIMEOUT));
        }
        return specs;
    }
}
