package dev.hum.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.hum.process.Supervisor;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Owns the screen: waits for the next frame deadline or a key, handles keys, and draws a frame only
 * when something changed, at most {@code fps} times a second. On quit it keeps drawing while every
 * process stops, so the user sees STOPPING turn into STOPPED.
 */
public final class RenderLoop {

    /*
     * Two threads. The key reader blocks in Lanterna's readInput and only puts strokes into a queue.
     * The render thread (the caller of run) is the only one that touches the dashboard and the only
     * one that draws, always inside the gate, which a restore from another thread (a shutdown hook)
     * closes for good. It takes keys from the queue with a timeout that ends at the next frame deadline,
     * so a key is handled at once and its effect drawn at once; other changes wait for the deadline.
     */

    /**
     * Where the loop draws. A terminal's restore closes it for good (nothing may be drawn on the
     * shell's screen after that), and Ctrl-Z hands the terminal to the shell for a while.
     */
    public interface ScreenGate {

        /** Draws one frame unless the terminal was given back; false once it was. */
        boolean draw(Frame frame) throws IOException;

        /**
         * Gives the terminal to the shell and stops hum until the shell continues it; true once
         * hum has the terminal again, false if it was given back for good meanwhile.
         */
        boolean suspend() throws IOException;

        /** One frame's drawing, run inside the gate. */
        interface Frame {
            void draw() throws IOException;
        }

        /** A gate that is never closed, for a screen its owner restores (the benchmarks' probe). */
        ScreenGate OPEN = new ScreenGate() {
            @Override
            public boolean draw(Frame frame) throws IOException {
                frame.draw();
                return true;
            }

            @Override
            public boolean suspend() {
                return true;
            }
        };
    }

    private final ScreenGate gate;
    private final Screen screen;
    private final Dashboard dashboard;
    private final Supervisor supervisor;
    private final long frameNanos;
    private final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();
    private boolean complete; // the next frame rewrites every cell (after a suspend)

    /** The loop over a screen that its caller owns and restores. */
    public RenderLoop(Screen screen, Supervisor supervisor, String title, int fps) {
        this(ScreenGate.OPEN, screen, supervisor, new Dashboard(supervisor, title, Dashboard.Clock.SYSTEM), fps);
    }

    RenderLoop(ScreenGate gate, Screen screen, Supervisor supervisor, Dashboard dashboard, int fps) {
        this.gate = gate;
        this.screen = screen;
        this.supervisor = supervisor;
        this.dashboard = dashboard;
        this.frameNanos = 1_000_000_000L / Math.max(1, fps);
    }

    /**
     * Runs until the user quits and every process has stopped, or until the terminal was given back
     * (a signal's restore). The caller restores the terminal.
     */
    public void run() throws IOException, InterruptedException {
        Thread reader = new Thread(this::readKeys, "hum-keys");
        reader.setDaemon(true);
        reader.start();
        Thread stopper = null;
        long nextFrame = System.nanoTime();
        while (true) {
            long wait = nextFrame - System.nanoTime();
            KeyStroke key = wait > 0 ? keys.poll(wait, TimeUnit.NANOSECONDS) : keys.poll();
            boolean handled = key != null;
            while (key != null) {
                dashboard.handle(key);
                key = keys.poll();
            }
            if (dashboard.takeSuspendRequest()) {
                if (!gate.suspend()) {
                    return;
                }
                complete = true; // the terminal's cells are the shell's now
            }
            if (dashboard.quitRequested() && stopper == null) {
                stopper = new Thread(supervisor::stopAll, "hum-quit");
                stopper.start();
            }
            if (dashboard.takeKillRequest()) {
                // Beside the stop under way, which then finds every tree gone and ends: the loop exits as usual.
                new Thread(supervisor::killAll, "hum-kill").start();
            }
            long now = System.nanoTime();
            // A key is drawn at once, not at the next deadline: the person is waiting for it.
            if (handled || now - nextFrame >= 0) {
                if (!frame()) {
                    return;
                }
                supervisor.releaseLaunches(); // a frame is out: launches held for the first one may go
                nextFrame = now + frameNanos;
            }
            if (stopper != null && !stopper.isAlive()) {
                dashboard.invalidate();
                frame(); // the last frame shows every process STOPPED
                return;
            }
        }
    }

    /** Draws a frame if something changed; false once the terminal was given back. */
    private boolean frame() throws IOException {
        return gate.draw(this::paint);
    }

    private void paint() throws IOException {
        TerminalSize resized = screen.doResizeIfNecessary();
        if (resized != null || complete) {
            // After a resize or a suspend the terminal's cells are whatever it kept or reflowed:
            // Lanterna's idea of them is stale, so this one frame is written in full.
            complete = false;
            dashboard.invalidate();
            dashboard.draw(screen);
            screen.refresh(Screen.RefreshType.COMPLETE);
        } else if (dashboard.needsFrame()) {
            dashboard.draw(screen);
            screen.refresh(Screen.RefreshType.DELTA);
        }
    }

    private void readKeys() {
        try {
            while (true) {
                KeyStroke key = screen.readInput();
                if (key == null) {
                    continue;
                }
                keys.add(key);
                if (key.getKeyType() == KeyType.EOF) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            keys.add(new KeyStroke(KeyType.EOF));
        }
    }
}
