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

    final byte[] arena;
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
        arena = new byte[arenaBytes];
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
        return arena.length + (long) LINE_INDEX_BYTES * lengths.length + (long) BLOCK_INDEX_BYTES * blockStarts.length;
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

    int offset(long position) {
        return (int) (position & arenaMask);
    }

    void put(long position, byte[] src, int srcOff, int len) {
        int at = offset(position);
        int first = Math.min(len, arena.length - at);
        System.arraycopy(src, srcOff, arena, at, first);
        System.arraycopy(src, srcOff + first, arena, 0, len - first);
    }

    void put(long position, byte b) {
        arena[offset(position)] = b;
    }

    /** Copies {@code len <= arena.length} bytes from {@code position} into {@code dst[0, len)}. */
    void get(long position, byte[] dst, int len) {
        int at = offset(position);
        int first = Math.min(len, arena.length - at);
        System.arraycopy(arena, at, dst, 0, first);
        System.arraycopy(arena, 0, dst, first, len - first);
    }
}
