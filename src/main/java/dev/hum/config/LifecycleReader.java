package dev.hum.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.hum.config.Node.Entry;
import dev.hum.config.Node.Kind;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads a process's {@code ready}, {@code depends_on}, {@code restart}, {@code max_restarts} and {@code backoff}. */
final class LifecycleReader {
    static final List<String> KEYS = List.of("ready", "depends_on", "restart", "max_restarts", "backoff");
    private static final List<String> READY_KEYS =
            List.of("log", "tcp", "http", "exec", "interval", "timeout", "initial_delay");
    private static final String DURATION_EXAMPLES = "a duration like 500ms, 5s, 1m or 1m30s";
    static final int MAX_RESTARTS_LIMIT = 1_000_000;

    /** One written dependency with its position, checked once every process is known. */
    record Edge(String from, String to, Node.Mark mark) {}

    private final Schema schema;
    private final ConfigFile file;
    private final List<Edge> edges;

    /** {@code edges} collects every dependency written, for {@link DependencyCheck}. */
    LifecycleReader(Schema schema, List<Edge> edges) {
        this.schema = schema;
        this.file = schema.file();
        this.edges = edges;
    }

    Lifecycle read(String name, Map<String, Entry> keys) throws ConfigException {
        String path = "processes." + name;
        Optional<Readiness> ready =
                keys.containsKey("ready") ? Optional.of(ready(keys.get("ready"), path)) : Optional.empty();
        List<Dependency> deps = keys.containsKey("depends_on")
                ? dependsOn(name, keys.get("depends_on").value())
                : List.of();
        RestartPolicy.Mode mode =
                keys.containsKey("restart") ? mode(keys.get("restart").value()) : RestartPolicy.Mode.NO;
        OptionalInt max = keys.containsKey("max_restarts")
                ? OptionalInt.of(
                        schema.wholeNumber(keys.get("max_restarts").value(), "max_restarts", 0, MAX_RESTARTS_LIMIT))
                : OptionalInt.empty();
        Duration backoff = keys.containsKey("backoff")
                ? duration(keys.get("backoff").value(), "backoff", false)
                : RestartPolicy.DEFAULT_BACKOFF;
        return new Lifecycle(ready, deps, new RestartPolicy(mode, max, backoff));
    }

    private Readiness ready(Entry entry, String path) throws ConfigException {
        if (!(entry.value() instanceof Node.Mapping map)) {
            throw schema.wrongType(
                    entry.value(), "a map with one of log, tcp, http or exec (and optionally interval, timeout)");
        }
        String where = path + ".ready";
        schema.checkKeys(map, READY_KEYS, where);
        Entry kind = null;
        for (Entry e : map.entries()) {
            if (Readiness.KINDS.contains(e.key())) {
                if (kind != null) {
                    throw file.error(
                            e.keyMark(),
                            "a probe has one kind, found '" + kind.key() + "' and '" + e.key() + "' under " + where);
                }
                kind = e;
            }
        }
        if (kind == null) {
            throw file.error(
                    map.mark(), "no probe under " + where + "; expected one of " + String.join(", ", Readiness.KINDS));
        }
        Map<String, Entry> keys = Schema.byKey(map);
        Readiness.Probe probe = probe(kind);
        Duration interval = keys.containsKey("interval")
                ? duration(keys.get("interval").value(), "interval", false)
                : Readiness.DEFAULT_INTERVAL;
        Duration timeout = keys.containsKey("timeout")
                ? duration(keys.get("timeout").value(), "timeout", false)
                : Readiness.DEFAULT_TIMEOUT;
        Duration delay = keys.containsKey("initial_delay")
                ? duration(keys.get("initial_delay").value(), "initial_delay", true)
                : Duration.ZERO;
        return new Readiness(probe, interval, timeout, delay);
    }

    private Readiness.Probe probe(Entry kind) throws ConfigException {
        Node node = kind.value();
        switch (kind.key()) {
            case "log": {
                String re = schema.string(node, "a regular expression (RE2) for the log probe");
                try {
                    Pattern.compile(re);
                } catch (PatternSyntaxException e) {
                    throw file.error(node.mark(), "invalid regular expression: " + e.getDescription());
                }
                if (re.isEmpty()) {
                    throw file.error(node.mark(), "empty 'log' probe; expected a pattern a ready line matches");
                }
                return new Readiness.Log(re);
            }
            case "tcp":
                return tcp(node);
            case "http":
                return http(node);
            default:
                return new Readiness.Exec(new ProcessReader(schema).command(node));
        }
    }

