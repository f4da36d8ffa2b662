package dev.hum.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.UnicodeVirtualTerminal;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The virtual terminal, keeping what hum sent it besides cells: the raw sequences (a copy's OSC 52) and whether
 * it was last told to capture the mouse.
 */
final class RecordingTerminal extends UnicodeVirtualTerminal implements TerminalControl {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private Optional<Boolean> mouseCaptured = Optional.empty();

    RecordingTerminal(TerminalSize size) {
        super(size);
    }

    @Override
    public synchronized void send(byte[] sequence) {
        sent.writeBytes(sequence);
    }

    @Override
    public synchronized void captureMouse(boolean captured) {
        mouseCaptured = Optional.of(captured);
    }

    /** Every raw byte hum wrote, in order. */
    synchronized byte[] sent() {
        return sent.toByteArray();
    }

    /** Empty until hum first changes the mouse mode. */
    synchronized Optional<Boolean> mouseCaptured() {
        return mouseCaptured;
    }
}
