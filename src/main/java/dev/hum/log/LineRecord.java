package dev.hum.log;

import java.nio.charset.StandardCharsets;

/** Decodes a record written by {@link LineBatch} back into a {@link LogLine}. */
final class LineRecord {
    private LineRecord() {}

    /** Decodes {@code bytes[0, len)}; the bytes were validated by the reader, so they are a whole record. */
    static LogLine decode(long seq, long arrival, byte[] bytes, int len) {
        int header = bytes[0];
        Source source = Source.ofOrdinal(header & 3);
        int p = 1;
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
        return new LogLine(seq, arrival, source, new String(bytes, p, len - p, StandardCharsets.UTF_8), styles);
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
