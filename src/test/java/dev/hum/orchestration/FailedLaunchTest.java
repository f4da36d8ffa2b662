package dev.hum.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A command that cannot be launched fails once, also under orchestration: it is not launched again and again. */
final class FailedLaunchTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final Sessions sessions = new Sessions();

    private Session session;

    @Test
    void start_aCommandThatCannotLaunchFailsOnceAndIsNotRelaunched() throws Exception {
        session = sessions.open(
                dir,
                """
                processes:
                  broken:
                    cmd: [/nonexistent/hum-test-binary]
                  later:
                    cmd: w=later; echo $w-up; exec sleep 30
                    autostart: false
                """);
        session.supervisor.startWanted(List.of()).forEach(f -> f.join());
        Poll.until("broken to fail", () -> session.state("broken").status() == Status.FAILED);
        // The scheduler handles events in order: once a later start went through it, broken's end was handled.
        session.supervisor.start("later").join();
        session.awaitLine("later", "later-up");
        assertEquals(1, session.state("broken").run(), "launched once:\n" + session.texts("broken"));
        assertEquals(Status.FAILED, session.state("broken").status());
    }
}
