package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hum --headless} pads names to the processes it runs, not to every one configured. */
final class HeadlessPaddingTest {

    @TempDir
    Path dir;

    @Test
    void headless_padsNamesToTheLongestStartedNotTheLongestConfigured() throws Exception {
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n"
                        + "  web:\n    cmd: echo serving\n"
                        + "  api:\n    cmd: echo answering\n"
                        + "  storybook-with-a-long-name:\n    cmd: echo never\n    autostart: false\n");
        HumProcess hum = HumProcess.start(dir, Map.of("NO_COLOR", "1"), "--headless");
        assertEquals(0, hum.waitForExit(), hum.stderrText());
        String out = hum.stdoutText();
        assertTrue(out.contains("web | serving\n"), out);
        assertTrue(out.contains("api | answering\n"), out);
        assertTrue(hum.stderrText().contains("(3 processes)"), hum.stderrText());
    }

    @Test
    void headless_namedProcessIsPaddedToItselfAndTheHeaderSaysOneProcess() throws Exception {
        Files.writeString(dir.resolve("hum.yaml"), "processes:\n  web:\n    cmd: echo serving\n");
        HumProcess one = HumProcess.start(dir, Map.of("NO_COLOR", "1"), "--headless");
        assertEquals(0, one.waitForExit(), one.stderrText());
        assertTrue(one.stderrText().contains("(1 process)"), one.stderrText());

        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  web:\n    cmd: echo serving\n  a-much-longer-name:\n    cmd: echo other\n");
        HumProcess named = HumProcess.start(dir, Map.of("NO_COLOR", "1"), "--headless", "web");
        assertEquals(0, named.waitForExit(), named.stderrText());
        assertTrue(named.stdoutText().contains("web | serving\n"), named.stdoutText());
    }
}
