package dev.hum.log;

/**
 * The arrays behind a {@link LogBuffer}: a byte ring for records, a per-line ring of lengths and arrival steps, and
 * a per-block ring of start positions, arrival bases and time bases, one block per {@link #BLOCK} consecutive seqs.
 */
final class RingStorage {
    /*
     * Written only by the LogBuffer writer holding its lock, and never again once a larger RingStorage
     * replaces it; read by any reader without a lock. Plain arrays: LogBuffer's firstSeq/nextSeq stores and
     * fences order every access, as its comment explains.
     *
     * A line's record starts at blockStarts[its block] plus the lengths of the lines before it in the block, and
     * it arrived at blockArrivals[its block] + (its index in the block) + its step. A step of STEP_IN_RECORD
     * means the arrival did not fit and is the record's first eight bytes after the header (LineRecord.ARRIVAL).
     * Its wall-clock time is blockTimes[its block] plus a delta in milliseconds that the record carries as a varint
     * (LineRecord.TIME) only when it is not zero: a flood's lines share their block's time and cost nothing more.
     */

    /** Lines per block; a power of two. */
    static final int BLOCK = 64;

    static final int BLOCK_SHIFT = Integer.numberOfTrailingZeros(BLOCK);

    /** Index bytes each line costs (its length and its step), beside 16 bytes per block. */
    static final int LINE_INDEX_BYTES = 3;

    /** A start position, an arrival base and a time base. */
    static final int BLOCK_INDEX_BYTES = 24;

    /** The largest step stored per line; the value itself says "the arrival is in the record". */
    static final int STEP_IN_RECORD = 0xFF;

    /** The longest record whose length fits in a {@code char}. */
    static final int MAX_RECORD = 0xFFFF;

    /** Bytes per arena segment; arenas are whole powers of two of segments (LogBuffer.MIN_BYTES is one). */
    static final int SEGMENT = 64 * 1024;

    static final int SEGMENT_SHIFT = Integer.numberOfTrailingZeros(SEGMENT);

    /**
     * The byte ring, in segments: position p lives in segments[(p & arenaMask) >> SEGMENT_SHIFT]. A growth hands
     * the segments that hold lines to the larger ring instead of copying them (see {@link #grownFrom}), so a log
     * that grows under a flood leaves no garbage arenas behind for the old generation to keep.
     */
    private final byte[][] segments;

    final long[] blockStarts;
    final long[] blockArrivals;
    /** Epoch milliseconds of the block's first line. */
    final long[] blockTimes;

    final char[] lengths;
    final byte[] steps;
    private final int arenaMask;
    private final int slotMask;
    private final int blockMask;

