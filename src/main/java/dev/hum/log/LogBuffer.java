package dev.hum.log;

import dev.hum.state.Waiters;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/** A bounded ring of one process's lines, stored as bytes; writers serialise on a lock, readers never lock. */
public final class LogBuffer {
    /*
     * Storage (RingStorage): a byte arena (in 64 KiB segments) used as a ring of records (LineBatch describes a
     * record) addressed by a monotonic long byte position, and a sparse index. Seqs fall into blocks of BLOCK (64)
     * consecutive seqs; per block the index keeps the start position of its first record and an arrival base (two longs), per line only
     * its record length (a char) and an arrival step (a byte). A record starts at its block's start plus the lengths
     * before it in the block, and arrived at base + index in block + step; an arrival that does not fit the step
     * byte (other logs sharing the clock wrote 255 lines or more in between) is written into the record itself.
     * The wall-clock time (the `t` gutter, log files) is a third long per block, the time of its first line; a line
     * appended later than that carries the milliseconds since in its record as a varint (1 to 3 bytes for a
     * minute), so a flood, whose blocks fill within one chunk, pays nothing per line for it.
     * About 3.4 index bytes per line, against 24 for a long start, a long arrival and a long time per seq. Every array has a
     * power-of-two length, so `value & mask` is the floor modulus even after a long wraps past Long.MAX_VALUE; they
     * start small and double up to the bounds, so an idle process costs a few KiB.
     *
     * Line slots number at least maxLines + BLOCK (blocks: slots / BLOCK). So the slot of line x, and the entry of
     * x's block, are reused only once firstSeq has passed x's whole block: a reader that needs the lengths of the
     * evicted lines at the start of a block, to find the held lines after them, still finds them intact, and a
     * reader that finds them overwritten also finds firstSeq moved past the line it wanted.
     *
     * Writers: the stdout and stderr decoders of one process and appendNotice, serialised by writeLock. They
     * publish a whole batch (one chunk of output) with two ordered stores:
     *   1. firstSeq.setRelease(newFirst) + storeStoreFence, BEFORE overwriting any byte, line slot or block entry
     *      of an evicted line. The fence keeps the later plain stores from becoming visible before the new
     *      firstSeq; this is what lets a reader notice that a line changed under it.
     *   2. nextSeq.setRelease(next + k) AFTER the records and index entries are written, so a reader that acquires
     *      nextSeq sees every byte of the lines below it.
     * Around a whole batch, for readers that merge several logs by arrival (settledArrival): the volatile
     * pendingFrom is set from the shared clock BEFORE the batch takes its arrivals, and reset AFTER its last
     * nextSeq release.
     * Growth copies the index from the block of firstSeq (evicted lines at its start included) into new arrays,
     * hands the arena segments holding the held records to the larger ring (RingStorage.grownFrom: no copy, and no
     * garbage arena left behind), and publishes it through the volatile `storage` before the nextSeq that needs
     * it; the old index arrays are never written again, and a shared segment's byte is written again only at a
     * position a whole new ring after the one it held, so after that line was evicted: a reader still holding
     * the old storage reads lines that are either intact or were evicted (and then firstSeq says so).
     *
     * Readers (render loop, MCP, search), any number, no lock: acquire nextSeq, then storage, then firstSeq (in
     * that order: a storage published by a growth holds the index from the block of every firstSeq published
     * before it); compute the positions from the index, stopping where a block's stored start differs from the
     * sum of the lengths before it (the lengths of an older block may be overwritten while a newer line is intact,
     * so each line's position must rest on its own block only); copy the records' bytes without interpreting them;
     * loadLoadFence; re-read firstSeq. Every copied line with seq >= that second firstSeq is intact (seqlock
     * validation, as StampedLock.validate): its bytes, its length and arrival, and the lengths before it in its
     * block. Lines below it may be torn and are counted as missed, never decoded.
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

    private static final long NOTHING_PENDING = Long.MAX_VALUE;

    private final int maxLines;
    private final long maxBytes;
    private final AtomicLong arrivalClock;
    private final LongSupplier wallClock;
    private final long initialSeq;
    private final ReentrantLock writeLock = new ReentrantLock();

    /** Accessed through FIRST and NEXT only. */
    @SuppressWarnings("unused")
    private long firstSeq;

