package dev.hum.log;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/** A bounded ring of one process's lines, stored as bytes; writers serialise on a lock, readers never lock. */
public final class LogBuffer {
    /*
     * Storage: one byte[] arena used as a ring of records (LineBatch describes a record) addressed by a
     * monotonic long byte position, and two long[] indexed by seq: the record's start position and its arrival.
     * A record ends where the next one starts, so the writer also stores the start of seq nextSeq (the head) in
     * its slot; the index has at least maxLines + 1 slots, so that slot never belongs to a held line. Both arrays
     * have power-of-two lengths, so `value & mask` is the floor modulus even after a long wraps past
     * Long.MAX_VALUE. They start small and double up to the bounds, so an idle process costs a few KiB.
     *
     * Writers: the stdout and stderr decoders of one process and appendNotice, serialised by writeLock. They
     * publish a whole batch (one chunk of output) with two ordered stores:
     *   1. firstSeq.setRelease(newFirst) + storeStoreFence, BEFORE overwriting any byte or slot of an evicted
     *      line. The fence keeps the later plain stores from becoming visible before the new firstSeq; this is
     *      what lets a reader notice that a line changed under it.
     *   2. nextSeq.setRelease(next + k) AFTER the records and slots are written, so a reader that acquires
     *      nextSeq sees every byte of the lines below it.
     * Growth copies the held lines into new arrays and publishes them through the volatile `storage` before
     * the nextSeq that needs them; the old arrays are never written again, so a reader still holding them
     * reads lines that are either intact or were evicted (and then firstSeq says so).
     *
     * Readers (render loop, MCP, search), any number, no lock: acquire nextSeq, then firstSeq, then storage;
     * copy the records' bytes without interpreting them; loadLoadFence; re-read firstSeq. Every copied line
     * with seq >= that second firstSeq is intact (seqlock validation, as StampedLock.validate); lines below it
     * may be torn and are counted as missed, never decoded.
     */

    /** Smallest byte bound accepted: four maximal lines with their styles fit comfortably. */
    public static final long MIN_BYTES = 64 * 1024;

    /** Longest text a line may have, in UTF-8 bytes; the decoder cuts longer lines. */
    public static final int MAX_LINE_BYTES = 16 * 1024;

