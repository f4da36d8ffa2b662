package dev.hum.config;

import dev.hum.config.Node.Entry;
import dev.hum.config.Node.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the hum schema ({@code processes}, {@code settings}) from {@code hum.yaml} or {@code hum.json}. */
final class HumFile {
    private static final List<String> TOP_KEYS = List.of("processes", "settings");
    private static final List<String> SETTINGS_KEYS =
            List.of("scrollback", "fps", "env_file", "log_dir", "log_max_size", "log_keep");

    private HumFile() {}

    /** Loads the file from disk. */
    static ProjectConfig load(ConfigFile file, TreeReader.Syntax syntax) throws ConfigException {
        return parse(file, file.read(), syntax);
    }

    /** Loads from text already read; {@code file} names it and anchors relative {@code cwd}s. */
    static ProjectConfig parse(ConfigFile file, String text, TreeReader.Syntax syntax) throws ConfigException {
        var schema = new Schema(file);
        Node root = TreeReader.read(file, text, syntax);
        if (root instanceof Node.Scalar s && s.kind() == Kind.NULL) {
            throw file.error(root.mark(), "empty configuration; expected a map with 'processes'");
        }
        if (!(root instanceof Node.Mapping top)) {
            throw schema.wrongType(root, "a map with 'processes' and optionally 'settings'");
        }
        schema.checkKeys(top, TOP_KEYS, "");
        Map<String, Entry> keys = Schema.byKey(top);
        Entry processes = keys.get("processes");
        if (processes == null) {
            throw file.error(top.mark(), "missing 'processes'; expected a map of process names to processes");
        }
        Settings settings = keys.containsKey("settings") ? settings(schema, keys.get("settings")) : Settings.DEFAULTS;
        Map<String, String> sharedEnv =
                keys.containsKey("settings") ? sharedEnv(schema, keys.get("settings")) : Map.of();
        List<ProcessSpec> specs = processes(schema, processes, sharedEnv);
        settings = new Settings(
                settings.scrollback(), settings.fps(), settings.logs().withFiles(logFiles(schema, processes)));
        return new ProjectConfig(file.path(), Origin.HUM_FILE, specs, settings);
    }

    /** Each process's own {@code log_file}, by name; the processes have been read, so their maps are sound. */
    private static Map<String, Path> logFiles(Schema schema, Entry processes) throws ConfigException {
        var files = new HashMap<String, Path>();
        var reader = new LogFileReader(schema);
        for (Entry process : ((Node.Mapping) processes.value()).entries()) {
            reader.processFile(process.value()).ifPresent(path -> files.put(process.key(), path));
        }
        return files;
    }

    private static List<ProcessSpec> processes(Schema schema, Entry entry, Map<String, String> sharedEnv)
            throws ConfigException {
        Node value = entry.value();
        if ((value instanceof Node.Scalar s && s.kind() == Kind.NULL)
                || (value instanceof Node.Mapping m && m.entries().isEmpty())) {
            Node.Mark at = value instanceof Node.Mapping ? value.mark() : entry.keyMark();
            throw schema.file().error(at, "no processes; expected at least one under 'processes'");
        }
        if (!(value instanceof Node.Mapping map)) {
            throw schema.wrongType(value, "a map of process names to processes");
        }
        var specs = new ArrayList<ProcessSpec>();
        var seen = new HashMap<String, Entry>();
        var edges = new ArrayList<LifecycleReader.Edge>();
        var reader = new ProcessReader(schema, sharedEnv, edges);
        for (Entry process : map.entries()) {
            Entry first = seen.putIfAbsent(process.key(), process);
            if (first != null) {
                throw schema.file()
                        .error(
                                process.keyMark(),
                                "duplicate process name '" + process.key() + "'; first defined on line "
                                        + first.keyMark().line());
            }
            specs.add(reader.read(process));
        }
        DependencyCheck.check(
                schema.file(),
                specs.stream().map(ProcessSpec::name).collect(Collectors.toCollection(LinkedHashSet::new)),
                edges);
        return specs;
    }

    /** The variables of {@code settings.env_file}, which every process gets under its own. */
    private static Map<String, String> sharedEnv(Schema schema, Entry entry) throws ConfigException {
        if (entry.value() instanceof Node.Mapping map) {
            var envFile = map.get("env_file");
            if (envFile.isPresent()) {
                return EnvFiles.read(schema, envFile.get().value());
            }
        }
        return Map.of();
    }

    private static Settings settings(Schema schema, Entry entry) throws ConfigException {
        Node value = entry.value();
        if (value instanceof Node.Scalar s && s.kind() == Kind.NULL) {
            return Settings.DEFAULTS;
        }
        if (!(value instanceof Node.Mapping map)) {
            throw schema.wrongType(value, "a map with 'scrollback' and/or 'fps'");
        }
        schema.checkKeys(map, SETTINGS_KEYS, "settings");
        Map<String, Entry> keys = Schema.byKey(map);
        int scrollback = keys.containsKey("scrollback")
                ? schema.wholeNumber(keys.get("scrollback").value(), "scrollback", 1, Settings.MAX_SCROLLBACK)
                : Settings.DEFAULT_SCROLLBACK;
        int fps = keys.containsKey("fps")
                ? schema.wholeNumber(keys.get("fps").value(), "fps", 1, Settings.MAX_FPS)
                : Settings.DEFAULT_FPS;
        return new Settings(scrollback, fps, new LogFileReader(schema).settings(keys));
    }
}
