package dev.hum.log;

import java.nio.charset.StandardCharsets;

/** Reads a record written by {@link LineBatch} (and stamped by {@link LogBuffer}) back into a {@link LogLine}. */
final class LineRecord {
    /*
     * Stateless. Callers pass only records a LogBuffer reader has validated as intact, so every offset read here is
     * within the record. Besides LineBatch's layout, the header bit ARRIVAL says the buffer wrote the line's
     * arrival (eight bytes, big-endian) right after the header, because it did not fit the index's step byte.
     */

    static final int ARRIVAL = 8;

    static final int ARRIVAL_BYTES = 8;

    private LineRecord() {}

    static void putArrival(byte[] out, long arrival) {
        for (int i = 0; i < ARRIVAL_BYTES; i++) {
            out[i] = (byte) (arrival >>> (56 - 8 * i));
        }
    }

    /** The arrival of the record at {@code off}: its own when it holds one, else {@code arrival} (from the index). */
    static long arrival(long arrival, byte[] bytes, int off) {
        if ((bytes[off] & ARRIVAL) == 0) {
            return arrival;
        }
        long own = 0;
        for (int i = 0; i < ARRIVAL_BYTES; i++) {
            own = own << 8 | (bytes[off + 1 + i] & 0xFF);
        }
        return own;
    }

    /** Decodes {@code bytes[off, off + len)}, a whole record; {@code arrival} unless the record holds its own. */
    static LogLine decode(long seq, long arrival, byte[] bytes, int off, int len) {
        int header = bytes[off];
        Source source = Source.ofOrdinal(header & 3);
        int p = off + 1;
        if ((header & ARRIVAL) != 0) {
            arrival = 0;
            for (int i = 0; i < ARRIVAL_BYTES; i++) {
                arrival = arrival << 8 | (bytes[p++] & 0xFF);
            }
        }
        StyleRuns styles = StyleRuns.NONE;
        if ((header & LineBatch.STYLED) != 0) {
            long[] cursor = {p};
            int runs = (int) varint(bytes, cursor);
            int[] starts = new int[runs];
            long[] values = new long[runs];
            int last = 0;
            for (int r = 0; r < runs; r++) {
                last += (int) varint(bytes, cursor);
                starts[r] = last;
                values[r] = varint(bytes, cursor);
            }
            p = (int) cursor[0];
            styles = StyleRuns.of(starts, values, runs);
        }
        return new LogLine(seq, arrival, source, new String(bytes, p, off + len - p, StandardCharsets.UTF_8), styles);
    }

    /** Where the UTF-8 text of the record at {@code off} starts: after its header, arrival and style runs. */
    static int textStart(byte[] bytes, int off) {
        int header = bytes[off];
        int p = off + 1;
        if ((header & ARRIVAL) != 0) {
            p += ARRIVAL_BYTES;
        }
        if ((header & LineBatch.STYLED) != 0) {
            int runs = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = bytes[p++];
                runs |= (x & 0x7F) << shift;
                if (x >= 0) {
                    break;
                }
            }
            for (int v = 0; v < 2 * runs; v++) { // a start and a style per run
                while (bytes[p++] < 0) {
                    // a continuation byte of the varint
                }
            }
        }
        return p;
    }

    /**
     * Decodes the UTF-8 text {@code bytes[from, to)} into {@code out} (at least {@code to - from} long) and returns
     * its length in chars, or -1 for a sequence this fast path does not handle (then {@code new String} decides).
     */
    static int decodeText(byte[] bytes, int from, int to, char[] out) {
        int n = 0;
        int p = from;
        while (p < to) {
            int b = bytes[p++];
            if (b >= 0) {
                out[n++] = (char) b;
                continue;
            }
            int need = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : -1;
            if (need < 0 || p + need > to) {
                return -1;
            }
            int cp = b & (0x3F >> need);
            for (int i = 0; i < need; i++) {
                int c = bytes[p++];
                if ((c & 0xC0) != 0x80) {
                    return -1;
                }
                cp = cp << 6 | (c & 0x3F);
            }
            int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
            if (cp < min || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return -1;
            }
            n += Character.toChars(cp, out, n);
        }
        return n;
    }

    private static long varint(byte[] b, long[] cursor) {
        int p = (int) cursor[0];
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[p++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                break;
            }
        }
        cursor[0] = p;
        return v;
    }
}
