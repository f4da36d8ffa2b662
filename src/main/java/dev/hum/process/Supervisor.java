package dev.hum.process;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.StopSignal;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogFiles;
import dev.hum.log.MergedLog;
import dev.hum.state.ProcessState;
import dev.hum.state.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Runs the processes of one configuration: the single place where the dashboard, the command line
 * and agents start, stop and restart them, and find their state and logs.
 */
public final class Supervisor implements AutoCloseable {

    /*
     * The process list is fixed at construction, so `processes` and `managed` are unmodifiable and read by any
     * thread without a lock. Each action is handed to the process's own control thread and returns a
     * future at once: no caller (the render loop above all) ever waits on a child.
     */

    /** Each log also has a byte bound, so that a flood of long lines cannot outgrow memory. */
    static final long LOG_BYTES_PER_PROCESS = 32L * 1024 * 1024;

    /** Time allowed beyond the longest stop timeout for SIGKILL and the sweep. */
    private static final Duration SHUTDOWN_SLACK = Duration.ofSeconds(5);

    private final Registry registry;
    private final List<Supervised> processes;
    private final Map<String, ManagedProcess> managed;
    private final @Nullable MergedLog merged;
    private final AtomicLong arrivalClock = new AtomicLong();
    private final ExecutorService exits = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "hum-exit");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SessionMark mark = SessionMark.current();
    private final Journal journal;
    private final Sampler sampler;
    private final Launcher launcher;
    private final Origin origin;
    private final @Nullable LogFiles logFiles;

    /**
     * For bench/RESULTS.md's "dashboard with and without the sampler" only, not a user's setting: {@code
     * -Dhum.bench.noSampler=true} leaves the sampler thread unstarted, so no port, URL, CPU or memory is ever known.
     */
    private static final boolean BENCH_WITHOUT_SAMPLER = Boolean.getBoolean("hum.bench.noSampler");

    /** Set once by the wiring before anything starts; read by every start and every run's end. */
    private volatile @Nullable Coordinator coordinator;

    /** Counted down when the first {@link #stopAll} has done everything, log files and journal included. */
    private final CountDownLatch stoppedAll = new CountDownLatch(1);

    /** The longest the work after the processes' own stops takes: the sweep of the marked and the files' flush. */
    private static final Duration AFTER_STOPS = Duration.ofSeconds(10);

    /** Dependents before their dependencies: the levels {@link #stopAll} stops one after another. */
    private volatile List<List<String>> stopOrder = List.of();

    private final ManagedProcess.RunEvents events = new ManagedProcess.RunEvents() {
        @Override
        public void launched(Supervised process, int run) {
            Coordinator c = coordinator;
            if (c != null) {
                c.launched(process, run);
            }
        }

        @Override
        public void ended(Supervised process, int run, boolean byStop) {
            Coordinator c = coordinator;
            if (c != null) {
                c.ended(process, run, byStop);
            }
        }
    };

    /** Creates a NOT_STARTED cell and a log for every process of {@code config}; starts nothing. */
    public Supervisor(ProjectConfig config) {
        this(config, System.getenv(), Journal.NONE);
    }

    /**
     * As above, with the environment children inherit before their own settings are applied, and a
     * journal that records every process group started, for a later hum if this one is killed.
     */
    public Supervisor(ProjectConfig config, Map<String, String> environment, Journal journal) {
        // Orphans of the children come back to hum, so they stay in view; the reaper collects them as they end.
        boolean subreaper = Posix.becomeSubreaper();
        if (subreaper) {
            Reaper.startThread();
        }
        this.journal = journal;
        this.origin = config.origin();
        Launcher launcher = new Launcher(environment, mark);
        this.launcher = launcher;
        List<ProcessSpec> specs = config.processes();
        this.registry = new Registry(specs.stream().map(ProcessSpec::name).toList());
        Map<String, ManagedProcess> byName = new LinkedHashMap<>();
        List<Supervised> list = new ArrayList<>();
        List<LogBuffer> logs = new ArrayList<>();
        List<ManagedProcess> inOrder = new ArrayList<>();
        int scrollback = config.settings().scrollback();
        for (ProcessSpec spec : specs) {
            int id = list.size();
            LogBuffer log = new LogBuffer(scrollback, LOG_BYTES_PER_PROCESS, arrivalClock);
            Supervised process = new Supervised(id, spec, registry.board().get(id), log);
            ManagedProcess managedProcess = new ManagedProcess(process, launcher, mark, journal, exits, events);
            byName.put(spec.name(), managedProcess);
            inOrder.add(managedProcess);
            list.add(process);
            logs.add(log);
        }
        this.managed = Map.copyOf(byName);
        this.processes = List.copyOf(list);
        this.merged = logs.isEmpty() ? null : new MergedLog(logs);
        this.logFiles = SessionLogFiles.attach(config.settings().logs(), this.processes);
        noteRecovered(journal.recovered());
        this.sampler = new Sampler(inOrder, mark, subreaper, this::runningLeaders);
        if (!BENCH_WITHOUT_SAMPLER) {
            sampler.start();
        }
    }

    /**
     * Says in each process's log what was stopped of what a killed hum left of it, so that the
     * dashboard, the headless output and agents all show it; a process no longer configured is named
     * in the first log.
     */
    private void noteRecovered(List<Journal.Recovered> recovered) {
        for (Journal.Recovered r : recovered) {
            ManagedProcess own = managed.get(r.process());
            if (own != null) {
                own.note(r.note());
            } else if (!processes.isEmpty()) {
                Objects.requireNonNull(managed.get(processes.get(0).name())).note(r.noteElsewhere());
            }
        }
    }

    /** The states of all processes and their change count; read it without a lock from any thread. */
    public Registry registry() {
        return registry;
    }

    /** Every process, in display order. */
    public List<Supervised> processes() {
        return processes;
    }

    /** Where the processes came from: the dashboard's first screen teaches what a package.json session needs. */
    public Origin origin() {
        return origin;
    }

    /** The process with this name. */
    public Optional<Supervised> find(String name) {
        ManagedProcess p = managed.get(name);
        return p == null ? Optional.empty() : Optional.of(p.process());
    }

    /** Every process's log merged in arrival order (a configuration always has at least one process). */
    public MergedLog merged() {
        return Objects.requireNonNull(merged, "a configuration has at least one process");
    }

    /**
     * Writes {@code text} (and a newline when asked) to the standard input of the process's current run, at once
     * and without blocking: a pipe that is full or that nobody reads any more is reported, not waited on.
     */
    public ActionResult sendInput(String name, String text, boolean newline) {
        ManagedProcess p = managed.get(name);
        if (p == null) {
            return ActionResult.failed("no process named '" + name + "'; known: " + knownNames());
        }
        return p.sendInput((newline ? text + "\n" : text).getBytes(StandardCharsets.UTF_8));
    }

    /** True while the coordinator (start order, restarts) has events it has not handled yet. */
    public boolean settling() {
        Coordinator c = coordinator;
        return c != null && c.settling();
    }

    /**
     * True while a process's output is still open although its run may have ended: what its leader started still
     * writes, and its lines still arrive in its log.
     */
    public boolean outputOpen(String name) {
        ManagedProcess p = managed.get(name);
        return p != null && p.outputOpen();
    }

    /** The names of all processes in display order, for messages. */
    public String knownNames() {
        return String.join(", ", processes.stream().map(Supervised::name).toList());
    }

    /**
     * Starts a process unless it is already live; with a coordinator, once what it depends on is there (and that
     * first). Returns at once.
     */
    public CompletableFuture<ActionResult> start(String name) {
        Coordinator c = coordinator;
        if (c != null && managed.containsKey(name) && !closed.get()) {
            return c.start(name);
        }
        return act(name, ManagedProcess::start);
    }

    /**
     * Starts a process now, without asking the coordinator, if its state still passes {@code when} at the moment
     * the run would begin (a stop or a start by hand in between wins). For the coordinator.
     */
    public CompletableFuture<ActionResult> launch(String name, Predicate<ProcessState> when) {
        return act(name, p -> p.start(when));
    }

    /** Hands the decision of when processes start to {@code c}; called once, before anything starts. */
    public void coordinate(Coordinator c) {
        this.coordinator = c;
    }

    /**
     * The order in which {@link #stopAll} stops: each level in parallel, one level after the other (dependents
     * before their dependencies); whatever no level names is stopped with the last.
     */
    public void stopOrder(List<List<String>> levels) {
        this.stopOrder = List.copyOf(levels.stream().map(List::copyOf).toList());
    }

    /**
     * Starts {@code command} beside process {@code name}: in its folder and environment (with hum's mark, so that
     * quit sweeps it), in a session of its own, output discarded. For readiness probes; the caller kills its group.
     *
     * @throws IOException when it cannot be started, with the reason
     */
    public Process runBeside(String name, Command command) throws IOException {
        ManagedProcess p = managed.get(name);
        if (p == null) {
            throw new IOException("no process named '" + name + "'");
        }
        try {
            return launcher.launchBeside(p.spec(), command);
        } catch (LaunchException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Adds a line of hum's own to a process's log, where the screen, headless output and agents see it. */
    public void note(String name, String text) {
        ManagedProcess p = managed.get(name);
        if (p != null) {
            p.note(text);
        }
    }

    /** Stops a process's whole tree: its stop signal, the grace period, then SIGKILL. */
    public CompletableFuture<ActionResult> stop(String name) {
        return act(name, ManagedProcess::stop);
    }

    /** Stops a process if it is live, then starts it as a new run. */
    public CompletableFuture<ActionResult> restart(String name) {
        return act(name, ManagedProcess::restart);
    }

    /**
     * Holds every launch (the fork; the run shows STARTING meanwhile) until {@link #releaseLaunches} or until
     * {@code atMost} has passed: the dashboard's first frame goes out before twenty forks share its two cores.
     */
    public void holdLaunches(Duration atMost) {
        launcher.gate().hold(atMost);
    }

    /** Lets held launches go, and later ones at once; any number of calls. */
    public void releaseLaunches() {
        launcher.gate().open();
    }

    /**
     * Starts the processes named, or every process whose spec says autostart when {@code names} is empty; the
     * futures complete as {@link #start} does.
     */
    public List<CompletableFuture<ActionResult>> startWanted(List<String> names) {
        List<CompletableFuture<ActionResult>> started = new ArrayList<>();
        for (Supervised p : wanted(names)) {
            started.add(start(p.name()));
        }
        return started;
    }

    /** The processes {@link #startWanted} starts, in display order; starts nothing. */
    public List<Supervised> wanted(List<String> names) {
        return processes.stream()
                .filter(p -> names.isEmpty() ? p.spec().autostart() : names.contains(p.name()))
                .toList();
    }

    /**
     * Stops every process in parallel and waits until their trees are gone, or until the longest
     * stop timeout plus a few seconds has passed. Further actions are refused from here on, and a start or
     * restart still queued (a burst of restarts) is cancelled: no run begins once this is called.
     *
     * @return true when every stop finished in time
     */
    public boolean stopAll() {
        releaseLaunches(); // a launch waiting for a first frame that will not come goes, and its stop follows
        if (!closed.compareAndSet(false, true)) {
            boolean controls = awaitControls();
            // The first caller may still be sweeping what outlived its run or flushing the log files: a JVM that
            // exits now (a SIGTERM's hook while q is stopping) would lose them. Bounded: the sweep's two graces
            // and the files' limit.
            try {
                return stoppedAll.await(AFTER_STOPS.toMillis(), TimeUnit.MILLISECONDS) && controls;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        try {
            return stopEverything();
        } finally {
            stoppedAll.countDown();
        }
    }

    private boolean stopEverything() {
        // Every process first, so that no queued restart of one begins a run while another is being stopped.
        for (ManagedProcess p : managed.values()) {
            p.refuseStarts();
        }
        Coordinator c = coordinator;
        if (c != null) {
            c.quitting();
        }
        boolean inTime = true;
        for (List<String> level : stopOrder) {
            List<ManagedProcess> these = new ArrayList<>();
            for (String name : level) {
                ManagedProcess p = managed.get(name);
                if (p != null) {
                    these.add(p);
                }
            }
            inTime &= stopTogether(these, false);
        }
        inTime &= stopTogether(List.copyOf(managed.values()), true);
        // Whatever outlived its run (a daemon a script left behind, an orphan) still carries the mark.
        Orphans.stopAllMarked(mark);
        sampler.stop();
        if (logFiles != null) {
            logFiles.close(SessionLogFiles.FLUSH_LIMIT);
        }
        journal.close();
        return inTime;
    }

    /** Stops {@code these} in parallel and waits for them; {@code last} closes their control threads too. */
    private boolean stopTogether(List<ManagedProcess> these, boolean last) {
        List<CompletableFuture<ActionResult>> stops = new ArrayList<>();
        Duration limit = Duration.ZERO;
        for (ManagedProcess p : these) {
            stops.add(p.stop());
            if (last) {
                p.shutdownControl();
            }
            if (p.spec().stopTimeout().compareTo(limit) > 0) {
                limit = p.spec().stopTimeout();
            }
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new))
                    .get(limit.plus(SHUTDOWN_SLACK).toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends {@code signal} to the process group of {@code name}'s current run, off the caller's thread: only to a
     * live run, and only while the group is still that run's (never a group whose number a stranger took since).
     * The outcome is also written into the process's log.
     */
    public CompletableFuture<ActionResult> signal(String name, StopSignal signal) {
        // Not the process's control thread: a signal (KILL above all) must not queue behind a stop's grace period.
        return act(name, p -> CompletableFuture.supplyAsync(() -> p.signal(signal), exits));
    }

    /**
     * Quit at once, beside a {@link #stopAll} under way: no run begins any more, every live run's group gets
     * SIGKILL now, and so does every process carrying this session's mark. The stops under way then find their
     * trees gone and {@link #stopAll} ends within moments, still sweeping whatever slipped past this.
     */
    public void killAll() {
        for (ManagedProcess p : managed.values()) {
            p.refuseStarts();
        }
        for (ManagedProcess p : managed.values()) {
            p.killAtOnce();
        }
        Orphans.killAllMarked(mark);
    }

    /** The pid of each running process's group leader, by process name: who in this hum a pid descends from. */
    public Map<Long, String> runningLeaders() {
        Map<Long, String> leaders = new HashMap<>();
        for (Supervised p : processes()) {
            long pid = p.state().pid();
            if (pid > 0) {
                leaders.put(pid, p.name());
            }
        }
        return leaders;
    }

    /** The mark this supervisor puts on its children's environment. */
    public SessionMark mark() {
        return mark;
    }

    /** Same as {@link #stopAll()}. */
    @Override
    public void close() {
        stopAll();
        exits.shutdown();
    }

    private boolean awaitControls() {
        try {
            for (ManagedProcess p : managed.values()) {
                if (!p.awaitControl(shutdownLimit())) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Duration shutdownLimit() {
        Duration longest = Duration.ZERO;
        for (ManagedProcess p : managed.values()) {
            if (p.spec().stopTimeout().compareTo(longest) > 0) {
                longest = p.spec().stopTimeout();
            }
        }
        return longest.plus(SHUTDOWN_SLACK);
    }

    private CompletableFuture<ActionResult> act(
            String name, Function<ManagedProcess, CompletableFuture<ActionResult>> action) {
        ManagedProcess p = managed.get(name);
        if (p == null) {
            return CompletableFuture.completedFuture(
                    ActionResult.failed("no process named '" + name + "'; known: " + knownNames()));
        }
        if (closed.get()) {
            return CompletableFuture.completedFuture(ActionResult.failed("hum is shutting down"));
        }
        return action.apply(p);
    }
}
