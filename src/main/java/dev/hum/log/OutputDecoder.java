package dev.hum.log;

/** Turns one stream's raw bytes into sanitised, styled lines appended to a {@link LogBuffer}, one batch per chunk. */
public final class OutputDecoder {
    /*
     * Owned by one pump thread (not thread-safe); several decoders may feed one buffer, which serialises them.
     *
     * Bytes go through an incremental UTF-8 decoder (invalid sequences become U+FFFD, sequences split across
     * chunks decode whole), then a terminal-style escape parser that keeps only SGR colours: CSI of any final
     * byte, OSC, DCS/SOS/PM/APC strings, two-byte escapes and C1 controls are dropped (CSI K and G still edit the
     * line in progress, as a progress bar expects). An escape longer than MAX_ESCAPE code points, or one broken
     * by LF, CAN or SUB, is abandoned, so garbage cannot swallow the stream. TAB expands to the next multiple of
     * 8 cells (display width, so a tab after CJK text lines up as on a terminal), BEL and bidirectional controls
     * are dropped, other C0 controls and DEL become control pictures (see ControlChars).
     */

    /** Default bound on a line's text, in UTF-8 bytes. */
    public static final int DEFAULT_MAX_LINE_BYTES = LogBuffer.MAX_LINE_BYTES;

    static final int MAX_ESCAPE = 4096;
    private static final int MAX_PARAMS = 32;
    private static final int ESC = 0x1B;

    private enum State {
        GROUND,
        ESCAPE,
        ESCAPE_INTERMEDIATE,
        CSI,
        STRING,
        STRING_ESCAPE
    }

    private final LogBuffer buffer;
    private final Source source;
    private final LineBuilder line;
    private final LineBatch batch = new LineBatch();

    private int utf8Need;
    private int utf8Cp;
    private int utf8Low = 0x80;
    private int utf8High = 0xBF;

    private State state = State.GROUND;
    private int escapeLength;
    private final int[] params = new int[MAX_PARAMS];
    private final boolean[] colon = new boolean[MAX_PARAMS];
    private int paramCount;
    private boolean paramStarted;
    private boolean csiPrivate;
    private long style = Style.DEFAULT;
    private boolean crPending;

    public OutputDecoder(LogBuffer buffer, Source source) {
        this(buffer, source, DEFAULT_MAX_LINE_BYTES);
    }

    public OutputDecoder(LogBuffer buffer, Source source, int maxLineBytes) {
        if (maxLineBytes < 16 || maxLineBytes > LogBuffer.MAX_LINE_BYTES) {
            throw new IllegalArgumentException("maxLineBytes must be in 16.." + LogBuffer.MAX_LINE_BYTES);
        }
        this.buffer = buffer;
        this.source = source;
        this.line = new LineBuilder(maxLineBytes);
    }

    /** Decodes a chunk and appends the lines it completed in one batch; returns how many lines were appended. */
    public int feed(byte[] chunk, int off, int len) {
        for (int i = off; i < off + len; i++) {
            decodeByte(chunk[i] & 0xFF);
        }
        return flush();
    }

    /** End of stream: an unfinished UTF-8 sequence becomes U+FFFD and a partial last line is appended. */
    public int finish() {
        if (utf8Need > 0) {
            utf8Need = 0;
            codePoint(ControlChars.REPLACEMENT);
        }
        state = State.GROUND;
        crPending = false;
        line.finish(batch, source);
        return flush();
    }

    /** Bytes of text dropped after over-long lines were cut. */
    public long droppedBytes() {
        return line.droppedBytes();
    }

    private int flush() {
        int n = batch.count();
        if (n > 0) {
            buffer.append(batch);
            batch.clear();
        }
        return n;
    }

    private void decodeByte(int b) {
        if (utf8Need > 0) {
            if (b >= utf8Low && b <= utf8High) {
                utf8Cp = (utf8Cp << 6) | (b & 0x3F);
                utf8Low = 0x80;
                utf8High = 0xBF;
                if (--utf8Need == 0) {
                    codePoint(utf8Cp);
                }
                return;
            }
            utf8Need = 0; // broken sequence: one U+FFFD, then this byte starts afresh
            codePoint(ControlChars.REPLACEMENT);
        }
        if (b < 0x80) {
            codePoint(b);
        } else if (b >= 0xC2 && b <= 0xDF) {
            start(b & 0x1F, 1, 0x80, 0xBF);
        } else if (b >= 0xE0 && b <= 0xEF) {
            start(b & 0x0F, 2, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF); // no overlongs, no surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            start(b & 0x07, 3, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF); // no overlongs, <= U+10FFFF
        } else {
            codePoint(ControlChars.REPLACEMENT);
        }
    }

    private void start(int bits, int need, int low, int high) {
        utf8Cp = bits;
        utf8Need = need;
        utf8Low = low;
        utf8High = high;
    }

