package dev.hum.log;

import java.util.Arrays;

/** The line in progress of one stream: code points with their styles, a cursor for CR, and the length bound. */
final class LineBuilder {
    /*
     * Owned by one OutputDecoder, so by one pump thread; never shared.
     *
     * A lone CR moves the cursor to column 0 and the following text overwrites the line like a terminal does,
     * keeping the tail of a longer previous text ("downloading\rok" stores "okwnloading"); a progress bar that
     * rewrites the whole line ("10%\r20%\r30%") leaves its last state. The cursor is a code point index (CSI G
     * counts code points); beside it the builder keeps the display cells before the cursor, for tab stops. When the line's UTF-8 size would pass the bound, the line is published at once with CUT_MARKER
     * and everything up to the next LF is dropped (and counted).
     */

    /**
     * Code points a builder holds before its first long line: a 16 KiB bound would otherwise cost 192 KB of arrays
     * per stream from the start (77 MB for the 400 streams of 200 processes), though most lines are short.
     */
    static final int FIRST_CAPACITY = 256;

    private final int maxLineBytes;
    /** Grown by doubling up to {@code maxLineBytes} plus the cut marker: a line's bytes bound its code points. */
    private int[] codePoints;

    private long[] styles;
    private int len;
    private int col;
    /** Display cells of the code points before {@code col}. */
    private int cells;

    private int bytes;
    private boolean discarding;
    private long droppedBytes;

    LineBuilder(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        int capacity = Math.min(FIRST_CAPACITY, maxCapacity());
        codePoints = new int[capacity];
        styles = new long[capacity];
    }

    private int maxCapacity() {
        return maxLineBytes + ControlChars.CUT_MARKER.length();
    }

    /** Room for index {@code index}; called before every write past the end of what was written. */
    private void ensureRoom(int index) {
        if (index >= codePoints.length) {
            int capacity = Math.min(maxCapacity(), Math.max(index + 1, 2 * codePoints.length));
            codePoints = Arrays.copyOf(codePoints, capacity);
            styles = Arrays.copyOf(styles, capacity);
        }
    }

    /** Code points this builder can hold without growing (for tests). */
    int capacity() {
        return codePoints.length;
    }

    long droppedBytes() {
        return droppedBytes;
    }

    /** Writes one printable code point at the cursor; cuts and publishes the line into {@code out} if it is full. */
    void put(int cp, long style, LineBatch out, Source source) {
        int size = utf8Length(cp);
        if (discarding) {
            droppedBytes += size;
            return;
        }
        int after = bytes + size - (col < len ? utf8Length(codePoints[col]) : 0);
        if (after > maxLineBytes) {
            ensureRoom(len + ControlChars.CUT_MARKER.length() - 1);
            for (int i = 0; i < ControlChars.CUT_MARKER.length(); i++) {
                codePoints[len] = ControlChars.CUT_MARKER.charAt(i);
                styles[len++] = Style.DEFAULT;
            }
            out.add(source, codePoints, styles, len);
            reset();
            discarding = true;
            droppedBytes += size;
            return;
        }
        if (col == codePoints.length) {
            ensureRoom(col);
        }
        codePoints[col] = cp;
        styles[col++] = style;
        cells += cp < 0x7F ? 1 : CellWidth.of(cp); // ASCII inline: put runs for every character of a flood
        bytes = after;
        len = Math.max(len, col);
    }

    /** Display cells before the cursor: where a terminal's cursor would be. */
    int cellColumn() {
        return cells;
    }

    void carriageReturn() {
        col = 0;
        cells = 0;
    }

    /** Cursor to a column (CSI G), not past the end of the text. */
    void moveTo(int column) {
        col = Math.max(0, Math.min(column, len));
        cells = 0;
        for (int i = 0; i < col; i++) {
            cells += CellWidth.of(codePoints[i]);
        }
    }

    /**
     * Erase in line (CSI K): 0 from the cursor to the end, 1 from the start to the cursor (as blanks), 2 all. Mode 2
     * also puts the cursor at the start: a log line has no blank cells to keep before the next text.
     */
    void erase(int mode) {
        if (mode == 0) {
            len = col;
        } else if (mode == 1) {
            for (int i = 0; i < Math.min(col, len); i++) {
                codePoints[i] = ' ';
                styles[i] = Style.DEFAULT;
            }
            cells = col; // blanks, one cell each
        } else if (mode == 2) {
            len = 0;
            col = 0;
            cells = 0;
        }
        bytes = 0;
        for (int i = 0; i < len; i++) {
            bytes += utf8Length(codePoints[i]);
        }
    }

    /** LF: publishes the line, unless it was already published cut. */
    void endLine(LineBatch out, Source source) {
        if (!discarding) {
            out.add(source, codePoints, styles, len);
        }
        reset();
        discarding = false;
    }

    /** End of stream: publishes a partial last line, if any. */
    void finish(LineBatch out, Source source) {
        if (!discarding && len > 0) {
            out.add(source, codePoints, styles, len);
        }
        reset();
        discarding = false;
    }

    private void reset() {
        len = 0;
        col = 0;
        cells = 0;
        bytes = 0;
    }

    static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
