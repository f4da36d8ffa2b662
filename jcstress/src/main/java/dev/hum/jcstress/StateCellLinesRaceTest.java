package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.state.Registry;
import dev.hum.state.StateCell;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Two pumps report their line totals to one {@link StateCell} at once ({@code withLines(5)} against
 * {@code withLines(7)}): no update is lost, the larger total wins, and the version and the board's change
 * counter grow by exactly the number of transitions taken.
 *
 * <p>Result: taken by actor 1 (0/1), taken by actor 2 (0/1), final lines, version growth, change-counter growth.
 * Legal: both taken in the order 5 then 7 ({@code 1, 1, 7, 2, 2}); 7 first, so 5 is refused
 * ({@code 0, 1, 7, 1, 1}). Forbidden, and what it would mean:
 * <ul>
 *   <li>lines 5: a lost update, the smaller total overwrote the larger (the CAS loop wrote over a state it
 *       did not read, or withLines stopped refusing a shrink);
 *   <li>a version growth other than the transitions taken: a retry re-applied a transition to its own output,
 *       or a taken transition did not bump the version;
 *   <li>a counter growth other than the transitions taken: {@code update} bumped the counter for a refused or
 *       retried transition, or not at all (the renderer would skip or repaint frames wrongly);
 *   <li>actor 2 refused: 7 can never be refused from 0 or 5.
 * </ul>
 */
@JCStressTest
@Outcome(id = "1, 1, 7, 2, 2", expect = ACCEPTABLE, desc = "5 then 7: both taken, 7 wins")
@Outcome(id = "0, 1, 7, 1, 1", expect = ACCEPTABLE, desc = "7 first: 5 refused as a shrink")
@Outcome(expect = FORBIDDEN, desc = "lost update, or version/counter out of step with the transitions taken")
@State
public class StateCellLinesRaceTest {

    private final Registry registry = new Registry(java.util.List.of("web"));
    private final StateCell cell = registry.board().get(0);
    private final long version0 = cell.get().version();
    private final long changes0 = registry.changes();

    @Actor
    public void pumpOut(IIIII_Result r) {
        r.r1 = cell.tryUpdate(s -> s.withLines(5)) ? 1 : 0;
    }

    @Actor
    public void pumpErr(IIIII_Result r) {
        r.r2 = cell.tryUpdate(s -> s.withLines(7)) ? 1 : 0;
    }

    @Arbiter
    public void check(IIIII_Result r) {
        r.r3 = (int) cell.get().lines();
        r.r4 = (int) (cell.get().version() - version0);
        r.r5 = (int) (registry.changes() - changes0);
    }
}
