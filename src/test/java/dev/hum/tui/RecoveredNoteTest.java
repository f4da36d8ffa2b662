package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.Origin;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.process.Journal;
import dev.hum.process.SessionMark;
import dev.hum.process.Supervisor;
import dev.hum.testing.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What hum stopped of a killed hum's leftovers is on the dashboard, not on the shell behind it. */
final class RecoveredNoteTest {

    @TempDir
    Path dir;

    @Test
    void dashboard_showsWhatWasStoppedOfAKilledHumsLeftoversInTheProcesssLog() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        SessionMark dead = new SessionMark(gone.pid() + "-1");
        // A process the killed hum started for "api": it carries that hum's mark.
        ProcessBuilder builder = new ProcessBuilder("setsid", "sleep", "300");
        builder.environment().put(SessionMark.SESSION_VARIABLE, dead.id());
        builder.environment().put(SessionMark.PROCESS_VARIABLE, "api");
        Process leftover = builder.start();
        try {
            // Once sleep is exec'd, /proc shows its environment (not while setsid is in its exec).
            Path comm = Path.of("/proc", Long.toString(leftover.pid()), "comm");
            Poll.until("the leftover to run", () -> {
                try {
                    return Files.readString(comm).strip().equals("sleep");
                } catch (IOException e) {
                    return false;
                }
            });
            Path folder = dir.resolve("hum");
            Journal.start(folder, "project-0123456789", dead);
            ProjectConfig config = new ProjectConfig(
                    dir,
                    Origin.HUM_FILE,
                    List.of(ScreenHarness.shell("web", "true", false), ScreenHarness.shell("api", "true", false)),
                    new Settings(1000, 30));
            Supervisor supervisor = new Supervisor(config, System.getenv(), Journal.open(folder, "project-0123456789"));
            assertTrue(leftover.waitFor(Poll.LIMIT.toSeconds(), TimeUnit.SECONDS), "the leftover was stopped");
            try (ScreenHarness h = new ScreenHarness(160, 12, supervisor, "test")) {
                // the all-processes view, shown first, has it under the process's name
                h.awaitText("api");
                h.awaitText(
                        "hum: stopped 1 process(es) left running by hum (pid " + dead.humPid() + ") that was killed");
            }
        } finally {
            leftover.destroyForcibly();
        }
    }
}
