package dev.hum.control;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.hum.config.ProcessSpec;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import dev.hum.log.LogSlice;
import dev.hum.process.ActionResult;
import dev.hum.process.Supervisor;
import dev.hum.state.Exit;
import dev.hum.state.ProcessState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
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
    private static final int SEARCH_BATCH = 2048;

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
        return "processes supervised in this hum (" + supervisor.names().size() + ")";
    }

    @Override
    public List<ProcessInfo> status(Optional<String> name) {
        Instant now = Instant.now();
        if (name.isPresent()) {
            ProcessState state = supervisor
                    .registry()
                    .find(name.get())
                    .orElseThrow(() -> unknown(name.get()))
                    .get();
            return List.of(info(state, now));
        }
        List<ProcessInfo> all = new ArrayList<>();
        for (ProcessState state : supervisor.registry().board().states()) {
            all.add(info(state, now));
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
        Predicate<String> search = compile(query, regex);
        List<String> names = name.isPresent() ? List.of(name.get()) : supervisor.names();
        List<LogEntry> hits = new ArrayList<>();
        for (String n : names) {
            hits.addAll(newestMatches(n, buffer(n), search, limit));
        }
        List<LogEntry> found = newest(hits, limit);
        int keep = AnswerBudget.newestThatFit(found);
        return new Matches(found.subList(found.size() - keep, found.size()), found.size() - keep);
    }

    @Override
    public void close() {
        if (owned) {
            supervisor.close();
        }
    }

    private ProcessInfo info(ProcessState s, Instant now) {
        Optional<ProcessSpec> spec = supervisor.spec(s.name());
        Exit exit = s.exit();
        return new ProcessInfo(
                s.name(),
                spec.map(p -> p.command().display()).orElse(""),
                spec.map(ProcessSpec::autostart).orElse(false),
                s.statusWord(),
                s.pid(),
                s.uptime(now).toMillis(),
                exit instanceof Exit.Code code ? OptionalInt.of(code.code()) : OptionalInt.empty(),
                exit instanceof Exit.Signal signal ? OptionalInt.of(signal.number()) : OptionalInt.empty(),
                s.restarts(),
                s.lines(),
                s.reason());
    }

    private ActionResult await(String name, CompletableFuture<ActionResult> action, Duration wait) {
        try {
            return action.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String now = supervisor
                    .registry()
                    .find(name)
                    .map(c -> c.get().statusWord())
                    .orElse("busy");
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
                .spec(name)
                .map(ProcessSpec::stopTimeout)
                .orElse(Duration.ZERO)
                .plus(STOP_SLACK);
    }

    private LogBuffer buffer(String name) {
        return supervisor.log(name).orElseThrow(() -> unknown(name));
    }

    private ControlException unknown(String name) {
        return new ControlException("no process named '" + name + "'; known: " + String.join(", ", supervisor.names())
                + " (scripts_list shows them)");
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ControlException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    /**
     * A plain text is matched ignoring case, as the dashboard's search does. A regex is compiled by RE2/J, which
     * matches in time linear in the line whatever the pattern: an agent's regex runs on hum's threads against
     * lines that children wrote, and java.util.regex can backtrack for hours on a pattern of forty characters
     * (nested repeats, or empty alternatives that never read a character).
     */
    private static Predicate<String> compile(String query, boolean regex) {
        if (query.isEmpty()) {
            throw new ControlException("query is empty; give the text or regex to look for");
        }
        if (!regex) {
            return LogSearch.plain(query)::matches;
        }
        try {
            Pattern pattern = Pattern.compile(query);
            return text -> pattern.matcher(text).find();
        } catch (PatternSyntaxException e) {
            // RE2/J knows the faulty part of the pattern, not its index (always -1): quote the part
            throw new ControlException("not a valid regex: " + e.getDescription() + " in `" + e.getPattern() + "`"
                    + " (RE2 syntax, as in Go and ripgrep: no backreferences or lookaround); set regex to false"
                    + " to search for the plain text");
        }
    }

    /** The newest {@code limit} lines of one log. */
    private LogPage oneTail(String name, int limit) {
        LogSlice slice = buffer(name).tail(limit);
        return newestPage(entries(name, slice.lines()), slice.missed(), slice.nextSeq(), LogEntry::seq);
    }

    /**
     * The lines of one log from seq {@code cursor} on. A cursor past the log's end cannot be from this
     * session (every cursor hum hands out is at most the end), so it is reset to the oldest line held: an
     * agent holding one from an earlier hum would otherwise wait at a seq this log may take long to reach,
     * skipping every line until then.
     */
    private LogPage oneFrom(String name, long cursor, int limit) {
        LogBuffer log = buffer(name);
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

    /** The newest {@code limit} settled lines of every process, interleaved by arrival. */
    private LogPage allTail(int limit) {
        List<String> names = supervisor.names();
        List<LogBuffer> logs = logs(names);
        long settled = LogBuffer.settledArrival(logs);
        List<LogEntry> all = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            // each log's newest lines below the settled arrival, not its newest lines filtered: a log whose tail
            // is all in flight must still give its older lines, or the cursor would step over them
            LogBuffer log = logs.get(i);
            long end = log.firstSeqArrivingAtOrAfter(settled);
            long first = log.firstSeq(); // read once: a flood may move it past `end` meanwhile
            long from = end - first > limit ? end - limit : first;
            if (end - from > 0) {
                all.addAll(settledEntries(
                        names.get(i), log.readFrom(from, (int) (end - from)).lines(), settled));
            }
        }
        List<LogEntry> lines = newest(all, limit);
        long next = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).arrival() + 1;
        return newestPage(lines, 0, next, LogEntry::arrival);
    }

    /**
     * The oldest {@code limit} lines of every process that arrived at or after {@code cursor}. Only
     * settled lines are returned (see {@link LogBuffer#settledArrival}): a line whose arrival was
     * taken just before another process's line but published just after it comes in the next page,
     * instead of being stepped over by the cursor. A cursor past the settled arrival is reset to the
     * oldest line held, as {@link #oneFrom} does: every cursor handed out is at most the settled arrival
     * of its time, and that only grows.
     */
    private LogPage allFrom(long cursor, int limit) {
        List<String> names = supervisor.names();
        List<LogBuffer> logs = logs(names);
        long settled = LogBuffer.settledArrival(logs);
        boolean reset = cursor - settled > 0;
        long from = reset ? 0 : cursor;
        List<LogEntry> all = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            LogBuffer log = logs.get(i);
            List<LogLine> lines =
                    log.readFrom(log.firstSeqArrivingAtOrAfter(from), limit).lines();
            all.addAll(settledEntries(names.get(i), lines, settled));
        }
        all.sort(Comparator.comparingLong(LogEntry::arrival));
        List<LogEntry> lines = all.size() > limit ? all.subList(0, limit) : all;
        long next = lines.isEmpty() ? from : lines.get(lines.size() - 1).arrival() + 1;
        return oldestPage(lines, 0, next, reset, LogEntry::arrival);
    }

    private List<LogBuffer> logs(List<String> names) {
        List<LogBuffer> logs = new ArrayList<>(names.size());
        for (String n : names) {
            logs.add(buffer(n));
        }
        return logs;
    }

    /** The lines arriving below {@code settled}: a seq range read a moment later may hold a few above it. */
    private static List<LogEntry> settledEntries(String name, List<LogLine> lines, long settled) {
        List<LogEntry> out = new ArrayList<>(lines.size());
        for (LogLine line : lines) {
            if (line.arrival() < settled) {
                out.add(entry(name, line));
            }
        }
        return out;
    }

    private static List<LogEntry> newestMatches(String name, LogBuffer log, Predicate<String> search, int limit) {
        List<LogEntry> found = new ArrayList<>();
        long low = log.firstSeq();
        long hi = log.nextSeq();
        while (hi - low > 0 && found.size() < limit) {
            long lo = hi - low > SEARCH_BATCH ? hi - SEARCH_BATCH : low;
            List<LogLine> lines = log.readFrom(lo, (int) (hi - lo)).lines();
            for (int i = lines.size() - 1; i >= 0 && found.size() < limit; i--) {
                LogLine line = lines.get(i);
                if (hi - line.seq() > 0 && search.test(line.text())) {
                    found.add(entry(name, line));
                }
            }
            hi = lo;
        }
        return found;
    }

    private static List<LogEntry> newest(List<LogEntry> entries, int limit) {
        List<LogEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(LogEntry::arrival));
        return sorted.size() > limit ? sorted.subList(sorted.size() - limit, sorted.size()) : sorted;
    }

    private static List<LogEntry> entries(String name, List<LogLine> lines) {
        return lines.stream().map(line -> entry(name, line)).toList();
    }

    private static LogEntry entry(String name, LogLine line) {
        return new LogEntry(name, line.seq(), line.arrival(), line.source().name(), line.text());
    }
}
