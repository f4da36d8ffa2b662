package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A stop after the leader exited still stops what it left writing in the run's output. */
final class StopEscapedWriterTest {

    @TempDir
    Path dir;

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @Test
    void stop_afterTheLeaderExited_stopsAWriterThatLeftTheGroup() throws Exception {
        Path pidFile = dir.resolve("writer.pid");
        // The writer leaves the group (setsid) and keeps the run's output; the leader exits at once.
        String writer = "echo $$ > " + pidFile + "; while :; do echo still-writing; sleep 0.2; done";
        supervisor = new Supervisor(
                Specs.config(Specs.shell("job", "setsid sh -c '" + writer + "' & w=leader; echo $w-done")));
        supervisor.startWanted(List.of()).forEach(f -> f.join());
        Poll.until("the writer to start", () -> !read(pidFile).isBlank());
        long pid = Long.parseLong(read(pidFile).trim());
        Poll.until("the leader's end", () -> !run.cell("job").get().status().isLive());
        Poll.until("a line of the writer after the leader's end", () -> run.lines("job").stream()
                .skip(run.lines("job").indexOf("leader-done"))
                .anyMatch("still-writing"::equals));
        supervisor.stop("job").join();
        Poll.until(
                "the escaped writer to be gone",
                () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(run.cell("job").get().status() == Status.RUNNING);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
