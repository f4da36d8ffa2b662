package dev.hum.log;

/** The arrays behind a {@link LogBuffer}: a byte ring for records and a seq-indexed ring of starts and arrivals. */
final class RingStorage {
    /*
     * Written only by the LogBuffer writer holding its lock, and never again once a larger RingStorage
     * replaces it; read by any reader without a lock. Plain arrays: LogBuffer's firstSeq/nextSeq stores and
     * fences order every access, as its comment explains.
     */

    final byte[] arena;
    final long[] starts;
    final long[] arrivals;
    private final int arenaMask;
    private final int slotMask;

    RingStorage(int arenaBytes, int slots) {
        arena = new byte[arenaBytes];
        starts = new long[slots];
        arrivals = new long[slots];
        arenaMask = arenaBytes - 1;
        slotMask = slots - 1;
    }

    /** Index slot of {@code seq}; the mask is the floor modulus of a power of two, also for negative seqs. */
    int slot(long seq) {
        return (int) (seq & slotMask);
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

    byte[] get(long position, int len) {
        byte[] out = new byte[len];
        int at = offset(position);
        int first = Math.min(len, arena.length - at);
        System.arraycopy(arena, at, out, 0, first);
        System.arraycopy(arena, 0, out, first, len - first);
        return out;
    }
}
