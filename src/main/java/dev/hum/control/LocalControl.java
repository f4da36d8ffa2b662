package dev.hum.control;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import dev.hum.log.LogSlice;
import dev.hum.log.MergedLog;
import dev.hum.orchestration.Conditions;
import dev.hum.process.ActionResult;
import dev.hum.process.Sampled;
import dev.hum.process.Supervised;
import dev.hum.process.Supervisor;
import dev.hum.state.Exit;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import dev.hum.state.StatusWords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/** {@link ProcessControl} over a {@link Supervisor} in this JVM: the dashboard's, or hum mcp's own. */
public final class LocalControl implements ProcessControl {

    /*
     * Status and logs are read from the registry's board and the log buffers: one acquire load per
     * cell, no lock, so an agent polling status at any rate never slows the pumps or the screen.
     * Actions go through the supervisor, which runs them on each process's control thread; this class
     * only waits (on the caller's thread) for the outcome, with a bound.
     */

    private static final Duration START_WAIT = Duration.ofSeconds(10);
    private static final Duration STOP_SLACK = Duration.ofSeconds(5);

    private final Supervisor supervisor;
    private final boolean owned;

    /**
     * @param owned whether {@link #close()} stops the supervisor's processes (hum mcp on its own) or
     *     leaves them to their owner (the dashboard)
     */
    public LocalControl(Supervisor supervisor, boolean owned) {
        this.supervisor = supervisor;
        this.owned = owned;
    }

    @Override
    public String describe() {
        return "processes supervised in this hum (" + supervisor.processes().size() + ")";
    }

    @Override
    public List<ProcessInfo> status(Optional<String> name) {
        Instant now = Instant.now();
        if (name.isPresent()) {
            return List.of(info(process(name.get()), now));
        }
        List<ProcessInfo> all = new ArrayList<>();
        for (Supervised p : supervisor.processes()) {
            all.add(info(p, now));
        }
        return all;
    }

    @Override
    public ActionResult run(String name) {
        return await(name, supervisor.start(name), START_WAIT);
    }

    @Override
    public ActionResult stop(String name) {
        return await(name, supervisor.stop(name), stopWait(name));
    }

    @Override
    public ActionResult restart(String name) {
        return await(name, supervisor.restart(name), stopWait(name).plus(START_WAIT));
    }

    @Override
    public ActionResult sendInput(String name, String text, boolean newline) {
        return supervisor.sendInput(name, text, newline);
    }

    @Override
    public LogPage logs(Optional<String> name, OptionalLong cursor, int limit) {
        checkLimit(limit);
        if (cursor.isPresent() && cursor.getAsLong() < 0) {
            throw new ControlException("cursor must be 0 or more (0 reads from the oldest line held)");
        }
        if (name.isPresent()) {
            return cursor.isPresent() ? oneFrom(name.get(), cursor.getAsLong(), limit) : oneTail(name.get(), limit);
        }
        return cursor.isPresent() ? allFrom(cursor.getAsLong(), limit) : allTail(limit);
    }

    @Override
    public Matches search(Optional<String> name, String query, boolean regex, int limit) {
        checkLimit(limit);
        LogSearch search = compile(query, regex);
        List<LogEntry> found = name.isPresent()
                ? entries(name.get(), search.newest(process(name.get()).log(), limit))
                : entries(supervisor.merged().newestMatches(search, limit));
        int keep = AnswerBudget.newestThatFit(found);
        return new Matches(found.subList(found.size() - keep, found.size()), found.size() - keep);
    }

    @Override
    public WaitResult waitFor(WaitRequest request, Cancel cancel) {
        return new Waiting(process(request.name()), request, p -> info(p, Instant.now())).run(cancel);
    }

    @Override
    public void close() {
        if (owned) {
            supervisor.close();
        }
    }

    ProcessInfo info(Supervised p, Instant now) {
        ProcessState s = p.state();
        Sampled sample = p.sample();
        Exit exit = s.exit();
        return new ProcessInfo(
                s.name(),
                p.spec().command().display(),
                p.spec().autostart(),
                s.statusWord(),
                s.pid(),
                s.uptime(now).toMillis(),
                exit instanceof Exit.Code code ? OptionalInt.of(code.code()) : OptionalInt.empty(),
                exit instanceof Exit.Signal signal ? OptionalInt.of(signal.number()) : OptionalInt.empty(),
                s.restarts(),
                s.lines(),
                s.reason(),
                sample.ports(),
                sample.urls(),
                sample.portConflict(),
                sample.measures(s) ? sample.cpuPercent() : OptionalDouble.empty(),
                sample.measures(s) ? sample.rssBytes() : OptionalLong.empty(),
                new ProcessInfo.Order(
                        s.status() == Status.RUNNING,
                        Conditions.waitingFor(supervisor, p),
                        Conditions.blockedBy(supervisor, p),
                        s.status() == Status.BACKOFF && s.restartAt().isPresent()
                                ? OptionalLong.of(
                                        StatusWords.secondsLeft(s.restartAt().get(), now))
                                : OptionalLong.empty(),
                        p.spec().lifecycle().restart().mode().word()));
    }