    private Readiness.Tcp tcp(Node node) throws ConfigException {
        String expected = "a port (5432) or host:port (localhost:5432)";
        if (node instanceof Node.Scalar s && s.kind() == Kind.INTEGER) {
            return new Readiness.Tcp("localhost", port(node, s.text(), expected));
        }
        String text = schema.string(node, expected).strip();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return new Readiness.Tcp("localhost", port(node, text, expected));
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw file.error(
                    node.mark(), "malformed tcp address '" + ProcessName.printable(text) + "'; expected " + expected);
        }
        return new Readiness.Tcp(host, port(node, text.substring(colon + 1), expected));
    }

    private int port(Node node, String text, String expected) throws ConfigException {
        int port;
        try {
            port = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw file.error(node.mark(), "malformed port '" + ProcessName.printable(text) + "'; expected " + expected);
        }
        if (port < 1 || port > 65_535) {
            throw file.error(node.mark(), "port must be between 1 and 65535, found " + port);
        }
        return port;
    }

    private Readiness.Http http(Node node) throws ConfigException {
        String text =
                schema.string(node, "a URL like http://localhost:3000/health").strip();
        String problem = null;
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problem = "expected an http:// or https:// URL";
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problem = "no host in it";
            } else if (uri.getPort() > 65_535) {
                problem = "port must be between 1 and 65535";
            }
        } catch (URISyntaxException e) {
            problem = e.getReason();
        }
        if (problem != null) {
            throw file.error(node.mark(), "malformed URL '" + ProcessName.printable(text) + "': " + problem);
        }
        return new Readiness.Http(text);
    }

    private List<Dependency> dependsOn(String name, Node node) throws ConfigException {
        var deps = new ArrayList<Dependency>();
        var seen = new HashMap<String, Node.Mark>();
        if (node instanceof Node.Scalar s && s.kind() == Kind.NULL) {
            return deps;
        }
        if (node instanceof Node.Sequence list) {
            for (Node item : list.items()) {
                String to = schema.string(item, "a process name");
                add(deps, seen, name, new Dependency(to, Dependency.Condition.READY), item.mark());
            }
            return deps;
        }
        if (node instanceof Node.Mapping map) {
            for (Entry e : map.entries()) {
                String word = schema.string(e.value(), "a condition (" + Dependency.Condition.choices() + ")");
                Dependency.Condition condition = Dependency.Condition.parse(word)
                        .orElseThrow(() -> file.error(e.value().mark(), unknownCondition(word)));
                add(deps, seen, name, new Dependency(e.key(), condition), e.keyMark());
            }
            return deps;
        }
        throw schema.wrongType(node, "a list of process names or a map of names to conditions");
    }

    private static String unknownCondition(String word) {
        String hint = NearestKey.suggest(word, List.of("started", "ready", "exited 0"))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("; expected one of " + Dependency.Condition.choices());
        return "unknown condition '" + ProcessName.printable(word) + "'" + hint;
    }

    private void add(List<Dependency> deps, Map<String, Node.Mark> seen, String from, Dependency dep, Node.Mark at)
            throws ConfigException {
        Node.Mark first = seen.putIfAbsent(dep.name(), at);
        if (first != null) {
            throw file.error(at, "duplicate dependency '" + dep.name() + "'; first on line " + first.line());
        }
        if (dep.name().equals(from)) {
            throw file.error(at, "process '" + from + "' depends on itself");
        }
        deps.add(dep);
        edges.add(new Edge(from, dep.name(), at));
    }

    private RestartPolicy.Mode mode(Node node) throws ConfigException {
        // YAML 1.1 readers turn a bare `no` into false: take it as the word it was meant to be.
        if (node instanceof Node.Scalar s
                && s.kind() == Kind.BOOLEAN
                && s.text().equals("false")) {
            return RestartPolicy.Mode.NO;
        }
        String text = schema.string(node, "no, on-failure or always");
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (RestartPolicy.Mode m : RestartPolicy.Mode.values()) {
            if (m.word().equals(t)) {
                return m;
            }
        }
        String hint = NearestKey.suggest(t, List.of("no", "on-failure", "always"))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("; expected no, on-failure or always");
        throw file.error(node.mark(), "unknown restart policy '" + ProcessName.printable(text) + "'" + hint);
    }

    private Duration duration(Node node, String key, boolean zeroAllowed) throws ConfigException {
        String text = schema.string(node, DURATION_EXAMPLES);
        Duration d = Durations.parse(text)
                .orElseThrow(() -> file.error(
                        node.mark(),
                        "expected " + DURATION_EXAMPLES + ", found '" + ProcessName.printable(text) + "'"));
        if (d.isZero() && !zeroAllowed) {
            throw file.error(node.mark(), key + " must be more than zero");
        }
        if (d.compareTo(Durations.MAX) > 0) {
            throw file.error(node.mark(), key + " must be at most 24h");
        }
        return d;
    }
}
