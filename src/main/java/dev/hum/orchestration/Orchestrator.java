package dev.hum.orchestration;

import dev.hum.config.Dependency;
import dev.hum.config.Readiness;
import dev.hum.config.RestartPolicy;
import dev.hum.process.ActionResult;
import dev.hum.process.Coordinator;
import dev.hum.process.PortHolder;
import dev.hum.process.Supervised;
import dev.hum.process.Supervisor;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Starts processes in their dependencies' order, runs their readiness probes and restarts them by their policy:
 * the supervisor's {@link Coordinator}.
 */
public final class Orchestrator implements Coordinator, AutoCloseable {

    /*
     * The supervisor's events (launch, end) arrive on control threads and the exit executor; they only queue work
     * on `scheduler`. Decisions (evaluate, restarts) run under this object's lock, which guards `tracks`; they do
     * no I/O and never wait: a start is handed to the supervisor (a future), a state change is a CAS transition
     * that refuses a stale run. Probes run on the scheduler and report back through probePassed/probeTimedOut.
     */

    /**
     * One thread decides, probes and times: events are handled in the order they came. Every wait on it is bounded
     * by a probe's per-try limit (at most 2s, a tcp connect to a far host); http and exec tries do not wait on it.
     */
    private static final int THREADS = 1;

    private final Supervisor supervisor;
    private final DependencyGraph graph;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ProbeTry tries;
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private volatile boolean quitting;

    /** Events told to this coordinator and not yet handled on the scheduler (see settling()). */
    private final java.util.concurrent.atomic.AtomicInteger unhandled = new java.util.concurrent.atomic.AtomicInteger();

    private static final CompletableFuture<ActionResult> SHUTTING_DOWN =
            CompletableFuture.completedFuture(new ActionResult(false, "hum is shutting down"));

