package dev.hum.process;

import java.time.Duration;
import java.util.Set;

/**
 * What hum does about processes that outlived their process's run: with hum a subreaper, orphans
 * of its children are re-parented to it; they are found by their {@link SessionMark} and stopped on the
 * way out, and the {@link Reaper} collects their exits so they do not linger as zombies.
 */
final class Orphans {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private Orphans() {}

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
        for (int signal : new int[] {15, Posix.SIGKILL}) {
            signalEach(left, signal);
            long deadline = System.nanoTime() + GRACE.toNanos();
            while (left.stream().anyMatch(ProcEntry::stillAlive) && System.nanoTime() - deadline < 0) {
                Reaper.reap();
                sleep();
            }
        }
        Reaper.reap();
        return left.size();
    }

    /** SIGKILL at once to every live process that carries {@code mark}: a person asked to quit at once. */
    static void killAllMarked(SessionMark mark) {
        signalEach(ProcessTable.snapshot().marked(mark, null), Posix.SIGKILL);
        Reaper.reap();
    }

    /**
     * Signals each of {@code entries} that is still the process the snapshot saw (same pid and start time: a pid
     * reused since is a stranger's), its group when it leads one.
     */
    private static void signalEach(Set<ProcEntry> entries, int signal) {
        long own = Posix.ownProcessGroup();
        for (ProcEntry e : entries) {
            if (!e.stillAlive()) {
                continue;
            }
            if (e.pgid() == e.pid() && e.pgid() != own) {
                Posix.signalGroup(e.pgid(), signal);
            } else {
                Posix.signalProcess(e.pid(), signal);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
