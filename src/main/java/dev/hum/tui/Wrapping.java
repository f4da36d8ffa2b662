package dev.hum.tui;

import dev.hum.log.CellWidth;
import java.util.Arrays;

/** Where a line of text breaks into screen rows of a given width. */
final class Wrapping {

    private Wrapping() {}

    /**
     * The char offsets at which each row starts: {@code [0]} for a line that fits or is cut, more
     * when it wraps. Widths are {@link CellWidth}'s; a surrogate pair is never split, a row never
     * starts with a mark or an invisible character (they stay with the cell before them), and a
     * wide character that would straddle the edge moves to the next row.
     */
    static int[] rowStarts(String text, int width, boolean wrap) {
        if (!wrap || width <= 0 || text.length() <= width / 2 || CellWidth.of(text) <= width) {
            return new int[] {0};
        }
        int[] starts = new int[8];
        int count = 1;
        int col = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = CellWidth.codePointAt(text, i, text.length());
            int w = CellWidth.of(cp);
            if (w > 0 && col + w > width && col > 0) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
                col = 0;
            }
            col += w;
            i += Character.charCount(cp);
        }
        return Arrays.copyOf(starts, count);
    }
}
