package dev.hum.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.UnaryOperator;

/** Holds the current {@link ProcessState} of one process and swaps it by compare-and-set. */
public final class StateCell {

    /*
     * Writers: the supervisor's control thread of this process, its two pump threads (line counts)
     * and the exit callback. Readers: the render loop, the control socket, the MCP server, tests.
     *
     * The field is read with getAcquire and replaced with compareAndSet (a volatile write). A state
     * is a record with only final fields, so it is safely published by the CAS alone; the acquire
     * load pairs with that release, so a reader sees every field of the state it loaded and never a
     * mix of two. A writer that loses the race recomputes from the state that won: transitions are
     * pure functions, so nothing is lost and no lock is taken. The swap is the only write: no shared
     * counter is bumped beside it (that second contended cache line made updates several times
     * slower under two writers); the board's change count is derived from the versions instead.
     * After every change taken, the board's watchers (one array shared by the registry's cells, only
     * read by writers) are woken too: the render loop sleeps on them instead of polling the count.
     */

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(StateCell.class, "state", ProcessState.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STATE
    private volatile ProcessState state;

    private final Waiters waiters = new Waiters();

    /** Woken after every change taken, whatever it is: the registry's, shared by all its cells. */
    private final Waiters boardWatchers;

    @SuppressWarnings("NullAway.Init") // STATE sets the field, which NullAway cannot see
    StateCell(ProcessState initial, Waiters boardWatchers) {
        this.boardWatchers = boardWatchers;
        STATE.setRelease(this, initial);
    }

    /** A cell on its own, not part of a registry (tests, benchmarks). */
    public static StateCell detached(ProcessState initial) {
        return new StateCell(initial, new Waiters());
    }

    /** The current state: one acquire load, never blocks, never torn. */
    public ProcessState get() {
        return (ProcessState) STATE.getAcquire(this);
    }

    /**
     * Applies {@code transition} to the current state until the swap succeeds, and returns the state
     * now in the cell (which may already hold a later writer's change). When the transition refuses
     * (returns its input), nothing is written; {@link #tryUpdate} says whether it was taken.
     *
     * <p>The transition may run more than once under contention, so it must be pure.
     */
    public ProcessState update(UnaryOperator<ProcessState> transition) {
        tryUpdate(transition);
        return get();
    }

    /**
     * Applies {@code transition} by compare-and-set until it is taken or refused, and says which.
     * The transition may run more than once under contention, so it must be pure.
     */
    @SuppressWarnings("ReferenceEquality") // a refused transition returns its input, and CAS compares identity
    public boolean tryUpdate(UnaryOperator<ProcessState> transition) {
        ProcessState current = get();
        for (; ; ) {
            ProcessState next = transition.apply(current);
            if (next == current) {
                return false;
            }
            ProcessState witness = (ProcessState) STATE.compareAndExchange(this, current, next);
            if (witness == current) {
                // Waiters wait for a status, a new run or its pid (wait_for ready or exit, the render loop's list);
                // a pump's per-chunk line count changes none, and waking every waiter for it cost 100 idle waiters
                // about 1 % of a core. Lines wake the log's own waiters and the board's watchers. The CAS is the
                // full fence Waiters asks for.
                if (next.status() != current.status() || next.run() != current.run() || next.pid() != current.pid()) {
                    waiters.wakeAll();
                }
                boardWatchers.wakeAll();
                return true;
            }
            current = witness;
        }
    }

    /** Who waits for this cell's status, run or pid to change; woken after every such change taken. */
    public Waiters waiters() {
        return waiters;
    }

    @Override
    public String toString() {
        return "StateCell[" + get() + "]";
    }
}
