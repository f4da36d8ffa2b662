package dev.hum.process;

import dev.hum.config.ProcessSpec;
import dev.hum.config.StopSignal;
import dev.hum.log.LogBuffer;
import dev.hum.log.Source;
import dev.hum.state.Exit;
import dev.hum.state.ProcessState;
import dev.hum.state.StateCell;
import dev.hum.state.Status;
import dev.hum.state.StatusWords;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One supervised process across all its runs: its spec, state cell, log, and a control thread on
 * which its start, stop and restart actions run one after another.
 */
final class ManagedProcess {

    /*
     * Threads: the control thread runs every lifecycle action and is the only writer of `current`
     * (volatile, so the exit callback and shutdown see the newest run). Callers apply the
     * STOPPING transition at once on their own thread, so the screen shows it in the next frame
     * even while an earlier action is still running. The exit callback runs on the shared exit
     * executor, not the control thread, so that it is not queued behind a long stop; it refuses to
     * end a run that is STOPPING, because the stop action ends it once the whole tree is gone. The
     * start and every end of a run are decided under `transitions`, so an old run's exit notice can
     * never land after the next run's start notice.
     */

    /** How long a stop waits for the pumps to drain once the tree is gone, so that the last lines precede it. */
    private static final Duration DRAIN = Duration.ofMillis(500);

    /**
     * How long a run whose leader exited stays RUNNING while what it started still writes to its output: the
     * exit then reads after the last lines. A tree that writes on beyond this is ended with a notice, and its
     * lines keep arriving in this log until it closes the output or a stop ends it.
     */
    static final Duration LATE_OUTPUT = Duration.ofSeconds(3);

    private final Supervised process;
    private final ProcessSpec spec;
    private final StateCell cell;
    private final LogBuffer log;
    private final Launcher launcher;
    private final SessionMark mark;
    private final Journal journal;
    private final Executor exits;
    /** How long an idle control thread lives before it ends. */
    static final Duration CONTROL_IDLE = Duration.ofSeconds(10);

    private final ExecutorService control;
    private final RunEvents events;

    private volatile @Nullable Run current;

    /**
     * Set once hum shuts down, before its last stop is queued: from then on no action begins a run. Actions
     * already queued (a burst of restarts) still take their turn, but a start or restart is refused at once.
     */
    private volatile boolean closing;

    /** Set when a person quits at once: every stop from then on is SIGKILL, without the grace period. */
    private volatile boolean killAtOnce;

    /** Held while a run's start or end is decided and its notice written: notices follow the runs in order. */
    private final Object transitions = new Object();

    /** Who hears of each run's launch and end (the supervisor, for its coordinator). */
    interface RunEvents {
        void launched(Supervised process, int run);

        void ended(Supervised process, int run, boolean byStop);
    }

