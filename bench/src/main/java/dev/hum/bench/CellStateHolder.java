package dev.hum.bench;

import dev.hum.state.ProcessState;
import dev.hum.state.StateCell;
import java.util.function.UnaryOperator;

/** hum's way: a {@link StateCell}, read with one acquire load and updated by compare-and-set. */
final class CellStateHolder implements StateHolder {
    private final StateCell cell;

    CellStateHolder(ProcessState initial) {
        cell = StateCell.detached(initial);
    }

    @Override
    public ProcessState get() {
        return cell.get();
    }

    @Override
    public void update(UnaryOperator<ProcessState> transition) {
        cell.update(transition);
    }
}
