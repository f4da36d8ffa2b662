package dev.hum.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.TerminalResizeListener;
import dev.hum.process.Supervisor;
import dev.hum.state.Registry;
import dev.hum.state.StateCell;
import java.io.IOException;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Owns the screen: sleeps until something changed or a key came, handles keys, and draws a frame only
 * when something changed, at most {@code fps} times a second. On quit it keeps drawing while every
 * process stops, so the user sees STOPPING turn into STOPPED.
 */
public final class RenderLoop {

    /*
     * Two threads. The key reader blocks in Lanterna's readInput and only puts strokes into a queue.
     * The render thread (the caller of run) is the only one that touches the dashboard and the only
     * one that draws, always inside the gate, which a restore from another thread (a shutdown hook)
     * closes for good. It does not poll: it parks until a key is queued (the reader unparks it), a
     * FrameBell rings or the dashboard's clock makes a frame due (the uptime's next second, new lines'
     * turn). The `news` bell hangs on the registry's watchers (any state change: a line count, a status);
     * the `urgent` one on every cell's waiters (a status, a pid, a new run), the actions' results and
     * the terminal's resize: those are drawn even while new lines wait for their turn. Writers ring
     * with a volatile load and, once per clear, an unpark; nothing on the read path takes a lock. A key
     * is handled at once and its effect drawn at once; other changes wait for the frame rate's deadline.
     * An idle dashboard (20 processes printing a line a second) so wakes for its frames, not 30 times a
     * second (issue 14).
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

    /**
     * The longest an idle loop sleeps. Everything it draws rings a bell but hum's own notes from the agent bridge,
     * which are left in a queue the loop does not own; they wait at most this long.
     */
    static final long LONGEST_SLEEP_NANOS = 1_000_000_000L;

    private static final long MAX_SLEEP_NANOS = 86_400_000_000_000L; // a day: a deadline that cannot overflow

    private final ScreenGate gate;
    private final Screen screen;
    private final Dashboard dashboard;
    private final Supervisor supervisor;
    private final long frameNanos;
    private final long longestSleepNanos;
    private final Queue<KeyStroke> keys = new ConcurrentLinkedQueue<>();
    private boolean complete; // the next frame rewrites every cell (after a suspend)

    /** The loop sleeps, or is about to, with no frame due by the clock: only a wake-up draws again (for tests). */
    private volatile boolean idle;

    /** The loop over a screen that its caller owns and restores. */
    public RenderLoop(Screen screen, Supervisor supervisor, String title, int fps) {
        this(ScreenGate.OPEN, screen, supervisor, new Dashboard(supervisor, title, Dashboard.Clock.SYSTEM), fps);
    }

    RenderLoop(ScreenGate gate, Screen screen, Supervisor supervisor, Dashboard dashboard, int fps) {
        this(gate, screen, supervisor, dashboard, fps, LONGEST_SLEEP_NANOS);
    }

    /** @param longestSleepNanos the longest the loop sleeps with nothing due (tests: long, so a lost wake-up shows) */
    RenderLoop(
            ScreenGate gate,
            Screen screen,
            Supervisor supervisor,
            Dashboard dashboard,
            int fps,
            long longestSleepNanos) {
        this.longestSleepNanos = Math.min(longestSleepNanos, MAX_SLEEP_NANOS);
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
        FrameBell news = new FrameBell(Thread.currentThread());
        FrameBell urgent = new FrameBell(Thread.currentThread());
        Registry registry = supervisor.registry();
        registry.watchers().add(news);
        for (StateCell cell : registry.board().cells()) {
            cell.waiters().add(urgent); // a status, a pid or a new run: drawn even while new lines wait their turn
        }
        dashboard.wakeOnResults(urgent);
        TerminalResizeListener resized = (terminal, size) -> urgent.wake();
        Optional<Terminal> terminal =
                screen instanceof TerminalScreen ts ? Optional.of(ts.getTerminal()) : Optional.empty();
        terminal.ifPresent(t -> t.addResizeListener(resized));
        Thread reader = new Thread(() -> readKeys(urgent), "hum-keys");
        reader.setDaemon(true);
        reader.start();
        try {
            loop(news, urgent);
        } finally {
            terminal.ifPresent(t -> t.removeResizeListener(resized));
            registry.watchers().remove(news);
            for (StateCell cell : registry.board().cells()) {
                cell.waiters().remove(urgent);
            }
        }
    }

    private void loop(FrameBell news, FrameBell urgent) throws IOException, InterruptedException {
        Thread stopper = null;
        boolean launchesLet = false; // launches held for the first frame go once it is out (DashboardCommand)
        long nextFrame = System.nanoTime();
        while (true) {
            // No frame sooner than the frame rate allows, unless a key came; then none before something rang or the
            // clock made one due (the uptime's second, new lines' turn). While new lines wait for their turn, only
            // news that is drawn at once (a status, a key, a result, a resize) ends the wait early.
            sleepUntil(nextFrame, null, null);
            long quiet = Math.min(dashboard.nanosUntilDue(frameNanos), longestSleepNanos);
            idle = quiet >= longestSleepNanos;
            sleepUntil(System.nanoTime() + quiet, urgent, dashboard.linesHeldBack() ? null : news);
            idle = false;
            KeyStroke key = keys.poll(); // a key ends both sleeps: it is drawn at once, the person is waiting for it
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
            news.clear(); // before the frame reads what it draws: a change from here on rings again
            urgent.clear();
            if (!frame()) {
                return;
            }
            if (!launchesLet) {
                supervisor.releaseLaunches();
                launchesLet = true;
            }
            nextFrame = now + frameNanos;
            if (stopper != null && !stopper.isAlive()) {
                dashboard.invalidate();
                frame(); // the last frame shows every process STOPPED
                return;
            }
        }
    }

    /** Whether the loop sleeps, or is about to, with nothing due by the clock: from now on only a wake-up draws. */
    boolean idle() {
        return idle;
    }

    /**
     * Parks the render thread until {@code deadline} (of {@link System#nanoTime}), a key, or a ring of a bell given
     * (null: not listened to).
     */
    private void sleepUntil(long deadline, @Nullable FrameBell first, @Nullable FrameBell second)
            throws InterruptedException {
        while (keys.isEmpty() && (first == null || !first.rung()) && (second == null || !second.rung())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
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

    private void readKeys(FrameBell bell) {
        try {
            while (true) {
                KeyStroke key = screen.readInput();
                if (key == null) {
                    continue;
                }
                keys.add(key);
                bell.wakeNow();
                if (key.getKeyType() == KeyType.EOF) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            keys.add(new KeyStroke(KeyType.EOF));
            bell.wakeNow();
        }
    }
}
