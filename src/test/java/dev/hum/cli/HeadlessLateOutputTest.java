package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hum --headless} prints what a leader's background child writes after the leader exited. */
final class HeadlessLateOutputTest {

    @TempDir
    Path dir;

    @Test
    void headless_printsLinesWrittenAfterTheLeaderExited() throws Exception {
        Path go = dir.resolve("go");
        // The child prints only once the test saw the leader gone: a line nobody could read before it exited.
        Files.writeString(
                dir.resolve("Procfile"),
                "a: (until [ -e " + go + " ]; do sleep 0.05; done; echo late-1; sleep 0.5; echo late-2) & "
                        + "echo leader-done $$\n");
        HumProcess hum = HumProcess.start(dir, Map.of(), "--headless");
        String started =
                Poll.until("the leader to print", hum::stdoutText, o -> o.matches("(?s).*leader-done \\d+\n.*"));
        Matcher pid = Pattern.compile("leader-done (\\d+)").matcher(started);
        assertTrue(pid.find(), started);
        long leader = Long.parseLong(pid.group(1));
        Poll.until(
                "the leader to exit",
                () -> ProcessHandle.of(leader).map(p -> !p.isAlive()).orElse(true));
        Files.createFile(go);

        assertEquals(0, hum.waitForExit(), hum::stderrText);
        String out = hum.stdoutText();
        assertTrue(out.contains("a | late-1"), out);
        assertTrue(out.contains("a | late-2"), out);
    }
}
