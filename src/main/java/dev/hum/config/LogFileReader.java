package dev.hum.config;

import dev.hum.config.Node.Entry;
import dev.hum.config.Node.Kind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code settings.log_dir}, {@code log_max_size}, {@code log_keep} and a process's {@code log_file}. */
final class LogFileReader {
    static final String SIZE_EXAMPLES = "a size like 10MB, 512KB, 1GB or a number of bytes";
    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*(|b|kb|kib|k|mb|mib|m|gb|gib|g)");

    private final Schema schema;

    LogFileReader(Schema schema) {
        this.schema = schema;
    }

    /** The log-file part of {@code settings}, whose keys {@link Schema#checkKeys} has already allowed. */
    LogFileSettings settings(Map<String, Entry> keys) throws ConfigException {
        Optional<Path> dir = keys.containsKey("log_dir")
                ? Optional.of(path(keys.get("log_dir").value(), "log_dir", "a folder path"))
                : Optional.empty();
        long maxSize = keys.containsKey("log_max_size")
                ? size(keys.get("log_max_size").value())
                : LogFileSettings.DEFAULT_MAX_SIZE;
        int keep = keys.containsKey("log_keep")
                ? schema.wholeNumber(keys.get("log_keep").value(), "log_keep", 1, LogFileSettings.MAX_KEEP)
                : LogFileSettings.DEFAULT_KEEP;
        return new LogFileSettings(dir, Map.of(), maxSize, keep);
    }

    /** A process's {@code log_file}, if its map has one. */
    Optional<Path> processFile(Node process) throws ConfigException {
        if (process instanceof Node.Mapping map) {
            Optional<Entry> file = map.get("log_file");
            if (file.isPresent()) {
                return Optional.of(path(file.get().value(), "log_file", "a file path"));
            }
        }
        return Optional.empty();
    }

    /** A path relative to the configuration file's folder. */
    private Path path(Node node, String key, String expected) throws ConfigException {
        String text = schema.string(node, expected + " for " + key);
        if (text.isBlank()) {
            throw schema.file().error(node.mark(), "empty '" + key + "'; expected " + expected);
        }
        try {
            return schema.file().folder().resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw schema.file().error(node.mark(), "invalid path '" + ProcessName.printable(text) + "' for " + key);
        }
    }

    private long size(Node node) throws ConfigException {
        if (!(node instanceof Node.Scalar s) || (s.kind() != Kind.STRING && s.kind() != Kind.INTEGER)) {
            throw schema.wrongType(node, SIZE_EXAMPLES + " for log_max_size");
        }
        Matcher m = SIZE.matcher(s.text().strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw schema.file()
                    .error(
                            node.mark(),
                            "expected " + SIZE_EXAMPLES + " for log_max_size, found '" + ProcessName.printable(s.text())
                                    + "'");
        }
        long unit =
                switch (m.group(2)) {
                    case "k", "kb", "kib" -> 1024L;
                    case "m", "mb", "mib" -> 1024L * 1024;
                    case "g", "gb", "gib" -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
        long n = Long.parseLong(m.group(1));
        if (n > LogFileSettings.MAX_MAX_SIZE / unit || n * unit < LogFileSettings.MIN_MAX_SIZE) {
            throw schema.file()
                    .error(
                            node.mark(),
                            "log_max_size must be between 1KB and 1024GB, found "
                                    + s.text().strip());
        }
        return n * unit;
    }
}
