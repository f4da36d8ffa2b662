package dev.hum.log;

import org.jline.utils.WCWidth;

/** How many terminal cells a character takes: the one width table of the screen, the wrap and tab stops. */
public final class CellWidth {
    /*
     * Stateless; any thread.
     *
     * Widths come from JLine's WCWidth, generated from Unicode 16 (East Asian Wide and Fullwidth, which since
     * Unicode 9 include the emoji drawn as pictures: ✅ ❌ ⚡ ⌚ take two cells in tmux, VTE, kitty, iTerm2 and
     * Windows Terminal alike). Two kinds of zero-width characters are told apart:
     *
     * - marks that join the cell before them (combining accents, enclosing marks, Hangul vowel and final jamo):
     *   every terminal draws them over the base character, so the screen keeps them in the base's cell;
     * - invisible characters (format characters such as ZWJ, ZWSP, soft hyphen, word joiner, BOM; line and
     *   paragraph separators; variation selectors; emoji skin tones): terminals disagree about them (a soft
     *   hyphen takes a cell in glibc's table, VS16 widens a character in some terminals, ZWJ joins emoji in
     *   others), so the screen never draws them and every terminal ends up with the same cells.
     */

    private static final int SKIN_TONE_FIRST = 0x1F3FB;
    private static final int SKIN_TONE_LAST = 0x1F3FF;

    /*
     * The screen asks about every cell of every frame, and for a box-drawing line or an arrow the answer took a
     * Unicode category look-up and a binary search in WCWidth's table each time. So the traits of each BMP
     * character are worked out once and kept in a byte: KNOWN, the width (0 to 2) and INVISIBLE or JOINS. The
     * table is shared without a lock: a byte store is atomic and every thread computes the same byte, so a racing
     * reader at worst works it out again.
     */
    private static final byte[] BMP_TRAITS = new byte[0x10000];
    private static final int KNOWN = 0x10;
    private static final int INVISIBLE = 0x20;
    private static final int JOINS = 0x40;
    private static final int WIDTH = 0x3;

    private CellWidth() {}

    /**
     * Cells the screen gives {@code cp}: 2 for wide characters, 0 for joining marks and invisible characters,
     * 1 otherwise (a control character or a lone surrogate is drawn as one replacement cell).
     */
    public static int of(int cp) {
        if (cp >= 0x20 && cp < 0x7F) {
            return 1;
        }
        if (cp < 0xA0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 1;
        }
        return cp < BMP_TRAITS.length ? traits(cp) & WIDTH : computeWidth(cp);
    }

    private static int computeWidth(int cp) {
        if (computeInvisible(cp)) {
            return 0;
        }
        int width = WCWidth.wcwidth(cp);
        return width == 2 ? 2 : width == 0 ? 0 : 1;
    }

    /** True for a mark that a terminal draws over the character before it (U+0301 after 'e'). */
    public static boolean joinsPrevious(int cp) {
        if (cp < 0x300) {
            return false;
        }
        return cp < BMP_TRAITS.length ? (traits(cp) & JOINS) != 0 : computeJoins(cp);
    }

    private static boolean computeJoins(int cp) {
        return cp >= 0x300 && !(cp >= 0xD800 && cp <= 0xDFFF) && !computeInvisible(cp) && WCWidth.wcwidth(cp) == 0;
    }

    /** True for a character that the screen never draws: it takes no cell and joins nothing. */
    public static boolean isInvisible(int cp) {
        if (cp < 0xAD) {
            return false;
        }
        return cp < BMP_TRAITS.length ? (traits(cp) & INVISIBLE) != 0 : computeInvisible(cp);
    }

    /** The traits byte of BMP character {@code cp}, worked out on first use. */
    private static int traits(int cp) {
        int t = BMP_TRAITS[cp];
        if (t == 0) {
            t = KNOWN | computeWidth(cp) | (computeInvisible(cp) ? INVISIBLE : 0) | (computeJoins(cp) ? JOINS : 0);
            BMP_TRAITS[cp] = (byte) t;
        }
        return t;
    }

    private static boolean computeInvisible(int cp) {
        if (cp < 0xAD) {
            return false;
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return true; // variation selectors
        }
        if (cp >= SKIN_TONE_FIRST && cp <= SKIN_TONE_LAST) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Cells {@code text} takes on screen. */
    public static int of(CharSequence text) {
        return of(text, 0, text.length());
    }

    /** Cells the chars {@code [from, to)} of {@code text} take on screen; a surrogate pair counts once. */
    public static int of(CharSequence text, int from, int to) {
        int cells = 0;
        for (int i = from; i < to; ) {
            int cp = codePointAt(text, i, to);
            cells += of(cp);
            i += Character.charCount(cp);
        }
        return cells;
    }

    /** The code point at {@code i}, a lone surrogate as itself; a pair is only read whole before {@code to}. */
    public static int codePointAt(CharSequence text, int i, int to) {
        char ch = text.charAt(i);
        if (Character.isHighSurrogate(ch) && i + 1 < to) {
            char low = text.charAt(i + 1);
            if (Character.isLowSurrogate(low)) {
                return Character.toCodePoint(ch, low);
            }
        }
        return ch;
    }
}
