package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class ProcEntryTest {

    @Test
    void readIfPresent_aLiveProcess_andNothingForOneThatExitedAndWasReaped() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            Optional<ProcEntry> live = ProcEntry.readIfPresent(child.pid());
            assertTrue(live.isPresent(), "a running child is read");
            assertEquals(ProcessHandle.current().pid(), live.get().ppid());
            assertEquals(
                    live.get().startTime(),
                    ProcEntry.read(child.pid()).orElseThrow().startTime());
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), ProcEntry.readIfPresent(child.pid()), "an exited, reaped child is gone");
    }
}