    /** {@code slots} is a power of two and at least {@link #BLOCK}. */
    RingStorage(int arenaBytes, int slots) {
        this(arenaBytes, slots, new byte[arenaBytes >> SEGMENT_SHIFT][]);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new byte[SEGMENT];
        }
    }

    /** {@code arenaBytes} is a power of two and a multiple of {@link #SEGMENT}; the caller fills the segments. */
    private RingStorage(int arenaBytes, int slots, byte[][] segments) {
        if (arenaBytes < SEGMENT || Integer.bitCount(arenaBytes) != 1) {
            throw new IllegalArgumentException("arena of " + arenaBytes + " bytes");
        }
        this.segments = segments;
        lengths = new char[slots];
        steps = new byte[slots];
        blockStarts = new long[slots / BLOCK];
        blockArrivals = new long[slots / BLOCK];
        blockTimes = new long[slots / BLOCK];
        arenaMask = arenaBytes - 1;
        slotMask = slots - 1;
        blockMask = slots / BLOCK - 1;
    }

    int slots() {
        return lengths.length;
    }

    long allocatedBytes() {
        return arenaBytes() + (long) LINE_INDEX_BYTES * lengths.length + (long) BLOCK_INDEX_BYTES * blockStarts.length;
    }

    /** Line slot of {@code seq}; the mask is the floor modulus of a power of two, also for negative seqs. */
    int slot(long seq) {
        return (int) (seq & slotMask);
    }

    /** Block slot of {@code seq}: the arithmetic shift keeps consecutive blocks consecutive across Long.MAX_VALUE. */
    int block(long seq) {
        return (int) ((seq >> BLOCK_SHIFT) & blockMask);
    }

    /** The first seq of the block holding {@code seq}. */
    static long blockFirst(long seq) {
        return seq & -BLOCK;
    }

    int length(long seq) {
        return lengths[slot(seq)];
    }

    /**
     * Where the record of {@code seq} starts, from its block's start and the lengths before it. Readers may get
     * garbage when the lines were overwritten meanwhile; LogBuffer's validation catches that.
     */
    long start(long seq) {
        long pos = blockStarts[block(seq)];
        for (long s = blockFirst(seq); s != seq; s++) {
            pos += lengths[slot(s)];
        }
        return pos;
    }

    /** Arrival of {@code seq} unless its step is {@link #STEP_IN_RECORD} (then the record holds it). */
    long arrival(long seq) {
        return blockArrivals[block(seq)] + (seq - blockFirst(seq)) + (steps[slot(seq)] & 0xFF);
    }

    /** The time base of {@code seq}'s block; the record adds its own delta when it has one. */
    long timeBase(long seq) {
        return blockTimes[block(seq)];
    }

    /** Bytes in the ring. */
    int arenaBytes() {
        return arenaMask + 1;
    }

    /** The segment holding {@code position} (package-private for tests: which arrays a growth shares). */
    byte[] segment(long position) {
        return segments[(int) ((position & arenaMask) >>> SEGMENT_SHIFT)];
    }

    private static int within(long position) {
        return (int) (position & (SEGMENT - 1));
    }

    void put(long position, byte[] src, int srcOff, int len) {
        while (len > 0) {
            int at = within(position);
            int n = Math.min(len, SEGMENT - at);
            System.arraycopy(src, srcOff, segment(position), at, n);
            position += n;
            srcOff += n;
            len -= n;
        }
    }

    void put(long position, byte b) {
        segment(position)[within(position)] = b;
    }

    /** Copies {@code len <= arenaBytes()} bytes from {@code position} into {@code dst[0, len)}. */
    void get(long position, byte[] dst, int len) {
        int done = 0;
        while (done < len) {
            int at = within(position);
            int n = Math.min(len - done, SEGMENT - at);
            System.arraycopy(segment(position), at, dst, done, n);
            position += n;
            done += n;
        }
    }

    /**
     * A ring of {@code arenaBytes} (a power of two, at least this one's) and {@code slots} line slots holding the
     * bytes of positions [low, head) where this one holds them, with an empty index (the caller copies it).
     *
     * <p>The segments that hold those bytes move into the new ring, not copied: position p's segment sits at
     * p's segment index in the new ring, at the same offset. This is safe for a reader still using this ring
     * because the writer writes a shared byte again only at a position that is a multiple of the new ring's size
     * after p (the new ring maps nothing else there), and so only after p was evicted, which the reader's
     * firstSeq validation sees. A segment of this ring that holds both the oldest and the newest held bytes
     * (held data wraps into the segment it started in) is not shared: the new ring would write the newest
     * line's follow-up over the oldest lines' bytes while they are still held; both parts are copied into new
     * segments instead. Every other segment of the new ring is new. A ring of the same size shares all its
     * segments: the mapping is the same, so the writer goes on as it would have in this one.
     */
    RingStorage grownFrom(int arenaBytes, int slots, long low, long head) {
        if (arenaBytes == arenaBytes()) {
            return new RingStorage(arenaBytes, slots, segments); // the same ring: every position stays where it is
        }
        byte[][] moved = new byte[arenaBytes >> SEGMENT_SHIFT][];
        RingStorage n = new RingStorage(arenaBytes, slots, moved);
        if (head != low) {
            long firstSegment = low & -SEGMENT;
            long lastSegment = (head - 1) & -SEGMENT;
            // held bytes span at most arenaBytes() + 1 segments' worth of positions: only the two ends can share
            boolean endsShare = lastSegment - firstSegment == arenaBytes();
            for (long p = firstSegment; ; p += SEGMENT) {
                boolean shared = endsShare && (p == firstSegment || p == lastSegment);
                int index = (int) ((p & n.arenaMask) >>> SEGMENT_SHIFT);
                if (shared) {
                    moved[index] = new byte[SEGMENT];
                    long from = p == firstSegment ? low : p;
                    long to = p == lastSegment ? head : p + SEGMENT;
                    System.arraycopy(segment(p), within(from), moved[index], within(from), (int) (to - from));
                } else {
                    moved[index] = segment(p);
                }
                if (p == lastSegment) {
                    break;
                }
            }
        }
        for (int i = 0; i < moved.length; i++) {
            if (moved[i] == null) {
                moved[i] = new byte[SEGMENT];
            }
        }
        return n;
    }
}
