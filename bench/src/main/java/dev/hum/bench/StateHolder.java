package dev.hum.bench;

import dev.hum.state.ProcessState;
import java.util.function.UnaryOperator;

/** One way of holding a process's current state so that many threads can read it and some update it. */
interface StateHolder {

    /** The current state. */
    ProcessState get();

    /** Replaces the state with {@code transition} applied to it. */
    void update(UnaryOperator<ProcessState> transition);

    /** Releases any thread the holder started. */
    default void close() {}

    /** The holder a benchmark's {@code kind} parameter names. */
    static StateHolder of(String kind, ProcessState initial) {
        return switch (kind) {
            case "cell" -> new CellStateHolder(initial);
            case "synchronized" -> new SynchronizedStateHolder(initial);
            case "rwlock" -> new ReadWriteLockStateHolder(initial);
            case "channel" -> new ChannelStateHolder(initial);
            case "bareCas" -> new BareCasStateHolder(initial);
            default -> throw new IllegalArgumentException("unknown holder: " + kind);
        };
    }

    /** A state like a running dev server's, for benchmarks to start from. */
    static ProcessState running() {
        ProcessState s = ProcessState.initial(0, "web").start(java.time.Instant.parse("2026-11-23T12:00:00Z"));
        return s.launched(s.run(), 4242);
    }
}
