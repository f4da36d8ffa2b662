package dev.hum.tui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The terminal's output, buffered so that a frame reaches the terminal as one write (Lanterna
 * flushes at the end of each refresh), except for a cursor-position request ({@code ESC [ 6 n}):
 * Lanterna sends one to learn the terminal's size and then waits up to five seconds for the answer,
 * which cannot come while the request sits in the buffer.
 */
final class FrameOutput extends BufferedOutputStream {

    FrameOutput(OutputStream out, int size) {
        super(out, size);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        if (endsWithPositionRequest(b, off, len)) {
            flush();
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        super.write(b);
        if (b == 'n' && count >= 2 && buf[count - 2] == '6') {
            flush();
        }
    }

    private static boolean endsWithPositionRequest(byte[] b, int off, int len) {
        return len >= 2 && b[off + len - 1] == 'n' && b[off + len - 2] == '6';
    }
}