    @SuppressWarnings("unused")
    private long nextSeq;

    private volatile RingStorage storage;

    /**
     * While a batch is being appended, a reading of the arrival clock taken before its arrivals were: every line
     * of this log arriving below it is published. {@link #NOTHING_PENDING} between batches. See
     * {@link #settledArrival}.
     */
    private volatile long pendingFrom = NOTHING_PENDING;

    /** Writer-only (guarded by writeLock): where the next record goes; equals the start stored for nextSeq. */
    private long head;

    private final LineBatch noticeBatch = new LineBatch();

    /** Woken after each batch is published (wait_for, hum wait): one volatile load when nobody waits. */
    private final Waiters waiters = new Waiters();

    /** Where a copy of each batch goes for the process's log file, if it has one (see {@link LogFiles}). */
    private volatile @Nullable LogFileFeed fileFeed;

    /** Writer-only scratch for a record's header with the arrival and time delta written into it. */
    private final byte[] headerBytes = new byte[1 + LineRecord.ARRIVAL_BYTES + LineRecord.MAX_TIME_BYTES];

    /** Writer-only: the time given to the last batch, so times never go back when the wall clock does. */
    private long lastTime = Long.MIN_VALUE;

    public LogBuffer(int maxLines, long maxBytes, AtomicLong arrivalClock) {
        this(maxLines, maxBytes, arrivalClock, 0L, 0L);
    }

    public LogBuffer(int maxLines, long maxBytes) {
        this(maxLines, maxBytes, new AtomicLong());
    }

    /** Starts the seq and byte-position counters anywhere, so tests can run them across Long.MAX_VALUE. */
    LogBuffer(int maxLines, long maxBytes, AtomicLong arrivalClock, long startSeq, long startPosition) {
        this(maxLines, maxBytes, arrivalClock, startSeq, startPosition, System::currentTimeMillis);
    }

    /** Takes line times from {@code wallClock} (epoch milliseconds), so tests can set them. */
    LogBuffer(
            int maxLines,
            long maxBytes,
            AtomicLong arrivalClock,
            long startSeq,
            long startPosition,
            LongSupplier wallClock) {
        if (maxLines < 1 || maxLines > (1 << 29)) {
            throw new IllegalArgumentException("maxLines must be in 1.." + (1 << 29) + ": " + maxLines);
        }
        if (maxBytes < MIN_BYTES || maxBytes > (1L << 30)) {
            throw new IllegalArgumentException("maxBytes must be in " + MIN_BYTES + ".." + (1L << 30));
        }
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
        this.arrivalClock = arrivalClock;
        this.wallClock = wallClock;
        this.initialSeq = startSeq;
        this.head = startPosition;
        RingStorage s = new RingStorage((int) Math.min(MIN_BYTES, maxBytes), (int) Math.min(1024, maxSlots()));
        // the seqs before startSeq in its block never held a line: length 0, so startSeq starts at startPosition
        s.blockStarts[s.block(startSeq)] = startPosition;
        this.storage = s;
        FIRST.setRelease(this, startSeq);
        NEXT.setRelease(this, startSeq);
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
        return storage.allocatedBytes();
    }

    /**
     * Bytes the held lines take: their records, 3 index bytes each and 24 per index block they span. Exact when no
     * writer runs, otherwise a snapshot that may be stale; the arrays behind it ({@link #allocatedBytes()}) grow by
     * doubling, so can be up to twice this.
     */
    public long storedBytes() {
        long next = nextSeq();
        RingStorage s = storage;
        long first = firstSeq();
        long held = next - first;
        if (held <= 0) {
            return 0;
        }
        long last = next - 1;
        long records = s.start(last) + s.length(last) - s.start(first);
        long blocks = ((RingStorage.blockFirst(last) - RingStorage.blockFirst(first)) >>> RingStorage.BLOCK_SHIFT) + 1;
        return records + RingStorage.LINE_INDEX_BYTES * held + RingStorage.BLOCK_INDEX_BYTES * blocks;
    }

