package dev.hum.config;

import dev.hum.config.Node.Entry;
import dev.hum.config.Node.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks shared by every map of the hum file schema: allowed keys, duplicates, scalar types. */
final class Schema {
    private final ConfigFile file;

    Schema(ConfigFile file) {
        this.file = file;
    }

    ConfigFile file() {
        return file;
    }

    /**
     * Refuses keys outside {@code valid} (suggesting the nearest) and repeated keys (at the repeat).
     *
     * @param path where the map sits, like {@code processes.web}; empty for the top level
     */
    void checkKeys(Node.Mapping map, List<String> valid, String path) throws ConfigException {
        var seen = new HashMap<String, Entry>();
        for (Entry entry : map.entries()) {
            String where = path.isEmpty() ? "" : " under " + path;
            if (!valid.contains(entry.key())) {
                String hint = NearestKey.suggest(entry.key(), valid)
                        .map(k -> "; did you mean '" + k + "'?")
                        .orElse("; expected one of " + String.join(", ", valid));
                throw file.error(
                        entry.keyMark(), "unknown key '" + ProcessName.printable(entry.key()) + "'" + where + hint);
            }
            Entry first = seen.putIfAbsent(entry.key(), entry);
            if (first != null) {
                throw file.error(
                        entry.keyMark(),
                        "duplicate key '" + entry.key() + "'" + where + "; first on line "
                                + first.keyMark().line());
            }
        }
    }

    /** The entries by key, once {@link #checkKeys} has ruled out duplicates. */
    static Map<String, Entry> byKey(Node.Mapping map) {
        var result = new HashMap<String, Entry>();
        for (Entry entry : map.entries()) {
            result.put(entry.key(), entry);
        }
        return result;
    }

    /** A string, number or boolean as text; anything else is refused with {@code expected}. */
    String text(Node node, String expected) throws ConfigException {
        if (node instanceof Node.Scalar s && s.isText()) {
            return s.text();
        }
        throw wrongType(node, expected);
    }

    /** Only a real string: used where a number would be a mistake (durations, signals). */
    String string(Node node, String expected) throws ConfigException {
        if (node instanceof Node.Scalar s && s.kind() == Kind.STRING) {
            return s.text();
        }
        throw wrongType(node, expected);
    }

    boolean bool(Node node) throws ConfigException {
        if (node instanceof Node.Scalar s && s.kind() == Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        throw wrongType(node, "true or false");
    }

    /** A whole number within {@code [min, max]}; {@code name} is how the message calls it. */
    int wholeNumber(Node node, String name, int min, int max) throws ConfigException {
        if (!(node instanceof Node.Scalar s) || s.kind() != Kind.INTEGER) {
            throw wrongType(node, "a whole number for " + name);
        }
        long value;
        try {
            value = Long.parseLong(s.text());
        } catch (NumberFormatException e) {
            value = s.text().startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (value < min || value > max) {
            throw file.error(node.mark(), name + " must be between " + min + " and " + max + ", found " + s.text());
        }
        return (int) value;
    }

    ConfigException wrongType(Node node, String expected) {
        return file.error(node.mark(), "expected " + expected + ", found " + node.describe());
    }
}
