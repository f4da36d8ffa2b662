package dev.hum.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.hum.process.Supervisor;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Queue;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard on the real terminal: exactly one Lanterna terminal per run, its output buffered so
 * that a frame is one write, every key (Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-S) taken as a key, and the
 * terminal given back exactly once, after the last frame, whatever the moment and the way out.
 */
public final class TerminalSession implements RenderLoop.ScreenGate {

    /*
     * The gate is this object's monitor. Opening the terminal, every frame, suspending and the
     * restore each run under it, and once restored is set nothing draws again: a restore that comes
     * early (a signal while hum starts) makes open and every later frame do nothing, and one that
     * comes while a frame is being written waits for that frame to end. Only the modes are also set
     * outside the gate, first: they need no frame to end, so a terminal that stopped reading (whose
     * frame in flight never ends) still gets echo and line mode back.
     */

    /** A frame of a large terminal is tens of KiB of escapes and text; one write per frame. */
    private static final int OUTPUT_BUFFER = 256 * 1024;

    private final byte[] shellModes; // the terminal's modes before hum touched it
    private @Nullable TerminalScreen screen; // guarded by this; null until opened
    private byte @Nullable [] dashboardModes; // guarded by this
    private boolean restored; // guarded by this

    private TerminalSession(byte[] shellModes) {
        this.shellModes = shellModes;
    }

    /** Notes the terminal's modes, which every way out gives back; changes nothing yet. */
    public static TerminalSession prepare() throws IOException {
        return new TerminalSession(Tty.modes());
    }

    /**
     * Takes the terminal (every key as a key, alternate screen, mouse), or fails with a reason. Does
     * nothing once the terminal was restored: a signal that came first wins.
     */
    public synchronized void open() throws IOException {
        if (restored) {
            return;
        }
        try {
            OutputStream out = new FrameOutput(new FileOutputStream(FileDescriptor.out), OUTPUT_BUFFER);
            // CellTerminal: the terminal DefaultTerminalFactory makes on Linux, writing each cell whole (emoji)
            Terminal terminal =
                    CellTerminal.open(new FileInputStream(FileDescriptor.in), out, CellTerminal.DASHBOARD_MOUSE);
            // Lanterna's terminal sets a mode of its own that leaves Ctrl-Z, Ctrl-\ and Ctrl-S to the
            // line discipline, and adds a shutdown hook that leaves the alternate screen at any
            // moment, racing the last frame. close() undoes both (it restores the modes and removes
            // the hook; the streams stay open and the terminal stays usable): this session owns them.
            terminal.close();
            dashboardModes = Tty.enterDashboardMode();
            TerminalScreen opened = new DeltaScreen(terminal);
            screen = opened;
            opened.startScreen();
            opened.setCursorPosition(null);
        } catch (IOException | RuntimeException e) {
            giveBack();
            throw e;
        }
    }

    /**
     * Runs the dashboard until quit, or until the terminal was restored; always restores it.
     *
     * @param notes hum's own notes from other threads (the agent bridge), shown in the status line
     */
    public void run(Supervisor supervisor, String title, int fps, Queue<String> notes)
            throws IOException, InterruptedException {
        Screen drawn;
        synchronized (this) {
            drawn = screen;
        }
        if (drawn == null) {
            return; // restored before it opened
        }
        try {
            Dashboard dashboard = new Dashboard(supervisor, title, Dashboard.Clock.SYSTEM, notes);
            new RenderLoop(this, drawn, supervisor, dashboard, fps).run();
        } finally {
            restore();
        }
    }

    /**
     * Leaves the alternate screen, shows the cursor, restores echo and line mode. The first call
     * waits for a frame in flight and does it; later calls and later frames do nothing.
     */
    public void restore() {
        setShellModes();
        synchronized (this) {
            if (!restored) {
                giveBack();
            }
        }
    }

    @Override
    public synchronized boolean draw(Frame frame) throws IOException {
        if (restored) {
            return false;
        }
        frame.draw();
        return true;
    }

    /**
     * Ctrl-Z: gives the shell its screen and modes, stops hum until the shell continues it, then
     * takes the terminal back (a shell's {@code bg} leaves hum stopped until {@code fg}).
     */
    @Override
    public boolean suspend() throws IOException {
        TerminalScreen suspended;
        byte[] modes;
        synchronized (this) {
            if (restored || screen == null || dashboardModes == null) {
                return false;
            }
            suspended = screen;
            modes = dashboardModes;
            suspended.stopScreen(false); // leaves the alternate screen and shows the cursor; keys stay queued
            Tty.setModes(shellModes);
        }
        Tty.stopForJobControl();
        synchronized (this) {
            if (restored) {
                return false; // a signal's restore came while hum was stopped
            }
            Tty.setModes(modes);
            suspended.startScreen(); // the alternate screen again, and the terminal's size, which may have changed
            return true;
        }
    }

    private void giveBack() {
        restored = true;
        if (screen != null) {
            try {
                screen.stopScreen(false);
            } catch (IOException | RuntimeException e) {
                // The terminal may already be gone (SIGHUP); nothing more can be restored.
            }
        }
        setShellModes();
    }

    private void setShellModes() {
        try {
            Tty.setModes(shellModes);
        } catch (IOException | RuntimeException e) {
            // the terminal is gone
        }
    }
}
