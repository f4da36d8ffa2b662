package dev.hum.orchestration;

import dev.hum.config.Dependency;
import dev.hum.config.Readiness;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.util.Optional;

/** Whether one dependency's condition holds now, will hold later, or failed; with the words that say so. */
sealed interface Verdict {

    /** The condition holds. */
    record Met() implements Verdict {}

    /** Not yet: "db: ready (tcp 5432)". */
    record Pending(String what) implements Verdict {}

    /** It failed, the dependent is BLOCKED: "migrate FAILED 1". */
    record Failed(String why) implements Verdict {}

    Verdict MET = new Met();

    /** The verdict of {@code dependency} on its process's current state {@code s}. */
    static Verdict of(Dependency dependency, ProcessState s, Optional<Readiness> probe) {
        Status st = s.status();
        String name = dependency.name();
        String pending = name + ": " + dependency.condition().word()
                + probe.filter(p -> dependency.condition() == Dependency.Condition.READY)
                        .map(p -> " (" + p.probe().describe() + ")")
                        .orElse("");
        boolean launched = s.pid() != 0 && (st == Status.STARTING || st == Status.RUNNING || st == Status.NOT_READY);
        switch (dependency.condition()) {
            case STARTED:
                if (launched || st == Status.EXITED) {
                    return MET;
                }
                return failedOrPending(name, s, pending);
            case READY:
                if (st == Status.RUNNING) {
                    return MET;
                }
                if (st == Status.NOT_READY || st == Status.EXITED) {
                    return new Failed(name + " " + s.statusWord());
                }
                return failedOrPending(name, s, pending);
            default: // EXITED_0
                if (st == Status.EXITED) {
                    return MET;
                }
                return failedOrPending(name, s, pending);
        }
    }

    private static Verdict failedOrPending(String name, ProcessState s, String pending) {
        Status st = s.status();
        if (st == Status.FAILED || st == Status.BLOCKED || st == Status.STOPPED) {
            return new Failed(name + " " + s.statusWord());
        }
        return new Pending(pending);
    }
}
