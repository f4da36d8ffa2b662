package dev.hum.tui;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import dev.hum.log.LogSlice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every process's lines interleaved in the order they arrived; a line's position is its arrival
 * stamp from the clock all logs share. Within one log arrivals grow with seqs, so a position maps
 * to a seq in each log by binary search.
 */
final class MergedFeed implements LogFeed {

    private static final Comparator<FeedLine> BY_ARRIVAL = Comparator.comparingLong(FeedLine::position);

    private final List<LogBuffer> logs;

    MergedFeed(List<LogBuffer> logs) {
        this.logs = List.copyOf(logs);
    }

    @Override
    public List<FeedLine> from(long position, int max) {
        List<FeedLine> all = new ArrayList<>();
        for (int p = 0; p < logs.size(); p++) {
            LogBuffer log = logs.get(p);
            add(all, p, log.readFrom(log.firstSeqArrivingAtOrAfter(position), max));
        }
        all.sort(BY_ARRIVAL);
        return all.size() <= max ? all : new ArrayList<>(all.subList(0, max));
    }

    /**
     * Reads backwards from each log only as far as needed: a first guess of a fair share per log,
     * then more from any log whose oldest line read is still newer than the {@code max}-th newest
     * line overall (it may hide lines that belong in). With twenty logs and a screen of thirty
     * rows this reads a few lines per log, not thirty from each.
     */
    @Override
    public List<FeedLine> before(long position, int max) {
        int n = logs.size();
        long[] ends = new long[n];
        int[] taken = new int[n];
        List<List<FeedLine>> perLog = new ArrayList<>(n);
        int share = Math.max(4, 2 * max / Math.max(1, n));
        for (int p = 0; p < n; p++) {
            ends[p] = logs.get(p).firstSeqArrivingAtOrAfter(position);
            perLog.add(new ArrayList<>());
            grow(p, ends[p], Math.min(share, max), taken, perLog);
        }
        while (true) {
            List<FeedLine> all = new ArrayList<>();
            perLog.forEach(all::addAll);
            all.sort(BY_ARRIVAL);
            if (all.size() > max) {
                all = new ArrayList<>(all.subList(all.size() - max, all.size()));
            }
            long threshold = all.size() < max ? Long.MIN_VALUE : all.get(0).position();
            boolean complete = true;
            for (int p = 0; p < n; p++) {
                List<FeedLine> mine = perLog.get(p);
                boolean more = ends[p] - taken[p] - logs.get(p).firstSeq() > 0 && taken[p] < max;
                if (more && (mine.isEmpty() || mine.get(0).position() > threshold)) {
                    grow(p, ends[p], Math.min(max, Math.max(taken[p] * 2, share)), taken, perLog);
                    complete = false;
                }
            }
            if (complete) {
                return all;
            }
        }
    }

    /** Makes log {@code p}'s window the {@code want} lines before {@code end}. */
    private void grow(int p, long end, int want, int[] taken, List<List<FeedLine>> perLog) {
        LogBuffer log = logs.get(p);
        long start = Math.max(log.firstSeq(), end - want);
        List<FeedLine> window = new ArrayList<>();
        add(window, p, log.readFrom(start, (int) Math.max(0, end - start)));
        perLog.set(p, window);
        taken[p] = (int) Math.max(0, end - start);
    }

    @Override
    public long end() {
        return Long.MAX_VALUE;
    }

    @Override
    public long total() {
        long total = 0;
        for (int p = 0; p < logs.size(); p++) { // no iterator: the render loop asks at every tick
            total += logs.get(p).totalAppended();
        }
        return total;
    }

    @Override
    public OptionalLong findAtOrBefore(LogSearch search, long position) {
        long best = Long.MIN_VALUE;
        boolean found = false;
        for (LogBuffer log : logs) {
            long upTo = log.firstSeqArrivingAtOrAfter(position == Long.MAX_VALUE ? position : position + 1) - 1;
            OptionalLong hit = search.previous(log, upTo, false);
            if (hit.isPresent()) {
                long arrival = arrivalOf(log, hit.getAsLong());
                if (!found || arrival > best) {
                    best = arrival;
                    found = true;
                }
            }
        }
        return found ? OptionalLong.of(best) : OptionalLong.empty();
    }

    @Override
    public OptionalLong findAtOrAfter(LogSearch search, long position) {
        long best = Long.MAX_VALUE;
        boolean found = false;
        for (LogBuffer log : logs) {
            OptionalLong hit = search.next(log, log.firstSeqArrivingAtOrAfter(position), false);
            if (hit.isPresent()) {
                long arrival = arrivalOf(log, hit.getAsLong());
                if (!found || arrival < best) {
                    best = arrival;
                    found = true;
                }
            }
        }
        return found ? OptionalLong.of(best) : OptionalLong.empty();
    }

    private static long arrivalOf(LogBuffer log, long seq) {
        List<LogLine> lines = log.readFrom(seq, 1).lines();
        return lines.isEmpty() ? Long.MIN_VALUE : lines.get(0).arrival();
    }

    private static void add(List<FeedLine> into, int process, LogSlice slice) {
        for (LogLine line : slice.lines()) {
            into.add(new FeedLine(process, line, line.arrival()));
        }
    }
}
