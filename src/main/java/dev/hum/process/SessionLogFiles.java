package dev.hum.process;

import dev.hum.config.LogFileSettings;
import dev.hum.log.LogFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Connects each process's log to its log file ({@code settings.log_dir}, {@code log_file}), if it has one. */
final class SessionLogFiles {

    /** How long quitting waits for the files to take what is queued: a hung disk must not hold hum open. */
    static final Duration FLUSH_LIMIT = Duration.ofSeconds(3);

    private SessionLogFiles() {}

    /** Starts the writer and feeds every process that has a file; null when none has one (no thread then). */
    static @Nullable LogFiles attach(LogFileSettings settings, List<Supervised> processes) {
        LogFiles files = null;
        Map<Path, String> taken = new HashMap<>();
        for (Supervised process : processes) {
            Optional<Path> path = settings.fileOf(process.name());
            if (path.isPresent()) {
                // Two writers on one file would rotate it from under each other: names that read alike as file names
                // (web:dev, web/dev) or two log_file settings naming one path. The first keeps it, the next is told.
                String first = taken.putIfAbsent(path.get().toAbsolutePath().normalize(), process.name());
                if (first != null) {
                    process.log()
                            .appendNotice("hum: no log file: " + path.get() + " is already " + first
                                    + "'s; give this process a log_file of its own");
                    continue;
                }
                if (files == null) {
                    // below the render thread, as the pumps are: the screen stays quick while a flood is written
                    files = new LogFiles(
                            settings.maxSize(), settings.keep(), () -> Posix.niceCurrentThread(Pump.PUMP_NICE));
                }
                process.log().writeTo(files.open(path.get(), process.log()::appendNotice));
            }
        }
        return files;
    }
}