    private static final VarHandle FIRST;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            FIRST = l.findVarHandle(LogBuffer.class, "firstSeq", long.class);
            NEXT = l.findVarHandle(LogBuffer.class, "nextSeq", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int maxLines;
    private final long maxBytes;
    private final AtomicLong arrivalClock;
    private final long initialSeq;
    private final ReentrantLock writeLock = new ReentrantLock();

    /** Accessed through FIRST and NEXT only. */
    @SuppressWarnings("unused")
    private long firstSeq;

    @SuppressWarnings("unused")
    private long nextSeq;

    private volatile RingStorage storage;

    /** Writer-only (guarded by writeLock): where the next record goes; equals the start stored for nextSeq. */
    private long head;

    private final LineBatch noticeBatch = new LineBatch();

    public LogBuffer(int maxLines, long maxBytes, AtomicLong arrivalClock) {
        this(maxLines, maxBytes, arrivalClock, 0L, 0L);
    }

    public LogBuffer(int maxLines, long maxBytes) {
        this(maxLines, maxBytes, new AtomicLong());
    }

    /** Starts the seq and byte-position counters anywhere, so tests can run them across Long.MAX_VALUE. */
    LogBuffer(int maxLines, long maxBytes, AtomicLong arrivalClock, long startSeq, long startPosition) {
        if (maxLines < 1 || maxLines > (1 << 29)) {
            throw new IllegalArgumentException("maxLines must be in 1.." + (1 << 29) + ": " + maxLines);
        }
        if (maxBytes < MIN_BYTES || maxBytes > (1L << 30)) {
            throw new IllegalArgumentException("maxBytes must be in " + MIN_BYTES + ".." + (1L << 30));
        }
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
        this.arrivalClock = arrivalClock;
        this.initialSeq = startSeq;
        this.head = startPosition;
        RingStorage s = new RingStorage((int) Math.min(MIN_BYTES, maxBytes), (int) Math.min(1024, pow2(maxLines + 1)));
        s.starts[s.slot(startSeq)] = startPosition;
        this.storage = s;
        FIRST.setRelease(this, startSeq);
        NEXT.setRelease(this, startSeq);
    }

    public int maxLines() {
        return maxLines;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Oldest seq still held (acquire load). */
    public long firstSeq() {
        return (long) FIRST.getAcquire(this);
    }

    /** Seq the next appended line will get; lines held are [firstSeq, nextSeq) (acquire load). */
    public long nextSeq() {
        return (long) NEXT.getAcquire(this);
    }

    /** Lines ever appended. */
    public long totalAppended() {
        return nextSeq() - initialSeq;
    }

    /** Bytes of the arena and index currently allocated: what this buffer costs in memory. */
    public long allocatedBytes() {
        RingStorage s = storage;
        return s.arena.length + 16L * s.starts.length;
    }

    /**
     * Bytes the held lines take: their records plus 16 index bytes each. A snapshot that may be slightly stale while
     * a writer runs; the arrays behind it ({@link #allocatedBytes()}) grow by doubling, so can be up to twice this.
     */
    public long storedBytes() {
        long next = nextSeq();
        long first = firstSeq();
        RingStorage s = storage;
        return s.starts[s.slot(next)] - s.starts[s.slot(first)] + 16 * (next - first);
    }

    /** Appends one {@link Source#HUM} line (sanitised and cut like child output) and returns its seq. */
    public long appendNotice(String text) {
        writeLock.lock();
        try {
            noticeBatch.clear();
            noticeBatch.add(Source.HUM, ControlChars.sanitise(text, MAX_LINE_BYTES / 4));
            long seq = (long) NEXT.get(this);
            append(noticeBatch);
            return seq;
        } finally {
            writeLock.unlock();
        }
    }

    /** Appends every line of {@code batch}, publishing once per batch unless the batch exceeds a bound. */
    int append(LineBatch batch) {
        writeLock.lock();
        try {
            int i = 0;
            while (i < batch.count()) {
                int j = i;
                long bytes = 0;
                while (j < batch.count() && (j == i || (j - i < maxLines && bytes + lineBytes(batch, j) <= maxBytes))) {
                    bytes += lineBytes(batch, j);
                    j++;
                }
                publish(batch, i, j, bytes);
                i = j;
            }
            return batch.count();
        } finally {
            writeLock.unlock();
        }
    }

    private static int lineBytes(LineBatch batch, int line) {
        return batch.end(line) - batch.start(line);
    }

    private void publish(LineBatch batch, int from, int to, long bytes) {
        if (bytes > maxBytes / 2) {
            // cannot happen through OutputDecoder or appendNotice, whose lines are cut far below this
            throw new IllegalArgumentException("record of " + bytes + " bytes exceeds half of maxBytes");
        }
        int k = to - from;
        long first = (long) FIRST.get(this);
        long next = (long) NEXT.get(this);
        RingStorage s = grow(storage, first, next, k, bytes);
        long byteLimit = Math.min(maxBytes, s.arena.length);
        long newFirst = first;
        while ((next - newFirst) + k > maxLines || head + bytes - s.starts[s.slot(newFirst)] > byteLimit) {
            newFirst++;
        }
        if (newFirst != first) {
            FIRST.setRelease(this, newFirst);
            VarHandle.storeStoreFence();
        }
        long arrival = arrivalClock.getAndAdd(k);
        long pos = head;
        long seq = next;
        byte[] data = batch.data();
        for (int line = from; line < to; line++, seq++) {
            int slot = s.slot(seq);
            s.starts[slot] = pos;
            s.arrivals[slot] = arrival++;
            int len = lineBytes(batch, line);
            s.put(pos, data, batch.start(line), len);
            pos += len;
        }
        s.starts[s.slot(seq)] = pos;
        head = pos;
        NEXT.setRelease(this, seq);
    }

    private RingStorage grow(RingStorage s, long first, long next, int k, long bytes) {
        long held = next - first;
        long low = s.starts[s.slot(first)];
        long neededBytes = head - low + bytes;
        int slots = s.starts.length;
        int arena = s.arena.length;
        if (held + k + 1 > slots && slots < pow2(maxLines + 1)) {
            slots = (int) Math.min(pow2(maxLines + 1), pow2(Math.max(2L * slots, held + k + 1)));
        }
        if (neededBytes > arena && arena < pow2(maxBytes)) {
            arena = (int) Math.min(pow2(maxBytes), pow2(Math.max(2L * arena, neededBytes)));
        }
        if (slots == s.starts.length && arena == s.arena.length) {
            return s;
        }
        RingStorage n = new RingStorage(arena, slots);
        for (long seq = first; seq != next; seq++) {
            n.starts[n.slot(seq)] = s.starts[s.slot(seq)];
            n.arrivals[n.slot(seq)] = s.arrivals[s.slot(seq)];
        }
        n.starts[n.slot(next)] = head;
        for (long pos = low; pos != head; pos++) {
            n.arena[n.offset(pos)] = s.arena[s.offset(pos)];
        }
        storage = n;
        return n;
    }

    /** Lines with seq >= {@code fromSeq}, oldest first, at most {@code maxLines}; never blocks. */
    public LogSlice readFrom(long fromSeq, int maxLines) {
        long next = (long) NEXT.getAcquire(this);
        long first = (long) FIRST.getAcquire(this);
        RingStorage s = storage;
        if (fromSeq - next > 0) {
            return new LogSlice(List.of(), 0, next);
        }
        long start = fromSeq - first < 0 ? first : fromSeq;
        // firstSeq was loaded after nextSeq, so the writer may have evicted past that nextSeq meanwhile
        int n = (int) Math.max(0, Math.min(next - start, maxLines));
        byte[][] raw = new byte[n][];
        long[] arrivals = new long[n];
        for (int i = 0; i < n; i++) {
            long seq = start + i;
            long from = s.starts[s.slot(seq)];
            long len = s.starts[s.slot(seq + 1)] - from;
            if (len <= 0 || len > s.arena.length) {
                n = i; // overwritten under us; validation below counts it as missed
                break;
            }
            arrivals[i] = s.arrivals[s.slot(seq)];
            raw[i] = s.get(from, (int) len);
        }
        VarHandle.loadLoadFence();
        long validFirst = (long) FIRST.getAcquire(this);
        long end = start + n;
        long valid = validFirst - start > 0 ? validFirst : start;
        List<LogLine> lines = new ArrayList<>(Math.max(0, (int) (end - valid)));
        for (long seq = valid; end - seq > 0; seq++) {
            int i = (int) (seq - start);
            lines.add(LineRecord.decode(seq, arrivals[i], raw[i], raw[i].length));
        }
        long cursor = valid - end > 0 ? valid : end;
        long missed = valid - fromSeq > 0 ? valid - fromSeq : 0;
        return new LogSlice(lines, missed, cursor);
    }

    /** The newest {@code n} lines (fewer if fewer are held), oldest first; never blocks. */
    public LogSlice tail(int n) {
        long next = nextSeq();
        long first = firstSeq();
        long from = next - first > n ? next - n : first;
        return readFrom(from, n);
    }

    static long pow2(long n) {
        return n <= 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    }
}
