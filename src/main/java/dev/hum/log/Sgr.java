package dev.hum.log;

import dev.hum.log.Style.ColorKind;

/** Applies the parameters of one SGR sequence ({@code ESC [ ... m}) to a packed {@link Style}. */
final class Sgr {
    private Sgr() {}

    /**
     * Returns {@code style} changed by {@code params[0, count)}; {@code colon[i]} marks a parameter that followed a
     * ':' (a sub-parameter of the one before it, as in {@code 38:2::r:g:b}). No parameter at all means reset.
     */
    static long apply(long style, int[] params, boolean[] colon, int count) {
        if (count == 0) {
            return Style.DEFAULT;
        }
        int i = 0;
        while (i < count) {
            int p = params[i];
            int subs = 0;
            while (i + 1 + subs < count && colon[i + 1 + subs]) {
                subs++;
            }
            if ((p == 38 || p == 48) && subs > 0) {
                style = extendedColor(style, p == 38, params, i + 1, subs, true);
                i += 1 + subs;
                continue;
            }
            if (p == 38 || p == 48) {
                int used = extendedLength(params, i + 1, count);
                style = extendedColor(style, p == 38, params, i + 1, used, false);
                i += 1 + used;
                continue;
            }
            style = simple(style, p, subs > 0 ? params[i + 1] : -1);
            i += 1 + subs;
        }
        return style;
    }

    private static int extendedLength(int[] params, int at, int count) {
        if (at >= count) {
            return 0;
        }
        int wanted = params[at] == 5 ? 2 : params[at] == 2 ? 4 : 1;
        return Math.min(wanted, count - at);
    }

    private static long extendedColor(long style, boolean fg, int[] p, int at, int n, boolean colonForm) {
        if (n >= 2 && p[at] == 5) {
            return set(style, fg, ColorKind.INDEXED, p[at + 1] & 0xFF);
        }
        if (p[at] == 2) {
            // colon form may carry a colour-space id: 38:2:<cs>:r:g:b
            int rgb = colonForm && n >= 5 ? at + 2 : at + 1;
            if (rgb + 2 <= at + n - 1) {
                int v = (clamp(p[rgb]) << 16) | (clamp(p[rgb + 1]) << 8) | clamp(p[rgb + 2]);
                return set(style, fg, ColorKind.RGB, v);
            }
        }
        return style;
    }

    private static int clamp(int c) {
        return Math.min(255, Math.max(0, c));
    }

    private static long set(long style, boolean fg, ColorKind kind, int value) {
        return fg ? Style.withFg(style, kind, value) : Style.withBg(style, kind, value);
    }

    private static long simple(long style, int p, int sub) {
        if (p >= 30 && p <= 37) {
            return Style.withFg(style, ColorKind.ANSI16, p - 30);
        } else if (p >= 90 && p <= 97) {
            return Style.withFg(style, ColorKind.ANSI16, p - 90 + 8);
        } else if (p >= 40 && p <= 47) {
            return Style.withBg(style, ColorKind.ANSI16, p - 40);
        } else if (p >= 100 && p <= 107) {
            return Style.withBg(style, ColorKind.ANSI16, p - 100 + 8);
        }
        return switch (p) {
            case 0 -> Style.DEFAULT;
            case 1 -> style | Style.BOLD;
            case 2 -> style | Style.DIM;
            case 3 -> style | Style.ITALIC;
            case 4 -> sub == 0 ? style & ~Style.UNDERLINE : style | Style.UNDERLINE; // 4:0 is "no underline"
            case 7 -> style | Style.REVERSE;
            case 9 -> style | Style.STRIKETHROUGH;
            case 21 -> style | Style.UNDERLINE; // double underline, shown as underline
            case 22 -> style & ~(Style.BOLD | Style.DIM);
            case 23 -> style & ~Style.ITALIC;
            case 24 -> style & ~Style.UNDERLINE;
            case 27 -> style & ~Style.REVERSE;
            case 29 -> style & ~Style.STRIKETHROUGH;
            case 39 -> Style.withFg(style, ColorKind.DEFAULT, 0);
            case 49 -> Style.withBg(style, ColorKind.DEFAULT, 0);
            default -> style; // blink, conceal, fonts, ...: not shown
        };
    }
}
