package dev.hum.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The lines of several logs that share one arrival clock, read as one log in arrival order: the all-processes
 * view, headless output, an agent's {@code logs_stream} and {@code logs_search} without a name all read through
 * it. A line's position here is its arrival.
 */
public final class MergedLog {

    /*
     * Readers only, any thread, no lock: every method reads the logs as any reader does. Reads by arrival stop at
     * the settled arrival (LogBuffer.settledArrival, read before the lines): a line whose arrival was taken just
     * before another log's line but whose batch is published just after it is returned by the next read, never
     * stepped over by a reader that continues from the last arrival it saw. Within one log arrivals grow with seqs,
     * so an arrival maps to a seq in each log by binary search.
     */

    private static final Comparator<Line> BY_ARRIVAL = Comparator.comparingLong(Line::arrival);

    private final List<LogBuffer> logs;

    /** @param logs logs that share one arrival clock, as a supervisor's do; a line names its log by index here */
    public MergedLog(List<LogBuffer> logs) {
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("no logs to merge");
        }
        this.logs = List.copyOf(logs);
    }

    /** A line and the index of the log it came from. */
    public record Line(int log, LogLine line) {
        public long arrival() {
            return line.arrival();
        }
    }

    /** Lines of one log that the ring overwrote before a {@link Cursor} read them. */
    public record Gap(int log, long missed) {}

    /** A follower's read: the gaps first, then the lines in arrival order. */
    public record Page(List<Gap> gaps, List<Line> lines) {
        public boolean isEmpty() {
            return gaps.isEmpty() && lines.isEmpty();
        }
    }

    /** How many logs are merged. */
    public int size() {
        return logs.size();
    }

    /** An arrival after every line published so far: where a reader that wants only new lines starts. */
    public long end() {
        return logs.get(0).arrivalClock().get();
    }

    /**
     * An arrival below which every line of every log is published (only grows): a reader that continues from
     * the last arrival it saw never continues from above it.
     */
    public long settled() {
        return LogBuffer.settledArrival(logs);
    }

    /** The arrival of the oldest line held in any log, or {@link #end()} when none is. */
    public long oldest() {
        long oldest = end();
        for (int i = 0; i < logs.size(); i++) { // no iterator: the render loop asks at every tick
            LogSlice first = logs.get(i).readFrom(logs.get(i).firstSeq(), 1);
            if (!first.lines().isEmpty()) {
                oldest = Math.min(oldest, first.lines().get(0).arrival());
            }
        }
        return oldest;
    }

    /** How many lines have ever arrived, in all logs. */
    public long total() {
        long total = 0;
        for (int i = 0; i < logs.size(); i++) {
            total += logs.get(i).totalAppended();
        }
        return total;
    }

    /** Up to {@code max} settled lines arriving at or after {@code arrival}, oldest first. */
    public List<Line> from(long arrival, int max) {
        long settled = LogBuffer.settledArrival(logs);
        List<Line> all = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            LogBuffer log = logs.get(i);
            addSettled(
                    all,
                    i,
                    log.readFrom(log.firstSeqArrivingAtOrAfter(arrival), max).lines(),
                    settled);
        }
        all.sort(BY_ARRIVAL);
        return all.size() <= max ? all : new ArrayList<>(all.subList(0, max));
    }

    /** The newest {@code max} settled lines, oldest first. */
    public List<Line> tail(int max) {
        return before(Long.MAX_VALUE, max);
    }

    /**
     * Up to {@code max} settled lines arriving before {@code arrival}, oldest first. Merges the logs backwards by
     * their arrivals alone (a heap of each log's next older line, read without its text), then decodes only the
     * lines taken: the screen asks for a page every frame, and with 200 logs it decodes those 40 lines, not a few
     * from each log.
     */
    public List<Line> before(long arrival, int max) {
        long bound = Math.min(arrival, LogBuffer.settledArrival(logs));
        int n = logs.size();
        CopiedLines scratch = new CopiedLines();
        long[] next = new long[n]; // per log: the newest seq not yet taken (exclusive end of what is taken)
        long[] ends = new long[n];
        PriorityQueue<Candidate> newest = new PriorityQueue<>(Math.max(1, n), NEWEST_FIRST);
        for (int p = 0; p < n; p++) {
            LogBuffer log = logs.get(p);
            ends[p] = log.firstSeqArrivingAtOrAfter(bound, scratch);
            next[p] = ends[p];
            offer(newest, p, ends[p] - 1, scratch);
        }
        for (int taken = 0; taken < max && !newest.isEmpty(); taken++) {
            Candidate c = newest.poll();
            next[c.log] = c.seq;
            offer(newest, c.log, c.seq - 1, scratch);
        }
        List<Line> all = new ArrayList<>(max);
        for (int p = 0; p < n; p++) {
            int count = (int) (ends[p] - next[p]);
            if (count > 0) {
                for (LogLine line : logs.get(p).readFrom(next[p], count).lines()) {
                    if (line.seq() - ends[p] < 0) {
                        all.add(new Line(p, line));
                    }
                }
            }
        }
        all.sort(BY_ARRIVAL);
        return all;
    }

    /** A log's next older line in {@link #before}'s merge, by arrival. */
    private record Candidate(int log, long seq, long arrival) {}

    private static final Comparator<Candidate> NEWEST_FIRST =
            Comparator.comparingLong(Candidate::arrival).reversed();

    /** Adds line {@code seq} of log {@code p} to the merge, if the log still holds it. */
    private void offer(PriorityQueue<Candidate> newest, int p, long seq, CopiedLines scratch) {
        LogBuffer log = logs.get(p);
        if (seq - log.firstSeq() >= 0 && log.holds(seq, scratch)) {
            newest.add(new Candidate(p, seq, scratch.arrival(seq)));
        }
    }

    /** The newest line arriving at or before {@code arrival} that matches. */
    public Optional<Line> findAtOrBefore(LogSearch search, long arrival) {
        Line best = null;
        for (int i = 0; i < logs.size(); i++) {
            LogBuffer log = logs.get(i);
            long upTo = log.firstSeqArrivingAtOrAfter(arrival == Long.MAX_VALUE ? arrival : arrival + 1) - 1;
            Optional<Line> hit = line(i, search.previous(log, upTo, false));
            if (hit.isPresent() && (best == null || hit.get().arrival() > best.arrival())) {
                best = hit.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The oldest line arriving at or after {@code arrival} that matches. */
    public Optional<Line> findAtOrAfter(LogSearch search, long arrival) {
        Line best = null;
        for (int i = 0; i < logs.size(); i++) {
            LogBuffer log = logs.get(i);
            Optional<Line> hit = line(i, search.next(log, log.firstSeqArrivingAtOrAfter(arrival), false));
            if (hit.isPresent() && (best == null || hit.get().arrival() < best.arrival())) {
                best = hit.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The newest {@code max} matching lines of all logs, oldest first. */
    public List<Line> newestMatches(LogSearch search, int max) {
        List<Line> all = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            for (LogLine line : search.newest(logs.get(i), max)) {
                all.add(new Line(i, line));
            }
        }
        all.sort(BY_ARRIVAL);
        return all.size() <= max ? all : new ArrayList<>(all.subList(all.size() - max, all.size()));
    }

    /** A follower that reads every line from now on, in arrival order. */
    public Cursor followFromEnd() {
        long[] seqs = new long[logs.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = logs.get(i).nextSeq();
        }
        return new Cursor(seqs);
    }

    /** A follower that reads every line held, from the oldest, in arrival order. */
    public Cursor followFromOldest() {
        return new Cursor(new long[logs.size()]);
    }

    /**
     * A position in every log at once, for a reader that follows all of them (headless output, {@code hum logs
     * -f}): each read returns the lines that arrived after the previous read's, settled and in arrival order, and
     * what the rings overwrote before it could be read. One reader at a time: a cursor is not thread-safe.
     */
    public final class Cursor {
        private final long[] seqs;

        private Cursor(long[] seqs) {
            this.seqs = seqs;
        }

        /** The next at most {@code max} lines, oldest first, and the gaps met on the way. */
        public Page next(int max) {
            long settled = LogBuffer.settledArrival(logs);
            List<Line> all = new ArrayList<>();
            List<Gap> gaps = new ArrayList<>();
            for (int i = 0; i < logs.size(); i++) {
                LogSlice slice = logs.get(i).readFrom(seqs[i], max);
                if (slice.missed() > 0) {
                    gaps.add(new Gap(i, slice.missed()));
                    seqs[i] += slice.missed();
                }
                addSettled(all, i, slice.lines(), settled);
            }
            all.sort(BY_ARRIVAL);
            List<Line> page = all.size() <= max ? all : new ArrayList<>(all.subList(0, max));
            // Within a log the lines taken are a prefix of those read (arrivals grow with seqs), so the cursor
            // moves past exactly them; a line left out by `max` arrived after every line taken.
            for (Line line : page) {
                seqs[line.log()] = line.line().seq() + 1;
            }
            return new Page(gaps, page);
        }
    }

    private Optional<Line> line(int log, java.util.OptionalLong seq) {
        if (seq.isEmpty()) {
            return Optional.empty();
        }
        List<LogLine> lines = logs.get(log).readFrom(seq.getAsLong(), 1).lines();
        return lines.isEmpty() || lines.get(0).seq() != seq.getAsLong()
                ? Optional.empty()
                : Optional.of(new Line(log, lines.get(0)));
    }

    /** The lines arriving below {@code settled}: a seq range read a moment later may hold a few above it. */
    private static void addSettled(List<Line> into, int log, List<LogLine> lines, long settled) {
        for (LogLine line : lines) {
            if (line.arrival() >= settled) {
                break;
            }
            into.add(new Line(log, line));
        }
    }
}
