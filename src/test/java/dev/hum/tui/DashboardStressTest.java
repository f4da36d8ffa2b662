package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogSlice;
import dev.hum.state.Board;
import dev.hum.state.ProcessState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The supervisor, the dashboard drawing frames and handling keys, and many readers, all at once for
 * a bounded time, over processes that flood and restart: invariants hold and nothing throws.
 */
final class DashboardStressTest {

    private static final long RUN_NANOS = 3_000_000_000L;

    @Test
    void everythingAtOnce_invariantsHold() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100,
                30,
                ScreenHarness.shell("flood", "while :; do seq 1 5000; done"),
                ScreenHarness.shell(
                        "colours", "while :; do printf '\\033[31mred\\033[0m \\033]0;title\\007 x\\n'; done"),
                ScreenHarness.shell("blink", "echo hi; sleep 0.05"),
                ScreenHarness.shell("idle", "sleep 300"))) {
            h.startAll();
            AtomicBoolean done = new AtomicBoolean();
            ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                threads.add(new Thread(() -> readStates(h, done, violations)));
                threads.add(new Thread(() -> readLogs(h, done, violations)));
            }
            threads.add(new Thread(() -> {
                while (!done.get()) {
                    h.supervisor.restart("blink").join();
                }
            }));
            threads.forEach(Thread::start);
            long end = System.nanoTime() + RUN_NANOS;
            char[] keys = {'j', 'j', 'k', '/', 'r', 'e', 'd', '\n', 'n', 'N', 'w', 'G', 'g', 'j'};
            int frames = 0;
            int k = 0;
            while (System.nanoTime() - end < 0 || frames < 50) { // a bounded time, and enough frames however slow
                char c = keys[k++ % keys.length];
                h.dashboard.handle(c == '\n' ? new KeyStroke(KeyType.Enter) : new KeyStroke(c, false, false));
                if (k % 5 == 0) {
                    h.dashboard.handle(new KeyStroke(KeyType.PageUp));
                }
                h.frame();
                frames++;
            }
            done.set(true);
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(violations.isEmpty(), () -> violations.size() + " violations, first: " + violations.peek());
            String screen = h.text();
            assertTrue(!screen.contains("\033"), "no escape reaches the screen");
        }
    }

    private static void readStates(ScreenHarness h, AtomicBoolean done, ConcurrentLinkedQueue<String> violations) {
        long[] lastVersion = new long[4];
        while (!done.get()) {
            Board board = h.supervisor.registry().board();
            for (int i = 0; i < board.size(); i++) {
                ProcessState s = board.get(i).get();
                if (s.version() - lastVersion[i] < 0) {
                    violations.add("version went back for " + s.name());
                }
                if (s.status().isLive()
                        && s.status() != dev.hum.state.Status.STARTING
                        && s.status() != dev.hum.state.Status.STOPPING
                        && s.pid() == 0) {
                    violations.add("RUNNING without pid: " + s);
                }
                lastVersion[i] = s.version();
            }
        }
    }

    private static void readLogs(ScreenHarness h, AtomicBoolean done, ConcurrentLinkedQueue<String> violations) {
        LogBuffer log = h.supervisor.find("flood").orElseThrow().log();
        long cursor = 0;
        while (!done.get()) {
            LogSlice slice = log.readFrom(cursor, 500);
            long expected = cursor + slice.missed();
            for (var line : slice.lines()) {
                if (line.seq() != expected++) {
                    violations.add("seq gap at " + line.seq());
                }
                if (line.text().contains("\033") || line.text().chars().anyMatch(ch -> ch < 0x20)) {
                    violations.add("control character stored: " + line.text());
                }
            }
            cursor = slice.nextSeq();
        }
    }
}