    /** The clock this log takes arrivals from, shared with the logs it is merged with. */
    AtomicLong arrivalClock() {
        return arrivalClock;
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
            // before any arrival is taken (program order, then the clock's own order): see settledArrival
            pendingFrom = arrivalClock.get();
            // one clock read per batch: a chunk's lines arrived together
            long time = Math.max(wallClock.getAsLong(), lastTime);
            lastTime = time;
            // half the byte bound per publish, less the arrivals and times that may have to go into the records
            long byteChunk =
                    maxBytes / 2 - (long) (LineRecord.ARRIVAL_BYTES + LineRecord.MAX_TIME_BYTES) * RingStorage.BLOCK;
            int i = 0;
            while (i < batch.count()) {
                int j = i;
                long bytes = 0;
                while (j < batch.count()
                        && (j == i || (j - i < maxLines && bytes + lineBytes(batch, j) <= byteChunk))) {
                    bytes += lineBytes(batch, j);
                    j++;
                }
                publish(batch, i, j, bytes, time);
                i = j;
            }
            LogFileFeed files = fileFeed;
            if (files != null) {
                files.offer(batch, time); // a copy and a queue offer; the writer thread does the I/O
            }
            return batch.count();
        } finally {
            pendingFrom = NOTHING_PENDING; // after the last NEXT release of the batch
            writeLock.unlock();
            VarHandle.fullFence(); // the NEXT releases before the read of the waiters (see Waiters)
            waiters.wakeAll();
        }
    }

    /** From now on, every batch appended is also handed to {@code feed}, for the process's log file. */
    public void writeTo(LogFileFeed feed) {
        fileFeed = feed;
    }

    /** Who waits for lines (wait_for, a log readiness probe); woken after every batch appended. */
    public Waiters waiters() {
        return waiters;
    }

    /**
     * An arrival below which every line of {@code logs} is published: a reader that pages through several logs
     * by arrival must not step past a line whose arrival was taken but whose batch is still being appended, or
     * it would skip that line for good. Read this before the lines, and keep only the lines arriving below it.
     * Assumes the logs share one arrival clock, as a supervisor's do.
     */
    public static long settledArrival(List<LogBuffer> logs) {
        /*
         * A batch that took arrival a below the clock reading c set pendingFrom <= a before it took a. So when
         * pendingFrom, read after the clock, is above a, that batch has already reset it: it is published (an
         * append resets it only at its end, and the same log's next batch sets it from a later clock reading).
         */
        if (logs.isEmpty()) {
            return NOTHING_PENDING;
        }
        long settled = logs.get(0).arrivalClock.get();
        for (LogBuffer log : logs) {
            settled = Math.min(settled, log.pendingFrom);
        }
        return settled;
    }

    private static int lineBytes(LineBatch batch, int line) {
        return batch.end(line) - batch.start(line);
    }

    /** Whether {@code seq} is the first line of its index block: the first of a block, or the first line ever. */
    private boolean opensBlock(long seq) {
        return seq == RingStorage.blockFirst(seq) || seq == initialSeq;
    }

    private void publish(LineBatch batch, int from, int to, long bytes, long time) {
        int k = to - from;
        long first = (long) FIRST.get(this);
        long next = (long) NEXT.get(this);
        long arrival = arrivalClock.getAndAdd(k);
        // Lines in the block `next` is in step from its base by one amount; if it does not fit a byte, they carry
        // their arrival in the record. Lines of the blocks this batch opens step by 0.
        long openLines = opensBlock(next) ? 0 : Math.min(k, RingStorage.BLOCK - (next - RingStorage.blockFirst(next)));
        long openDelta = openLines > 0 ? time - storage.timeBase(next) : 0;
        long total = bytes
                + (openLines > 0 && !stepFits(storage, next, arrival) ? LineRecord.ARRIVAL_BYTES * openLines : 0)
                + (openDelta != 0 ? LineRecord.timeDeltaBytes(openDelta) * openLines : 0);
        if (total > maxBytes / 2) {
            // cannot happen through OutputDecoder or appendNotice, whose lines are cut far below this
            throw new IllegalArgumentException("records of " + total + " bytes exceed half of maxBytes");
        }
        RingStorage s = grow(storage, first, next, k, total);
        long byteLimit = Math.min(maxBytes, s.arenaBytes());
        long newFirst = first;
        long low = first == next ? head : s.start(first);
        while ((next - newFirst) + k > maxLines || head + total - low > byteLimit) {
            low += s.length(newFirst);
            newFirst++;
        }
        if (newFirst != first) {
            FIRST.setRelease(this, newFirst);
            VarHandle.storeStoreFence();
        }
        long pos = head;
        long seq = next;
        byte[] data = batch.data();
        for (int line = from; line < to; line++, seq++, arrival++) {
            int slot = s.slot(seq);
            int start = batch.start(line);
            int len = lineBytes(batch, line);
            if (opensBlock(seq)) {
                s.blockStarts[s.block(seq)] = pos;
                s.blockArrivals[s.block(seq)] = arrival - (seq - RingStorage.blockFirst(seq));
                s.blockTimes[s.block(seq)] = time;
            }
            boolean stepFits = stepFits(s, seq, arrival);
            long timeDelta = time - s.timeBase(seq);
            if (stepFits && timeDelta == 0) {
                s.steps[slot] = (byte) step(s, seq, arrival);
                s.put(pos, data, start, len);
            } else {
                // the header, then what the index cannot hold, then the rest of the record as the batch wrote it
                int header = data[start];
                int at = 1;
                if (stepFits) {
                    s.steps[slot] = (byte) step(s, seq, arrival);
                } else {
                    s.steps[slot] = (byte) RingStorage.STEP_IN_RECORD;
                    header |= LineRecord.ARRIVAL;
                    LineRecord.putArrival(headerBytes, at, arrival);
                    at += LineRecord.ARRIVAL_BYTES;
                }
                if (timeDelta != 0) {
                    header |= LineRecord.TIME;
                    at = LineRecord.putTimeDelta(headerBytes, at, timeDelta);
                }
                headerBytes[0] = (byte) header;
                s.put(pos, headerBytes, 0, at);
                s.put(pos + at, data, start + 1, len - 1);
                len += at - 1;
            }
            if (len > RingStorage.MAX_RECORD) {
                throw new IllegalStateException("record of " + len + " bytes"); // lines are cut far below this
            }
            s.lengths[slot] = (char) len;
            pos += len;
        }
        head = pos;
        NEXT.setRelease(this, seq);
    }

    /** The step of {@code seq}, arriving at {@code arrival}, from its block's base (writer only). */
    private static long step(RingStorage s, long seq, long arrival) {
        return arrival - s.blockArrivals[s.block(seq)] - (seq - RingStorage.blockFirst(seq));
    }

    private boolean stepFits(RingStorage s, long seq, long arrival) {
        if (opensBlock(seq)) {
            return true;
        }
        long step = step(s, seq, arrival);
        return step >= 0 && step < RingStorage.STEP_IN_RECORD;
    }

    private long maxSlots() {
        return pow2(maxLines + (long) RingStorage.BLOCK);
    }

    private RingStorage grow(RingStorage s, long first, long next, int k, long bytes) {
        long low = first == next ? head : s.start(first);
        long neededBytes = head - low + bytes;
        long lowSeq = RingStorage.blockFirst(first);
        long neededSlots = next + k - lowSeq; // [lowSeq, next + k) must not share a slot
        int slots = s.slots();
        int arena = s.arenaBytes();
        if (neededSlots > slots && slots < maxSlots()) {
            slots = (int) Math.min(maxSlots(), pow2(Math.max(2L * slots, neededSlots)));
        }
        if (neededBytes > arena && arena < pow2(maxBytes)) {
            arena = (int) Math.min(pow2(maxBytes), pow2(Math.max(2L * arena, neededBytes)));
        }
        if (slots == s.slots() && arena == s.arenaBytes()) {
            return s;
        }
        RingStorage n = s.grownFrom(arena, slots, low, head); // the held records' bytes stay where they are
        for (long seq = lowSeq; seq != next; seq++) {
            n.lengths[n.slot(seq)] = s.lengths[s.slot(seq)];
            n.steps[n.slot(seq)] = s.steps[s.slot(seq)];
        }
        for (long b = lowSeq; ; b += RingStorage.BLOCK) {
            n.blockStarts[n.block(b)] = s.blockStarts[s.block(b)];
            n.blockArrivals[n.block(b)] = s.blockArrivals[s.block(b)];
            n.blockTimes[n.block(b)] = s.blockTimes[s.block(b)];
            if (b == RingStorage.blockFirst(next)) {
                break;
            }
        }
        storage = n;
        return n;
    }

    /** Lines with seq >= {@code fromSeq}, oldest first, at most {@code maxLines}; never blocks. */
    public LogSlice readFrom(long fromSeq, int maxLines) {
        CopiedLines copy = new CopiedLines();
        copy(fromSeq, maxLines, copy);
        List<LogLine> lines = new ArrayList<>(Math.max(0, (int) (copy.end() - copy.firstIntact())));
        for (long seq = copy.firstIntact(); copy.end() - seq > 0; seq++) {
            lines.add(copy.decode(seq));
        }
        return new LogSlice(lines, copy.missed(), copy.nextSeq());
    }

    /**
     * Copies the records of the lines with seq >= {@code fromSeq}, at most {@code maxLines}, into {@code into}
     * without interpreting them, then validates them (see the class comment); never blocks.
     */
    void copy(long fromSeq, int maxLines, CopiedLines into) {
        long next = (long) NEXT.getAcquire(this);
        RingStorage s = storage;
        long first = (long) FIRST.getAcquire(this);
        if (fromSeq - next > 0) {
            into.start = next;
            into.count = 0;
            into.firstIntact = next;
            into.missed = 0;
            into.nextSeq = next;
            return;
        }
        long start = fromSeq - first < 0 ? first : fromSeq;
        // firstSeq was loaded after nextSeq, so the writer may have evicted past that nextSeq meanwhile
        int n = (int) Math.max(0, Math.min(next - start, maxLines));
        into.reserveLines(n);
        long pos = n == 0 ? 0 : s.start(start);
        int total = 0;
        for (int i = 0; i < n; i++) {
            long seq = start + i;
            int len = s.length(seq);
            if (len == 0
                    || total + len > s.arenaBytes()
                    || (i > 0 && seq == RingStorage.blockFirst(seq) && s.blockStarts[s.block(seq)] != pos + total)) {
                // Overwritten under us; validation below counts it as missed. A line's position must come from its
                // own block's start and in-block lengths (which the slot sizing keeps while the line is held),
                // never from the lengths of earlier blocks, which may be overwritten while this line is intact.
                n = i;
                break;
            }
            total += len;
            into.ends[i] = total;
            into.arrivals[i] = s.arrival(seq);
            into.timeBases[i] = s.timeBase(seq);
        }
        into.reserveBytes(total);
        s.get(pos, into.bytes, total);
        VarHandle.loadLoadFence();
        long validFirst = (long) FIRST.getAcquire(this);
        long end = start + n;
        long valid = validFirst - start > 0 ? validFirst : start;
        into.start = start;
        into.count = n;
        into.firstIntact = valid;
        into.nextSeq = valid - end > 0 ? valid : end;
        into.missed = valid - fromSeq > 0 ? valid - fromSeq : 0;
    }

    /**
     * The first seq held whose line arrived at or after {@code arrival} ({@link #nextSeq} if none): arrivals grow
     * with seqs within one log, so readers that merge logs by arrival find their place by binary search. Reads
     * arrivals only, never a line's text; the newest line is looked at first, since readers of the tail (the
     * screen, every frame) mostly ask for an arrival past it.
     */
    public long firstSeqArrivingAtOrAfter(long arrival) {
        return firstSeqArrivingAtOrAfter(arrival, new CopiedLines());
    }

    /** As {@link #firstSeqArrivingAtOrAfter(long)}, copying through the caller's {@code scratch}. */
    long firstSeqArrivingAtOrAfter(long arrival, CopiedLines scratch) {
        long lo = firstSeq();
        long hi = nextSeq();
        if (hi - lo > 0 && holds(hi - 1, scratch) && scratch.arrival(hi - 1) < arrival) {
            return hi;
        }
        while (hi - lo > 0) {
            long mid = lo + (hi - lo) / 2;
            if (!holds(mid, scratch)) {
                // overtaken while we searched: what is left starts later
                long first = firstSeq();
                lo = first - (mid + 1) > 0 ? first : mid + 1;
                continue;
            }
            if (scratch.arrival(mid) < arrival) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Copies line {@code seq} into {@code scratch} without decoding it: true when the line is held (then {@code
     * scratch.arrival(seq)} is its arrival), false when the ring dropped it or it was not appended yet.
     */
    boolean holds(long seq, CopiedLines scratch) {
        copy(seq, 1, scratch);
        return scratch.end() - scratch.firstIntact() > 0 && scratch.firstIntact() == seq;
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
