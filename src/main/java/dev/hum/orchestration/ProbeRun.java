package dev.hum.orchestration;

import com.google.re2j.PatternSyntaxException;
import dev.hum.config.Readiness;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import dev.hum.log.Source;
import dev.hum.process.Supervised;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import dev.hum.state.Wakeable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The readiness probe of one run of one process: tried every interval (a log probe: whenever the log grows) until
 * it passes; past the timeout the process is NOT READY and the probe goes on, slower, so that it can still recover.
 */
final class ProbeRun {

    /*
     * Every method but wake() runs on the orchestration's scheduler. wake() runs on a pump thread: it only queues
     * one scan (the flag coalesces a burst of chunks into one). The result is a transition guarded by the run, so a
     * late verdict of this run never touches the next one; `done` stops the tries once the run is over.
     */

    /** After the timeout the probe keeps trying, at most this often: recovering is worth little CPU. */
    private static final Duration SLOW = Duration.ofSeconds(5);

    private static final int SCAN_BATCH = 64;

    private final Supervised process;
    private final int run;
    private final Readiness readiness;
    private final ScheduledExecutorService scheduler;
    private final ProbeTry tries;
    private final Orchestrator owner;
    private final long deadline;
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    /** This probe's own wake-up, so that removing it never removes the next run's. */
    private final Wakeable waker = this::wake;

    private volatile boolean done;
    private volatile @Nullable ScheduledFuture<?> next;
    private String lastProblem = "no answer yet";
    private long scanFrom;
    private @Nullable LogSearch search;

    ProbeRun(
            Supervised process,
            int run,
            Readiness readiness,
            ScheduledExecutorService scheduler,
            ProbeTry tries,
            Orchestrator owner) {
        this.process = process;
        this.run = run;
        this.readiness = readiness;
        this.scheduler = scheduler;
        this.tries = tries;
        this.owner = owner;
        this.deadline = System.nanoTime()
                + readiness.initialDelay().plus(readiness.timeout()).toNanos();
    }

    int run() {
        return run;
    }

    /** Arms the probe: the first try after the initial delay, and the timeout. */
    void begin() {
        if (readiness.probe() instanceof Readiness.Log log) {
            try {
                search = LogSearch.regex(log.pattern());
            } catch (PatternSyntaxException e) {
                lastProblem = "invalid pattern";
                return;
            }
            scanFrom = startOfRun(process.log(), run);
            process.log().waiters().add(waker);
        }
        schedule(this::tryOnce, readiness.initialDelay());
        scheduler.schedule(
                this::timeUp, readiness.initialDelay().plus(readiness.timeout()).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops trying: the run ended, passed, or hum quits. */
    void cancel() {
        done = true;
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
        if (readiness.probe() instanceof Readiness.Log) {
            process.log().waiters().remove(waker);
        }
    }

    /** On a pump thread: the log grew. Queues one scan unless one is queued already. */
    private void wake() {
        if (!done && scanQueued.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::tryOnce);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // quit shut the scheduler down after the check: nothing is probed any more, and the pump that
                // called this must go on reading its output
            }
        }
    }

    private boolean stale() {
        ProcessState s = process.state();
        return done || s.run() != run || !(s.status() == Status.STARTING || s.status() == Status.NOT_READY);
    }

    private void tryOnce() {
        scanQueued.set(false);
        if (stale()) {
            cancel();
            return;
        }
        if (search != null) {
            if (scanLog(search)) {
                passed();
            }
            return; // the next append wakes it again
        }
        Duration limit = perTry();
        tries.attempt(process.name(), readiness.probe(), limit)
                .whenCompleteAsync(
                        (problem, error) -> {
                            if (error == null && problem.isEmpty()) {
                                passed();
                                return;
                            }
                            lastProblem = error != null ? String.valueOf(error.getMessage()) : problem.orElse("");
                            if (!stale()) {
                                boolean late = System.nanoTime() - deadline > 0;
                                Duration wait =
                                        late && readiness.interval().compareTo(SLOW) < 0 ? SLOW : readiness.interval();
                                schedule(this::tryOnce, wait);
                            }
                        },
                        scheduler);
    }

    /** Whether a line of this run's output (not one of hum's own) matches, from where the last scan stopped. */
    private boolean scanLog(LogSearch pattern) {
        LogBuffer log = process.log();
        long end = log.nextSeq();
        long cursor = scanFrom;
        while (true) {
            List<LogLine> hits = pattern.collect(log, cursor, SCAN_BATCH);
            for (LogLine line : hits) {
                if (line.source() != Source.HUM) {
                    return true;
                }
            }
            if (hits.size() < SCAN_BATCH) {
                break;
            }
            cursor = hits.get(hits.size() - 1).seq() + 1;
        }
        scanFrom = end;
        return false;
    }

    private void passed() {
        if (done) {
            return;
        }
        cancel();
        owner.probePassed(process, run, readiness.probe());
    }

    private void timeUp() {
        if (stale()) {
            return;
        }
        owner.probeTimedOut(
                process,
                run,
                readiness.probe().describe() + " did not pass within " + Durations.words(readiness.timeout()) + " ("
                        + lastProblem + ")");
    }

    private Duration perTry() {
        Duration i = readiness.interval();
        Duration floor = Duration.ofMillis(250);
        Duration ceiling = Duration.ofSeconds(2);
        return i.compareTo(floor) < 0 ? floor : i.compareTo(ceiling) > 0 ? ceiling : i;
    }

    private void schedule(Runnable task, Duration delay) {
        if (!done) {
            next = scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The seq of this run's "start #n" notice: the log probe reads the lines from there on. */
    private static long startOfRun(LogBuffer log, int run) {
        OptionalLong at = LogSearch.plain("hum: start #" + run + ":").previous(log, log.nextSeq(), false);
        return at.isPresent() ? at.getAsLong() + 1 : log.firstSeq();
    }

    static Optional<Readiness> of(Supervised p) {
        return p.spec().lifecycle().ready();
    }
}
