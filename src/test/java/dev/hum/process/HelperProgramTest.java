package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A helper program that forks a server and exits, as xclip does, leaves no zombie behind in hum. */
final class HelperProgramTest {

    @Test
    void helper_whoseForkedChildOutlivesItLeavesNoZombieAndKeepsItsExitCode() throws Exception {
        assertTrue(Posix.becomeSubreaper(), "hum's own setting: orphans come back to it");
        Reaper.startThread();
        long self = ProcessHandle.current().pid();
        for (int copy = 0; copy < 3; copy++) {
            // xclip's shape: the program exits at once, its forked child serves a little longer, then ends
            Process p = HelperProgram.start(new ProcessBuilder("sh", "-c", "sleep 0.3 & exit 3"));
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(3, p.exitValue(), "Java keeps the exit code of the program it started");
        }
        // the forked sleeps end as hum's children; before, each stayed a zombie in hum's session until hum exited
        assertEquals(
                List.of(),
                Poll.until(
                        "the servers' zombies to be collected",
                        () -> ProcessTable.snapshot().zombieChildrenOf(self),
                        List::isEmpty));
    }
}
