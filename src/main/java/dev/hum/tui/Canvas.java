package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import dev.hum.log.CellWidth;
import java.util.EnumSet;

/**
 * Writes text into a screen's back buffer cell by cell, clipped to the screen, with the cell widths
 * a terminal uses ({@link CellWidth}): CJK and emoji take two cells, combining marks are drawn in the
 * cell of the character before them, invisible characters take none, so that every later column
 * stays where it belongs.
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

    /**
     * As {@link #text(int, int, String, int, TextColor, TextColor, EnumSet)} for chars [from, to). Marks
     * right after {@code to} are drawn in the last cell (they belong to it), and marks at {@code from}
     * are skipped (the run before drew them): a style or match boundary never splits a cell.
     */
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
        int i = from;
        while (i < to && c < limit) {
            int cp = CellWidth.codePointAt(text, i, to);
            int next = i + Character.charCount(cp);
            if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                cp = '\uFFFD';
            } else if (CellWidth.isInvisible(cp) || CellWidth.joinsPrevious(cp)) {
                i = next; // never drawn, or a mark whose cell is not in this run
                continue;
            }
            int end = next;
            boolean marks = false;
            while (end < text.length()) {
                int mark = CellWidth.codePointAt(text, end, text.length());
                if (!CellWidth.joinsPrevious(mark) && !CellWidth.isInvisible(mark)) {
                    break;
                }
                marks |= CellWidth.joinsPrevious(mark);
                end += Character.charCount(mark);
            }
            int width = CellWidth.of(cp);
            Glyph glyph;
            if (c + width > limit) {
                glyph = cells.of(' '); // half a wide character would not fit: a blank keeps the edge straight
                width = 1;
            } else if (marks || cp > 0xFFFF) {
                glyph = cells.of(cluster(text, cp, next, end), width);
            } else {
                glyph = cells.of((char) cp);
            }
            if (c >= 0) {
                screen.setCharacter(c, row, glyph);
            }
            c += width;
            i = end;
        }
        return c;
    }

    /** The base {@code cp} with the marks in chars [from, to) that join it, invisible characters left out. */
    private static String cluster(String text, int cp, int from, int to) {
        StringBuilder b = new StringBuilder(to - from + 2).appendCodePoint(cp);
        for (int i = from; i < to; ) {
            int mark = CellWidth.codePointAt(text, i, to);
            if (CellWidth.joinsPrevious(mark)) {
                b.appendCodePoint(mark);
            }
            i += Character.charCount(mark);
        }
        return b.toString();
    }

    /** Cells {@code text} takes on screen. */
    static int width(String text) {
        return CellWidth.of(text);
    }
}
