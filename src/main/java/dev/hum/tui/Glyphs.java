package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The cells the dashboard draws, made once per character and style and reused in every frame. A
 * new {@code TextCharacter} per cell per frame copied its style set and ran a grapheme check: about
 * a megabyte a second of garbage on an idle dashboard. Owned by the render thread.
 */
final class Glyphs {

    /**
     * Styles kept at most. Children may print any of 16 million true colours; past this many styles
     * the cache starts again rather than grow.
     */
    static final int MAX_STYLES = 1024;

    /** Cells kept for characters other than printable ASCII, all styles together; then the cache starts again. */
    static final int MAX_OTHERS = 4096;

    private static final char FIRST = ' ';
    private static final char LAST = '~';

    private final Map<Style, Cells> byStyle = new HashMap<>();
    private int others;

    /** The cells of one style; look it up once for a run of text in that style. */
    Row row(TextColor foreground, TextColor background, EnumSet<SGR> sgr) {
        Cells cells = byStyle.get(new Style(foreground, background, sgr));
        if (cells == null) {
            if (byStyle.size() >= MAX_STYLES) {
                clear();
            }
            cells = new Cells();
            // The key keeps its own copy: a caller may reuse its set for another style later.
            byStyle.put(new Style(foreground, background, EnumSet.copyOf(sgr)), cells);
        }
        return new Row(cells, foreground, background, sgr);
    }

    int styles() {
        return byStyle.size();
    }

    int others() {
        return others;
    }

    private void clear() {
        byStyle.clear();
        others = 0;
    }

    private static final class Cells {
        final Glyph[] ascii = new Glyph[LAST - FIRST + 1];
        final Map<String, Glyph> others = new HashMap<>();
    }

    /** The cells of one style, filled on first use. */
    final class Row {
        private final Cells cells;
        private final TextColor foreground;
        private final TextColor background;
        private final EnumSet<SGR> sgr;

        private Row(Cells cells, TextColor foreground, TextColor background, EnumSet<SGR> sgr) {
            this.cells = cells;
            this.foreground = foreground;
            this.background = background;
            this.sgr = sgr;
        }

        Glyph of(char ch) {
            if (ch < FIRST || ch > LAST) {
                return other(String.valueOf(ch), false);
            }
            Glyph glyph = cells.ascii[ch - FIRST];
            if (glyph == null) {
                glyph = new Glyph(ch, foreground, background, sgr);
                cells.ascii[ch - FIRST] = glyph;
            }
            return glyph;
        }

        /** A cell of a character outside the BMP, or of a character with the marks drawn over it. */
        Glyph of(String cluster, int width) {
            return other(cluster, width == 2);
        }

        private Glyph other(String text, boolean doubleWidth) {
            Glyph glyph = cells.others.get(text);
            if (glyph == null) {
                glyph = text.length() == 1
                        ? new Glyph(text.charAt(0), foreground, background, sgr)
                        : new Glyph(text, doubleWidth, foreground, background, sgr);
                if (others >= MAX_OTHERS) {
                    for (Cells c : byStyle.values()) {
                        c.others.clear();
                    }
                    others = 0;
                }
                cells.others.put(text, glyph);
                others++;
            }
            return glyph;
        }
    }

    private record Style(TextColor foreground, TextColor background, EnumSet<SGR> sgr) {}
}
