package dev.hum.tui;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;

/**
 * Only the lines a filter matched, of one process or of several merged by arrival: a line's position is its
 * arrival (unique across logs that share a clock, and growing with seqs within each). Reads the scan's published
 * matches and fetches just the lines it returns; a line the ring dropped since it matched is left out.
 */
final class FilteredFeed implements LogFeed {

    /*
     * Readers only, any thread (the render thread, a search on the worker): each read takes one snapshot per log
     * (see HitList) and merges them, a screen's worth at a time.
     */

    private static final int SEARCH_PAGE = 256;

    private final List<LogBuffer> logs;
    private final int[] processIds;
    private final FilterScan scan;

    /**
     * @param logs the logs filtered, as the scan was made with
     * @param processIds the process id of each log, for the lines' names
     */
    FilteredFeed(List<LogBuffer> logs, int[] processIds, FilterScan scan) {
        this.logs = List.copyOf(logs);
        this.processIds = processIds.clone();
        this.scan = scan;
    }

    /** Matches held now, in all logs (those the ring dropped since the last step may still count). */
    long matched() {
        long n = 0;
        for (int i = 0; i < logs.size(); i++) {
            n += scan.hits(i).snapshot().size();
        }
        return n;
    }

    /** Lines the filtered logs hold now, matching or not. */
    long held() {
        long n = 0;
        for (LogBuffer log : logs) {
            n += log.nextSeq() - log.firstSeq();
        }
        return n;
    }

    @Override
    public List<FeedLine> from(long position, int max) {
        HitList.Snapshot[] s = snapshots();
        int[] at = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            at[i] = s[i].firstAtOrAfter(position);
        }
        List<FeedLine> out = new ArrayList<>(Math.min(max, 64));
        while (out.size() < max) {
            int pick = -1;
            for (int i = 0; i < s.length; i++) {
                if (at[i] < s[i].to() && (pick < 0 || s[i].arrivals()[at[i]] < s[pick].arrivals()[at[pick]])) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            line(pick, s[pick], at[pick]).ifPresent(out::add);
            at[pick]++;
        }
        return out;
    }

    @Override
    public List<FeedLine> before(long position, int max) {
        HitList.Snapshot[] s = snapshots();
        int[] at = new int[s.length]; // one past the next entry to take, going back
        for (int i = 0; i < s.length; i++) {
            at[i] = s[i].firstAtOrAfter(position);
        }
        List<FeedLine> out = new ArrayList<>(Math.min(max, 64));
        while (out.size() < max) {
            int pick = -1;
            for (int i = 0; i < s.length; i++) {
                if (at[i] > s[i].from()
                        && (pick < 0 || s[i].arrivals()[at[i] - 1] > s[pick].arrivals()[at[pick] - 1])) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            at[pick]--;
            line(pick, s[pick], at[pick]).ifPresent(out::add);
        }
        Collections.reverse(out);
        return out;
    }

    @Override
    public long oldest() {
        long oldest = end();
        for (HitList.Snapshot s : snapshots()) {
            if (s.size() > 0) {
                oldest = Math.min(oldest, s.arrivals()[s.from()]);
            }
        }
        return oldest;
    }

    @Override
    public long end() {
        long end = 0;
        for (HitList.Snapshot s : snapshots()) {
            if (s.size() > 0) {
                end = Math.max(end, s.arrivals()[s.to() - 1] + 1);
            }
        }
        return end;
    }

    /** Matches that arrived after the filter started: "n new" while paused counts these. */
    @Override
    public long total() {
        long n = 0;
        for (int i = 0; i < logs.size(); i++) {
            n += scan.hits(i).appended();
        }
        return n;
    }

    @Override
    public OptionalLong findAtOrBefore(LogSearch search, long position) {
        long bound = position == Long.MAX_VALUE ? position : position + 1;
        while (true) {
            List<FeedLine> page = before(bound, SEARCH_PAGE);
            for (int k = page.size() - 1; k >= 0; k--) {
                if (search.matches(page.get(k).line().text())) {
                    return OptionalLong.of(page.get(k).position());
                }
            }
            if (page.isEmpty()) {
                return OptionalLong.empty();
            }
            checkCancelled();
            bound = page.get(0).position();
        }
    }

    @Override
    public OptionalLong findAtOrAfter(LogSearch search, long position) {
        long from = position;
        while (true) {
            List<FeedLine> page = from(from, SEARCH_PAGE);
            for (FeedLine line : page) {
                if (search.matches(line.line().text())) {
                    return OptionalLong.of(line.position());
                }
            }
            if (page.isEmpty()) {
                return OptionalLong.empty();
            }
            checkCancelled();
            from = page.get(page.size() - 1).position() + 1;
        }
    }

    /** A search on the worker that was cancelled (Esc) stops between pages. */
    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("search cancelled");
        }
    }

    private HitList.Snapshot[] snapshots() {
        HitList.Snapshot[] s = new HitList.Snapshot[logs.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scan.hits(i).snapshot();
        }
        return s;
    }

    /** Entry {@code index} of log {@code i}'s matches as a feed line, unless the ring dropped it since. */
    private Optional<FeedLine> line(int i, HitList.Snapshot s, int index) {
        long seq = s.seqs()[index];
        List<LogLine> lines = logs.get(i).readFrom(seq, 1).lines();
        if (lines.isEmpty() || lines.get(0).seq() != seq) {
            return Optional.empty();
        }
        return Optional.of(new FeedLine(processIds[i], lines.get(0), s.arrivals()[index]));
    }
}
