package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.state.ProcessState;
import dev.hum.state.Registry;
import dev.hum.state.StateCell;
import java.time.Instant;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ILJ_Result;

/**
 * The supervisor publishes {@code launched(1, 4242)} while the render loop reads the board's change counter and
 * then the cell, as a frame does: the reader sees the whole old state or the whole new one, and a counter that
 * has moved guarantees the new state.
 *
 * <p>Result: change-counter growth seen, {@code status/versionGrowth/startedAt present}, pid. Legal: old state
 * ({@code 0, STARTING/0/true, 0}); new state ({@code 1, RUNNING/1/true, 4242}); new state seen before the
 * counter moved ({@code 0, RUNNING/1/true, 4242}, interesting: the counter is bumped after the CAS, so a frame
 * may draw a change before it counts it; the next frame sees the count and redraws). Forbidden, and what it
 * would mean:
 * <ul>
 *   <li>RUNNING with pid 0, or STARTING with pid 4242, or a missing start time: a torn state, the reader saw
 *       some fields of the new record and some of the old or defaults (unsafe publication);
 *   <li>{@code 1, STARTING/0/true, 0}: the counter moved but the cell still shows the old state, so a renderer
 *       that skips frames on an unchanged counter could miss this change for good (the increment was reordered
 *       before the CAS, or the cell's load before the counter's).
 * </ul>
 */
@JCStressTest
@Outcome(id = "0, STARTING/0/true, 0", expect = ACCEPTABLE, desc = "old state")
@Outcome(id = "1, RUNNING/1/true, 4242", expect = ACCEPTABLE, desc = "new state and its count")
@Outcome(id = "0, RUNNING/1/true, 4242", expect = ACCEPTABLE_INTERESTING, desc = "new state, count not yet bumped")
@Outcome(expect = FORBIDDEN, desc = "torn state, or the counter ran ahead of the state")
@State
public class StateCellPublicationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Registry registry = new Registry(java.util.List.of("web"));
    private final StateCell cell = registry.board().get(0);

    {
        cell.update(s -> s.start(T0));
    }

    private final long version0 = cell.get().version();
    private final long changes0 = registry.changes();

    @Actor
    public void supervisor() {
        cell.update(s -> s.launched(1, 4242));
    }

    @Actor
    public void renderLoop(ILJ_Result r) {
        long changes = registry.changes();
        ProcessState s = cell.get();
        r.r1 = (int) (changes - changes0);
        r.r2 = s.status() + "/" + (s.version() - version0) + "/" + s.startedAt().isPresent();
        r.r3 = s.pid();
    }
}
