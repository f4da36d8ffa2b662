package dev.hum.log;

/**
 * What stands in for characters a terminal would interpret: control pictures for C0 and DEL, U+FFFD otherwise;
 * bidirectional controls are dropped.
 */
final class ControlChars {
    /*
     * A visible stand-in (NUL shows as U+2400 "␀", ESC as "␛", DEL as "␡") tells the reader what the child
     * printed, where U+FFFD would only say "something". Both are one column wide and harmless to a terminal.
     *
     * Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and the marks LRM, RLM and ALM
     * reorder the text after them on a terminal that honours them: a child could make "txt.exe" read "exe.txt"
     * (the Trojan Source trick), and the screen would not know where its cells went. They carry nothing else.
     */

    static final int REPLACEMENT = 0xFFFD;

    /** Marker appended to a line cut at the length bound. */
    static final String CUT_MARKER = " … [cut]";

    private ControlChars() {}

    static boolean isC0OrDel(int cp) {
        return cp < 0x20 || cp == 0x7F;
    }

    static boolean isC1(int cp) {
        return cp >= 0x80 && cp <= 0x9F;
    }

    /** True for a character that changes the direction of the text around it; such characters are dropped. */
    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E
                || cp == 0x200F
                || cp == 0x061C;
    }

    /** Visible picture for a C0 control or DEL. */
    static int picture(int cp) {
        return cp == 0x7F ? 0x2421 : 0x2400 + cp;
    }

    /**
     * Hum's own text made safe as one line: tabs become a space, controls pictures, C1 and lone surrogates U+FFFD;
     * bidirectional controls are dropped.
     */
    static String sanitise(String text, int maxChars) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), maxChars) + CUT_MARKER.length());
        for (int i = 0; i < text.length(); ) {
            if (b.length() >= maxChars) {
                return b.append(CUT_MARKER).toString();
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t') {
                b.append(' ');
            } else if (isBidiControl(cp)) {
                continue;
            } else if (isC0OrDel(cp)) {
                b.appendCodePoint(picture(cp));
            } else if (isC1(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                b.appendCodePoint(REPLACEMENT);
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }
}
