package dev.hum.state;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The ordered set of all processes: one pointer to an immutable {@link Board}, swapped atomically. */
public final class Registry {

    /*
     * Writers: whoever adds processes (the CLI at start-up; later a config reload). They swap the
     * board with compareAndSet; the new board is built entirely before the swap, so a reader's single
     * volatile load gives a complete, consistent list. Readers: the render loop, the control socket
     * and MCP, any thread, at any rate; "all processes" is one load, never a copy under a lock.
     */

    private final AtomicReference<Board> board = new AtomicReference<>(Board.EMPTY);
    private final AtomicLong boardSwaps;
    private final long initialVersion;

    public Registry() {
        this(0L);
    }

    /** A registry whose counters start at {@code initial} (tests start near overflow). */
    public Registry(long initial) {
        this.boardSwaps = new AtomicLong(initial);
        this.initialVersion = initial;
    }

    /**
     * Adds a process at the end of the list and returns its cell, NOT_STARTED. Its id is its
     * position.
     *
     * @throws IllegalArgumentException when the name is taken
     */
    public StateCell add(String name) {
        for (; ; ) {
            Board current = Objects.requireNonNull(board.get());
            if (current.find(name).isPresent()) {
                throw new IllegalArgumentException("a process named '" + name + "' already exists");
            }
            StateCell cell = new StateCell(ProcessState.initial(current.size(), name, initialVersion));
            if (board.compareAndSet(current, current.plus(cell, name))) {
                boardSwaps.getAndIncrement();
                return cell;
            }
        }
    }

    /** The current board: one volatile load. */
    public Board board() {
        return Objects.requireNonNull(board.get());
    }

    /** The cell of the process with this name. */
    public Optional<StateCell> find(String name) {
        return board().find(name);
    }

    /**
     * A board-wide change count: it moves whenever a process is added or any process's state
     * changes, so a renderer that compares it with {@code !=} to the value it last drew can skip
     * frames in which nothing changed. It is the sum of every cell's version (versions only grow,
     * so any change moves the sum) plus the board swaps: one acquire load per cell, and no counter
     * that writers would have to share.
     */
    public long changes() {
        long sum = boardSwaps.get();
        for (StateCell cell : board().cells()) {
            sum += cell.get().version();
        }
        return sum;
    }
}
