package dev.hum.process;

import dev.hum.state.ProcessState;
import dev.hum.state.StateCell;
import dev.hum.testing.Poll;
import java.util.function.Predicate;

/** Waits for a process's state to satisfy a condition. */
final class Await {

    private Await() {}

    /** The first state read that satisfies {@code condition}; fails with the last one read. */
    static ProcessState state(StateCell cell, String what, Predicate<ProcessState> condition) {
        return Poll.until(what, cell::get, condition);
    }
}
