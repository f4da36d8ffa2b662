package dev.hum.control;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** One end of a bridge connection: UTF-8 lines each way, a line at most {@link #MAX_LINE} bytes. */
final class LineChannel implements AutoCloseable {

    /*
     * Not thread-safe: one thread owns a connection at a time (the server's connection thread; on the
     * client, whoever took it from the idle pool), except that during a wait a watcher reads it for the
     * hang-up (awaitHangUp) while the owner only writes. A line longer than the bound is refused rather
     * than buffered, so a confused peer cannot make either side hold unbounded memory.
     */

    static final int MAX_LINE = 4 * 1024 * 1024;

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024).flip();

    LineChannel(SocketChannel channel) {
        this.channel = channel;
    }

    /** The next line without its newline; throws EOFException when the peer closed. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (; ; ) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                if (line.size() >= MAX_LINE) {
                    throw new TooLong();
                }
                line.write(b);
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                throw new EOFException("closed by the other end");
            }
        }
    }

    /**
     * Reads until the peer closes (or the channel is closed here), then runs {@code hungUp}; whatever the peer
     * sends meanwhile is dropped. For a second thread while the owner waits on something else: the only read
     * besides the owner's, and the owner does not read meanwhile.
     */
    void awaitHangUp(Runnable hungUp) {
        ByteBuffer sink = ByteBuffer.allocate(256);
        try {
            while (channel.read(sink) >= 0) {
                sink.clear();
            }
        } catch (IOException e) {
            // closed here or reset by the peer: over either way
        }
        hungUp.run();
    }

    void writeLine(String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    /** A line over {@link #MAX_LINE}: the peer is alive, but the rest of the line is unread, so the channel is spent. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("line longer than " + MAX_LINE + " bytes");
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
