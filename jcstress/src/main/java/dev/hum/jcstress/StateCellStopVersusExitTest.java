package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.state.Exit;
import dev.hum.state.ProcessState;
import dev.hum.state.StateCell;
import java.time.Instant;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZL_Result;

/**
 * The user's stop request races the exit callback of a RUNNING process that dies with code 1: the final state is
 * one that some order of the two transitions gives, never a mix.
 *
 * <p>Result: stop taken, exit taken, final {@code status/versionGrowth/pid}. Legal: stop first, then the exit
 * turns STOPPING into STOPPED ({@code true, true, STOPPED/2/0}); exit first, FAILED, and the stop is refused
 * because nothing is live ({@code false, true, FAILED/1/0}). Forbidden, and what it would mean:
 * <ul>
 *   <li>{@code true, true, FAILED/...}: the user stopped it and still sees FAILED, the exit was computed from
 *       the RUNNING state the stop had already replaced (a lost update in the CAS loop);
 *   <li>{@code true, false, STOPPING/...}: the exit was lost, the process would show STOPPING for ever;
 *   <li>a version growth other than the number taken, or a pid left behind after the end.
 * </ul>
 */
@JCStressTest
@Outcome(id = "true, true, STOPPED/2/0", expect = ACCEPTABLE, desc = "stop, then exit: STOPPED, never FAILED")
@Outcome(id = "false, true, FAILED/1/0", expect = ACCEPTABLE, desc = "exit first: FAILED; the late stop is refused")
@Outcome(expect = FORBIDDEN, desc = "lost transition or a state no order of the two gives")
@State
public class StateCellStopVersusExitTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ProcessState running =
            ProcessState.initial(0, "web").start(T0).launched(1, 4242);
    private final StateCell cell = StateCell.detached(running);

    @Actor
    public void user(ZZL_Result r) {
        r.r1 = cell.tryUpdate(s -> s.stopRequested("stopped by the user"));
    }

    @Actor
    public void exitCallback(ZZL_Result r) {
        r.r2 = cell.tryUpdate(s -> s.ended(1, new Exit.Code(1), T0.plusSeconds(1)));
    }

    @Arbiter
    public void check(ZZL_Result r) {
        ProcessState end = cell.get();
        r.r3 = end.status() + "/" + (end.version() - running.version()) + "/" + end.pid();
    }
}
