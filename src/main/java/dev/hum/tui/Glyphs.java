package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The cells the dashboard draws, made once per printable ASCII character and style and reused in
 * every frame. A new {@code TextCharacter} per cell per frame copied its style set and ran a
 * grapheme check: about a megabyte a second of garbage on an idle dashboard. Owned by the render
 * thread.
 */
final class Glyphs {

    /**
     * Styles kept at most. Children may print any of 16 million true colours; past this many styles
     * the cache starts again rather than grow.
     */
    static final int MAX_STYLES = 1024;

    private static final char FIRST = ' ';
    private static final char LAST = '~';

    private final Map<Style, Glyph[]> byStyle = new HashMap<>();

    /** The cells of one style; look it up once for a run of text in that style. */
    Row row(TextColor foreground, TextColor background, EnumSet<SGR> sgr) {
        Glyph[] cells = byStyle.get(new Style(foreground, background, sgr));
        if (cells == null) {
            if (byStyle.size() >= MAX_STYLES) {
                byStyle.clear();
            }
            cells = new Glyph[LAST - FIRST + 1];
            // The key keeps its own copy: a caller may reuse its set for another style later.
            byStyle.put(new Style(foreground, background, EnumSet.copyOf(sgr)), cells);
        }
        return new Row(cells, foreground, background, sgr);
    }

    int styles() {
        return byStyle.size();
    }

    /** The cells of one style, filled on first use. */
    static final class Row {
        private final Glyph[] cells;
        private final TextColor foreground;
        private final TextColor background;
        private final EnumSet<SGR> sgr;

        private Row(Glyph[] cells, TextColor foreground, TextColor background, EnumSet<SGR> sgr) {
            this.cells = cells;
            this.foreground = foreground;
            this.background = background;
            this.sgr = sgr;
        }

        Glyph of(char ch) {
            if (ch < FIRST || ch > LAST) {
                return new Glyph(ch, foreground, background, sgr);
            }
            Glyph glyph = cells[ch - FIRST];
            if (glyph == null) {
                glyph = new Glyph(ch, foreground, background, sgr);
                cells[ch - FIRST] = glyph;
            }
            return glyph;
        }
    }

    private record Style(TextColor foreground, TextColor background, EnumSet<SGR> sgr) {}
}
