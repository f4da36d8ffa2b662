package dev.hum.state;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, ordered list of every process cell, with an index by name; the cells keep changing on their own. */
public final class Board {

    private final List<StateCell> cells;
    private final Map<String, StateCell> byName;

    private Board(List<StateCell> cells, Map<String, StateCell> byName) {
        this.cells = cells;
        this.byName = byName;
    }

    /** All cells in display order. */
    public List<StateCell> cells() {
        return cells;
    }

    /** How many processes there are. */
    public int size() {
        return cells.size();
    }

    /** The cell of the process with this name. */
    public Optional<StateCell> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The cell at a display position (also the process id). */
    public StateCell get(int index) {
        return cells.get(index);
    }

    /** The current state of every process, in display order: one acquire load per cell. */
    public List<ProcessState> states() {
        ProcessState[] states = new ProcessState[cells.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = cells.get(i).get();
        }
        // A view, not List.of's second copy of the array: "all processes" runs every frame.
        return Collections.unmodifiableList(Arrays.asList(states));
    }

    static Board of(List<StateCell> cells) {
        Map<String, StateCell> byName = new LinkedHashMap<>();
        for (StateCell cell : cells) {
            String name = cell.get().name();
            if (byName.putIfAbsent(name, cell) != null) {
                throw new IllegalArgumentException("a process named '" + name + "' already exists");
            }
        }
        return new Board(List.copyOf(cells), Collections.unmodifiableMap(byName));
    }
}
