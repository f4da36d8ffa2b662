package dev.hum.orchestration;

import dev.hum.config.Dependency;
import dev.hum.process.Supervised;
import dev.hum.process.Supervisor;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.util.ArrayList;
import java.util.List;

/** What a WAITING or BLOCKED process waits for, one dependency at a time, for agents (MCP, hum ps --json). */
public final class Conditions {

    private Conditions() {}

    /** The dependencies a WAITING process still waits for ("db: ready (tcp 5432)"); empty in any other status. */
    public static List<String> waitingFor(Supervisor supervisor, Supervised process) {
        return collect(supervisor, process, Status.WAITING, false);
    }

    /** The failed dependencies that keep a BLOCKED process from starting ("migrate FAILED 3"); else empty. */
    public static List<String> blockedBy(Supervisor supervisor, Supervised process) {
        return collect(supervisor, process, Status.BLOCKED, true);
    }

    private static List<String> collect(Supervisor supervisor, Supervised process, Status when, boolean failed) {
        if (process.state().status() != when) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Dependency d : process.spec().lifecycle().dependsOn()) {
            Supervised dep = supervisor.find(d.name()).orElse(null);
            if (dep == null) {
                continue;
            }
            ProcessState s = dep.state();
            Verdict v = Verdict.of(d, s, ProbeRun.of(dep));
            if (failed && v instanceof Verdict.Failed f) {
                out.add(f.why());
            } else if (!failed && v instanceof Verdict.Pending p) {
                out.add(p.what());
            } else if (!failed && v instanceof Verdict.Failed && s.status() != Status.STOPPED) {
                out.add(d.name() + ": " + d.condition().word()); // being started again
            }
        }
        return List.copyOf(out);
    }
}
