package dev.hum.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** WAITING, BLOCKED, NOT READY and BACKOFF: the moves into and out of them, each guarded by the run number. */
final class ReadinessStateTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ProcessState probing() {
        return ProcessState.initial(0, "api").start(T0).launched(1, 42, true);
    }

    @Test
    void launched_withProbeStaysStartingUntilReady() {
        ProcessState s = probing();
        assertEquals(Status.STARTING, s.status());
        assertEquals(42, s.pid());
        ProcessState ready = s.ready(1);
        assertEquals(Status.RUNNING, ready.status());
        assertEquals("RUNNING", ready.statusWord());
        assertSame(ready, ready.ready(1));
    }

    @Test
    void ready_refusedForAnotherRunOrBeforeThePid() {
        ProcessState s = probing();
        assertSame(s, s.ready(2));
        ProcessState noPid = ProcessState.initial(0, "api").start(T0);
        assertSame(noPid, noPid.ready(1));
        // Run 1 ended and run 2 started: a late probe result of run 1 never marks run 2 ready.
        ProcessState second = s.ended(1, new Exit.Code(1), T0).start(T0).launched(2, 43, true);
        assertSame(second, second.ready(1));
        assertSame(second, second.notReady(1, "late"));
    }

    @Test
    void notReady_keepsRunningAndCanStillBecomeReady() {
        ProcessState s = probing().notReady(1, "tcp 5432 did not answer within 60s");
        assertEquals(Status.NOT_READY, s.status());
        assertEquals("NOT READY", s.statusWord());
        assertTrue(s.status().isLive());
        assertEquals(Status.RUNNING, s.ready(1).status());
        assertEquals(Status.STOPPING, s.stopRequested("stopped by user").status());
        assertEquals(Status.FAILED, s.ended(1, new Exit.Code(1), T0).status());
    }

    @Test
    void waiting_thenBlocked_thenWaitingAgain_thenStart() {
        ProcessState s = ProcessState.initial(0, "api").waiting("waiting for db: ready (tcp 5432)");
        assertEquals(Status.WAITING, s.status());
        assertEquals("waiting for db: ready (tcp 5432)", s.reason());
        assertSame(s, s.waiting("waiting for db: ready (tcp 5432)"));
        assertTrue(s.status().isPending());
        ProcessState blocked = s.blocked("db is NOT READY");
        assertEquals(Status.BLOCKED, blocked.status());
        assertFalse(blocked.status().isPending());
        ProcessState again = blocked.waiting("waiting for db: ready (tcp 5432)");
        assertEquals(Status.WAITING, again.status());
        ProcessState started = again.start(T0);
        assertEquals(Status.STARTING, started.status());
        assertEquals("", started.reason());
    }

    @Test
    void blocked_onlyFromWaiting() {
        ProcessState running = probing().ready(1);
        assertSame(running, running.blocked("db failed"));
        assertSame(running, running.waiting("for db"));
    }

    @Test
    void stopRequested_endsAWaitOrABackoffAtOnce() {
        ProcessState waiting = ProcessState.initial(0, "api").waiting("for db");
        assertEquals(Status.STOPPED, waiting.stopRequested("stopped by user").status());
        ProcessState failed = probing().ended(1, new Exit.Code(1), T0);
        ProcessState backoff = failed.backoff(1, T0.plusSeconds(4), "restart 1 in 4s");
        assertEquals(Status.BACKOFF, backoff.status());
        assertEquals(T0.plusSeconds(4), backoff.restartAt().orElseThrow());
        assertTrue(backoff.status().canStart());
        ProcessState stopped = backoff.stopRequested("stopped by user");
        assertEquals(Status.STOPPED, stopped.status());
        assertTrue(stopped.restartAt().isEmpty());
    }

    @Test
    void backoff_refusedForAnotherRunAndWhileLive() {
        ProcessState failed = probing().ended(1, new Exit.Code(1), T0);
        assertSame(failed, failed.backoff(2, T0, "x"));
        ProcessState live = probing();
        assertSame(live, live.backoff(1, T0, "x"));
        ProcessState gaveUp = failed.gaveUp(1, "gave up after 3 restarts");
        assertEquals(Status.FAILED, gaveUp.status());
        assertEquals("gave up after 3 restarts", gaveUp.reason());
        assertEquals("FAILED 1", gaveUp.statusWord());
    }

    @Test
    void secondsLeft_roundsUpAndNeverGoesNegative() {
        assertEquals(4, StatusWords.secondsLeft(T0.plusMillis(3_001), T0));
        assertEquals(1, StatusWords.secondsLeft(T0.plusMillis(1), T0));
        assertEquals(0, StatusWords.secondsLeft(T0, T0.plusSeconds(1)));
    }

    /**
     * A probe's verdict on run n races a restart into run n+1 on other threads: whatever the interleaving, run
     * n+1 is never RUNNING unless its own ready() came, and every state's version only grows.
     */
    @Test
    void ready_racingARestartNeverMarksTheNewRun() throws Exception {
        for (int round = 0; round < 2_000; round++) {
            StateCell cell = StateCell.detached(probing());
            var go = new CountDownLatch(1);
            var wrong = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            threads.add(new Thread(() -> {
                await(go);
                cell.update(s -> s.ready(1));
            }));
            threads.add(new Thread(() -> {
                await(go);
                cell.update(s -> s.ended(1, new Exit.Code(1), T0));
                cell.update(s -> s.start(T0));
                cell.update(s -> s.launched(2, 43, true));
            }));
            threads.add(new Thread(() -> {
                await(go);
                long last = Long.MIN_VALUE;
                for (int i = 0; i < 50; i++) {
                    ProcessState s = cell.get();
                    if (s.run() == 2 && s.status() == Status.RUNNING) {
                        wrong.incrementAndGet();
                    }
                    if (last != Long.MIN_VALUE && s.version() - last < 0) {
                        wrong.incrementAndGet();
                    }
                    last = s.version();
                }
            }));
            threads.forEach(Thread::start);
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            ProcessState end = cell.get();
            assertEquals(2, end.run());
            assertEquals(Status.STARTING, end.status());
            assertEquals(0, wrong.get());
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
