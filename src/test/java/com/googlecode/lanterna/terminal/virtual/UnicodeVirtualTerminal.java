package com.googlecode.lanterna.terminal.virtual;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.text.BreakIterator;
import java.util.EnumSet;
import org.jline.utils.WCWidth;

/**
 * A virtual terminal that places characters as current terminals do (Unicode 9 and later): emoji
 * such as ✅ take two cells, and a zero-width character joins the cell before the cursor without
 * moving it. Lanterna's own virtual terminal counts only CJK as wide and any cell of more than one
 * char as two, so it cannot show what a real terminal would make of hum's output. It lives in
 * Lanterna's package to put cells of its own width into the buffer.
 */
public class UnicodeVirtualTerminal extends DefaultVirtualTerminal {

    private TextColor foreground = TextColor.ANSI.DEFAULT;
    private TextColor background = TextColor.ANSI.DEFAULT;
    private final EnumSet<SGR> modifiers = EnumSet.noneOf(SGR.class);

    public UnicodeVirtualTerminal(TerminalSize size) {
        super(size);
    }

    @Override
    public synchronized void putCharacter(char c) {
        if (c == '\n') {
            super.putCharacter(c);
        } else {
            putString(String.valueOf(c));
        }
    }

    @Override
    public synchronized void putString(String string) {
        for (int i = 0; i < string.length(); ) {
            int cp = string.codePointAt(i);
            i += Character.charCount(cp);
            int width = WCWidth.wcwidth(cp);
            if (width < 0) {
                continue; // a control: nothing to draw
            }
            String text = new String(Character.toChars(cp));
            if (width == 0) {
                joinPrevious(text);
            } else {
                putCharacter(new Cell(text, width == 2, foreground, background, modifiers));
            }
        }
    }

    /** A zero-width character: drawn over the cell before the cursor, which does not move. */
    private void joinPrevious(String mark) {
        TerminalPosition cursor = getCursorPosition();
        int col = cursor.getColumn() - 1;
        if (col > 0 && getCharacter(col - 1, cursor.getRow()).isDoubleWidth()) {
            col--; // the cell before the cursor is the second half of a wide character
        }
        if (col < 0) {
            return;
        }
        TextCharacter base = getCharacter(col, cursor.getRow());
        String joined = base.getCharacterString() + mark;
        if (!oneGrapheme(joined)) {
            return; // Lanterna cannot hold it in one cell; the cursor stays where it is all the same
        }
        setCursorPosition(col, cursor.getRow());
        putCharacter(new Cell(
                joined,
                base.isDoubleWidth(),
                base.getForegroundColor(),
                base.getBackgroundColor(),
                base.getModifiers()));
        setCursorPosition(cursor);
    }

    private static boolean oneGrapheme(String text) {
        BreakIterator breaks = BreakIterator.getCharacterInstance();
        breaks.setText(text);
        breaks.first();
        return breaks.next() == text.length();
    }

    @Override
    public synchronized void enableSGR(SGR sgr) {
        super.enableSGR(sgr);
        modifiers.add(sgr);
    }

    @Override
    public synchronized void disableSGR(SGR sgr) {
        super.disableSGR(sgr);
        modifiers.remove(sgr);
    }

    @Override
    public synchronized void resetColorAndSGR() {
        super.resetColorAndSGR();
        modifiers.clear();
        foreground = TextColor.ANSI.DEFAULT;
        background = TextColor.ANSI.DEFAULT;
    }

    @Override
    public synchronized void setForegroundColor(TextColor color) {
        super.setForegroundColor(color);
        foreground = color;
    }

    @Override
    public synchronized void setBackgroundColor(TextColor color) {
        super.setBackgroundColor(color);
        background = color;
    }

    /** A cell as wide as the terminal draws it. */
    private static final class Cell extends TextCharacter {
        private static final long serialVersionUID = 1L;

        private final boolean doubleWidth;

        Cell(String text, boolean doubleWidth, TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
            super(TextCharacter.fromString(text, fg, bg, sgr)[0]);
            this.doubleWidth = doubleWidth;
        }

        @Override
        public boolean isDoubleWidth() {
            return doubleWidth;
        }
    }
}
