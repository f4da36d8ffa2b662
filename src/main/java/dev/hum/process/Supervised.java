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
 * @param samples what the sampler last found: ports, URLs, a port conflict, CPU and memory
 */
public record Supervised(int id, ProcessSpec spec, StateCell cell, LogBuffer log, SampleCell samples) {

    /** A handle whose samples start empty. */
    public Supervised(int id, ProcessSpec spec, StateCell cell, LogBuffer log) {
        this(id, spec, cell, log, new SampleCell());
    }

    public String name() {
        return spec.name();
    }

    /** The current state: one acquire load. */
    public ProcessState state() {
        return cell.get();
    }

    /** The newest sample: one volatile load. */
    public Sampled sample() {
        return samples.get();
    }
}
