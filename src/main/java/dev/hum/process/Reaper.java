package dev.hum.process;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects the exits of the processes handed to hum as child subreaper (orphans of its children's trees),
 * as they end, so that none stays a zombie until hum exits; Java's own children are left to Java.
 */
final class Reaper {

    /*
     * Java waits for each child it started on a thread of its own, by pid; a waitpid(-1) here would steal those
     * exit codes. So the reaper takes only a zombie child that Java did not start: not one of the processes the
     * Launcher started (`started`), and not in hum's own session, where Java's other helpers live (Lanterna's
     * stty) and where no orphan of a supervised tree can be, since every run leads a session of its own.
     *
     * `startLock` is held while Java forks a run and until its pid is in `started`, and while the reaper scans
     * and reaps: a run that exits at once can never be taken for an orphan in between. A pid leaves `started`
     * only after Java has collected its exit, so it cannot be a zombie of Java's any more.
     */

    /** Orphans end whenever they like; a second at most as a zombie costs nothing and keeps an idle hum idle. */
    private static final Duration INTERVAL = Duration.ofMillis(500);

    private static final Object startLock = new Object();
    private static final Set<Long> started = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean running = new AtomicBoolean();

    private Reaper() {}

    /** Starts {@code builder}'s process as one of Java's own children, which the reaper never takes. */
    static Process start(ProcessBuilder builder) throws IOException {
        synchronized (startLock) {
            Process process = builder.start();
            long pid = process.pid();
            started.add(pid);
            process.onExit().thenRun(() -> started.remove(pid));
            return process;
        }
    }

    /** Starts the thread that reaps orphans as they end; once per JVM, for as long as it runs. */
    static void startThread() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(Reaper::loop, "hum-reaper");
        t.setDaemon(true);
        t.start();
    }

    /** Collects every orphan that has ended by now; never blocks. Returns how many it collected. */
    static int reap() {
        long ownSession = Posix.ownSession();
        int reaped = 0;
        synchronized (startLock) {
            for (ProcEntry zombie : ProcessTable.zombieChildrenOfThisProcess(started)) {
                if (!started.contains(zombie.pid()) && zombie.sid() != ownSession && Posix.reap(zombie.pid())) {
                    reaped++;
                }
            }
        }
        return reaped;
    }

    private static void loop() {
        while (true) {
            try {
                Thread.sleep(INTERVAL.toMillis());
                reap();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // /proc read while processes come and go: the next round looks again.
            }
        }
    }
}
