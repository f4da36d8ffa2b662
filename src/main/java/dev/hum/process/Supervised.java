package dev.hum.process;

import dev.hum.config.ProcessSpec;
import dev.hum.log.LogBuffer;
import dev.hum.state.ProcessState;
import dev.hum.state.StateCell;

/**
 * One supervised process as every reader takes it (render loop, headless printer, control, MCP): its place in
 * the list, its spec, its state cell and its log. Immutable; the cell and the log change on their own and are
 * read without a lock.
 *
 * @param id the position in display order, also the state's id
 */
public record Supervised(int id, ProcessSpec spec, StateCell cell, LogBuffer log) {

    public String name() {
        return spec.name();
    }

    /** The current state: one acquire load. */
    public ProcessState state() {
        return cell.get();
    }
}
