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
     * The render thread (the caller of run) is the only one that touches the screen and the
     * dashboard; it takes keys from the queue with a timeout that ends at the next frame deadline,
     * so a key is handled at once and its effect drawn at once; other changes wait for the deadline.
     */

    private final Screen screen;
    private final Dashboard dashboard;
    private final Supervisor supervisor;
    private final long frameNanos;
    private final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();
    private boolean closed; // guarded by this

    public RenderLoop(Screen screen, Supervisor supervisor, String title, int fps) {
        this(screen, supervisor, new Dashboard(supervisor, title, Dashboard.Clock.SYSTEM), fps);
    }

    RenderLoop(Screen screen, Supervisor supervisor, Dashboard dashboard, int fps) {
        this.screen = screen;
        this.supervisor = supervisor;
        this.dashboard = dashboard;
        this.frameNanos = 1_000_000_000L / Math.max(1, fps);
    }

    /** Runs until the user quits and every process has stopped. The caller restores the terminal. */
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
            if (dashboard.quitRequested() && stopper == null) {
                stopper = new Thread(supervisor::stopAll, "hum-quit");
                stopper.start();
            }
            long now = System.nanoTime();
            // A key is drawn at once, not at the next deadline: the person is waiting for it.
            if (handled || now - nextFrame >= 0) {
                frame();
                nextFrame = now + frameNanos;
            }
            if (stopper != null && !stopper.isAlive()) {
                dashboard.invalidate();
                frame(); // the last frame shows every process STOPPED
                return;
            }
        }
    }

    /**
     * Stops drawing for good, then runs {@code restore}: a shutdown hook (SIGTERM) restores the
     * terminal while this loop may still be drawing, and a frame written after the restore would land
     * on the user's shell screen.
     */
    synchronized void close(Runnable restore) {
        closed = true;
        restore.run();
    }

    private synchronized void frame() throws IOException {
        if (closed) {
            return;
        }
        TerminalSize resized = screen.doResizeIfNecessary();
        if (resized != null) {
            // After a resize the terminal's cells are whatever it kept or reflowed: Lanterna's idea
            // of them is stale, so this one frame is written in full.
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
