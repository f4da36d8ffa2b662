package dev.hum.bench;

import dev.hum.state.ProcessState;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A control for {@link CellStateHolder}: the same compare-and-set loop on an {@link AtomicReference}, without the
 * board-wide change counter that {@code StateCell} also increments, to tell what each costs under contention.
 */
final class BareCasStateHolder implements StateHolder {
    private final AtomicReference<ProcessState> state;

    BareCasStateHolder(ProcessState initial) {
        state = new AtomicReference<>(initial);
    }

    @Override
    public ProcessState get() {
        return state.getAcquire();
    }

    @Override
    public void update(UnaryOperator<ProcessState> transition) {
        ProcessState current = state.getAcquire();
        for (; ; ) {
            ProcessState next = transition.apply(current);
            if (next == current) {
                return;
            }
            ProcessState witness = state.compareAndExchange(current, next);
            if (witness == current) {
                return;
            }
            current = witness;
        }
    }
}
