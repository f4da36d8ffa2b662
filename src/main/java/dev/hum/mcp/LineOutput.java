package dev.hum.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Stdout that writes whole lines only, so the SDK's messages and hum's own error replies never interleave. */
final class LineOutput extends OutputStream {

    /*
     * Two writers: the SDK's outbound thread and ProtocolInput (replying to lines the SDK never
     * sees). Each buffers its bytes until a newline, then writes the line under the lock of `out`.
     * This lock guards stdout only; it is never near process state.
     */

    private final OutputStream out;
    private final ThreadLocal<ByteArrayOutputStream> pending = ThreadLocal.withInitial(ByteArrayOutputStream::new);

    LineOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        ByteArrayOutputStream line = pending.get();
        line.write(b);
        if (b == '\n') {
            emit(line);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteArrayOutputStream line = pending.get();
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                emit(line);
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    /** Writes one complete message line. */
    void writeLine(String json) throws IOException {
        synchronized (out) {
            out.write((json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Override
    public void flush() {
        // lines are flushed as they complete; a partial line waits for its newline
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }

    private void emit(ByteArrayOutputStream line) throws IOException {
        synchronized (out) {
            line.writeTo(out);
            out.flush();
        }
        line.reset();
    }
}
