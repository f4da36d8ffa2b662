package dev.hum.tui;

import java.io.IOException;

/**
 * What the dashboard asks of a terminal besides cells: a control sequence written as it is (OSC 52, which
 * Lanterna has no call for) and the mouse taken or handed back. Called on the render thread inside a frame, so
 * nothing is written between a frame's bytes or after the terminal was given back.
 */
interface TerminalControl {

    /** Writes {@code sequence} to the terminal with the frame's output. */
    void send(byte[] sequence) throws IOException;

    /** Takes mouse events (clicks, drags and the wheel come to hum), or hands them back to the terminal. */
    void captureMouse(boolean captured) throws IOException;
}
