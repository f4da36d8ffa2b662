package dev.hum.headless;

import dev.hum.log.LogLine;
import dev.hum.log.Style;
import dev.hum.log.StyleRuns;

/**
 * Writes a stored line back out with SGR sequences made from its parsed styles: only colours and
 * text attributes, so the child's own colours survive and nothing else it printed does.
 */
final class StyleWriter {

    void append(StringBuilder sb, LogLine line) {
        StyleRuns runs = line.styles();
        String text = line.text();
        if (runs.isPlain()) {
            sb.append(text);
            return;
        }
        // Text before the first run has the default style, which the caller's prefix left in effect.
        sb.append(text, 0, Math.min(runs.runStart(0), text.length()));
        for (int i = 0; i < runs.runCount(); i++) {
            int start = Math.min(runs.runStart(i), text.length());
            int end = i + 1 < runs.runCount() ? Math.min(runs.runStart(i + 1), text.length()) : text.length();
            sgr(sb, runs.runStyle(i));
            sb.append(text, start, end);
        }
        sb.append("\033[0m");
    }

    /** A full reset followed by the style's attributes and colours, as one SGR sequence. */
    static void sgr(StringBuilder sb, long style) {
        sb.append("\033[0");
        if (Style.has(style, Style.BOLD)) {
            sb.append(";1");
        }
        if (Style.has(style, Style.DIM)) {
            sb.append(";2");
        }
        if (Style.has(style, Style.ITALIC)) {
            sb.append(";3");
        }
        if (Style.has(style, Style.UNDERLINE)) {
            sb.append(";4");
        }
        if (Style.has(style, Style.REVERSE)) {
            sb.append(";7");
        }
        if (Style.has(style, Style.STRIKETHROUGH)) {
            sb.append(";9");
        }
        colour(sb, Style.fgKind(style), Style.fgValue(style), 30, 90, 38);
        colour(sb, Style.bgKind(style), Style.bgValue(style), 40, 100, 48);
        sb.append('m');
    }

    private static void colour(StringBuilder sb, Style.ColorKind kind, int value, int base, int bright, int extended) {
        switch (kind) {
            case DEFAULT:
                return;
            case ANSI16:
                sb.append(';').append(value < 8 ? base + value : bright + value - 8);
                return;
            case INDEXED:
                sb.append(';').append(extended).append(";5;").append(value);
                return;
            case RGB:
                sb.append(';')
                        .append(extended)
                        .append(";2;")
                        .append((value >> 16) & 0xff)
                        .append(';')
                        .append((value >> 8) & 0xff)
                        .append(';')
                        .append(value & 0xff);
                return;
        }
    }
}
