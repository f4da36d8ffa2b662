package dev.hum.bench;

import dev.hum.state.ProcessState;
import java.util.function.UnaryOperator;

/** Baseline: the state in a plain field, every read and write under one monitor. */
final class SynchronizedStateHolder implements StateHolder {
    private ProcessState state;

    SynchronizedStateHolder(ProcessState initial) {
        state = initial;
    }

    @Override
    public synchronized ProcessState get() {
        return state;
    }

    @Override
    public synchronized void update(UnaryOperator<ProcessState> transition) {
        state = transition.apply(state);
    }
}
