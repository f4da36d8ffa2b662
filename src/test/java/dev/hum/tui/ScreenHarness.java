package dev.hum.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.virtual.UnicodeVirtualTerminal;
import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.process.Supervisor;
import dev.hum.testing.Poll;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * A real dashboard on a virtual terminal that places characters as current terminals do (see {@link
 * UnicodeVirtualTerminal}), with real processes, for screen tests.
 */
final class ScreenHarness implements AutoCloseable {

    static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    final RecordingTerminal terminal;
    final Screen screen;
    final Supervisor supervisor;
    final Dashboard dashboard;

    ScreenHarness(int columns, int rows, ProcessSpec... specs) throws IOException {
        this(columns, rows, new Settings(100_000, 30), specs);
    }

    ScreenHarness(int columns, int rows, Settings settings, ProcessSpec... specs) throws IOException {
        this(columns, rows, new ProjectConfig(TMP, Origin.HUM_FILE, List.of(specs), settings), "test");
    }

    /** A dashboard over a whole project, for example the built-in demo, under {@code title}. */
    ScreenHarness(int columns, int rows, ProjectConfig config, String title) throws IOException {
        this(columns, rows, new Supervisor(config), title, null);
    }

    /** A dashboard over a supervisor the test made, for example one with a journal. */
    ScreenHarness(int columns, int rows, Supervisor supervisor, String title) throws IOException {
        this(columns, rows, supervisor, title, null);
    }

    /** As above, with the searches run by {@code searches} (a test can hold them back), or the real worker. */
    ScreenHarness(int columns, int rows, ProjectConfig config, String title, ExecutorService searches)
            throws IOException {
        this(columns, rows, new Supervisor(config), title, searches);
    }

    private ScreenHarness(int columns, int rows, Supervisor supervisor, String title, ExecutorService searches)
            throws IOException {
        terminal = new RecordingTerminal(new TerminalSize(columns, rows));
        screen = new DeltaScreen(terminal);
        screen.startScreen();
        this.supervisor = supervisor;
        dashboard = searches == null
                ? new Dashboard(supervisor, title, Dashboard.Clock.SYSTEM)
                : new Dashboard(
                        supervisor,
                        title,
                        Dashboard.Clock.SYSTEM,
                        searches,
                        new java.util.concurrent.ConcurrentLinkedQueue<>());
        // No display and no PATH: a copy goes out through OSC 52 alone, whatever the machine has installed.
        dashboard.useClipboard(new Clipboard(Map.of(), Duration.ofSeconds(30)));
    }

    static ProcessSpec shell(String name, String script) {
        return shell(name, script, true);
    }

    static ProcessSpec shell(String name, String script, boolean autostart) {
        return new ProcessSpec(
                name, new Command.Shell(script), TMP, Map.of(), autostart, StopSignal.TERM, Duration.ofSeconds(5));
    }

    void startAll() {
        supervisor.startWanted(List.of()).forEach(f -> f.join());
    }

    /** Draws a frame the way the render loop does. */
    void frame() throws IOException {
        TerminalSize resized = screen.doResizeIfNecessary();
        dashboard.draw(screen);
        screen.refresh(resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    void press(char c) throws IOException {
        dashboard.handle(new KeyStroke(c, false, false));
        settle();
    }

    void press(KeyType type) throws IOException {
        dashboard.handle(new KeyStroke(type));
        settle();
    }

    /** Draws frames until no search runs on the worker: a key's whole effect is on screen. */
    void settle() throws IOException {
        frame();
        await(
                () -> {
                    try {
                        frame();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return !dashboard.scanning();
                },
                "the search to finish");
    }

    void type(String text) throws IOException {
        for (char c : text.toCharArray()) {
            dashboard.handle(new KeyStroke(c, false, false));
        }
        frame();
    }

    /** Row {@code r} of what the terminal shows, padding of wide characters left out. */
    String row(int r) {
        StringBuilder sb = new StringBuilder();
        int columns = terminal.getTerminalSize().getColumns();
        for (int c = 0; c < columns; c++) {
            TextCharacter ch = terminal.getCharacter(c, r);
            sb.append(ch == null ? " " : ch.getCharacterString());
            if (ch != null && ch.isDoubleWidth()) {
                c++;
            }
        }
        return sb.toString();
    }

    TextCharacter cell(int column, int row) {
        return terminal.getCharacter(column, row);
    }

    /** The whole screen, one line per row. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
            sb.append(row(r)).append('\n');
        }
        return sb.toString();
    }

    /** Redraws until the screen shows {@code expected}, or fails with the last screen. */
    void awaitText(String expected) throws IOException {
        await(
                () -> {
                    try {
                        frame();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return text().contains(expected);
                },
                "screen to show '" + expected + "'");
    }

    /** Waits for {@code condition}; a failure shows the screen as it was last read. */
    void await(BooleanSupplier condition, String what) {
        Poll.until(what, this::text, screen -> condition.getAsBoolean());
    }

    @Override
    public void close() throws IOException {
        supervisor.close();
        screen.stopScreen();
    }
}
