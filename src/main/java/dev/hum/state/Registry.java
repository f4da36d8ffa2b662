package dev.hum.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ordered set of all processes: one immutable {@link Board} of their cells, fixed when hum starts. */
public final class Registry {

    /*
     * The board is built entirely in the constructor and published through a final field, so any thread that
     * reaches the registry sees the complete list; the cells inside change on their own (StateCell). Readers (the
     * render loop, the control socket, MCP) take "all processes" without a copy and without a lock.
     */

    private final Board board;
    private final Waiters watchers = new Waiters();

    /** A NOT_STARTED cell per name, in this order; a process's id is its position. */
    public Registry(List<String> names) {
        this(names, 0L);
    }

    /**
     * As above, with every cell's version starting at {@code initial} (tests start near overflow).
     *
     * @throws IllegalArgumentException when a name appears twice
     */
    public Registry(List<String> names, long initial) {
        List<StateCell> cells = new ArrayList<>(names.size());
        for (String name : names) {
            cells.add(new StateCell(ProcessState.initial(cells.size(), name, initial), watchers));
        }
        this.board = Board.of(cells);
    }

    /** Every process's cell, in display order. */
    public Board board() {
        return board;
    }

    /**
     * Who is woken after every change of any process's state (a status, a pid, a line count): the render loop, which
     * sleeps instead of asking {@link #changes} at every tick. Each writer reads it with one volatile load after its
     * CAS, the full fence {@link Waiters} asks for.
     */
    public Waiters watchers() {
        return watchers;
    }

    /** The cell of the process with this name. */
    public Optional<StateCell> find(String name) {
        return board.find(name);
    }

    /**
     * A board-wide change count: it moves whenever any process's state changes, so a renderer that compares it
     * with {@code !=} to the value it last drew can skip frames in which nothing changed. It is the sum of every
     * cell's version (versions only grow, so any change moves the sum): one acquire load per cell, and no
     * counter that writers would have to share.
     */
    public long changes() {
        long sum = 0;
        List<StateCell> cells = board.cells();
        for (int i = 0; i < cells.size(); i++) { // no iterator: the render loop asks at every tick
            sum += cells.get(i).get().version();
        }
        return sum;
    }
}
