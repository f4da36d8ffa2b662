package dev.hum.tui;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scan behind a filter, on the search worker in bounded steps: the scrollback from the newest line back (so the
 * first screen of matches comes first), and the lines that arrive after it, into one {@link HitList} per log.
 */
final class FilterScan {

    /*
     * Steps run on the search worker, one at a time: a step that leaves work queues the next one behind whatever
     * waits there, so a search typed meanwhile runs between two steps and a step never holds the worker for long.
     * Only steps touch backSeq, edgeSeq, the scratch arrays and the HitLists' writer side; each step publishes the
     * lists at its end. The render thread reads the published lists and the volatile fields, and calls poke() each
     * frame, which queues a step when lines arrived past the scanned edge and none is queued. `queued` is the
     * handshake: set by whoever queues a step (compare-and-set, so never two), cleared by the step as it ends.
     *
     * What has been scanned of log i is [backSeq[i], edgeSeq[i]). Both edges are cuts by arrival across all logs:
     * the scrollback is scanned in windows [lo, previous lo) of arrival, so a window's matches are older than every
     * match held; new lines only up to the settled arrival (LogBuffer.settledArrival), so no line whose batch is
     * still being published is stepped over.
     */

    /** Lines a step reads at most (over all its logs, in each direction): a few milliseconds of work. */
    static final int STEP_LINES = 16_384;

    private final LogSearch search;
    private final List<LogBuffer> logs;
    private final HitList[] hits;
    private final ExecutorService worker;
    private final long[] backSeq;
    private final long[] edgeSeq;
    private boolean begun;
    private long[] scratchSeqs = new long[256];
    private long[] scratchArrivals = new long[256];
    private int scratchSize;

    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean cancelled;
    private volatile boolean scrollbackDone;
    /** The sum of edgeSeq after the last step: poke compares it with the logs' ends. */
    private volatile long scannedEnds = Long.MIN_VALUE;

    private volatile String failure = "";

    FilterScan(LogSearch search, List<LogBuffer> logs, ExecutorService worker) {
        this.search = search;
        this.logs = List.copyOf(logs);
        this.worker = worker;
        this.hits = new HitList[logs.size()];
        Arrays.setAll(hits, i -> new HitList());
        this.backSeq = new long[logs.size()];
        this.edgeSeq = new long[logs.size()];
    }

    /** The matches of log {@code i} (the index in the list this scan was made with). */
    HitList hits(int i) {
        return hits[i];
    }

    int logCount() {
        return hits.length;
    }

    /** Queues the first step. */
    void start() {
        queue();
    }

    /** Stops after the step that runs, if one does; nothing more is queued. */
    void cancel() {
        cancelled = true;
    }

    /** Whether the scrollback is still being scanned (the title says so). */
    boolean scanningScrollback() {
        return !scrollbackDone && !cancelled;
    }

    /** Why the scan stopped on its own, or empty. */
    String failure() {
        return failure;
    }

    /** Grows after each step that changed the matches or ended the scan of the scrollback: a frame is due. */
    long changes() {
        return changes.get();
    }

    /** Whether every line that has arrived is scanned and no step is queued (tests wait for it). */
    boolean caughtUp() {
        long ends = 0;
        for (int i = 0; i < logs.size(); i++) {
            ends += logs.get(i).nextSeq();
        }
        return !queued.get() && !scanningScrollback() && ends == scannedEnds;
    }

    /** Render thread, each frame: queues a step for lines that arrived past the scanned edge. Cheap when none did. */
    void poke() {
        if (cancelled || queued.get()) {
            return;
        }
        long ends = 0;
        for (int i = 0; i < logs.size(); i++) {
            ends += logs.get(i).nextSeq();
        }
        if (ends != scannedEnds) {
            queue();
        }
    }

