package dev.hum.log;

/** Records a reader copied out of a {@link LogBuffer} in one go, and which of them were validated as intact. */
final class CopiedLines {
    /*
     * Owned by one reader thread and reused across reads, so a scan over a whole buffer allocates nothing per line.
     * LogBuffer.copy fills it; only lines in [firstIntact(), end()) may be interpreted, the others may be torn.
     */

    byte[] bytes = new byte[0];
    int[] ends = new int[0];
    long[] arrivals = new long[0];
    long[] timeBases = new long[0];
    long start;
    int count;
    long firstIntact;
    long missed;
    long nextSeq;

    void reserveLines(int lines) {
        if (ends.length < lines) {
            ends = new int[lines];
            arrivals = new long[lines];
            timeBases = new long[lines];
        }
    }

    void reserveBytes(int total) {
        if (bytes.length < total) {
            bytes = new byte[Math.max(total, bytes.length + (bytes.length >> 1))];
        }
    }

    /** The first seq that is intact; lines in [start, firstIntact) were overwritten while they were copied. */
    long firstIntact() {
        return firstIntact;
    }

    /** One past the last seq copied. */
    long end() {
        return start + count;
    }

    /** Lines the caller asked for that the ring had already dropped. */
    long missed() {
        return missed;
    }

    /** The cursor to continue from. */
    long nextSeq() {
        return nextSeq;
    }

    int from(long seq) {
        int i = (int) (seq - start);
        return i == 0 ? 0 : ends[i - 1];
    }

    int to(long seq) {
        return ends[(int) (seq - start)];
    }

    /** The arrival of an intact line, without decoding its text. */
    long arrival(long seq) {
        return LineRecord.arrival(arrivals[(int) (seq - start)], bytes, from(seq));
    }

    LogLine decode(long seq) {
        int from = from(seq);
        int i = (int) (seq - start);
        return LineRecord.decode(seq, arrivals[i], timeBases[i], bytes, from, to(seq) - from);
    }
}
