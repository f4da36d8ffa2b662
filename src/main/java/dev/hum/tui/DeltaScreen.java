package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.ScreenBuffer;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Lanterna's screen with a delta refresh of its own: the cells that differ from the last frame, row by row, with a
 * cursor move only where the next changed cell is not where the cursor already is, a style change only where the
 * style changes, and each run of neighbouring cells of one style written as one string (one UTF-8 encoding and one
 * buffered write, not one per cell). Lanterna's own delta refresh gathers the changed cells in a {@code TreeMap} of positions first,
 * and is one large method that the JIT compiled again and again in a dashboard's first minute (at 100 processes
 * the largest item of hum's CPU there, issue 14); this one is small. A complete refresh is the same delta
 * against a cleared screen.
 */
public final class DeltaScreen extends TerminalScreen {

    /*
     * Render thread only, like every Screen method hum calls while drawing (TerminalSession's gate serialises the
     * rest); the overrides keep TerminalScreen's own locking. After a start, a clear or a resize the next refresh is
     * a complete one, as TerminalScreen makes it: the terminal's cells are unknown then.
     */

    private boolean wholeNext = true;

    /** A screen on {@code terminal}, as {@code new TerminalScreen(terminal)} makes one. */
    public DeltaScreen(Terminal terminal) throws IOException {
        super(terminal);
    }

    @Override
    public synchronized void startScreen() throws IOException {
        super.startScreen();
        wholeNext = true;
    }

    @Override
    public synchronized void clear() {
        super.clear();
        wholeNext = true;
    }

    @Override
    public synchronized @Nullable TerminalSize doResizeIfNecessary() {
        TerminalSize resized = super.doResizeIfNecessary();
        if (resized != null) {
            wholeNext = true;
        }
        return resized;
    }

    @Override
    public synchronized void refresh(RefreshType type) throws IOException {
        Terminal terminal = getTerminal();
        TerminalSize size = getTerminalSize();
        if (type != RefreshType.DELTA || wholeNext) {
            wholeNext = false;
            // The whole frame on a cleared screen: the same delta against blank cells. Lanterna's complete
            // refresh writes every cell and copies each one's style set to do so, the first frame's
            // largest cost after hum's own drawing (issue 14: start to first frame).
            terminal.resetColorAndSGR();
            terminal.clearScreen();
            writeChanges(terminal, getBackBuffer(), new ScreenBuffer(size, TextCharacter.DEFAULT_CHARACTER), size);
        } else {
            writeChanges(terminal, getBackBuffer(), getFrontBuffer(), size);
        }
        getBackBuffer().copyTo(getFrontBuffer());
        TerminalPosition cursor = getCursorPosition();
        if (cursor == null) {
            terminal.setCursorVisible(false);
        } else {
            terminal.setCursorPosition(cursor.getColumn(), cursor.getRow());
            terminal.setCursorVisible(true);
        }
        terminal.flush();
    }

    /** Writes every cell of {@code back} that differs from {@code front}, the terminal's cells. */
    static void writeChanges(Terminal terminal, ScreenBuffer back, ScreenBuffer front, TerminalSize size)
            throws IOException {
        int columns = size.getColumns();
        int rows = size.getRows();
        TextCharacter styled = null; // the style the terminal has now, as the last cell written had it
        StringBuilder run = new StringBuilder(); // cells of one style, next to each other: written as one string
        int cursorRow = -1;
        int cursorColumn = -1;
        for (int row = 0; row < rows; row++) {
            boolean forced = false; // a wide character was replaced by a narrow one: its right half must be written
            for (int column = 0; column < columns; ) {
                TextCharacter wanted = back.getCharacterAt(column, row);
                TextCharacter shown = front.getCharacterAt(column, row);
                int width = wanted.isDoubleWidth() ? 2 : 1;
                boolean force = forced;
                forced = shown.isDoubleWidth() && width == 1;
                if (!force && wanted.equals(shown)) {
                    column += width;
                    continue;
                }
                boolean moves = row != cursorRow || column != cursorColumn;
                boolean restyles = styled == null || !sameStyle(wanted, styled);
                if ((moves || restyles) && run.length() > 0) {
                    terminal.putString(run.toString());
                    run.setLength(0);
                }
                if (moves) {
                    terminal.setCursorPosition(column, row);
                }
                if (restyles) {
                    restyle(terminal, wanted, styled);
                }
                styled = wanted;
                run.append(wanted.getCharacterString());
                column += width;
                cursorRow = row;
                cursorColumn = column;
            }
        }
        if (run.length() > 0) {
            terminal.putString(run.toString());
        }
    }

    /** Changes the terminal's style from {@code was}'s (none: unknown) to {@code wanted}'s. */
    private static void restyle(Terminal terminal, TextCharacter wanted, @Nullable TextCharacter was)
            throws IOException {
        if (was == null || !sameModifiers(wanted, was)) {
            terminal.resetColorAndSGR();
            for (SGR sgr : wanted.getModifiers()) {
                terminal.enableSGR(sgr);
            }
            terminal.setForegroundColor(wanted.getForegroundColor());
            terminal.setBackgroundColor(wanted.getBackgroundColor());
            return;
        }
        if (!wanted.getForegroundColor().equals(was.getForegroundColor())) {
            terminal.setForegroundColor(wanted.getForegroundColor());
        }
        if (!wanted.getBackgroundColor().equals(was.getBackgroundColor())) {
            terminal.setBackgroundColor(wanted.getBackgroundColor());
        }
    }

    private static boolean sameStyle(TextCharacter a, TextCharacter b) {
        return a.getForegroundColor().equals(b.getForegroundColor())
                && a.getBackgroundColor().equals(b.getBackgroundColor())
                && sameModifiers(a, b);
    }

    /** Whether two cells have the same modifiers, without the copy of the set that getModifiers makes. */
    private static boolean sameModifiers(TextCharacter a, TextCharacter b) {
        return a.isBold() == b.isBold()
                && a.isReversed() == b.isReversed()
                && a.isUnderlined() == b.isUnderlined()
                && a.isBlinking() == b.isBlinking()
                && a.isBordered() == b.isBordered()
                && a.isCrossedOut() == b.isCrossedOut()
                && a.isItalic() == b.isItalic();
    }
}
