package dev.hum.process;

import dev.hum.config.StopSignal;

/**
 * Sends one signal that a person chose (the dashboard's {@code K}) to a run's process group, and only while that
 * group is still the run's: a run that ended has no group of hum's any more, and its number may be a stranger's.
 */
final class GroupSignal {

    /*
     * Why the group is still ours: a run's leader is a session leader, so its pid is its group's id. While Java has
     * not reaped the leader (Process.isAlive), that pid is held and no other group can have its number. Once the
     * leader is gone the number stays held only while a member of the group lives; then a member must carry this
     * session's mark for this process (read from its environment) before hum signals the group. What is left is
     * the microseconds between that check and kill(2), during which the kernel would have to hand the same number
     * to a new group leader; Linux hands out pids in a cycle, so that needs the whole pid space to wrap meanwhile.
     */

    /** What a send did. @param sent whether the group got the signal; @param text one line for the log */
    record Outcome(boolean sent, String text) {}

    private GroupSignal() {}

    /** Sends {@code signal} to the group of run {@code r} of process {@code name}, if it is still that run's group. */
    static Outcome send(Run r, SessionMark mark, String name, StopSignal signal) {
        String what = "SIG" + signal.name() + " to the group of pid " + r.pgid();
        if (r.pgid() <= 1 || r.pgid() == Posix.ownProcessGroup()) {
            return new Outcome(false, "did not send " + what + ": that is not a group of hum's children");
        }
        if (!stillOurs(r, mark, name)) {
            return new Outcome(false, "did not send " + what + ": its processes have ended");
        }
        if (Posix.signalGroup(r.pgid(), signal.number())) {
            return new Outcome(true, "sent " + what);
        }
        return new Outcome(
                false,
                "could not send " + what + ": "
                        + (Posix.groupExists(r.pgid()) ? "not permitted" : "its processes have ended"));
    }

    private static boolean stillOurs(Run r, SessionMark mark, String name) {
        if (r.process().isAlive()) {
            return true;
        }
        return ProcessTable.snapshot().marked(mark, name).stream().anyMatch(e -> e.pgid() == r.pgid());
    }
}
