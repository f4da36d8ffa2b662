package dev.hum.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The three pipes of one run, made by hum rather than by {@link ProcessBuilder}: they stay open until
 * the last process holding them closes its end, not only until the leader exits.
 */
final class ChildPipes implements AutoCloseable {

    /*
     * Java's own pipes are closed by its process reaper as soon as the leader exits: whatever the
     * leader left running (a background job, concurrently's output writer, a TERM handler still
     * printing) then dies of EPIPE, and its last lines are lost. So hum makes the pipes with pipe2()
     * and hands the child its ends as /proc/self/fd/N files, which ProcessBuilder opens as it opens any
     * redirect (a new open file of the same pipe). The raw child ends are closed in hum right after
     * the fork, so the pumps see EOF exactly when the last writer in the tree is gone.
     *
     * Threads: the stdout and stderr streams each belong to one pump. The input end is written by
     * whoever calls send() (a key on the render thread, a control or MCP connection) under this
     * object's monitor; it is non-blocking, so a write takes microseconds whatever the child does.
     * `input` is -1 once closed. The pumps count down `openOutputs`; the last one closes the input.
     */

    private interface C extends Library {
        int pipe2(int[] fds, int flags) throws LastErrorException;

        long write(int fd, byte[] buf, long count) throws LastErrorException;

        int close(int fd);
    }

    private static final C LIBC = Libc.load(C.class);
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final int EAGAIN = 11;
    private static final int EPIPE = 32;

    /** What became of a line sent to a run's input. */
    enum Sent {
        /** Every byte is in the pipe. */
        WRITTEN,
        /** The pipe is full: the process does not read its input; part or none of the line went in. */
        FULL,
        /** No process holds the pipe's other end any more (or hum closed its own end). */
        CLOSED
    }

    private final int stdinChild;
    private final int stdoutChild;
    private final int stderrChild;
    private final InputStream stdout;
    private final InputStream stderr;
    private final AtomicInteger openOutputs = new AtomicInteger(2);
    private int input;

    private ChildPipes(
            int stdinChild, int input, int stdoutChild, InputStream stdout, int stderrChild, InputStream stderr) {
        this.stdinChild = stdinChild;
        this.input = input;
        this.stdoutChild = stdoutChild;
        this.stdout = stdout;
        this.stderrChild = stderrChild;
        this.stderr = stderr;
    }

    /** Makes the three pipes; the caller must hand them to a builder and then call {@link #forked}. */
    static ChildPipes open() throws IOException {
        int[] fds = {-1, -1, -1, -1, -1, -1};
        @Nullable FileInputStream stdout = null;
        try {
            pipe(fds, 0, O_CLOEXEC | O_NONBLOCK); // the child reopens its end, which is then blocking
            pipe(fds, 2, O_CLOEXEC);
            pipe(fds, 4, O_CLOEXEC);
            stdout = new FileInputStream(fdFile(fds[2]));
            FileInputStream stderr = new FileInputStream(fdFile(fds[4]));
            // The streams hold read ends of their own now: the raw ones go.
            LIBC.close(fds[2]);
            LIBC.close(fds[4]);
            return new ChildPipes(fds[0], fds[1], fds[3], stdout, fds[5], stderr);
        } catch (IOException | RuntimeException e) {
            for (int fd : fds) {
                if (fd >= 0) {
                    LIBC.close(fd);
                }
            }
            if (stdout != null) {
                stdout.close();
            }
            throw e;
        }
    }

    /** Gives the child the pipes' other ends as its stdin, stdout and stderr. */
    void redirect(ProcessBuilder builder) {
        builder.redirectInput(fdFile(stdinChild));
        builder.redirectOutput(fdFile(stdoutChild));
        builder.redirectError(fdFile(stderrChild));
    }

    /** Closes hum's copies of the child's ends, whether or not the child started: only the tree holds them now. */
    void forked() {
        LIBC.close(stdinChild);
        LIBC.close(stdoutChild);
        LIBC.close(stderrChild);
    }

    InputStream stdout() {
        return stdout;
    }

    InputStream stderr() {
        return stderr;
    }

    /** Called by each pump at the end of its stream; once both ended, nobody is left to read the input. */
    void outputEnded() {
        if (openOutputs.decrementAndGet() == 0) {
            closeInput();
        }
    }

    /** True while some process of the run still holds its stdout or stderr open. */
    boolean outputOpen() {
        return openOutputs.get() > 0;
    }

    /** Writes {@code bytes} to the run's stdin without blocking. */
    synchronized Sent send(byte[] bytes) {
        int off = 0;
        while (off < bytes.length) {
            if (input < 0) {
                return Sent.CLOSED;
            }
            byte[] rest = off == 0 ? bytes : Arrays.copyOfRange(bytes, off, bytes.length);
            try {
                off += (int) LIBC.write(input, rest, rest.length);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN) {
                    return Sent.FULL;
                }
                if (e.getErrorCode() == EPIPE) {
                    return Sent.CLOSED;
                }
                throw new IllegalStateException("write to the process's input failed: errno " + e.getErrorCode(), e);
            }
        }
        return Sent.WRITTEN;
    }

    /** Closes hum's end of the input: the child reads EOF. Idempotent. */
    synchronized void closeInput() {
        if (input >= 0) {
            LIBC.close(input);
            input = -1;
        }
    }

    /** Closes everything hum holds; the pumps close their streams themselves as they end. */
    @Override
    public void close() {
        closeInput();
        try {
            stdout.close();
            stderr.close();
        } catch (IOException e) {
            // nothing left to do with a pipe that does not close
        }
    }

    /** Makes a pipe whose read and write ends go to {@code fds[at]} and {@code fds[at + 1]}. */
    private static void pipe(int[] fds, int at, int flags) throws IOException {
        int[] pair = new int[2];
        try {
            LIBC.pipe2(pair, flags);
        } catch (LastErrorException e) {
            throw new IOException("cannot make a pipe: errno " + e.getErrorCode(), e);
        }
        fds[at] = pair[0];
        fds[at + 1] = pair[1];
    }

    private static File fdFile(int fd) {
        return new File("/proc/self/fd/" + fd);
    }
}