    private void codePoint(int cp) {
        if (state != State.GROUND && ++escapeLength > MAX_ESCAPE) {
            state = State.GROUND; // unterminated: give up on it, keep what follows
        }
        switch (state) {
            case GROUND -> ground(cp);
            case ESCAPE -> escape(cp);
            case ESCAPE_INTERMEDIATE -> {
                if (cp >= 0x20 && cp <= 0x2F) {
                    return;
                }
                if (cp >= 0x30 && cp <= 0x7E) {
                    state = State.GROUND;
                } else {
                    abort(cp);
                }
            }
            case CSI -> csi(cp);
            case STRING -> string(cp);
            case STRING_ESCAPE -> {
                if (cp == '\\') {
                    state = State.GROUND;
                } else {
                    enter(State.ESCAPE); // ESC inside a string starts a new escape, as in xterm
                    escape(cp);
                }
            }
        }
    }

    private void ground(int cp) {
        if (cp == ESC) {
            enter(State.ESCAPE);
        } else if (cp == 0x9B) {
            enterCsi();
        } else if (cp == 0x90 || cp == 0x98 || cp == 0x9D || cp == 0x9E || cp == 0x9F) {
            enter(State.STRING);
        } else if (ControlChars.isC1(cp)) {
            return;
        } else if (ControlChars.isC0OrDel(cp)) {
            control(cp);
        } else if (cp >= 0x61C
                && ControlChars.isBidiControl(cp)) { // the test skipped for ASCII: a flood is mostly ASCII
            return;
        } else {
            text(cp);
        }
    }

    private void escape(int cp) {
        if (cp == '[') {
            enterCsi();
        } else if (cp == ']' || cp == 'P' || cp == 'X' || cp == '^' || cp == '_') {
            enter(State.STRING);
        } else if (cp >= 0x20 && cp <= 0x2F) {
            state = State.ESCAPE_INTERMEDIATE;
        } else if (cp >= 0x30 && cp <= 0x7E) {
            state = State.GROUND;
        } else if (cp == ESC) {
            enter(State.ESCAPE);
        } else {
            abort(cp);
        }
    }

    private void csi(int cp) {
        if (cp >= '0' && cp <= '9') {
            if (paramCount < MAX_PARAMS) {
                if (!paramStarted) {
                    params[paramCount] = 0;
                    paramStarted = true;
                }
                params[paramCount] = Math.min(params[paramCount] * 10 + (cp - '0'), 0xFFFF);
            }
        } else if (cp == ';' || cp == ':') {
            endParam();
            if (paramCount < MAX_PARAMS) {
                colon[paramCount] = cp == ':';
            }
        } else if (cp >= 0x3C && cp <= 0x3F) {
            csiPrivate = true; // ? < = > : DEC private modes, never SGR
        } else if (cp >= 0x20 && cp <= 0x2F) {
            csiPrivate = true; // intermediates: not plain SGR either
        } else if (cp >= 0x40 && cp <= 0x7E) {
            if (paramStarted || paramCount > 0) {
                endParam();
            }
            state = State.GROUND;
            dispatch(cp);
        } else if (cp == ESC) {
            enter(State.ESCAPE);
        } else {
            abort(cp);
        }
    }

    private void endParam() {
        if (paramCount < MAX_PARAMS) {
            if (!paramStarted) {
                params[paramCount] = 0;
            }
            paramCount++;
        }
        paramStarted = false;
    }

    private void dispatch(int fin) {
        if (csiPrivate) {
            return;
        }
        int first = paramCount > 0 ? params[0] : 0;
        switch (fin) {
            case 'm' -> style = Sgr.apply(style, params, colon, paramCount);
            case 'K' -> {
                applyCr();
                line.erase(first);
            }
            case 'G' -> {
                crPending = false;
                line.moveTo(Math.max(1, first) - 1);
            }
            default -> {} // cursor moves, clearing, modes: nothing a log keeps
        }
    }

    private void string(int cp) {
        if (cp == 0x07 || cp == 0x9C) {
            state = State.GROUND;
        } else if (cp == ESC) {
            state = State.STRING_ESCAPE;
        } else if (cp == '\n' || cp == 0x18 || cp == 0x1A) {
            abort(cp);
        }
    }

    /** Abandons the escape in progress; a control that broke it still acts, other text shows. */
    private void abort(int cp) {
        state = State.GROUND;
        if (cp != 0x18 && cp != 0x1A) {
            ground(cp);
        }
    }

    private void enter(State s) {
        state = s;
        escapeLength = 0;
    }

    private void enterCsi() {
        enter(State.CSI);
        paramCount = 0;
        paramStarted = false;
        csiPrivate = false;
        colon[0] = false;
    }

    private void control(int cp) {
        switch (cp) {
            case '\n' -> {
                crPending = false;
                line.endLine(batch, source);
            }
            case '\r' -> crPending = true;
            case '\t' -> {
                applyCr();
                int spaces = 8 - line.cellColumn() % 8;
                for (int i = 0; i < spaces; i++) {
                    line.put(' ', style, batch, source);
                }
            }
            case 0x07 -> {} // BEL: a terminal would beep; a log stays quiet
            default -> text(ControlChars.picture(cp));
        }
    }

    private void text(int cp) {
        applyCr();
        line.put(cp, style, batch, source);
    }

    private void applyCr() {
        if (crPending) {
            crPending = false;
            line.carriageReturn();
        }
    }
}