    /** Starts asked for whose decision has not run yet: quit answers them if it drops them. */
    private final java.util.Set<CompletableFuture<CompletableFuture<ActionResult>>> undecided =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** A run up this long (and ready) resets the restart delay; {@link RestartPolicy#STABLE} but in tests. */
    private final Duration stable;

    /** What the orchestrator remembers of one process across its runs (guarded by the orchestrator's lock). */
    private static final class Track {
        final Supervised process;
        /** A start was asked for and has not begun: WAITING or BLOCKED, or its launch is on its way. */
        boolean wanted;
        /** Asked for in the current call and not yet WAITING: evaluate must not take its status for a stop. */
        boolean fresh;
        /** Restarts in a row since the last run that stayed up long enough. */
        int restartsInARow;
        /** The run whose probe passed last, and when. */
        int readyRun;

        @Nullable
        Instant readyAt;

        @Nullable
        ScheduledFuture<?> backoff;

        @Nullable
        ProbeRun probe;

        Track(Supervised process) {
            this.process = process;
        }
    }

    private Orchestrator(Supervisor supervisor, Duration stable) {
        this.supervisor = supervisor;
        this.stable = stable;
        this.graph = new DependencyGraph(
                supervisor.processes().stream().map(Supervised::spec).toList());
        this.scheduler = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
            Thread t = new Thread(runnable, "hum-orchestration");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.tries = new ProbeTry(scheduler, supervisor);
        for (Supervised p : supervisor.processes()) {
            tracks.put(p.name(), new Track(p));
        }
    }

    /** Puts an orchestrator above {@code supervisor}: from now on its starts, ends and quit go through it. */
    public static Orchestrator attach(Supervisor supervisor) {
        return attach(supervisor, RestartPolicy.STABLE);
    }

    /** As above, with the uptime that resets the restart delay (tests shorten it). */
    static Orchestrator attach(Supervisor supervisor, Duration stable) {
        Orchestrator o = new Orchestrator(supervisor, stable);
        supervisor.stopOrder(o.graph.stopLevels());
        supervisor.coordinate(o);
        return o;
    }

    /** The dependency graph, for the screens that show it. */
    public DependencyGraph graph() {
        return graph;
    }

    // ---- the supervisor's events ------------------------------------------------------------------------------

    /** Decided on the scheduler, so that the caller (the render loop, a socket handler) never waits for the lock. */
    @Override
    public CompletableFuture<ActionResult> start(String name) {
        CompletableFuture<CompletableFuture<ActionResult>> decided = new CompletableFuture<>();
        undecided.add(decided);
        execute(() -> {
            undecided.remove(decided);
            decided.complete(decideStart(name));
        });
        if (quitting) { // a quit that dropped the task completes it too (see quitting)
            decided.complete(SHUTTING_DOWN);
        }
        return decided.thenCompose(f -> f);
    }

    private CompletableFuture<ActionResult> decideStart(String name) {
        if (quitting) {
            return SHUTTING_DOWN;
        }
        synchronized (this) {
            Track t = track(name);
            if (t.process.state().status().isLive()) {
                return supervisor.launch(name, s -> true); // says "already running"
            }
            want(name);
            Map<String, CompletableFuture<ActionResult>> launched = evaluate();
            CompletableFuture<ActionResult> own = launched.get(name);
            if (own != null) {
                return own;
            }
            ProcessState s = t.process.state();
            return CompletableFuture.completedFuture(new ActionResult(true, name + " " + s.reason()));
        }
    }

    @Override
    public void launched(Supervised process, int run) {
        execute(() -> {
            synchronized (this) {
                Track t = track(process.name());
                t.wanted = false;
                cancelProbe(t);
                Optional<Readiness> ready = ProbeRun.of(process);
                if (ready.isPresent()) {
                    ProbeRun probe = new ProbeRun(process, run, ready.get(), scheduler, tries, this);
                    t.probe = probe;
                    probe.begin();
                } else {
                    t.readyRun = run;
                    t.readyAt = Instant.now();
                }
                evaluate();
            }
        });
    }

    @Override
    public void ended(Supervised process, int run, boolean byStop) {
        execute(() -> {
            synchronized (this) {
                Track t = track(process.name());
                cancelProbe(t);
                if (process.state().run() == run) {
                    // A run that failed to launch is never seen as launched: without this it would stay wanted
                    // and fresh, and evaluate() would launch it again at once, forever.
                    t.wanted = false;
                    t.fresh = false;
                }
                if (!byStop && !quitting) {
                    maybeRestart(t, run);
                }
                evaluate();
            }
        });
    }

    @Override
    public void quitting() {
        quitting = true;
        synchronized (this) {
            for (Track t : tracks.values()) {
                cancelProbe(t);
                ScheduledFuture<?> b = t.backoff;
                if (b != null) {
                    b.cancel(false);
                }
                t.wanted = false;
            }
        }
        scheduler.shutdownNow();
        // starts asked for but dropped with the queue still get their answer
        for (CompletableFuture<CompletableFuture<ActionResult>> d : undecided) {
            d.complete(SHUTTING_DOWN);
        }
    }

    @Override
    public void close() {
        quitting();
    }

    // ---- probes ------------------------------------------------------------------------------------------------

    void probePassed(Supervised process, int run, Readiness.Probe probe) {
        synchronized (this) {
            if (process.cell().tryUpdate(s -> s.ready(run))) {
                Track t = track(process.name());
                t.readyRun = run;
                t.readyAt = Instant.now();
                supervisor.note(process.name(), "hum: ready (" + probe.describe() + ")");
                evaluate();
            }
        }
    }

    void probeTimedOut(Supervised process, int run, String why) {
        synchronized (this) {
            if (process.cell().tryUpdate(s -> s.notReady(run, why))) {
                supervisor.note(process.name(), "hum: not ready: " + why);
                evaluate();
            }
        }
    }

    // ---- decisions (under the lock) ----------------------------------------------------------------------------

    /** Marks {@code name} and every missing dependency below it as wanted. */
    private void want(String name) {
        Track t = track(name);
        if (!t.wanted) {
            t.wanted = true;
            t.fresh = true;
        }
        for (Dependency d : graph.dependenciesOf(name)) {
            Track dep = track(d.name());
            ProcessState s = dep.process.state();
            boolean underway = s.status().isLive() || s.status().isPending() || dep.wanted;
            if (!underway && !(Verdict.of(d, s, ProbeRun.of(dep.process)) instanceof Verdict.Met)) {
                want(d.name());
            }
        }
    }

    /**
     * Looks at every wanted process, dependencies first: starts those whose conditions all hold, marks the others
     * WAITING or BLOCKED with what for, and forgets those stopped or started by hand meanwhile.
     */
    private Map<String, CompletableFuture<ActionResult>> evaluate() {
        Map<String, CompletableFuture<ActionResult>> launched = new HashMap<>();
        if (quitting) {
            return launched;
        }
        for (String name : graph.startOrder()) {
            Track t = track(name);
            if (!t.wanted) {
                continue;
            }
            ProcessState s = t.process.state();
            boolean held = s.status() == Status.WAITING || s.status() == Status.BLOCKED;
            if (s.status().isLive() || (!held && !t.fresh)) {
                t.wanted = false; // started by hand, or stopped while it waited
                continue;
            }
            boolean wasFresh = t.fresh;
            t.fresh = false;
            List<String> pending = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (Dependency d : graph.dependenciesOf(name)) {
                Track dep = track(d.name());
                Verdict v = Verdict.of(d, dep.process.state(), ProbeRun.of(dep.process));
                if (v instanceof Verdict.Failed f && !dep.wanted) {
                    failed.add(f.why());
                } else if (v instanceof Verdict.Failed) {
                    pending.add(
                            new Verdict.Pending(d.name() + ": " + d.condition().word()).what());
                } else if (v instanceof Verdict.Pending p) {
                    pending.add(p.what());
                }
            }
            if (pending.isEmpty() && failed.isEmpty()) {
                Predicate<ProcessState> still = wasFresh
                        ? st -> st.status().canStart()
                        : st -> st.status() == Status.WAITING || st.status() == Status.BLOCKED;
                warnIfProbePortIsHeld(t.process);
                launched.put(name, supervisor.launch(name, still));
                // stays wanted until its launch is seen, so that its dependents keep waiting, not blocked
                t.fresh = wasFresh;
                continue;
            }
            String waitingFor = "waiting for " + String.join(", ", pending.isEmpty() ? failed : pending);
            if (!failed.isEmpty()) {
                String why = "blocked: " + String.join(", ", failed);
                if (t.process
                        .cell()
                        .tryUpdate(st -> st.status() == Status.BLOCKED
                                ? st.blocked(why)
                                : st.waiting(waitingFor).blocked(why))) {
                    supervisor.note(name, "hum: " + why);
                }
            } else if (t.process.cell().tryUpdate(st -> st.waiting(waitingFor))) {
                supervisor.note(name, "hum: " + waitingFor);
            }
        }
        return launched;
    }

    private void maybeRestart(Track t, int run) {
        ProcessState s = t.process.state();
        RestartPolicy policy = t.process.spec().lifecycle().restart();
        if (s.run() != run || policy.mode() == RestartPolicy.Mode.NO) {
            return;
        }
        boolean failure = s.status() == Status.FAILED;
        boolean due = s.status() == Status.EXITED || failure;
        if (!due || (policy.mode() == RestartPolicy.Mode.ON_FAILURE && !failure)) {
            return;
        }
        Instant readyAt = t.readyAt;
        if (t.readyRun == run
                && readyAt != null
                && Duration.between(readyAt, s.endedAt().orElse(Instant.now())).compareTo(stable) >= 0) {
            t.restartsInARow = 0;
        }
        int n = t.restartsInARow + 1;
        if (policy.maxRestarts().isPresent() && n > policy.maxRestarts().getAsInt()) {
            String why = "gave up after " + t.restartsInARow + " restart" + (t.restartsInARow == 1 ? "" : "s");
            if (t.process.cell().tryUpdate(st -> st.gaveUp(run, why))) {
                supervisor.note(t.process.name(), "hum: " + why);
            }
            return;
        }
        Duration delay = policy.delay(n);
        Instant at = Instant.now().plus(delay);
        String why = "restart " + n + " in " + Durations.words(delay);
        if (!t.process.cell().tryUpdate(st -> st.backoff(run, at, why))) {
            return;
        }
        t.restartsInARow = n;
        supervisor.note(t.process.name(), "hum: " + why);
        String name = t.process.name();
        t.backoff = scheduler.schedule(
                () -> {
                    if (!quitting) {
                        supervisor.launch(name, st -> st.status() == Status.BACKOFF && st.run() == run);
                    }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * A tcp probe on this machine whose port some other process already holds would pass at once, on that
     * process: say who holds it before the start (issue 12), so that "ready" is not taken on trust. Scheduler
     * thread; reads /proc once per such start.
     */
    private void warnIfProbePortIsHeld(Supervised process) {
        Optional<Readiness> ready = process.spec().lifecycle().ready();
        if (ready.isEmpty() || !(ready.get().probe() instanceof Readiness.Tcp tcp) || !isLocal(tcp.host())) {
            return;
        }
        PortHolder.describe(tcp.port(), supervisor.mark(), supervisor.runningLeaders())
                .ifPresent(held -> supervisor.note(
                        process.name(),
                        "hum: " + held + "; its tcp probe may pass on that process, not on " + process.name()));
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("0.0.0.0");
    }

    private void cancelProbe(Track t) {
        ProbeRun p = t.probe;
        if (p != null) {
            p.cancel();
            t.probe = null;
        }
    }

    private Track track(String name) {
        Track t = tracks.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no process named " + name);
        }
        return t;
    }

    private void execute(Runnable task) {
        if (quitting) {
            return;
        }
        unhandled.incrementAndGet();
        try {
            scheduler.execute(() -> {
                try {
                    task.run();
                } finally {
                    unhandled.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // quit began between the check and the queue: nothing is started any more
            unhandled.decrementAndGet();
        }
    }

    @Override
    public boolean settling() {
        return !quitting && unhandled.get() > 0;
    }

    /** Returns once everything queued before this call was handled (tests). */
    void awaitIdle() throws Exception {
        scheduler.submit(() -> {}).get(60, TimeUnit.SECONDS);
    }

    /** Whether the scheduler, with every timer and probe, is gone (after quit; tests). */
    boolean awaitTerminated() throws InterruptedException {
        return scheduler.awaitTermination(60, TimeUnit.SECONDS);
    }
}
