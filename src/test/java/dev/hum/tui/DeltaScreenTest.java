package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.UnicodeVirtualTerminal;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The delta refresh leaves the terminal exactly as Lanterna's complete refresh of the same frame does. */
final class DeltaScreenTest {

    private static final List<String> WORDS = List.of("tick 42", "GET /api", "中文字", "✅ ok", "e\u0301t\u00e9", "│", " ");
    private static final List<TextColor> COLOURS =
            List.of(TextColor.ANSI.DEFAULT, TextColor.ANSI.RED, Theme.FG, Theme.DIM, Theme.SELECTED_BG);
    private static final List<EnumSet<SGR>> MODIFIERS =
            List.of(EnumSet.noneOf(SGR.class), EnumSet.of(SGR.BOLD), EnumSet.of(SGR.BOLD, SGR.UNDERLINE));

    /** Every cell of the terminal with its colours and modifiers, wide characters once. */
    private static String cells(DefaultVirtualTerminal terminal) {
        StringBuilder b = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter ch = terminal.getCharacter(c, r);
                b.append(ch.getCharacterString())
                        .append(ch.getForegroundColor())
                        .append('/')
                        .append(ch.getBackgroundColor())
                        .append(ch.getModifiers())
                        .append(' ');
                if (ch.isDoubleWidth()) {
                    c++;
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** One random frame's drawing, applied alike to several screens. */
    private static void draw(Screen screen, Glyphs glyphs, long seed) {
        Random random = new Random(seed);
        Canvas canvas = new Canvas(screen, glyphs);
        for (int k = random.nextInt(6); k >= 0; k--) {
            int row = random.nextInt(12);
            int col = random.nextInt(40);
            if (random.nextInt(4) == 0) {
                canvas.fill(col, row, random.nextInt(20), 1 + random.nextInt(3), COLOURS.get(random.nextInt(5)));
            } else {
                canvas.text(
                        col,
                        row,
                        WORDS.get(random.nextInt(WORDS.size())),
                        random.nextInt(12),
                        COLOURS.get(random.nextInt(5)),
                        COLOURS.get(random.nextInt(5)),
                        MODIFIERS.get(random.nextInt(3)));
            }
        }
    }

    /** Hum's screen and Lanterna's own on two alike terminals, given the same frames. */
    private static final class SideBySide {
        final DefaultVirtualTerminal ours = new UnicodeVirtualTerminal(new TerminalSize(40, 12));
        final DefaultVirtualTerminal lanterna = new UnicodeVirtualTerminal(new TerminalSize(40, 12));
        final DeltaScreen screen;
        final TerminalScreen reference;
        private final Glyphs glyphs = new Glyphs();
        private final Glyphs referenceGlyphs = new Glyphs();

        SideBySide() throws Exception {
            screen = new DeltaScreen(ours);
            reference = new TerminalScreen(lanterna);
            screen.startScreen();
            reference.startScreen();
        }

        void draw(long frame) {
            DeltaScreenTest.draw(screen, glyphs, frame);
            DeltaScreenTest.draw(reference, referenceGlyphs, frame);
        }

        void refresh(Screen.RefreshType type) throws Exception {
            screen.refresh(type);
            reference.refresh(type);
        }
    }

    @Test
    void refresh_delta_leavesTheCellsLanternasDeltaRefreshWould() throws Exception {
        // Lanterna's virtual terminal, unlike tmux or xterm, moves a neighbour when a wide character is overwritten
        // by halves, so the reference is Lanterna's own delta refresh of the same frames, not a complete one.
        SideBySide both = new SideBySide();
        for (int frame = 0; frame < 400; frame++) {
            both.draw(frame);
            both.refresh(Screen.RefreshType.DELTA);
            String[] expected = cells(both.lanterna).split("\n");
            String[] delta = cells(both.ours).split("\n");
            for (int row = 0; row < expected.length; row++) {
                assertEquals(expected[row], delta[row], "frame " + frame + ", row " + row);
            }
        }
    }

    /** Text written to the terminal behind the screen's back, in a colour. */
    private static void scribble(DefaultVirtualTerminal terminal, long seed) {
        Random random = new Random(seed);
        terminal.setBackgroundColor(TextColor.ANSI.BLUE);
        for (int k = 0; k < 30; k++) {
            terminal.setCursorPosition(random.nextInt(40), random.nextInt(12));
            terminal.putCharacter((char) ('a' + random.nextInt(26)));
        }
    }

    @Test
    void refresh_complete_leavesTheCellsLanternasCompleteRefreshWould() throws Exception {
        // Every third frame is written whole over cells the screen did not write: the terminal then shows the
        // frame alone, as Lanterna's complete refresh leaves it.
        SideBySide both = new SideBySide();
        for (int frame = 0; frame < 100; frame++) {
            both.draw(frame);
            Screen.RefreshType type = frame % 3 == 0 ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA;
            if (type == Screen.RefreshType.COMPLETE) { // the shell's output while hum was suspended, say
                scribble(both.ours, frame);
                scribble(both.lanterna, frame);
            }
            both.refresh(type);
            assertEquals(cells(both.lanterna), cells(both.ours), "frame " + frame + ", " + type);
        }
    }

    @Test
    void refresh_afterAResize_isComplete() throws Exception {
        DefaultVirtualTerminal terminal = new UnicodeVirtualTerminal(new TerminalSize(30, 8));
        DeltaScreen screen = new DeltaScreen(terminal);
        screen.startScreen();
        Canvas canvas = new Canvas(screen, new Glyphs());
        canvas.text(0, 0, "before", 30, Theme.FG, Theme.BG, Canvas.PLAIN);
        screen.refresh(Screen.RefreshType.DELTA);
        terminal.setTerminalSize(new TerminalSize(20, 6));
        screen.doResizeIfNecessary();
        new Canvas(screen, new Glyphs()).text(0, 1, "after", 20, Theme.FG, Theme.BG, Canvas.PLAIN);
        screen.refresh(Screen.RefreshType.DELTA);
        String delta = cells(terminal);
        screen.refresh(Screen.RefreshType.COMPLETE);
        assertEquals(cells(terminal), delta);
    }
}
