package dev.hum.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard asks of its terminal between frames: sequences to write (a copy's OSC 52) and whether hum or
 * the terminal has the mouse. Keys and the clipboard's worker make the requests; the next frame carries them out,
 * inside the frame, through the screen's terminal when it is a {@link TerminalControl}.
 */
final class TerminalRequests {

    /*
     * The render thread owns everything here except two fields: the clipboard's worker adds to `pending` (a
     * concurrent queue) and reads `canSend` (volatile), which the render thread sets at each frame. A sequence
     * queued before the worker posts its message is written in the frame that shows the message, since the frame
     * takes the messages first and the queue after.
     */

    private final Queue<byte[]> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean canSend;
    private @Nullable TerminalControl terminal; // the screen's terminal at the last frame
    private boolean mouseCaptured = true; // the session opens the terminal with the mouse captured
    private boolean mouseChanged;

    /**
     * Queues {@code sequence} for the next frame; any thread.
     *
     * @return false when the screen's terminal cannot take it (a benchmark's screen)
     */
    boolean send(byte[] sequence) {
        if (!canSend) {
            return false;
        }
        pending.add(sequence);
        return true;
    }

    /** Whether mouse events are hum's: when the terminal has the mouse, the few still in flight are ignored. */
    boolean mouseCaptured() {
        return mouseCaptured;
    }

    /** Hands the mouse to the terminal or takes it back; returns what the status line says about it. */
    String toggleMouse() {
        if (terminal == null) {
            return "this screen has no mouse to hand over";
        }
        mouseCaptured = !mouseCaptured;
        mouseChanged = true;
        return mouseCaptured
                ? "mouse: hum's (wheel scrolls, drag selects, click picks a process) · m hands it to the terminal"
                : "mouse: the terminal's (its own selection and scrolling) · m takes it back";
    }

    /** Carries out the requests made since the last frame; called at the start of a frame. */
    void flush(Screen screen) {
        terminal = screen instanceof TerminalScreen ts && ts.getTerminal() instanceof TerminalControl c ? c : null;
        TerminalControl to = terminal;
        canSend = to != null;
        try {
            if (to != null) {
                for (byte[] sequence = pending.poll(); sequence != null; sequence = pending.poll()) {
                    to.send(sequence);
                }
                if (mouseChanged) {
                    to.captureMouse(mouseCaptured);
                }
            }
        } catch (IOException e) {
            // The terminal is gone; the frame's own write fails the same way and ends the session.
        } finally {
            if (to == null) {
                pending.clear();
            }
            mouseChanged = false;
        }
    }
}
