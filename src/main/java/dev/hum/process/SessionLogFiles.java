package dev.hum.process;

import dev.hum.config.LogFileSettings;
import dev.hum.log.LogFiles;
import java.time.Duration;
import java.util.List;
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
        for (Supervised process : processes) {
            Optional<java.nio.file.Path> path = settings.fileOf(process.name());
            if (path.isPresent()) {
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
