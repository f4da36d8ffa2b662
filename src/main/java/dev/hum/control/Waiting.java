package dev.hum.control;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import dev.hum.process.Supervised;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import dev.hum.state.Waiter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** One wait on one process of this JVM: checks its condition each time the process's state or log changes. */
final class Waiting {

    /*
     * Runs on the caller's thread (an MCP request's, a bridge connection's) and only reads: the state with one
     * acquire load, the log after a cursor. It sleeps in Waiter.await, woken by the cell's and the log's writers
     * (Waiters), so an idle wait costs nothing and a flood costs one scan of the new lines per batch. Only the
     * port condition also looks on a timer: nothing in hum sees a socket open.
     */

    /** Lines shown before a matching line. */
    static final int BEFORE = 10;

    /** Lines shown when a wait fails. */
    static final int TAIL = 20;

    /** How often a port is tried besides on every change. */
    private static final Duration PORT_RECHECK = Duration.ofMillis(100);

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);

    private final Supervised process;
    private final WaitRequest request;
    private final Function<Supervised, ProcessInfo> info;
    private final Optional<LogSearch> search;

    /** The seq from which lines still have to be searched (log waits). */
    private long scanFrom;

    Waiting(Supervised process, WaitRequest request, Function<Supervised, ProcessInfo> info) {
        this.process = process;
        this.request = request;
        this.info = info;
        this.search = request.until() instanceof Until.Log log ? Optional.of(compile(log)) : Optional.empty();
    }

    /** Whether {@code s} counts as ready: RUNNING, which with a readiness probe means the probe passed. */
    static boolean ready(ProcessState s) {
        return s.status() == Status.RUNNING;
    }

    WaitResult run(Cancel cancel) {
        Waiter waiter = new Waiter();
        LogBuffer log = process.log();
        process.cell().waiters().add(waiter);
        log.waiters().add(waiter);
        cancel.onCancel(waiter::wake);
        try {
            long deadline = System.nanoTime() + request.timeout().toNanos();
            scanFrom = request.cursor().orElseGet(() -> runStart(process.state()));
            for (; ; ) {
                waiter.prepare();
                ProcessState s = process.state(); // before the log: an ended state's last lines are all in it
                Optional<WaitResult> done = check(s);
                if (done.isPresent()) {
                    return done.get();
                }
                if (cancel.isCancelled()) {
                    return failed(WaitResult.CANCELLED, "the wait for " + process.name() + " was cancelled");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return failed(
                            WaitResult.TIMEOUT,
                            "timed out after " + seconds(request.timeout()) + " waiting for " + process.name() + " "
                                    + request.until().describe() + "; it is "
                                    + process.state().statusWord());
                }
                waiter.await(request.until() instanceof Until.Port ? Math.min(left, PORT_RECHECK.toNanos()) : left);
            }
        } finally {
            process.cell().waiters().remove(waiter);
            log.waiters().remove(waiter);
        }
    }

    /** The outcome if the wait is over given state {@code s}, else empty. */
    private Optional<WaitResult> check(ProcessState s) {
        Until until = request.until();
        String name = process.name();
        if (until instanceof Until.Exit) {
            if (s.run() > 0 && !s.status().isLive() && !waitsToStart(s)) {
                return Optional.of(metWithoutLine(name + " has ended: " + s.statusWord()));
            }
            return s.status() == Status.NOT_STARTED ? notRunning(s) : Optional.empty();
        }
        if (until instanceof Until.Log && search.isPresent()) {
            LogBuffer log = process.log();
            long end = log.nextSeq();
            OptionalLong hit = search.get().next(log, scanFrom, false);
            if (hit.isPresent() && hit.getAsLong() - scanFrom >= 0) {
                return Optional.of(metWithLine(hit.getAsLong()));
            }
            scanFrom = end;
        } else if (until instanceof Until.Ready && ready(s)) {
            return Optional.of(metWithoutLine(name + " is ready (" + s.statusWord() + ")"));
        } else if (until instanceof Until.Port port && s.status().isLive() && accepts(port.port())) {
            return Optional.of(metWithoutLine(name + " accepts connections on port " + port.port()));
        }
        return s.status().isLive() || s.status().isPending() || waitsToStart(s) ? Optional.empty() : notRunning(s);
    }

    /**
     * WAITING or BLOCKED: asked to start, held by a dependency. A wait goes on through them (and through BACKOFF,
     * a restart on its way), as a person would keep watching: `hum start web && hum wait web` on a process with
     * depends_on must not fail because web waits for its database.
     */
    private static boolean waitsToStart(ProcessState s) {
        return s.status() == Status.WAITING || s.status() == Status.BLOCKED;
    }

    private Optional<WaitResult> notRunning(ProcessState s) {
        String what = s.status() == Status.NOT_STARTED
                ? process.name() + " is not started; start it first (scripts_run, hum start " + process.name() + ")"
                : process.name() + " ended (" + s.statusWord() + ") before " + done(request.until());
        return Optional.of(failed(WaitResult.ENDED, what));
    }

    /** The condition as something that did not happen: "it was ready", "it printed ...". */
    private static String done(Until until) {
        if (until instanceof Until.Log log) {
            return "it printed a line matching " + (log.regex() ? "the regex " : "") + "'" + log.query() + "'";
        }
        if (until instanceof Until.Port port) {
            return "it accepted connections on port " + port.port();
        }
        return "it was ready";
    }

    private WaitResult metWithLine(long seq) {
        LogBuffer log = process.log();
        long from = Math.max(seq - BEFORE, log.firstSeq());
        List<LogLine> lines = log.readFrom(from, (int) (seq - from) + 1).lines();
        String name = process.name();
        List<LogEntry> entries =
                lines.stream().map(l -> LocalControl.entry(name, l)).toList();
        Optional<LogEntry> line =
                entries.isEmpty() || entries.get(entries.size() - 1).seq() != seq
                        ? Optional.empty() // evicted between the search and now: a flood of over a scrollback
                        : Optional.of(entries.get(entries.size() - 1));
        List<LogEntry> before = line.isPresent() ? entries.subList(0, entries.size() - 1) : entries;
        String text = line.map(LogEntry::text).orElse("(the line has already left the scrollback)");
        return new WaitResult(
                WaitResult.MET,
                name + " printed a line matching '"
                        + search.map(LogSearch::query).orElse("") + "': " + text,
                line,
                seq + 1,
                before,
                info.apply(process),
                List.of());
    }

    private WaitResult metWithoutLine(String message) {
        long next = process.log().nextSeq();
        return new WaitResult(
                WaitResult.MET, message, Optional.empty(), next, lastLines(BEFORE), info.apply(process), List.of());
    }

    private WaitResult failed(String outcome, String message) {
        return new WaitResult(
                outcome,
                message,
                Optional.empty(),
                process.log().nextSeq(),
                List.of(),
                info.apply(process),
                lastLines(TAIL));
    }

    private List<LogEntry> lastLines(int n) {
        String name = process.name();
        return process.log().tail(n).lines().stream()
                .map(l -> LocalControl.entry(name, l))
                .toList();
    }

    /**
     * Where the current run's lines begin: its "hum: start #n" notice, or the oldest line held when the notice has
     * left the scrollback (or the process has never run: then every line it prints will be of a later run).
     */
    private long runStart(ProcessState s) {
        LogBuffer log = process.log();
        if (s.run() == 0) {
            return log.nextSeq();
        }
        LogSearch notice = LogSearch.plain("hum: start #" + s.run() + ": ");
        OptionalLong seq = notice.previous(log, log.nextSeq() - 1, false);
        return seq.isPresent() ? seq.getAsLong() + 1 : log.firstSeq();
    }

    /** Whether something accepts a TCP connection on localhost (IPv4 or IPv6) at {@code port}. */
    static boolean accepts(int port) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName("localhost");
        } catch (IOException e) {
            addresses = new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        for (InetAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) CONNECT_TIMEOUT.toMillis());
                return true;
            } catch (IOException e) {
                // not this address; try the next
            }
        }
        return false;
    }

    private static LogSearch compile(Until.Log log) {
        if (log.query().isEmpty()) {
            throw new ControlException("the pattern is empty; give the text or regex to wait for");
        }
        if (!log.regex()) {
            return LogSearch.plain(log.query());
        }
        try {
            return LogSearch.regex(log.query());
        } catch (IllegalArgumentException e) {
            throw new ControlException(e.getMessage() + "; use text instead of pattern to wait for the plain text");
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
