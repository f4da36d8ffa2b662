package dev.hum.bench;

import dev.hum.state.ProcessState;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;

/** Baseline: reads under the read lock, writes under the write lock of a {@link ReentrantReadWriteLock}. */
final class ReadWriteLockStateHolder implements StateHolder {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private ProcessState state;

    ReadWriteLockStateHolder(ProcessState initial) {
        state = initial;
    }

    @Override
    public ProcessState get() {
        lock.readLock().lock();
        try {
            return state;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void update(UnaryOperator<ProcessState> transition) {
        lock.writeLock().lock();
        try {
            state = transition.apply(state);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
