package dev.hum.process;

import java.time.Duration;
import java.util.Set;

/**
 * What hum does about processes that outlived their process's run: with hum a subreaper, orphans
 * of its children are re-parented to it; they are found by their {@link SessionMark}, stopped on the
 * way out, and their exits collected so they do not linger as zombies.
 */
final class Orphans {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private Orphans() {}

    /**
     * Collects the zombies among hum's children that Java does not wait for itself. Java only
     * starts session leaders (through setsid) and helpers in hum's own session (Lanterna's stty), so
     * a zombie child that is neither must be a re-parented orphan; taking Java's own children here
     * would steal their exit codes.
     */
    static int reap() {
        long self = ProcessHandle.current().pid();
        long ownSession = Posix.ownSession();
        int reaped = 0;
        for (ProcEntry zombie : ProcessTable.snapshot().zombieChildrenOf(self)) {
            if (zombie.pid() != zombie.sid() && zombie.sid() != ownSession && Posix.reap(zombie.pid())) {
                reaped++;
            }
        }
        return reaped;
    }

    /**
     * Stops every live process that carries {@code mark}, whichever process it belongs to: TERM,
     * a short grace, then KILL. Used on the way out, after each process's own stop, for what is left.
     *
     * @return how many processes had to be stopped
     */
    static int stopAllMarked(SessionMark mark) {
        Set<ProcEntry> left = ProcessTable.snapshot().marked(mark, null);
        if (left.isEmpty()) {
            return 0;
        }
        long own = Posix.ownProcessGroup();
        for (int signal : new int[] {15, Posix.SIGKILL}) {
            for (ProcEntry e : left) {
                if (!e.stillAlive()) {
                    continue;
                }
                if (e.pgid() == e.pid() && e.pgid() != own) {
                    Posix.signalGroup(e.pgid(), signal);
                } else {
                    Posix.signalProcess(e.pid(), signal);
                }
            }
            long deadline = System.nanoTime() + GRACE.toNanos();
            while (left.stream().anyMatch(ProcEntry::stillAlive) && System.nanoTime() - deadline < 0) {
                reap();
                sleep();
            }
        }
        reap();
        return left.size();
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