    ManagedProcess(
            Supervised process,
            Launcher launcher,
            SessionMark mark,
            Journal journal,
            Executor exits,
            RunEvents events) {
        this.process = process;
        this.spec = process.spec();
        this.cell = process.cell();
        this.log = process.log();
        this.launcher = launcher;
        this.mark = mark;
        this.journal = journal;
        this.exits = exits;
        this.events = events;
        // One thread at most, FIFO, so actions still run one after another (and one thread at a time writes
        // `current`); it ends after CONTROL_IDLE without work and a later action starts a new one: at 200
        // processes, 200 idle control threads' stacks were ~20 MB of RSS.
        ThreadPoolExecutor serial = new ThreadPoolExecutor(
                1, 1, CONTROL_IDLE.toMillis(), TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread t = new Thread(runnable, "hum-control-" + spec.name());
                    t.setDaemon(true);
                    return t;
                });
        serial.allowCoreThreadTimeOut(true);
        this.control = serial;
    }

    Supervised process() {
        return process;
    }

    ProcessSpec spec() {
        return spec;
    }

    StateCell cell() {
        return cell;
    }

    LogBuffer log() {
        return log;
    }

    CompletableFuture<ActionResult> start() {
        return submit(() -> startNow(s -> true));
    }

    /** Starts only if the state still passes {@code when} where the run would begin. */
    CompletableFuture<ActionResult> start(Predicate<ProcessState> when) {
        return submit(() -> startNow(when));
    }

    CompletableFuture<ActionResult> stop() {
        cell.update(s -> s.stopRequested("stopped by user"));
        return submit(this::stopNow);
    }

    CompletableFuture<ActionResult> restart() {
        cell.update(s -> s.stopRequested("restarting"));
        return submit(() -> {
            if (closing) {
                return shuttingDown(); // the shutdown's own stop follows in the queue
            }
            stopNow();
            return startNow(s -> true);
        });
    }

    /**
     * From now on no run begins: a start or restart still queued is refused when its turn comes. Called for
     * every process before any is stopped, so that the stop queued next is the last action that does anything.
     */
    void refuseStarts() {
        closing = true;
    }

    /** Refuses further actions; those already queued still take their turn. */
    void shutdownControl() {
        control.shutdown();
    }

    boolean awaitControl(Duration limit) throws InterruptedException {
        return control.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<ActionResult> submit(Supplier<ActionResult> action) {
        try {
            return CompletableFuture.supplyAsync(action, control).exceptionally(e -> {
                log.appendNotice("hum: internal error: " + e);
                return ActionResult.failed(spec.name() + ": internal error: " + e.getMessage());
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(shuttingDown());
        }
    }

    private ActionResult shuttingDown() {
        return ActionResult.failed(spec.name() + " not started: hum is shutting down");
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the exit callback's future has no reader: exited() is the end
    private ActionResult startNow(Predicate<ProcessState> when) {
        int run;
        synchronized (transitions) {
            // Checked where the run would begin: a restart whose stop was under way when quit began ends here.
            if (closing) {
                return shuttingDown();
            }
            int before = cell.get().run();
            Instant at = Instant.now();
            ProcessState starting = cell.update(s -> when.test(s) ? s.start(at) : s);
            if (starting.run() == before) {
                return ActionResult.ok(
                        spec.name() + " is already " + starting.statusWord().toLowerCase(Locale.ROOT));
            }
            run = starting.run();
            log.appendNotice("hum: start #" + run + ": " + spec.command().display());
        }
        publishLineCount();
        launcher.gate().pass(); // STARTING is shown; the pipes and the fork may wait for the first frame
        ChildPipes pipes;
        Process process;
        try {
            pipes = openPipes();
        } catch (LaunchException e) {
            return failedToStart(run, e);
        }
        try {
            process = launcher.launch(spec, pipes);
        } catch (LaunchException e) {
            pipes.close();
            return failedToStart(run, e);
        } finally {
            pipes.forked();
        }
        long pid = process.pid();
        long leaderStart = journal.recordGroup(pid);
        Thread out =
                Pump.start(pipes.stdout(), log, Source.STDOUT, cell, "hum-pump-" + spec.name(), pipes::outputEnded);
        Thread err = Pump.start(
                pipes.stderr(), log, Source.STDERR, cell, "hum-pump-" + spec.name() + "-err", pipes::outputEnded);
        Run r = new Run(run, process, pid, out, err, pipes);
        current = r;
        boolean probed = spec.lifecycle().ready().isPresent();
        cell.update(s -> s.launched(run, pid, probed));
        events.launched(this.process, run);
        process.onExit()
                .whenCompleteAsync(
                        (p, e) -> {
                            journal.dropGroup(pid, leaderStart);
                            exited(r);
                        },
                        exits);
        return ActionResult.ok(spec.name() + " started (pid " + pid + ")");
    }

    private ActionResult failedToStart(int run, LaunchException e) {
        log.appendNotice("hum: failed to start: " + e.getMessage());
        cell.update(s -> s.failedToStart(run, String.valueOf(e.getMessage()), Instant.now()));
        publishLineCount();
        events.ended(this.process, run, cell.get().status() == Status.STOPPED);
        return ActionResult.failed(spec.name() + " failed to start: " + e.getMessage());
    }

    private static ChildPipes openPipes() throws LaunchException {
        try {
            return ChildPipes.open();
        } catch (IOException e) {
            throw new LaunchException("cannot make its pipes: " + e.getMessage());
        }
    }

    /**
     * The leader of run {@code r} exited by itself (or by a stop; then the stop action reports). What it started
     * may still write: the run ends once they closed its output, or after {@link #LATE_OUTPUT} with a notice.
     */
    private void exited(Run r) {
        boolean closed = r.awaitPumps(LATE_OUTPUT);
        Exit exit = exitOf(r.process());
        String notice = "hum: " + describe(exit);
        if (!closed) {
            notice += "; processes it started still write, and their lines keep arriving here until a stop";
        }
        endRun(r, exit, notice, false);
    }

    /**
     * Ends run {@code r} with {@code notice} and says whether it did. The notice, and the line count that includes
     * it, are published before the status: whoever sees the run end (the headless printer, an agent) finds its
     * last line. A run that already ended, or a run other than the current one, is left alone; so is a STOPPING
     * run unless {@code byStop}, because the stop ends it once its whole tree is gone.
     */
    @SuppressWarnings("ReferenceEquality") // a refused transition returns its input: identity is the protocol
    private boolean endRun(Run r, Exit exit, String notice, boolean byStop) {
        synchronized (transitions) {
            ProcessState now = cell.get();
            boolean ours = now.run() == r.number()
                    && now.status().isLive()
                    && (byStop || now.status() != Status.STOPPING)
                    && !(exit instanceof Exit.None);
            if (!ours) {
                return false;
            }
            log.appendNotice(notice);
            long lines = log.totalAppended();
            Instant at = Instant.now();
            // Outside this lock only a stop request (RUNNING to STOPPING) can still change this run's status, and
            // the pumps its line count. Should the request slip in here, an exit leaves the ending to the stop, and
            // the log reads "exited with code n", then "stopped": both true.
            boolean ended = cell.tryUpdate(s -> {
                ProcessState next = !byStop && s.status() == Status.STOPPING ? s : s.ended(r.number(), exit, at);
                return next == s ? s : next.withLines(lines);
            });
            if (ended) {
                events.ended(process, r.number(), byStop);
            }
            return ended;
        }
    }

    private ActionResult stopNow() {
        cell.update(s -> s.stopRequested("stopped by user"));
        Run r = current;
        // A run whose group is gone may still have writers that left it (setsid, a double fork) holding its output:
        // those are what the stop is for then, so only a run with neither is "not running".
        if (r == null || (!r.anythingAlive() && !r.pipes().outputOpen())) {
            // Its leader may have exited while STOPPING: the exit callback left the ending to us.
            if (r != null && endRun(r, exitOf(r.process()), "hum: stopped", true)) {
                return ActionResult.ok(spec.name() + " stopped");
            }
            return ActionResult.ok(spec.name() + " is not running");
        }
        boolean live = cell.get().run() == r.number() && cell.get().status() == Status.STOPPING;
        int signal = killAtOnce ? Posix.SIGKILL : spec.stopSignal().number();
        TreeStopper.Outcome outcome =
                new TreeStopper(r.pgid(), r.pgid(), mark, spec.name()).stop(signal, spec.stopTimeout());
        Reaper.reap();
        waitForExit(r.process());
        r.awaitPumps(DRAIN);
        r.pipes().closeInput();
        String how = killAtOnce
                ? "killed with SIGKILL: quit at once"
                : outcome.killed()
                        ? "did not stop within " + format(spec.stopTimeout()) + " of " + StatusWords.signalName(signal)
                                + ": killed with SIGKILL"
                        : "stopped with " + StatusWords.signalName(signal);
        if (outcome.leftovers() > 0) {
            how += "; " + outcome.leftovers() + " process(es) would not die";
        }
        if (!endRun(r, exitOf(r.process()), "hum: " + how, true) && !live) {
            log.appendNotice("hum: stopped processes left behind by run #" + r.number());
            publishLineCount();
        }
        return ActionResult.ok(spec.name() + " " + how);
    }

    /**
     * Sends {@code signal} to the current run's group, if a run is live and the group is still its own, and says
     * so in the log. Runs on the caller's thread, beside any stop in progress: a KILL must not wait for a grace
     * period to end.
     */
    ActionResult signal(StopSignal signal) {
        Run r = current;
        ProcessState s = cell.get();
        if (r == null || s.run() != r.number() || !s.status().isLive()) {
            return ActionResult.failed(spec.name() + " is not running: no SIG" + signal.name() + " sent");
        }
        GroupSignal.Outcome outcome = GroupSignal.send(r, mark, spec.name(), signal);
        note("hum: " + outcome.text());
        return new ActionResult(outcome.sent(), spec.name() + ": " + outcome.text());
    }

    /**
     * Quit at once: SIGKILL to the current run's group now, and every later stop of this process is SIGKILL too
     * (a stop under way sees its tree gone at its next look). Starts are refused from here on.
     */
    void killAtOnce() {
        closing = true;
        killAtOnce = true;
        Run r = current;
        if (r != null && r.anythingAlive()) {
            note("hum: quit at once: "
                    + GroupSignal.send(r, mark, spec.name(), StopSignal.KILL).text());
        }
    }

    /**
     * Writes {@code bytes} to the newest run's stdin without blocking: whoever calls (the render thread, a
     * connection thread) is back within microseconds, and a pipe that is full or closed is said so.
     */
    ActionResult sendInput(byte[] bytes) {
        Run r = current;
        if (r == null) {
            return ActionResult.failed(spec.name() + " has not been started: nothing reads its input");
        }
        return switch (r.pipes().send(bytes)) {
            case WRITTEN -> ActionResult.ok("sent " + bytes.length + " bytes to " + spec.name() + "'s input");
            case FULL ->
                ActionResult.failed(spec.name() + " is not reading its input: the pipe is full,"
                        + " so the line was not sent whole");
            case CLOSED ->
                ActionResult.failed(
                        cell.get().status().isLive()
                                ? spec.name() + " has closed its input: nothing reads it any more"
                                : spec.name() + " is not running: nothing reads its input any more");
        };
    }

    /** True while some process of the newest run still holds its output open, even after the leader exited. */
    boolean outputOpen() {
        Run r = current;
        return r != null && r.pipes().outputOpen();
    }

    /** Adds a line of hum's own to this process's log, where the screen and agents see it. */
    void note(String text) {
        log.appendNotice(text);
        publishLineCount();
    }

    private void publishLineCount() {
        long total = log.totalAppended();
        cell.update(s -> s.withLines(total));
    }

    private static void waitForExit(Process process) {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Java reports a death by signal n as status 128 + n, the way shells do; a process that itself
     * exits with such a status is indistinguishable and is reported as killed by that signal.
     */
    static Exit exitOf(Process process) {
        if (process.isAlive()) {
            return Exit.NONE;
        }
        int status = process.exitValue();
        if (status > 128 && status < 128 + 65) {
            return new Exit.Signal(status - 128);
        }
        return new Exit.Code(status);
    }

    private static String describe(Exit exit) {
        if (exit instanceof Exit.Signal signal) {
            return "killed by " + StatusWords.signalName(signal.number());
        }
        return "exited with code " + exit.shellStatus();
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
