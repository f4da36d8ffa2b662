package dev.hum.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class ProcessStateTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ProcessState running(int run) {
        ProcessState s = ProcessState.initial(0, "web");
        for (int i = 0; i < run; i++) {
            s = s.start(T0).launched(s.run() + 1, 100 + i);
            if (i < run - 1) {
                s = s.ended(s.run(), new Exit.Code(0), T0);
            }
        }
        return s;
    }

    @Test
    void start_fromEveryEndedStatusBeginsNewRun() {
        ProcessState s = ProcessState.initial(3, "web").start(T0);
        assertEquals(Status.STARTING, s.status());
        assertEquals(1, s.run());
        assertEquals(0, s.restarts());
        s = s.launched(1, 42).ended(1, new Exit.Code(2), T0.plusSeconds(1));
        assertEquals(Status.FAILED, s.status());
        s = s.start(T0.plusSeconds(2));
        assertEquals(Status.STARTING, s.status());
        assertEquals(2, s.run());
        assertEquals(1, s.restarts());
        assertEquals(Exit.NONE, s.exit());
        assertTrue(s.endedAt().isEmpty());
    }

    @Test
    void start_whileLiveIsRefused() {
        ProcessState s = running(1);
        assertSame(s, s.start(T0));
        ProcessState stopping = s.stopRequested("user");
        assertSame(stopping, stopping.start(T0));
    }

    @Test
    void ended_stoppedProcessIgnoresExitCode() {
        ProcessState s = running(1).stopRequested("stopped by user").ended(1, new Exit.Signal(15), T0);
        assertEquals(Status.STOPPED, s.status());
        assertEquals("STOPPED", s.statusWord());
        ProcessState failing = running(1).stopRequested("").ended(1, new Exit.Code(1), T0);
        assertEquals(Status.STOPPED, failing.status());
    }

    @Test
    void ended_oldRunNeverTouchesNewRun() {
        ProcessState s = running(2);
        assertEquals(2, s.run());
        assertSame(s, s.ended(1, new Exit.Code(1), T0));
        assertSame(s, s.launched(1, 999));
    }

    @Test
    void ended_twiceIsRefused() {
        ProcessState s = running(1).ended(1, new Exit.Code(0), T0);
        assertEquals(Status.EXITED, s.status());
        assertSame(s, s.ended(1, new Exit.Code(3), T0));
    }

    @Test
    void ended_reportsCodesAndSignalsAsWords() {
        assertEquals("EXITED 0", running(1).ended(1, new Exit.Code(0), T0).statusWord());
        assertEquals("FAILED 1", running(1).ended(1, new Exit.Code(1), T0).statusWord());
        ProcessState killed = running(1).ended(1, new Exit.Signal(9), T0);
        assertEquals(Status.FAILED, killed.status());
        assertEquals("KILLED SIGKILL", killed.statusWord());
        assertEquals(137, killed.exit().shellStatus());
        assertEquals("NOT STARTED", ProcessState.initial(0, "x").statusWord());
    }

    @Test
    void launched_duringStopKeepsStoppingWithPid() {
        ProcessState s = ProcessState.initial(0, "web").start(T0).stopRequested("user");
        ProcessState launched = s.launched(1, 77);
        assertEquals(Status.STOPPING, launched.status());
        assertEquals(77, launched.pid());
        assertSame(launched, launched.launched(1, 78));
    }

    @Test
    void failedToStart_isFailedWithReasonUnlessStopped() {
        ProcessState s = ProcessState.initial(0, "web").start(T0).failedToStart(1, "no such file: nod", T0);
        assertEquals(Status.FAILED, s.status());
        assertEquals("no such file: nod", s.reason());
        ProcessState stopped =
                ProcessState.initial(0, "web").start(T0).stopRequested("user").failedToStart(1, "x", T0);
        assertEquals(Status.STOPPED, stopped.status());
        assertSame(s, s.failedToStart(1, "again", T0));
    }

    @Test
    void stopRequested_onlyFromStartingOrRunning() {
        ProcessState initial = ProcessState.initial(0, "web");
        assertSame(initial, initial.stopRequested("user"));
        ProcessState ended = running(1).ended(1, new Exit.Code(0), T0);
        assertSame(ended, ended.stopRequested("user"));
    }

    @Test
    void withLines_keepsTheLargestCount() {
        ProcessState s = ProcessState.initial(0, "web").withLines(10);
        assertEquals(10, s.lines());
        assertSame(s, s.withLines(9));
        assertSame(s, s.withLines(10));
    }

    @Test
    void everyChange_growsVersionByOne() {
        ProcessState s = ProcessState.initial(0, "web", Long.MAX_VALUE - 1);
        ProcessState next = s.start(T0);
        ProcessState after = next.launched(1, 5);
        assertEquals(1, next.version() - s.version());
        assertEquals(1, after.version() - next.version());
        assertTrue(after.version() - s.version() > 0, "wrap-safe comparison must see growth past overflow");
    }

    @Test
    void uptime_runsUntilEnd() {
        ProcessState s = running(1);
        assertEquals(Duration.ofSeconds(5), s.uptime(T0.plusSeconds(5)));
        ProcessState ended = s.ended(1, new Exit.Code(0), T0.plusSeconds(3));
        assertEquals(Duration.ofSeconds(3), ended.uptime(T0.plusSeconds(60)));
    }
}
