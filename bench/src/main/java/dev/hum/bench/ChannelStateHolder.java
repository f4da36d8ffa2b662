package dev.hum.bench;

import dev.hum.state.ProcessState;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.function.UnaryOperator;

/**
 * Baseline from Brummer's prototype: one owner thread holds the state and answers messages from a
 * {@link BlockingQueue}; a read sends a request and waits for the reply, an update is sent and not waited for.
 */
final class ChannelStateHolder implements StateHolder {
    /*
     * The owner thread alone touches `state`. Requests go through a bounded queue (a Go channel with a
     * buffer): an update is fire-and-forget, but a writer blocks once 1024 are waiting, and a read waits
     * behind every message queued before it. Each reader keeps its own request and rendezvous reply queue,
     * so a read allocates only what the queues themselves allocate.
     */

    private record Read(SynchronousQueue<ProcessState> reply) {}

    private record Update(UnaryOperator<ProcessState> transition) {}

    private final BlockingQueue<Object> requests = new ArrayBlockingQueue<>(1024);
    private final ThreadLocal<Read> reads = ThreadLocal.withInitial(() -> new Read(new SynchronousQueue<>()));
    private final Thread owner;
    private ProcessState state;

    ChannelStateHolder(ProcessState initial) {
        state = initial;
        owner = new Thread(this::serve, "state-owner");
        owner.setDaemon(true);
        owner.start();
    }

    private void serve() {
        try {
            for (; ; ) {
                Object message = requests.take();
                if (message instanceof Read read) {
                    read.reply().put(state);
                } else {
                    state = ((Update) message).transition().apply(state);
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public ProcessState get() {
        Read read = reads.get();
        try {
            requests.put(read);
            return read.reply().take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the owner", e);
        }
    }

    @Override
    public void update(UnaryOperator<ProcessState> transition) {
        try {
            requests.put(new Update(transition));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending an update", e);
        }
    }

    @Override
    public void close() {
        owner.interrupt();
    }
}
