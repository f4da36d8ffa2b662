package dev.hum.process;

import dev.hum.log.LogBuffer;
import dev.hum.log.OutputDecoder;
import dev.hum.log.Source;
import dev.hum.state.StateCell;
import java.io.IOException;
import java.io.InputStream;

/**
 * Copies one output stream of a child into its log: large reads, lines decoded and sanitised by an
 * {@link OutputDecoder}, and one state update per chunk (not per line) with the new line count.
 */
final class Pump implements Runnable {

    /** Large enough that a flood costs one read and one state swap per 64 KiB, not per line. */
    static final int CHUNK = 64 * 1024;

    /**
     * What a pump reads into until a read fills it: a process that prints a line now and then never needs more,
     * and at 200 processes (400 pumps) 64 KiB each would be 25 MB of heap for nothing. 8 KiB is also the largest
     * read the JDK serves from a stack buffer, without a malloc and free per read.
     */
    static final int FIRST_CHUNK = 8 * 1024;

    private final InputStream input;
    private final OutputDecoder decoder;
    private final LogBuffer log;
    private final StateCell cell;
    private final Runnable ended;

    Pump(InputStream input, LogBuffer log, Source source, StateCell cell, Runnable ended) {
        this.input = input;
        this.decoder = new OutputDecoder(log, source);
        this.log = log;
        this.cell = cell;
        this.ended = ended;
    }

    /**
     * Starts a daemon thread running this pump and returns it. It reads until the last process holding the
     * stream's other end has closed it (not only until the leader exits), then runs {@code ended}.
     */
    static Thread start(InputStream input, LogBuffer log, Source source, StateCell cell, String name, Runnable ended) {
        Thread thread = new Thread(new Pump(input, log, source, cell, ended), name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Pumps yield the CPU to the render and key threads when a flood keeps every core busy. */
    static final int PUMP_NICE = 5;

    @Override
    public void run() {
        Posix.niceCurrentThread(PUMP_NICE);
        byte[] chunk = new byte[FIRST_CHUNK];
        try (InputStream in = input) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                if (n > 0 && decoder.feed(chunk, 0, n) > 0) {
                    publishLineCount();
                }
                chunk = nextChunk(chunk, n);
            }
        } catch (IOException e) {
            // The stream failed under us: the partial line below is all that is left to keep.
        } catch (RuntimeException e) {
            // A bug in decoding must not take the dashboard down with it: say so in the log and
            // keep draining the pipe, so the child never blocks on a full pipe.
            log.appendNotice("hum: internal error while reading output, the rest is dropped: " + e);
            publishLineCount();
            drain(chunk);
        } finally {
            if (decoder.finish() > 0) {
                publishLineCount();
            }
            ended.run();
        }
    }

    /** The chunk for the next read: {@link #CHUNK} once a read filled {@code chunk} (output comes in bulk). */
    static byte[] nextChunk(byte[] chunk, int read) {
        return read == chunk.length && chunk.length < CHUNK ? new byte[CHUNK] : chunk;
    }

    private void drain(byte[] chunk) {
        try (InputStream in = input) {
            while (in.read(chunk) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // closed: nothing left to drain
        }
    }

    private void publishLineCount() {
        long total = log.totalAppended();
        cell.update(s -> s.withLines(total));
    }
}
