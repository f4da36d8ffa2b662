package dev.hum.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.process.Supervised;
import dev.hum.process.Supervisor;
import dev.hum.state.ProcessState;
import dev.hum.testing.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Agents page through every process's lines at once (logs_stream without a name) while four real
 * processes flood: whatever page they start from, they get every line from there on exactly once.
 * The race this guards against lasts microseconds (a line whose arrival was taken but not yet
 * published while another process's later line was), so the test runs many pages over much output.
 */
final class MergedPagingStressTest {

    private static final int PROCESSES = 4;
    private static final int LINES = 100_000;
    private static final int PAGE = 97; // not a divisor of anything, so pages end mid-batch

    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    @Test
    void pagesFromTheStartAndFromATailSeeEveryLaterLineExactlyOnce() throws Exception {
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            specs.add(new ProcessSpec(
                    "flood" + i,
                    new Command.Shell("seq 1 " + LINES),
                    Path.of(System.getProperty("java.io.tmpdir")),
                    Map.of(),
                    true,
                    StopSignal.TERM,
                    Duration.ofSeconds(5)));
        }
        // scrollback above what each process writes: nothing is evicted, so every line can be checked
        ProjectConfig config = new ProjectConfig(
                Path.of(System.getProperty("java.io.tmpdir")), Origin.HUM_FILE, specs, new Settings(2 * LINES, 30));
        supervisor = new Supervisor(config);
        LocalControl control = new LocalControl(supervisor, false);

        CompletableFuture<Reading> fromStart = CompletableFuture.supplyAsync(() -> read(control, OptionalLong.of(0)));
        supervisor.startWanted(List.of()).forEach(CompletableFuture::join);
        // the tail reader starts well into the flood (in practice; it checks the same invariant either way)
        Poll.until("20,000 lines", () -> totalLines() >= 20_000);
        Reading fromTail = read(control, OptionalLong.empty());
        Reading first = fromStart.get();

        assertEveryLineFromOnce(first, Long.MIN_VALUE);
        assertEveryLineFromOnce(fromTail, fromTail.firstArrival);
    }

    /** What one agent read: every entry, and the smallest arrival of its first page. */
    private static final class Reading {
        final List<LogEntry> entries = new ArrayList<>();
        long firstArrival = Long.MAX_VALUE;
    }

    /** Pages until every process has ended and a page comes back empty. */
    private Reading read(LocalControl control, OptionalLong start) {
        Reading reading = new Reading();
        LogPage page = control.logs(Optional.empty(), start, PAGE);
        for (LogEntry e : page.lines()) {
            reading.firstArrival = Math.min(reading.firstArrival, e.arrival());
        }
        while (true) {
            reading.entries.addAll(page.lines());
            boolean ended = allEnded();
            if (page.lines().isEmpty() && ended) {
                return reading;
            }
            page = control.logs(Optional.empty(), OptionalLong.of(page.nextCursor()), PAGE);
        }
    }

    private long totalLines() {
        long total = 0;
        for (ProcessState s : supervisor.registry().board().states()) {
            total += s.lines();
        }
        return total;
    }

    private boolean allEnded() {
        for (ProcessState s : supervisor.registry().board().states()) {
            if (s.run() == 0 || s.status().isLive()) {
                return false;
            }
        }
        return true;
    }

    private void assertEveryLineFromOnce(Reading reading, long fromArrival) {
        Set<String> seen = new HashSet<>();
        for (LogEntry e : reading.entries) {
            assertTrue(seen.add(e.process() + "#" + e.seq()), "seen twice: " + e);
        }
        int expected = 0;
        for (Supervised process : supervisor.processes()) {
            String name = process.name();
            LogBuffer log = process.log();
            for (LogLine line : log.readFrom(log.firstSeq(), 2 * LINES).lines()) {
                if (line.arrival() >= fromArrival) {
                    expected++;
                    assertTrue(seen.contains(name + "#" + line.seq()), "never read: " + name + " " + line);
                }
            }
        }
        assertEquals(expected, seen.size(), "read lines that arrived before the first page");
    }
}
