package dev.hum.config;

import dev.hum.config.Node.Entry;
import dev.hum.config.Node.Kind;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one entry under {@code processes} into a {@link ProcessSpec}. */
final class ProcessReader {
    private static final List<String> KEYS = keys();
    private static final String DURATION_EXAMPLES = "a duration like 500ms, 5s, 1m or 1m30s";

    private final Schema schema;
    private final ConfigFile file;
    private final Map<String, String> sharedEnv;
    private final List<LifecycleReader.Edge> edges;

    ProcessReader(Schema schema) {
        this(schema, Map.of(), new ArrayList<>());
    }

    /**
     * @param sharedEnv the variables of {@code settings.env_file}, under each process's own
     * @param edges collects every dependency written, to be checked once all processes are known
     */
    ProcessReader(Schema schema, Map<String, String> sharedEnv, List<LifecycleReader.Edge> edges) {
        this.schema = schema;
        this.file = schema.file();
        this.sharedEnv = sharedEnv;
        this.edges = edges;
    }

    private static List<String> keys() {
        var keys =
                new ArrayList<>(List.of("cmd", "cwd", "env", "env_file", "autostart", "stop_signal", "stop_timeout"));
        keys.addAll(LifecycleReader.KEYS);
        keys.add("log_file"); // read by LogFileReader
        return List.copyOf(keys);
    }

    ProcessSpec read(Entry process) throws ConfigException {
        String name = process.key();
        var bad = ProcessName.problem(name);
        if (bad.isPresent()) {
            throw file.error(process.keyMark(), bad.get());
        }
        String path = "processes." + name;
        if (!(process.value() instanceof Node.Mapping map)) {
            throw schema.wrongType(process.value(), "a map with 'cmd' for process '" + name + "'");
        }
        schema.checkKeys(map, KEYS, path);
        Map<String, Entry> keys = Schema.byKey(map);
        Entry cmd = keys.get("cmd");
        if (cmd == null) {
            throw file.error(process.keyMark(), "missing 'cmd' under " + path + "; expected the command to run");
        }
        // Later files win over earlier ones, and `env` over every file.
        Map<String, String> fromFiles = keys.containsKey("env_file")
                ? EnvFiles.under(
                        sharedEnv, EnvFiles.read(schema, keys.get("env_file").value()))
                : sharedEnv;
        Map<String, String> own = keys.containsKey("env") ? env(keys.get("env").value()) : Map.of();
        return new ProcessSpec(
                name,
                command(cmd.value()),
                keys.containsKey("cwd") ? cwd(keys.get("cwd").value()) : file.folder(),
                EnvFiles.under(fromFiles, own),
                !keys.containsKey("autostart")
                        || schema.bool(keys.get("autostart").value()),
                keys.containsKey("stop_signal")
                        ? signal(keys.get("stop_signal").value())
                        : ProcessSpec.DEFAULT_STOP_SIGNAL,
                keys.containsKey("stop_timeout")
                        ? timeout(keys.get("stop_timeout").value())
                        : ProcessSpec.DEFAULT_STOP_TIMEOUT,
                new LifecycleReader(schema, edges).read(name, keys));
    }

    Command command(Node node) throws ConfigException {
        if (node instanceof Node.Sequence list) {
            if (list.items().isEmpty()) {
                throw file.error(node.mark(), "empty 'cmd'; expected a program and its arguments");
            }
            var args = new ArrayList<String>();
            for (Node item : list.items()) {
                args.add(schema.text(item, "a string in the 'cmd' list"));
            }
            if (args.get(0).isBlank()) {
                throw file.error(list.items().get(0).mark(), "empty program name in 'cmd'");
            }
            return new Command.Argv(args);
        }
        if (node instanceof Node.Scalar s && s.isText()) {
            if (s.text().isBlank()) {
                throw file.error(node.mark(), "empty 'cmd'; expected a command to run");
            }
            return new Command.Shell(s.text());
        }
        if (node instanceof Node.Scalar s && s.kind() == Kind.NULL) {
            throw file.error(node.mark(), "empty 'cmd'; expected a command to run");
        }
        throw schema.wrongType(node, "a string or a list of strings");
    }

    private Path cwd(Node node) throws ConfigException {
        String text = schema.string(node, "a folder path");
        if (text.isBlank()) {
            throw file.error(node.mark(), "empty 'cwd'; expected a folder path");
        }
        Path folder;
        try {
            folder = file.folder().resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw file.error(node.mark(), "invalid folder path '" + ProcessName.printable(text) + "'");
        }
        if (!Files.exists(folder)) {
            throw file.error(node.mark(), "folder '" + text + "' does not exist (" + folder + ")");
        }
        if (!Files.isDirectory(folder)) {
            throw file.error(node.mark(), "'" + text + "' is not a folder (" + folder + ")");
        }
        return folder;
    }

    private Map<String, String> env(Node node) throws ConfigException {
        if (node instanceof Node.Scalar s && s.kind() == Kind.NULL) {
            return Map.of();
        }
        if (!(node instanceof Node.Mapping map)) {
            throw schema.wrongType(node, "a map of variable names to values");
        }
        var env = new LinkedHashMap<String, String>();
        for (Entry entry : map.entries()) {
            String key = entry.key();
            if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
                throw file.error(entry.keyMark(), "invalid variable name '" + ProcessName.printable(key) + "'");
            }
            if (env.containsKey(key)) {
                throw file.error(entry.keyMark(), "duplicate variable '" + key + "' in 'env'");
            }
            String value = schema.text(entry.value(), "a string, number or boolean for " + key);
            if (value.indexOf('\0') >= 0) {
                throw file.error(entry.value().mark(), "variable " + key + " contains a NUL character");
            }
            env.put(key, value);
        }
        return env;
    }

    private StopSignal signal(Node node) throws ConfigException {
        String text = schema.string(node, "a signal name (" + StopSignal.choices() + ")");
        return StopSignal.parse(text)
                .orElseThrow(() -> file.error(
                        node.mark(),
                        "unknown signal '" + ProcessName.printable(text) + "'; expected one of "
                                + StopSignal.choices()));
    }

    private Duration timeout(Node node) throws ConfigException {
        String text = schema.string(node, DURATION_EXAMPLES);
        Duration d = Durations.parse(text)
                .orElseThrow(() -> file.error(
                        node.mark(),
                        "expected " + DURATION_EXAMPLES + ", found '" + ProcessName.printable(text) + "'"));
        if (d.isZero()) {
            throw file.error(node.mark(), "stop_timeout must be more than zero");
        }
        if (d.compareTo(Durations.MAX) > 0) {
            throw file.error(node.mark(), "stop_timeout must be at most 24h");
        }
        return d;
    }
}
