package dev.hum.tui;

import com.googlecode.lanterna.input.KeyStroke;
import org.jspecify.annotations.Nullable;

/**
 * The line being typed for a process's stdin in the status bar: opened by a key for the selected
 * process, sent with Enter, dropped with Esc. Render thread only.
 */
final class InputLine {

    /** Most characters of one line: a typed line, well inside a pipe's 64 KiB. */
    static final int MAX = 4096;

    /** What a key did to the line. */
    enum Outcome {
        EDITING,
        SEND,
        CANCEL,
        QUIT
    }

    private @Nullable String target;
    private final StringBuilder text = new StringBuilder();

    boolean isOpen() {
        return target != null;
    }

    void open(String process) {
        target = process;
        text.setLength(0);
    }

    /** The process the line goes to; only while open. */
    String target() {
        String t = target;
        if (t == null) {
            throw new IllegalStateException("no input line is open");
        }
        return t;
    }

    /** The text typed so far. */
    String text() {
        return text.toString();
    }

    /** Applies one key; on SEND, CANCEL and QUIT the line is closed (read {@link #text} and the target first). */
    Outcome edit(KeyStroke key) {
        switch (key.getKeyType()) {
            case Enter:
                return Outcome.SEND;
            case Escape:
                target = null;
                return Outcome.CANCEL;
            case Backspace:
                if (text.length() > 0) {
                    text.setLength(text.length() - 1);
                }
                return Outcome.EDITING;
            case Character:
                char c = key.getCharacter();
                if (KeyMap.isCtrlC(key)) {
                    target = null;
                    return Outcome.QUIT;
                }
                if (!key.isCtrlDown() && c >= ' ' && text.length() < MAX) {
                    text.append(c);
                }
                return Outcome.EDITING;
            default:
                return Outcome.EDITING;
        }
    }

    /** Closes the line after it was sent. */
    void close() {
        target = null;
    }

    /** The status bar while typing: the tail of a line too long for {@code room} cells, then the cursor. */
    String prompt(int room) {
        String head = " input to " + target() + ": ";
        String hint = "▏  (Enter sends a line to its stdin, Esc cancels)";
        String typed = text.toString();
        int fit = Math.max(1, room - Canvas.width(head) - Canvas.width(hint));
        if (typed.length() > fit) {
            typed = "…" + typed.substring(typed.length() - fit + 1);
        }
        return head + typed + hint;
    }
}
