package dev.hum.log;

import java.util.Arrays;

/** Lines encoded by one writer and not yet appended: the unit a {@link LogBuffer} publishes at once. */
final class LineBatch {
    /*
     * Record layout (also read by LineRecord):
     *   header byte: bits 0..1 source ordinal, bit 2 "styled", bit 3 "arrival follows", bit 4 "time delta follows"
     *   (bits 3 and 4 set only by LogBuffer)
     *   if the arrival follows: eight bytes, big-endian (LogBuffer inserts them when its index cannot hold it)
     *   if the time delta follows: a varint of milliseconds after the block's time base (LogBuffer inserts it)
     *   if styled: varint run count, then per run varint (start - previous start) and varint style
     *   UTF-8 text up to the end of the record (the buffer's index gives the record's length)
     * A plain line costs one byte beyond its text. Owned by one thread; not shared.
     */

    /** Runs kept per line; later colour changes on a very colourful line continue the last run. */
    static final int MAX_RUNS = 1024;

    static final int STYLED = 4;

    private byte[] data = new byte[4096];
    private int size;
    private int[] ends = new int[64];
    private int count;

    private final int[] runStarts = new int[MAX_RUNS];
    private final long[] runStyles = new long[MAX_RUNS];

    int count() {
        return count;
    }

    int start(int line) {
        return line == 0 ? 0 : ends[line - 1];
    }

    int end(int line) {
        return ends[line];
    }

    byte[] data() {
        return data;
    }

    void clear() {
        size = 0;
        count = 0;
    }

    /** Adds a plain line; the text must already be sanitised. */
    @SuppressWarnings("EnumOrdinal") // the record format stores the source as its ordinal byte
    void add(Source source, String text) {
        ensure(1 + text.length() * 3);
        data[size++] = (byte) source.ordinal();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            putUtf8(cp);
        }
        endLine();
    }

    /** Adds a line of {@code len} code points, each with its style. */
    @SuppressWarnings("EnumOrdinal") // the record format stores the source as its ordinal byte
    void add(Source source, int[] codePoints, long[] styles, int len) {
        int runs = 0;
        int chars = 0;
        long previous = Style.DEFAULT;
        for (int i = 0; i < len; i++) {
            if (styles[i] != previous && runs < MAX_RUNS) {
                runStarts[runs] = chars;
                runStyles[runs++] = styles[i];
                previous = styles[i];
            }
            chars += Character.charCount(codePoints[i]);
        }
        ensure(1 + 5 + runs * 15 + len * 4);
        data[size++] = (byte) (source.ordinal() | (runs > 0 ? STYLED : 0));
        if (runs > 0) {
            putVarint(runs);
            int last = 0;
            for (int r = 0; r < runs; r++) {
                putVarint(runStarts[r] - last);
                putVarint(runStyles[r]);
                last = runStarts[r];
            }
        }
        for (int i = 0; i < len; i++) {
            putUtf8(codePoints[i]);
        }
        endLine();
    }

    private void endLine() {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = size;
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }

    private void putVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            data[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        data[size++] = (byte) v;
    }

    private void putUtf8(int cp) {
        if (cp < 0x80) {
            data[size++] = (byte) cp;
        } else if (cp < 0x800) {
            data[size++] = (byte) (0xC0 | (cp >> 6));
            data[size++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            data[size++] = (byte) (0xE0 | (cp >> 12));
            data[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            data[size++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            data[size++] = (byte) (0xF0 | (cp >> 18));
            data[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            data[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            data[size++] = (byte) (0x80 | (cp & 0x3F));
        }
    }
}
