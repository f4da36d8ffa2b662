package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.state.Board;
import dev.hum.state.Registry;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIZ_Result;

/**
 * Two processes are added at once ({@code add("api")} against {@code add("db")}): both end up on the board with
 * distinct ids, and the change counter counts each add once.
 *
 * <p>Result: final size, change-counter growth, consistent (as in {@link RegistryBoardTest}, and both names
 * found). Legal: {@code 3, 2, true}. Forbidden, and what it would mean: size 2, one add was lost (a board swap
 * that did not start from the board it replaced); {@code false}, two cells with the same id or a name pointing at
 * the wrong cell (the id was taken from a stale board); a counter growth other than 2, an add counted for a
 * failed CAS or not at all.
 */
@JCStressTest
@Outcome(id = "3, 2, true", expect = ACCEPTABLE, desc = "both added, ids 1 and 2, counted once each")
@Outcome(expect = FORBIDDEN, desc = "a lost add, a duplicate id, or a miscount")
@State
public class RegistryAddRaceTest {

    private final Registry registry = new Registry();

    {
        registry.add("web");
    }

    private final long changes0 = registry.changes();

    @Actor
    public void addApi() {
        registry.add("api");
    }

    @Actor
    public void addDb() {
        registry.add("db");
    }

    @Arbiter
    public void check(IIZ_Result r) {
        Board board = registry.board();
        r.r1 = board.size();
        r.r2 = (int) (registry.changes() - changes0);
        r.r3 = RegistryBoardTest.consistent(board)
                && board.find("api").isPresent()
                && board.find("db").isPresent();
    }
}
