package dev.hum.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Writers and readers hammer one cell; invariants must hold in every state any reader loads. */
final class StateCellStressTest {

    private static final int RUNS = 20_000;
    private static final int LINE_WRITERS = 2;
    private static final int READERS = 4;

    @Test
    void update_concurrentWritersAndReaders_noTornStateNoLostTransition() throws Exception {
        runStress(0L);
    }

    @Test
    void update_countersNearLongMaxValue_stayConsistentPastOverflow() throws Exception {
        runStress(Long.MAX_VALUE - 5_000);
    }

    private static void runStress(long initialVersion) throws Exception {
        Registry registry = new Registry(List.of("web"), initialVersion);
        StateCell cell = registry.board().get(0);
        long changesBefore = registry.changes();
        AtomicLong successfulUpdates = new AtomicLong();
        AtomicLong maxLines = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();

        // The lifecycle writer: start, launch with pid = run * 10, end with code = run % 3.
        threads.add(new Thread(() -> {
            await(go);
            for (int i = 1; i <= RUNS; i++) {
                int run = i;
                Instant at = Instant.ofEpochSecond(run);
                count(successfulUpdates, cell.tryUpdate(s -> s.start(at)));
                count(successfulUpdates, cell.tryUpdate(s -> s.launched(run, run * 10L)));
                count(successfulUpdates, cell.tryUpdate(s -> s.ended(run, new Exit.Code(run % 3), at)));
                // A late exit of the previous run must never be taken.
                if (cell.tryUpdate(s -> s.ended(run - 1, new Exit.Code(9), at))) {
                    violations.add("late exit of run " + (run - 1) + " was applied");
                }
            }
        }));
        // A stop requester racing the lifecycle writer.
        threads.add(new Thread(() -> {
            await(go);
            while (!done.get()) {
                count(successfulUpdates, cell.tryUpdate(s -> s.stopRequested("stress")));
                Thread.onSpinWait();
            }
        }));
        for (int w = 0; w < LINE_WRITERS; w++) {
            int writer = w;
            threads.add(new Thread(() -> {
                await(go);
                long lines = writer;
                while (!done.get()) {
                    lines += LINE_WRITERS;
                    long total = lines;
                    maxLines.accumulateAndGet(total, Math::max);
                    count(successfulUpdates, cell.tryUpdate(s -> s.withLines(total)));
                }
            }));
        }
        for (int r = 0; r < READERS; r++) {
            threads.add(new Thread(() -> {
                await(go);
                ProcessState last = cell.get();
                while (!done.get()) {
                    ProcessState s = cell.get();
                    check(s, violations);
                    if (s.version() - last.version() < 0) {
                        violations.add("version went back from " + last.version() + " to " + s.version());
                    }
                    if (s.run() < last.run() || s.lines() < last.lines()) {
                        violations.add("run or lines went back: " + last + " -> " + s);
                    }
                    last = s;
                }
            }));
        }
        threads.forEach(Thread::start);
        go.countDown();
        threads.get(0).join();
        done.set(true);
        for (Thread t : threads) {
            t.join();
        }

        ProcessState end = cell.get();
        assertTrue(violations.isEmpty(), () -> violations.size() + " violations, first: " + violations.peek());
        assertEquals(RUNS, end.run());
        assertEquals(maxLines.get(), end.lines(), "the largest line count written must win");
        assertEquals(initialVersion + successfulUpdates.get(), end.version(), "every taken transition counts once");
        assertNotEquals(changesBefore, registry.changes());
        assertEquals(successfulUpdates.get(), registry.changes() - changesBefore);
    }

    /** Fields written together by one transition must be seen together. */
    private static void check(ProcessState s, ConcurrentLinkedQueue<String> violations) {
        switch (s.status()) {
            case STARTING:
                if (s.pid() != 0 || s.endedAt().isPresent() || !(s.exit() instanceof Exit.None)) {
                    violations.add("torn STARTING " + s);
                }
                break;
            case RUNNING:
                if (s.pid() != s.run() * 10L || s.endedAt().isPresent()) {
                    violations.add("torn RUNNING " + s);
                }
                break;
            case STOPPING:
                if (s.pid() != 0 && s.pid() != s.run() * 10L) {
                    violations.add("torn STOPPING " + s);
                }
                break;
            case STOPPED:
            case EXITED:
            case FAILED:
                if (s.endedAt().isEmpty() || s.endedAt().get().getEpochSecond() != s.run() || s.pid() != 0) {
                    violations.add("torn ended " + s);
                }
                if (s.status() != Status.STOPPED && ((Exit.Code) s.exit()).code() != s.run() % 3) {
                    violations.add("exit of another run " + s);
                }
                break;
            case NOT_STARTED:
                if (s.run() != 0) {
                    violations.add("NOT_STARTED with a run " + s);
                }
                break;
        }
    }

    private static void count(AtomicLong counter, boolean taken) {
        if (taken) {
            counter.incrementAndGet();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
