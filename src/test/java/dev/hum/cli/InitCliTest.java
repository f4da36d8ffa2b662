package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hum init} as a user runs it: writes hum.yaml once, and never over a hum file already there. */
final class InitCliTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120) // only ends a hang
    void init_writesHumYamlThatHumThenRuns() throws Exception {
        Files.writeString(dir.resolve("Procfile"), "hello: echo hello from the procfile\n");

        HumProcess init = HumProcess.start(dir, Map.of(), "init");
        assertEquals(0, init.waitForExit(), init.stderrText());
        assertEquals(
                "hum: wrote hum.yaml with 1 process from Procfile; edit it, then run hum",
                init.stderrText().strip());
        assertTrue(Files.readString(dir.resolve("hum.yaml")).contains("# depends_on:"));

        HumProcess hum = HumProcess.start(dir, Map.of("NO_COLOR", "1"), "--headless");
        assertEquals(0, hum.waitForExit(), hum.stderrText());
        assertTrue(hum.stderrText().contains("hum.yaml (1 process"), hum.stderrText());
        assertTrue(hum.stdoutText().contains("hello | hello from the procfile\n"), hum.stdoutText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hum.yaml", "hum.yml", "hum.json"})
    @Timeout(120) // only ends a hang
    void init_refusesToOverwriteAHumFile(String name) throws Exception {
        Files.writeString(dir.resolve("Procfile"), "hello: echo hi\n");
        Path existing = Files.writeString(dir.resolve(name), "mine\n");

        HumProcess init = HumProcess.start(dir, Map.of(), "init");
        assertEquals(2, init.waitForExit());
        assertEquals(
                "hum init: " + name + " already exists; hum init never overwrites it (remove it first to start again)",
                init.stderrText().strip());
        assertEquals("mine\n", Files.readString(existing));
    }
}
