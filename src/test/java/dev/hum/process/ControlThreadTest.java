package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A process's control thread ends when it has nothing to do, and the next action gets a new one. */
final class ControlThreadTest {

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @Test
    void idleControlThread_endsAndTheNextActionStillRuns() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("idler", "exec sleep 100")));
        supervisor.start("idler").get(10, TimeUnit.SECONDS);
        Await.state(run.cell("idler"), "idler to run", s -> s.status() == Status.RUNNING);

        // at 200 processes, 200 idle control threads cost ~20 MB of stacks
        Poll.until("no control thread left for idler", () -> controlThreads("idler"), n -> n == 0);

        assertTrue(supervisor.stop("idler").get(30, TimeUnit.SECONDS).ok());
        Await.state(run.cell("idler"), "idler to stop", s -> s.status() == Status.STOPPED);
    }

    private static long controlThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("hum-control-" + name))
                .count();
    }
}
