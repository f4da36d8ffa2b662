package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hum --headless | head -2}: a closed stdout is a way out, whole trees stopped, exit 141. */
final class ClosedOutputTest {

    @TempDir
    Path dir;

    @Test
    void headless_stdoutClosedWhileChildrenPrintStopsEveryTreeAndExits141() throws Exception {
        String token = "humpipe-" + UUID.randomUUID().toString().substring(0, 8);
        writeConfig(token, "while :; do echo tick; sleep 0.05; done");
        assertClosingAfterTwoLinesEndsHum(token);
    }

    @Test
    void headless_stdoutClosedWhileChildrenAreSilentStopsEveryTreeAndExits141() throws Exception {
        // Nothing is written after the reader goes, so no write can fail: hum must notice the closed pipe itself.
        String token = "humpipe-" + UUID.randomUUID().toString().substring(0, 8);
        writeConfig(token, "echo one; echo two; echo three; sleep 120");
        assertClosingAfterTwoLinesEndsHum(token);
    }

    private void writeConfig(String token, String talker) throws Exception {
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n"
                        + "  talker:\n    cmd: " + talker + "\n    env: {HUM_TEST_TOKEN: " + token + "}\n"
                        + "  server:\n    cmd: sh -c 'sleep 120' & sleep 120\n    env: {HUM_TEST_TOKEN: " + token
                        + "}\n");
    }

    private void assertClosingAfterTwoLinesEndsHum(String token) throws Exception {
        HumProcess hum = HumProcess.startPiped(dir, Map.of("NO_COLOR", "1"), "--headless");
        try (BufferedReader head =
                new BufferedReader(new InputStreamReader(hum.process.getInputStream(), StandardCharsets.UTF_8))) {
            head.readLine();
            head.readLine();
        } // closed: the reading end of hum's stdout is gone, as when head exits
        assertEquals(141, hum.waitForExit(), hum.stderrText());
        assertEquals(List.of(), TokenScan.find(token), "children left running after stdout closed");
        List<String> said = hum.stderrText().lines().toList();
        assertEquals(1, said.size(), "only the start-up line, nothing more: " + said);
        assertTrue(said.get(0).startsWith("hum: "), said.get(0));
    }
}
