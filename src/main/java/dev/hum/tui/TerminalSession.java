package dev.hum.tui;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.hum.process.Supervisor;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard on the real terminal: exactly one Lanterna terminal per run, its output buffered so
 * that a frame is one write, Ctrl-C trapped as a key, and the terminal restored on every way out.
 */
public final class TerminalSession {

    /** A frame of a large terminal is tens of KiB of escapes and text; one write per frame. */
    private static final int OUTPUT_BUFFER = 256 * 1024;

    private final TerminalScreen screen;
    private final AtomicBoolean restored = new AtomicBoolean();
    private volatile @Nullable RenderLoop loop; // set by run; read by restore, which a shutdown hook may call

    private TerminalSession(TerminalScreen screen) {
        this.screen = screen;
    }

    /** Opens the terminal (raw mode, alternate screen, mouse), or fails with a reason. */
    public static TerminalSession open() throws IOException {
        OutputStream out = new FrameOutput(new FileOutputStream(FileDescriptor.out), OUTPUT_BUFFER);
        DefaultTerminalFactory factory = new DefaultTerminalFactory(
                        out, new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE);
        Terminal terminal = factory.createTerminal();
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
        return new TerminalSession(screen);
    }

    /** Runs the dashboard until quit; always restores the terminal. */
    public void run(Supervisor supervisor, String title, int fps) throws IOException, InterruptedException {
        RenderLoop loop = new RenderLoop(screen, supervisor, title, fps);
        this.loop = loop;
        try {
            loop.run();
        } finally {
            restore();
        }
    }

    /** Leaves the alternate screen, shows the cursor, restores echo and line mode. Idempotent. */
    public void restore() {
        if (restored.compareAndSet(false, true)) {
            RenderLoop running = loop;
            if (running == null) {
                stopScreen();
            } else {
                running.close(this::stopScreen); // no frame may follow the restore
            }
        }
    }

    private void stopScreen() {
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            // The terminal may already be gone (SIGHUP); nothing more can be restored.
        }
    }
}
