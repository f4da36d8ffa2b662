package dev.hum.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.LogFileSettings;
import dev.hum.config.Origin;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.state.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A session with {@code log_dir}: each real process's lines end up in its own file, all of them by quit. */
final class SessionLogFilesTest {
    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @TempDir
    Path dir;

    @Test
    void logDir_eachProcessWritesItsOwnFileAndQuitFlushesIt() throws Exception {
        Path own = dir.resolve("own/db.txt");
        Settings settings = new Settings(
                1000, 30, new LogFileSettings(Optional.of(dir.resolve("logs")), Map.of("db", own), 1 << 20, 3));
        supervisor = new Supervisor(new ProjectConfig(
                Specs.TMP,
                Origin.HUM_FILE,
                List.of(
                        Specs.shell("web", "printf '\\033[32mgreen\\033[0m\\nplain\\n'; seq 1 5000"),
                        Specs.shell("db", "echo ready"),
                        Specs.shell("idle", "true")),
                settings));
        supervisor.start("web").get(10, TimeUnit.SECONDS);
        supervisor.start("db").get(10, TimeUnit.SECONDS);
        Await.state(run.cell("web"), "web to end", s -> s.status() == Status.EXITED);
        Await.state(run.cell("db"), "db to end", s -> s.status() == Status.EXITED);
        supervisor.stopAll();

        List<String> web = Files.readAllLines(dir.resolve("logs/web.log"), UTF_8);
        List<String> texts = web.stream().map(l -> l.substring(24)).toList(); // after "2026-12-04T20:31:02.123 "
        assertTrue(
                web.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} hum: start #1: .*"), web.get(0));
        int green = texts.indexOf("green");
        assertTrue(green > 0, texts.subList(0, 3).toString());
        assertEquals("plain", texts.get(green + 1));
        for (int i = 1; i <= 5000; i++) {
            assertEquals(Integer.toString(i), texts.get(green + 1 + i));
        }
        assertTrue(texts.get(texts.size() - 1).contains("exited with code 0"), texts.get(texts.size() - 1));
        assertTrue(Files.readString(own, UTF_8).contains(" ready\n"));
        assertFalse(Files.exists(dir.resolve("logs/db.log")), "db has its own file");
        assertFalse(Files.exists(dir.resolve("logs/idle.log")), "a process never started writes nothing");
    }

    @Test
    void namesThatReadAlikeAsFileNames_doNotShareAFile() throws Exception {
        Settings settings =
                new Settings(1000, 30, new LogFileSettings(Optional.of(dir.resolve("logs")), Map.of(), 1 << 20, 3));
        supervisor = new Supervisor(new ProjectConfig(
                Specs.TMP,
                Origin.HUM_FILE,
                List.of(Specs.shell("web:dev", "echo from-colon"), Specs.shell("web/dev", "echo from-slash")),
                settings));
        supervisor.start("web:dev").get(10, TimeUnit.SECONDS);
        supervisor.start("web/dev").get(10, TimeUnit.SECONDS);
        Await.state(run.cell("web:dev"), "web:dev to end", s -> s.status() == Status.EXITED);
        Await.state(run.cell("web/dev"), "web/dev to end", s -> s.status() == Status.EXITED);
        supervisor.stopAll();

        String file = Files.readString(dir.resolve("logs/web_dev.log"), UTF_8);
        assertTrue(file.contains(" from-colon\n"), file);
        assertFalse(file.contains("from-slash"), "one writer per file:\n" + file);
        assertTrue(
                run.lines("web/dev")
                        .contains("hum: no log file: " + dir.resolve("logs/web_dev.log")
                                + " is already web:dev's; give this process a log_file of its own"),
                run.lines("web/dev").toString());
    }
}