    private void queue() {
        if (!cancelled && queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::step);
            } catch (RejectedExecutionException e) {
                cancelled = true; // the worker was shut down: hum is closing
            }
        }
    }

    private void step() {
        boolean more = false;
        boolean changed = false;
        try {
            if (!cancelled) {
                boolean wasScanning = !scrollbackDone;
                long before = held();
                if (!begun) {
                    begin();
                }
                more = forward();
                more |= backward();
                long ends = 0;
                for (int i = 0; i < hits.length; i++) {
                    hits[i].publish();
                    ends += edgeSeq[i];
                }
                scannedEnds = ends;
                changed = held() != before || wasScanning != !scrollbackDone;
            }
        } catch (RuntimeException e) {
            // on a pool thread an escaping exception would be printed over the screen; the title says it instead
            failure = String.valueOf(e);
            cancelled = true;
            more = false;
            changed = true;
        } finally {
            queued.set(false);
        }
        if (changed) {
            changes.incrementAndGet();
        }
        if (more) {
            queue();
        }
    }

    /** Matches held, as last published. */
    private long held() {
        long n = 0;
        for (HitList list : hits) {
            n += list.snapshot().size();
        }
        return n;
    }

    /** Both edges start at the settled arrival: the scrollback is below it, new lines above. */
    private void begin() {
        long settled = LogBuffer.settledArrival(logs);
        for (int i = 0; i < logs.size(); i++) {
            edgeSeq[i] = logs.get(i).firstSeqArrivingAtOrAfter(settled);
            backSeq[i] = edgeSeq[i];
        }
        begun = true;
    }

    /** Scans the settled new lines, at most about STEP_LINES of them; true when it left some for the next step. */
    private boolean forward() {
        int per = perLog();
        long cut = LogBuffer.settledArrival(logs);
        boolean bounded = false;
        for (int i = 0; i < logs.size(); i++) {
            LogBuffer log = logs.get(i);
            long from = later(edgeSeq[i], log.firstSeq());
            if (log.nextSeq() - from > per) {
                OptionalLong arrival = arrivalAt(log, from + per);
                if (arrival.isPresent() && arrival.getAsLong() < cut) {
                    cut = arrival.getAsLong();
                    bounded = true;
                }
            }
        }
        for (int i = 0; i < logs.size(); i++) {
            LogBuffer log = logs.get(i);
            HitList list = hits[i];
            long from = later(edgeSeq[i], log.firstSeq());
            long to = settledEnd(log, from, cut);
            search.forEachMatch(log, from, to, list::append);
            edgeSeq[i] = to;
            list.dropBefore(log.firstSeq());
        }
        return bounded;
    }

    /**
     * The end of log's lines from {@code from} that arrived before {@code cut}. Most logs in a step either printed
     * nothing new or only settled lines: one read answers for them, not a binary search.
     */
    private static long settledEnd(LogBuffer log, long from, long cut) {
        long next = log.nextSeq();
        if (next - from <= 0) {
            return from;
        }
        OptionalLong newest = arrivalAt(log, next - 1);
        if (newest.isPresent() && newest.getAsLong() < cut) {
            return next;
        }
        return later(log.firstSeqArrivingAtOrAfter(cut), from);
    }

    /** Scans one window of the scrollback, newest first; true while some of it is left. */
    private boolean backward() {
        if (scrollbackDone) {
            return false;
        }
        int per = perLog();
        long lo = Long.MIN_VALUE;
        for (int i = 0; i < logs.size(); i++) {
            LogBuffer log = logs.get(i);
            if (backSeq[i] - log.firstSeq() > per) {
                OptionalLong arrival = arrivalAt(log, backSeq[i] - per);
                if (arrival.isPresent()) {
                    lo = Math.max(lo, arrival.getAsLong());
                }
            }
        }
        boolean left = false;
        for (int i = 0; i < logs.size(); i++) {
            LogBuffer log = logs.get(i);
            long first = log.firstSeq();
            if (backSeq[i] - first <= 0) {
                continue;
            }
            long from = lo == Long.MIN_VALUE ? first : later(log.firstSeqArrivingAtOrAfter(lo), first);
            if (from - backSeq[i] > 0) {
                from = backSeq[i];
            }
            scratchSize = 0;
            search.forEachMatch(log, from, backSeq[i], this::collect);
            hits[i].prepend(scratchSeqs, scratchArrivals, scratchSize);
            backSeq[i] = from;
            left |= from - log.firstSeq() > 0;
        }
        scrollbackDone = !left;
        return left;
    }

    private void collect(long seq, long arrival) {
        if (scratchSize == scratchSeqs.length) {
            scratchSeqs = Arrays.copyOf(scratchSeqs, 2 * scratchSize);
            scratchArrivals = Arrays.copyOf(scratchArrivals, 2 * scratchSize);
        }
        scratchSeqs[scratchSize] = seq;
        scratchArrivals[scratchSize] = arrival;
        scratchSize++;
    }

    private int perLog() {
        return Math.max(256, STEP_LINES / logs.size());
    }

    /** The later of two seqs (seqs compare by difference: they may wrap). */
    private static long later(long a, long b) {
        return a - b >= 0 ? a : b;
    }

    /** The arrival of line {@code seq}, if the ring still holds it. */
    private static OptionalLong arrivalAt(LogBuffer log, long seq) {
        List<LogLine> lines = log.readFrom(seq, 1).lines();
        return lines.isEmpty() || lines.get(0).seq() != seq
                ? OptionalLong.empty()
                : OptionalLong.of(lines.get(0).arrival());
    }
}
