package dev.hum.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import dev.hum.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Children that make it hard: floods, giant lines, huge environments, instant exits. */
final class HardInputTest {

    private Supervisor supervisor;

    @RegisterExtension
    final SupervisorFixture run = new SupervisorFixture(() -> supervisor);

    @Test
    void flood_tenProcessesAtOnceStayWithinScrollbackAndCountEveryLine() throws Exception {
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            specs.add(Specs.shell("flood" + i, "seq 1 200000"));
        }
        supervisor = new Supervisor(new ProjectConfig(Specs.TMP, Origin.HUM_FILE, specs, new Settings(1000, 30)));
        supervisor.startWanted(List.of()).forEach(CompletableFuture::join);
        for (ProcessSpec spec : specs) {
            ProcessState end = Await.state(run.cell(spec.name()), spec.name(), s -> s.status() == Status.EXITED);
            LogBuffer log = supervisor.find(spec.name()).orElseThrow().log();
            // the start notice, 200,000 lines, the exit notice
            assertEquals(200_002, end.lines(), spec.name());
            assertTrue(log.nextSeq() - log.firstSeq() <= 1000, "scrollback bound");
            List<LogLine> tail = log.tail(2).lines();
            assertEquals("200000", tail.get(0).text());
        }
    }

    @Test
    void flood_aGigabyteWithoutNewlineIsCutAndMemoryStaysBounded() throws Exception {
        supervisor = new Supervisor(
                Specs.config(Specs.shell("giant", "head -c 1073741824 /dev/zero | tr '\\000' a; echo; echo after")));
        supervisor.start("giant").get(10, TimeUnit.SECONDS);
        ProcessState end = Await.state(run.cell("giant"), "giant to end", s -> s.status() == Status.EXITED);
        LogBuffer log = supervisor.find("giant").orElseThrow().log();
        List<LogLine> lines = log.readFrom(log.firstSeq(), 10).lines();
        LogLine cut = lines.get(1);
        assertTrue(cut.text().endsWith("[cut]"), cut.text().substring(cut.text().length() - 40));
        assertTrue(cut.text().length() < 17_000, "cut at 16 KiB: " + cut.text().length());
        assertEquals("after", lines.get(2).text());
        assertTrue(log.storedBytes() < 64 * 1024, "stored " + log.storedBytes());
        assertEquals(4, end.lines());
    }

    @Test
    void start_environmentTooLargeToExecFailsWithReason() throws Exception {
        String huge = "x".repeat(4 * 1024 * 1024); // over Linux's 2 MiB single-string limit
        supervisor = new Supervisor(Specs.config(new ProcessSpec(
                "bloated",
                new Command.Shell("echo never"),
                Specs.TMP,
                Map.of("HUGE", huge),
                true,
                StopSignal.TERM,
                Duration.ofSeconds(5))));
        ActionResult result = supervisor.start("bloated").get(10, TimeUnit.SECONDS);
        assertEquals(Status.FAILED, run.cell("bloated").get().status(), result.message());
        assertTrue(
                run.cell("bloated").get().reason().contains("cannot start"),
                run.cell("bloated").get().reason());
    }

    @Test
    void restart_thousandInstantExitsInARowStayResponsiveAndLeakNoThreads() throws Exception {
        supervisor = new Supervisor(Specs.config(Specs.shell("crashy", "exit 1"), Specs.shell("other", "sleep 300")));
        supervisor.start("crashy").get(10, TimeUnit.SECONDS);
        Await.state(run.cell("crashy"), "first exit", s -> s.status() == Status.FAILED);
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<ActionResult>> restarts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            restarts.add(supervisor.restart("crashy"));
        }
        // Another process is not held up behind the burst: each has its own control thread. Checked by order,
        // not by time: "other" runs while the burst (a thousand forks, seconds) is still going.
        assertTrue(supervisor.start("other").get(60, TimeUnit.SECONDS).ok());
        assertEquals(Status.RUNNING, run.cell("other").get().status());
        assertFalse(restarts.get(restarts.size() - 1).isDone(), "other waited for the whole burst");
        CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        ProcessState end =
                Await.state(run.cell("crashy"), "last exit", s -> !s.status().isLive());
        assertEquals(1001, end.run());
        assertEquals("FAILED 1", end.statusWord());
        Poll.until("pump and exit threads to finish", () -> Thread.activeCount() <= threadsBefore + 4);
    }
}
