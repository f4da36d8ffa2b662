package dev.hum.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where each process's lines are written as plain text ({@code settings.log_dir}, a process's {@code log_file}),
 * the size at which a file is rotated and how many files of a process are kept, the one being written included.
 *
 * @param dir the folder of {@code <name>.log} for every process without a {@code log_file}; empty for none
 * @param files a process's own file, by process name, absolute
 */
public record LogFileSettings(Optional<Path> dir, Map<String, Path> files, long maxSize, int keep) {
    public static final long DEFAULT_MAX_SIZE = 10L * 1024 * 1024;
    public static final int DEFAULT_KEEP = 3;
    // Smaller files would rotate at every few lines; larger ones are past any log a person opens.
    public static final long MIN_MAX_SIZE = 1024;
    public static final long MAX_MAX_SIZE = 1L << 40;
    public static final int MAX_KEEP = 1000;

    public static final LogFileSettings NONE = new LogFileSettings(Optional.empty(), Map.of(), DEFAULT_MAX_SIZE, 3);

    public LogFileSettings {
        files = Map.copyOf(files);
        if (maxSize < MIN_MAX_SIZE || maxSize > MAX_MAX_SIZE) {
            throw new IllegalArgumentException("log_max_size out of range: " + maxSize);
        }
        if (keep < 1 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("log_keep out of range: " + keep);
        }
    }

    /** The file {@code process} writes to: its own {@code log_file}, else {@code <log_dir>/<safe name>.log}. */
    public Optional<Path> fileOf(String process) {
        Path own = files.get(process);
        if (own != null) {
            return Optional.of(own);
        }
        return dir.map(d -> d.resolve(safeFileName(process) + ".log"));
    }

    /**
     * A process name as a file name: letters, digits, '.', '-' and '_' stay, anything else (the '/' and '@' of a
     * workspace script, a ':' that some file systems refuse) becomes '_', and a leading '.' too (no hidden files).
     */
    static String safeFileName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || (c == '.' && i > 0);
            sb.append(keep ? c : '_');
        }
        return sb.toString();
    }

    LogFileSettings withFiles(Map<String, Path> perProcess) {
        return new LogFileSettings(dir, perProcess, maxSize, keep);
    }
}
