package dev.hum.tui;

/**
 * The lines of one log that a filter matched, oldest first, as two growable arrays (seq, arrival): 16 bytes a match,
 * however long the lines. Grows at both ends (older matches from the scan of the scrollback, newer ones as lines
 * arrive) and loses its oldest entries when the ring drops their lines.
 */
final class HitList {

    /*
     * One writer at a time: the filter's steps, which run one after another on the search worker. Readers (the
     * render thread, a search on the worker) read a Snapshot, published through the volatile `published`: every
     * array element a snapshot covers was written before the snapshot was published, and is never written again
     * while that array lives. Appends write after `to`, which only grows; a prepend writes below `from`, so it needs
     * `from` to be at or below every `from` ever published on these arrays (after a drop it is not, and the prepend
     * copies into new arrays). Growth copies into new arrays; old snapshots keep the old ones.
     */

    /** The matches at one moment: entries [from, to) of the arrays, never written again. */
    record Snapshot(long[] seqs, long[] arrivals, int from, int to) {

        int size() {
            return to - from;
        }

        /** The index of the first entry arriving at or after {@code arrival} ({@code to} if none). */
        int firstAtOrAfter(long arrival) {
            int lo = from;
            int hi = to;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (arrivals[mid] < arrival) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private long[] seqs = new long[64];
    private long[] arrivals = new long[64];
    private int from = 32;
    private int to = 32;
    /** The lowest {@code from} published on the current arrays: a prepend must write below it. */
    private int lowestPublishedFrom = Integer.MAX_VALUE;
    /** Matches appended at the new end (not those found in the scrollback), for "n new" while paused. */
    private long appended;

    private volatile Snapshot published = new Snapshot(seqs, arrivals, from, to);
    private volatile long publishedAppended;

    /** The matches as last published (any thread). */
    Snapshot snapshot() {
        return published;
    }

    /** Matches that arrived after the filter started, as last published (any thread). */
    long appended() {
        return publishedAppended;
    }

    /** Adds a match newer than every one held (writer). */
    void append(long seq, long arrival) {
        if (to == seqs.length) {
            regrow(0, Math.max(16, size()));
        }
        seqs[to] = seq;
        arrivals[to] = arrival;
        to++;
        appended++;
    }

    /** Adds matches {@code [0, n)} of the arrays, oldest first, all older than every one held (writer). */
    void prepend(long[] olderSeqs, long[] olderArrivals, int n) {
        if (n == 0) {
            return;
        }
        if (from < n || from > lowestPublishedFrom) {
            regrow(Math.max(n, size()), 16);
        }
        from -= n;
        System.arraycopy(olderSeqs, 0, seqs, from, n);
        System.arraycopy(olderArrivals, 0, arrivals, from, n);
    }

    /** Forgets the matches whose lines the ring dropped: those before {@code firstSeq} (writer). */
    void dropBefore(long firstSeq) {
        while (from < to && seqs[from] - firstSeq < 0) {
            from++;
        }
    }

    /** Makes the writes so far visible to readers. */
    void publish() {
        lowestPublishedFrom = Math.min(lowestPublishedFrom, from);
        publishedAppended = appended;
        published = new Snapshot(seqs, arrivals, from, to);
    }

    private int size() {
        return to - from;
    }

    /** Copies the entries into new arrays with {@code front} free slots before them and {@code back} after. */
    private void regrow(int front, int back) {
        int size = size();
        long[] newSeqs = new long[front + size + back];
        long[] newArrivals = new long[newSeqs.length];
        System.arraycopy(seqs, from, newSeqs, front, size);
        System.arraycopy(arrivals, from, newArrivals, front, size);
        seqs = newSeqs;
        arrivals = newArrivals;
        from = front;
        to = front + size;
        lowestPublishedFrom = Integer.MAX_VALUE;
    }
}
