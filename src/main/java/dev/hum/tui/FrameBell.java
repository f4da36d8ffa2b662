package dev.hum.tui;

import dev.hum.state.Wakeable;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/** Tells the render thread that something it draws may have changed, so that an idle dashboard sleeps instead of polling. */
final class FrameBell implements Wakeable {

    /*
     * Rung by any thread through wake(): a pump or supervisor thread after its state's CAS (Waiters), a thread that
     * left an action's result, the key reader, Lanterna's resize handler. Answered by the owner, the render thread,
     * alone: it clears `rung` in clear(), then reads what it draws, then sleeps while `rung` is false. A writer
     * publishes its change, is fenced (Waiters asks writers for a full fence; a CAS is one), then loads `rung`; the
     * owner stores false, is fenced, then loads the data. Of two such store-fence-load pairs one always sees the
     * other's store: either the owner's reads see the change, or the writer sees false and rings. Only a writer that
     * sees false unparks: under a flood the pumps publish thousands of chunks a second and pay one volatile load
     * each, not an unpark, until the owner clears the bell again.
     */

    private final Thread owner;
    private volatile boolean rung;

    /** A bell that wakes {@code owner}, which alone may {@link #clear} it. */
    FrameBell(Thread owner) {
        this.owner = owner;
    }

    /** Owner only, before it reads what it draws: a change from now on rings again. */
    void clear() {
        rung = false;
        VarHandle.fullFence();
    }

    /** Whether something rang since the last {@link #clear}. */
    boolean rung() {
        return rung;
    }

    /** From any thread, without blocking or allocating: wakes the owner unless it was woken since its last clear. */
    @Override
    public void wake() {
        if (!rung) {
            rung = true;
            LockSupport.unpark(owner);
        }
    }

    /**
     * Wakes the owner whether or not the bell rang before: for a key, which ends even a wait in which the bell is not
     * listened to (the frame rate's).
     */
    void wakeNow() {
        rung = true;
        LockSupport.unpark(owner);
    }
}
