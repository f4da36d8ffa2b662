package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.state.Board;
import dev.hum.state.Registry;
import dev.hum.state.StateCell;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IZZ_Result;

/**
 * A process is added ({@code add("api")}) while a reader loads the board: the reader sees the board before the
 * add or after it, and in either the list and the name index agree.
 *
 * <p>Result: size, {@code find("api")} present, consistent (every cell at index i has id i, is the one its name
 * finds, and {@code cells()} has {@code size()} entries). Legal: {@code 1, false, true} and {@code 2, true, true}.
 * Forbidden, and what it would mean:
 * <ul>
 *   <li>{@code 1, true, ...} or {@code 2, false, ...}: the index and the list come from different boards (the
 *       board was mutated in place instead of swapped);
 *   <li>{@code ..., false}: a board whose list and index disagree, or a cell whose state was not yet published
 *       (a null or a default state through an unsafe publication of the new board).
 * </ul>
 */
@JCStressTest
@Outcome(id = "1, false, true", expect = ACCEPTABLE, desc = "board before the add")
@Outcome(id = "2, true, true", expect = ACCEPTABLE, desc = "board after the add")
@Outcome(expect = FORBIDDEN, desc = "list and index disagree: a half-built or mutated board")
@State
public class RegistryBoardTest {

    private final Registry registry = new Registry();

    {
        registry.add("web");
    }

    @Actor
    public void config() {
        registry.add("api");
    }

    @Actor
    public void renderLoop(IZZ_Result r) {
        Board board = registry.board();
        r.r1 = board.size();
        r.r2 = board.find("api").isPresent();
        r.r3 = consistent(board);
    }

    static boolean consistent(Board board) {
        if (board.cells().size() != board.size()) {
            return false;
        }
        for (int i = 0; i < board.size(); i++) {
            StateCell cell = board.get(i);
            if (cell == null || cell.get() == null || cell.get().id() != i) {
                return false;
            }
            if (board.find(cell.get().name()).orElse(null) != cell) {
                return false;
            }
        }
        return true;
    }
}
