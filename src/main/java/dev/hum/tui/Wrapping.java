package dev.hum.tui;

/** Where a line of text breaks into screen rows of a given width. */
final class Wrapping {

    private Wrapping() {}

    /**
     * The char offsets at which each row starts: {@code [0]} for a line that fits or is cut, more
     * when it wraps. A surrogate pair is never split and takes one column (it is drawn as one
     * replacement cell); a wide character that would straddle the edge moves to the next row.
     */
    static int[] rowStarts(String text, int width, boolean wrap) {
        if (!wrap || width <= 0 || (text.length() <= width / 2 && Canvas.width(text) <= width)) {
            return new int[] {0};
        }
        int[] starts = new int[8];
        int count = 1;
        int col = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean pair = Character.isHighSurrogate(ch)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            int w = pair ? 1 : Canvas.width(ch);
            if (col + w > width && col > 0) {
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
                col = 0;
            }
            col += w;
            if (pair) {
                i++;
            }
        }
        return java.util.Arrays.copyOf(starts, count);
    }
}
