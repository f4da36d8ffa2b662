package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.virtual.UnicodeVirtualTerminal;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.process.Supervisor;
import dev.hum.testing.OwnThread;
import dev.hum.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The render loop sleeps while nothing changes (issue 14: it woke 30 times a second to ask) and is woken by what it
 * draws: a state change, a line, a key, a resize. The loop here sleeps up to an hour with nothing due, and no process
 * counts an uptime: a wake-up that went missing leaves the screen as it was, and the test fails.
 */
final class RenderLoopWakeTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    /**
     * A virtual terminal whose key reading does not hold its monitor while it waits (Lanterna's does, which would
     * stop every frame while the loop's key reader waits for a key).
     */
    private static final class KeyedTerminal extends UnicodeVirtualTerminal {
        private final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();

        KeyedTerminal(TerminalSize size) {
            super(size);
        }

        void press(char c) {
            keys.add(new KeyStroke(c, false, false));
        }

        @Override
        public KeyStroke readInput() {
            try {
                return keys.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new KeyStroke(KeyType.EOF);
            }
        }

        @Override
        public KeyStroke pollInput() {
            return keys.poll();
        }

        /** Row {@code r} as shown. */
        synchronized String row(int r) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < getTerminalSize().getColumns(); c++) {
                TextCharacter ch = getCharacter(c, r);
                sb.append(ch == null ? " " : ch.getCharacterString());
            }
            return sb.toString();
        }

        synchronized String text() {
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < getTerminalSize().getRows(); r++) {
                sb.append(row(r)).append('\n');
            }
            return sb.toString();
        }
    }

    /** The real loop on its own thread over a virtual terminal, with real processes, until {@code q} ends it. */
    private static final class Running implements AutoCloseable {
        final KeyedTerminal terminal;
        final Screen screen;
        final Supervisor supervisor;
        final RenderLoop render;
        final CompletableFuture<Void> loop;

        Running(int rows, ProcessSpec... specs) throws IOException {
            terminal = new KeyedTerminal(new TerminalSize(100, rows));
            screen = new DeltaScreen(terminal);
            screen.startScreen();
            supervisor = new Supervisor(
                    new ProjectConfig(ScreenHarness.TMP, Origin.HUM_FILE, List.of(specs), new Settings(100_000, 30)));
            Dashboard dashboard = new Dashboard(supervisor, "test", Dashboard.Clock.SYSTEM);
            render = new RenderLoop(RenderLoop.ScreenGate.OPEN, screen, supervisor, dashboard, 30, HOUR);
            loop = OwnThread.supply(() -> {
                try {
                    render.run();
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }

        /** Waits until the loop drew {@code expected} and sleeps with nothing due: what comes now must wake it. */
        void awaitIdle(String expected) {
            awaitScreen(expected);
            Poll.until("the loop to sleep", render::idle);
        }

        void awaitScreen(String expected) {
            Poll.until("the loop to draw '" + expected + "'", terminal::text, t -> t.contains(expected));
        }

        /** Presses {@code q}, which ends the loop once every process stopped. */
        @Override
        public void close() throws Exception {
            terminal.press('q');
            loop.get(Poll.LIMIT.toSeconds(), TimeUnit.SECONDS);
            supervisor.close();
            screen.stopScreen();
        }
    }

    @Test
    void run_idle_drawsALinePrintedLater() throws Exception {
        try (Running r = new Running(12, ScreenHarness.shell("a", "true", false))) {
            r.awaitIdle("NOT STARTED");
            var log = r.supervisor.find("a").orElseThrow().log();
            log.appendNotice("news from nowhere");
            long total = log.totalAppended();
            r.supervisor.registry().find("a").orElseThrow().update(s -> s.withLines(total));
            r.awaitScreen("news from nowhere");
        }
    }

    @Test
    void run_idle_drawsAStatusChange() throws Exception {
        try (Running r =
                new Running(12, ScreenHarness.shell("a", "true", false), ScreenHarness.shell("b", "exit 3", false))) {
            r.awaitIdle("NOT STARTED");
            r.supervisor.start("b").join();
            r.awaitScreen("FAILED 3");
        }
    }

    @Test
    void run_idle_drawsAKeyAtOnce() throws Exception {
        try (Running r = new Running(24, ScreenHarness.shell("a", "true", false))) {
            r.awaitIdle("NOT STARTED");
            r.terminal.press('?');
            r.awaitScreen("any other key closes");
            r.terminal.press('?'); // any key closes the help, so that q quits
            r.awaitScreen("NOT STARTED");
            assertTrue(!r.terminal.text().contains("any other key closes"), r.terminal.text());
        }
    }

    @Test
    void run_idle_redrawsAfterAResize() throws Exception {
        try (Running r = new Running(12, ScreenHarness.shell("a", "true", false))) {
            r.awaitIdle("NOT STARTED");
            assertTrue(r.terminal.row(11).contains("hum · test"), r.terminal.text());
            r.terminal.setTerminalSize(new TerminalSize(100, 16));
            Poll.until("the status bar on the new last row", r.terminal::text, t -> r.terminal
                    .row(15)
                    .contains("hum · test"));
            assertEquals(16, r.screen.getTerminalSize().getRows());
        }
    }
}
