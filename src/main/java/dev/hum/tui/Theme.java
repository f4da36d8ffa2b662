package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.hum.log.Style;
import dev.hum.state.ProcessState;
import java.util.EnumSet;

/** The dashboard's colours: statuses, process names, and a log line's own SGR styles. */
final class Theme {

    static final TextColor FG = TextColor.ANSI.DEFAULT;
    static final TextColor BG = TextColor.ANSI.DEFAULT;
    static final TextColor DIM = TextColor.ANSI.BLACK_BRIGHT;
    static final TextColor BAR_FG = TextColor.ANSI.BLACK;
    static final TextColor BAR_BG = TextColor.ANSI.WHITE;
    static final TextColor SELECTED_BG = TextColor.ANSI.BLUE;
    static final TextColor SELECTED_FG = TextColor.ANSI.WHITE_BRIGHT;
    /** Lines selected for copying: the same look as the selected process, one idea of "selected". */
    static final TextColor SELECTION_BG = SELECTED_BG;

    static final TextColor SELECTION_FG = SELECTED_FG;
    static final TextColor MATCH_FG = TextColor.ANSI.BLACK;
    static final TextColor MATCH_BG = TextColor.ANSI.YELLOW_BRIGHT;
    static final TextColor CURRENT_MATCH_BG = TextColor.ANSI.MAGENTA_BRIGHT;
    static final TextColor HUM_NOTE = TextColor.ANSI.CYAN;
    static final TextColor STDERR_MARK = TextColor.ANSI.RED;

    private static final TextColor[] NAME_COLOURS = {
        TextColor.ANSI.CYAN_BRIGHT,
        TextColor.ANSI.YELLOW_BRIGHT,
        TextColor.ANSI.MAGENTA_BRIGHT,
        TextColor.ANSI.GREEN_BRIGHT,
        TextColor.ANSI.BLUE_BRIGHT,
        TextColor.ANSI.RED_BRIGHT,
        TextColor.ANSI.CYAN,
        TextColor.ANSI.YELLOW,
        TextColor.ANSI.MAGENTA,
        TextColor.ANSI.GREEN,
    };

    private static final TextColor[] ANSI16 = {
        TextColor.ANSI.BLACK,
        TextColor.ANSI.RED,
        TextColor.ANSI.GREEN,
        TextColor.ANSI.YELLOW,
        TextColor.ANSI.BLUE,
        TextColor.ANSI.MAGENTA,
        TextColor.ANSI.CYAN,
        TextColor.ANSI.WHITE,
        TextColor.ANSI.BLACK_BRIGHT,
        TextColor.ANSI.RED_BRIGHT,
        TextColor.ANSI.GREEN_BRIGHT,
        TextColor.ANSI.YELLOW_BRIGHT,
        TextColor.ANSI.BLUE_BRIGHT,
        TextColor.ANSI.MAGENTA_BRIGHT,
        TextColor.ANSI.CYAN_BRIGHT,
        TextColor.ANSI.WHITE_BRIGHT
    };

    private static final long ATTRIBUTES =
            Style.BOLD | Style.ITALIC | Style.UNDERLINE | Style.REVERSE | Style.STRIKETHROUGH;

    private static final TextColor[] INDEXED = new TextColor[256];

    static {
        for (int i = 0; i < INDEXED.length; i++) {
            INDEXED[i] = new TextColor.Indexed(i);
        }
    }

    private Theme() {}

    /** The colour of a process's name, by its position: the same in the list and the all view. */
    static TextColor nameColour(int processId) {
        return NAME_COLOURS[Math.floorMod(processId, NAME_COLOURS.length)];
    }

    /** The colour of a status word; the word itself always says the status too. */
    static TextColor statusColour(ProcessState state) {
        switch (state.status()) {
            case RUNNING:
                return TextColor.ANSI.GREEN_BRIGHT;
            case STARTING:
            case STOPPING:
            case WAITING:
            case BACKOFF:
                return TextColor.ANSI.YELLOW_BRIGHT;
            case EXITED:
                return TextColor.ANSI.CYAN;
            case FAILED:
            case NOT_READY:
            case BLOCKED:
                return TextColor.ANSI.RED_BRIGHT;
            default:
                return DIM;
        }
    }

    static TextColor foreground(long style) {
        return colour(Style.fgKind(style), Style.fgValue(style));
    }

    static TextColor background(long style) {
        return colour(Style.bgKind(style), Style.bgValue(style));
    }

    static EnumSet<SGR> modifiers(long style) {
        if ((style & ATTRIBUTES) == 0) {
            return Canvas.PLAIN; // the common case allocates nothing
        }
        EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
        if (Style.has(style, Style.BOLD)) {
            set.add(SGR.BOLD);
        }
        if (Style.has(style, Style.ITALIC)) {
            set.add(SGR.ITALIC);
        }
        if (Style.has(style, Style.UNDERLINE)) {
            set.add(SGR.UNDERLINE);
        }
        if (Style.has(style, Style.REVERSE)) {
            set.add(SGR.REVERSE);
        }
        if (Style.has(style, Style.STRIKETHROUGH)) {
            set.add(SGR.CROSSED_OUT);
        }
        return set;
    }

    private static TextColor colour(Style.ColorKind kind, int value) {
        switch (kind) {
            case ANSI16:
                return ANSI16[value & 15];
            case INDEXED:
                return INDEXED[value & 255];
            case RGB:
                return new TextColor.RGB((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
            default:
                return TextColor.ANSI.DEFAULT;
        }
    }
}
