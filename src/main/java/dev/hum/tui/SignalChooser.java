package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.input.KeyStroke;
import dev.hum.config.StopSignal;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code K} chooser: one row of the status line offering the signals a person may send to the selected
 * process's group. A digit sends at once; ← → move and Enter sends; Esc cancels. Render thread only.
 */
final class SignalChooser {

    /** The short list: what dev servers and tools listen for, and KILL for the one that listens to nothing. */
    static final List<StopSignal> SIGNALS =
            List.of(StopSignal.INT, StopSignal.HUP, StopSignal.USR1, StopSignal.USR2, StopSignal.KILL);

    private static final EnumSet<SGR> REVERSE = EnumSet.of(SGR.REVERSE);

    /** What a key did. */
    sealed interface Outcome {
        /** Still choosing, or cancelled (the chooser is closed then). */
        record Nothing() implements Outcome {}

        /** Send {@code signal} to {@code target}'s group; the chooser is closed. */
        record Send(String target, StopSignal signal) implements Outcome {}

        /** Ctrl-C: the chooser is closed and hum quits, as Ctrl-C does everywhere. */
        record Quit() implements Outcome {}
    }

    private static final Outcome NOTHING = new Outcome.Nothing();

    private @Nullable String target;
    private int choice;

    boolean isOpen() {
        return target != null;
    }

    void open(String process) {
        target = process;
        choice = 0;
    }

    Outcome edit(KeyStroke key) {
        String to = target;
        if (to == null) {
            return NOTHING;
        }
        switch (key.getKeyType()) {
            case Escape:
                target = null;
                return NOTHING;
            case Enter:
                target = null;
                return new Outcome.Send(to, SIGNALS.get(choice));
            case ArrowLeft:
            case ArrowUp:
                choice = (choice + SIGNALS.size() - 1) % SIGNALS.size();
                return NOTHING;
            case ArrowRight:
            case ArrowDown:
            case Tab:
                choice = (choice + 1) % SIGNALS.size();
                return NOTHING;
            case Character:
                char c = key.getCharacter();
                if (KeyMap.isCtrlC(key)) {
                    target = null;
                    return new Outcome.Quit();
                }
                int digit = c - '1';
                if (!key.isCtrlDown() && digit >= 0 && digit < SIGNALS.size()) {
                    target = null;
                    return new Outcome.Send(to, SIGNALS.get(digit));
                }
                return NOTHING;
            default:
                return NOTHING;
        }
    }

    /** Paints the chooser over the whole status line; the chosen signal stands out. */
    void paint(Canvas canvas, int row, int width) {
        canvas.fill(0, row, width, 1, Theme.BAR_BG);
        int c = canvas.text(0, row, " signal " + target + ": ", width, Theme.BAR_FG, Theme.BAR_BG, Canvas.PLAIN);
        for (int i = 0; i < SIGNALS.size(); i++) {
            String item = (i + 1) + " " + SIGNALS.get(i).name();
            c = canvas.text(c, row, item, width - c, Theme.BAR_FG, Theme.BAR_BG, i == choice ? REVERSE : Canvas.PLAIN);
            c = canvas.text(c, row, "  ", width - c, Theme.BAR_FG, Theme.BAR_BG, Canvas.PLAIN);
        }
        canvas.text(c, row, "←→ Enter, Esc cancels", width - c, Theme.BAR_FG, Theme.BAR_BG, Canvas.PLAIN);
    }
}
