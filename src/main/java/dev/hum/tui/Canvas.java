package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import java.util.EnumSet;

/**
 * Writes text into a screen's back buffer cell by cell, clipped to the screen, with the column
 * widths a terminal uses: CJK takes two cells, and a character outside the BMP (which Lanterna cannot
 * hold) becomes one replacement character, so that every later column stays where it belongs.
 */
final class Canvas {

    static final EnumSet<SGR> PLAIN = EnumSet.noneOf(SGR.class);

    private final Screen screen;
    private final Glyphs glyphs;
    private final int columns;
    private final int rows;

    Canvas(Screen screen, Glyphs glyphs) {
        this.screen = screen;
        this.glyphs = glyphs;
        TerminalSize size = screen.getTerminalSize();
        this.columns = size.getColumns();
        this.rows = size.getRows();
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    /** Fills a rectangle with blanks of the given background. */
    void fill(int col, int row, int width, int height, TextColor bg) {
        TextCharacter blank = glyphs.row(TextColor.ANSI.DEFAULT, bg, PLAIN).of(' ');
        for (int r = Math.max(0, row); r < Math.min(rows, row + height); r++) {
            for (int c = Math.max(0, col); c < Math.min(columns, col + width); c++) {
                screen.setCharacter(c, r, blank);
            }
        }
    }

    /**
     * Writes {@code text} from column {@code col}, using at most {@code maxWidth} columns, and
     * returns the column after the last one written.
     */
    int text(int col, int row, String text, int maxWidth, TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
        return text(col, row, text, 0, text.length(), maxWidth, fg, bg, sgr);
    }

    /** As {@link #text(int, int, String, int, TextColor, TextColor, EnumSet)} for chars [from, to). */
    int text(
            int col,
            int row,
            String text,
            int from,
            int to,
            int maxWidth,
            TextColor fg,
            TextColor bg,
            EnumSet<SGR> sgr) {
        int limit = Math.min(columns, col + Math.max(0, maxWidth));
        if (row < 0 || row >= rows) {
            return col;
        }
        Glyphs.Row cells = glyphs.row(fg, bg, sgr);
        int c = col;
        for (int i = from; i < to && c < limit; i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                ch = '\uFFFD';
            } else if (Character.isSurrogate(ch) || ch < 0x20 || (ch >= 0x7f && ch < 0xa0)) {
                ch = '\uFFFD';
            }
            int width = width(ch);
            if (c + width > limit) {
                ch = ' '; // half a wide character would not fit: a blank keeps the edge straight
                width = 1;
            }
            if (c >= 0) {
                screen.setCharacter(c, row, cells.of(ch));
            }
            c += width;
        }
        return c;
    }

    /** Columns a char takes on a terminal. */
    static int width(char ch) {
        return TerminalTextUtils.isCharDoubleWidth(ch) ? 2 : 1;
    }

    /**
     * Columns {@code text} takes, counting a surrogate pair as the one replacement cell it is drawn
     * as.
     */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                w++;
            } else {
                w += width(ch);
            }
        }
        return w;
    }
}