    private ActionResult await(String name, CompletableFuture<ActionResult> action, Duration wait) {
        try {
            return action.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String now = supervisor.find(name).map(p -> p.state().statusWord()).orElse("busy");
            return new ActionResult(true, name + " is " + now + " and still changing; check scripts_status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlException("interrupted while waiting for " + name);
        } catch (ExecutionException e) {
            return new ActionResult(false, name + ": " + e.getCause());
        }
    }

    private Duration stopWait(String name) {
        return supervisor
                .find(name)
                .map(p -> p.spec().stopTimeout())
                .orElse(Duration.ZERO)
                .plus(STOP_SLACK);
    }

    private Supervised process(String name) {
        return supervisor
                .find(name)
                .orElseThrow(() -> new ControlException("no process named '" + name + "'; known: "
                        + supervisor.knownNames() + " (scripts_list shows them)"));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ControlException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** A plain text is matched ignoring case, as the dashboard's search does; a regex runs on RE2 (LogSearch). */
    private static LogSearch compile(String query, boolean regex) {
        if (query.isEmpty()) {
            throw new ControlException("query is empty; give the text or regex to look for");
        }
        if (!regex) {
            return LogSearch.plain(query);
        }
        try {
            return LogSearch.regex(query);
        } catch (IllegalArgumentException e) {
            throw new ControlException(e.getMessage() + "; set regex to false to search for the plain text");
        }
    }

    /** The newest {@code limit} lines of one log. */
    private LogPage oneTail(String name, int limit) {
        LogSlice slice = process(name).log().tail(limit);
        return newestPage(entries(name, slice.lines()), slice.missed(), slice.nextSeq(), LogEntry::seq);
    }

    /**
     * The lines of one log from seq {@code cursor} on. A cursor past the log's end cannot be from this
     * session (every cursor hum hands out is at most the end), so it is reset to the oldest line held: an
     * agent holding one from an earlier hum would otherwise wait at a seq this log may take long to reach,
     * skipping every line until then.
     */
    private LogPage oneFrom(String name, long cursor, int limit) {
        LogBuffer log = process(name).log();
        boolean reset = cursor - log.nextSeq() > 0;
        LogSlice slice = log.readFrom(reset ? 0 : cursor, limit);
        return oldestPage(entries(name, slice.lines()), slice.missed(), slice.nextSeq(), reset, LogEntry::seq);
    }

    /**
     * A page of the oldest of {@code lines} that fit in an answer; when some do not, the cursor moves only
     * past those returned, and the page says how many it left out.
     */
    private static LogPage oldestPage(
            List<LogEntry> lines, long missed, long next, boolean reset, ToLongFunction<LogEntry> cursorOf) {
        int keep = AnswerBudget.oldestThatFit(lines);
        if (keep == lines.size()) {
            return new LogPage(lines, missed, next, reset, Optional.empty());
        }
        long after = cursorOf.applyAsLong(lines.get(keep - 1)) + 1;
        return new LogPage(
                lines.subList(0, keep), missed, after, reset, Optional.of(new LeftOut(lines.size() - keep, after)));
    }

    /** A page of the newest of {@code lines} that fit in an answer; the older ones left out start at a cursor. */
    private static LogPage newestPage(List<LogEntry> lines, long missed, long next, ToLongFunction<LogEntry> cursorOf) {
        int keep = AnswerBudget.newestThatFit(lines);
        int drop = lines.size() - keep;
        Optional<LeftOut> leftOut =
                drop == 0 ? Optional.empty() : Optional.of(new LeftOut(drop, cursorOf.applyAsLong(lines.get(0))));
        return new LogPage(lines.subList(drop, lines.size()), missed, next, false, leftOut);
    }

    /** The newest {@code limit} settled lines of every process, interleaved by arrival (see {@link MergedLog}). */
    private LogPage allTail(int limit) {
        List<LogEntry> lines = entries(supervisor.merged().tail(limit));
        long next = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).arrival() + 1;
        return newestPage(lines, 0, next, LogEntry::arrival);
    }

    /**
     * The oldest {@code limit} lines of every process that arrived at or after {@code cursor}. Only settled lines
     * are returned (see {@link MergedLog}): a line whose arrival was taken just before another process's line but
     * published just after it comes in the next page, instead of being stepped over by the cursor. A cursor past
     * the settled arrival is reset to the oldest line held, as {@link #oneFrom} does: every cursor handed out is at
     * most the settled arrival of its time, and that only grows.
     */
    private LogPage allFrom(long cursor, int limit) {
        MergedLog merged = supervisor.merged();
        boolean reset = cursor - merged.settled() > 0;
        long from = reset ? 0 : cursor;
        List<LogEntry> lines = entries(merged.from(from, limit));
        long next = lines.isEmpty() ? from : lines.get(lines.size() - 1).arrival() + 1;
        return oldestPage(lines, 0, next, reset, LogEntry::arrival);
    }

    private List<LogEntry> entries(List<MergedLog.Line> lines) {
        List<Supervised> processes = supervisor.processes();
        List<LogEntry> out = new ArrayList<>(lines.size());
        for (MergedLog.Line line : lines) {
            out.add(entry(processes.get(line.log()).name(), line.line()));
        }
        return out;
    }

    private static List<LogEntry> entries(String name, List<LogLine> lines) {
        return lines.stream().map(line -> entry(name, line)).toList();
    }

    static LogEntry entry(String name, LogLine line) {
        return new LogEntry(name, line.seq(), line.arrival(), line.source().name(), line.text());
    }
}
