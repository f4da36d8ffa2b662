package dev.hum.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The real terminal, which writes each cell's text whole. Lanterna's stream terminal encodes one
 * {@code char} at a time, so both halves of a surrogate pair (an emoji outside the BMP, such as 🚀)
 * reached the terminal as '?'; a cell is now one UTF-8 string, a character with its marks included.
 * Otherwise it is the terminal {@code DefaultTerminalFactory} makes on Linux.
 */
final class CellTerminal extends UnixTerminal implements TerminalControl {

    /** Clicks, releases and drags with a button down (a drag selects lines to copy); no bare motion. */
    static final MouseCaptureMode DASHBOARD_MOUSE = MouseCaptureMode.CLICK_RELEASE_DRAG;

    private CellTerminal(InputStream in, OutputStream out) throws IOException {
        super(in, out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
    }

    /** A UTF-8 terminal on these streams with Ctrl-C trapped and the mouse captured. */
    static CellTerminal open(InputStream in, OutputStream out, MouseCaptureMode mouse) throws IOException {
        CellTerminal terminal = new CellTerminal(in, out);
        terminal.setMouseCaptureMode(mouse);
        return terminal;
    }

    /**
     * Runs nothing. Lanterna's terminal saves, changes and restores the terminal's modes through {@code stty}, seven
     * processes at start (each a fork and an exec: 50 to 250 ms before the first frame, issue 14), all undone at once
     * by {@link TerminalSession}, which reads and sets the modes itself ({@link Tty}).
     */
    @Override
    protected String runSTTYCommand(String... parameters) {
        return "";
    }

    /**
     * The size the kernel keeps for the terminal ({@link Tty#windowSize}), or, where it cannot be asked, Lanterna's
     * cursor-position report.
     */
    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        Optional<TerminalSize> kept = Tty.windowSize();
        return kept.isPresent() ? kept.get() : super.findTerminalSize();
    }

    @Override
    public void send(byte[] sequence) throws IOException {
        writeToTerminal(sequence);
    }

    @Override
    public void captureMouse(boolean captured) throws IOException {
        // Lanterna remembers the mode: leaving the alternate screen (Ctrl-Z, quit) turns it off and coming back
        // turns on whatever was chosen last.
        setMouseCaptureMode(captured ? DASHBOARD_MOUSE : null);
    }

    @Override
    public void putString(String string) throws IOException {
        // Cells hold no control characters (TextCharacter refuses them); a lone surrogate becomes '?'.
        writeToTerminal(string.getBytes(StandardCharsets.UTF_8));
    }
}
