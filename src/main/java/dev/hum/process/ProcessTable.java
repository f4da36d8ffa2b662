package dev.hum.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A snapshot of every process on the machine, read from {@code /proc}, to find a tree's members. */
final class ProcessTable {

    /** Present where the kernel lists each thread's children (CONFIG_PROC_CHILDREN). */
    private static final Path THREAD_CHILDREN = Path.of("/proc/thread-self/children");

    private final Map<Long, ProcEntry> byPid;
    private final Map<Long, List<ProcEntry>> children;

    private ProcessTable(Map<Long, ProcEntry> byPid) {
        this.byPid = byPid;
        this.children = new HashMap<>();
        for (ProcEntry e : byPid.values()) {
            children.computeIfAbsent(e.ppid(), k -> new ArrayList<>()).add(e);
        }
    }

    /** Reads /proc now. Processes that vanish while it reads are simply left out. */
    static ProcessTable snapshot() {
        Map<Long, ProcEntry> entries = new HashMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : dir) {
                long pid;
                try {
                    pid = Long.parseLong(p.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                ProcEntry.read(pid).ifPresent(e -> entries.put(pid, e));
            }
        } catch (IOException e) {
            // No /proc: only the process group can be signalled; the caller still does that.
        }
        return new ProcessTable(entries);
    }

    /**
     * The processes of hum's trees: {@code leaders} (the runs hum started), the processes handed to this JVM as
     * subreaper (orphans of those trees: the kernel gives them to its first live thread, the main thread, as
     * {@link #zombieChildrenOfThisProcess} says), and all their descendants, through the kernel's lists of
     * children: a few small files per member, not one per process on the machine, and of hum's own lists only the
     * main thread's, not one per thread (hum runs two pumps and a control thread per process: six hundred lists at
     * 200 processes). Empty where the kernel keeps no such lists; a list read while it changes may miss a process,
     * which the next call finds.
     */
    static Optional<ProcessTable> treesBelow(Collection<Long> leaders) {
        long self = ProcessHandle.current().pid();
        Path mainThreadChildren = Path.of("/proc/self/task/" + self + "/children");
        if (!Files.exists(THREAD_CHILDREN) || !Files.exists(mainThreadChildren)) {
            return Optional.empty();
        }
        Deque<Long> todo = new ArrayDeque<>(leaders);
        try {
            for (String child : Files.readString(mainThreadChildren).trim().split(" ")) {
                if (!child.isEmpty()) {
                    todo.add(Long.parseLong(child));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Map<Long, ProcEntry> entries = new HashMap<>();
        while (!todo.isEmpty()) {
            long pid = todo.poll();
            if (entries.containsKey(pid)) {
                continue;
            }
            // a leader that has ended and been reaped may have left its pid to a stranger: a leader is hum's child
            Optional<ProcEntry> e = ProcEntry.read(pid).filter(found -> !leaders.contains(pid) || found.ppid() == self);
            if (e.isPresent()) {
                entries.put(pid, e.get());
                todo.addAll(childPids(pid));
            }
        }
        return Optional.of(new ProcessTable(entries));
    }

    /** The children of every thread of {@code pid}; none when it is gone. */
    private static List<Long> childPids(long pid) {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String list;
                try {
                    list = Files.readString(task.resolve("children"));
                } catch (IOException e) {
                    continue; // the thread ended while we looked
                }
                for (String child : list.trim().split(" ")) {
                    if (!child.isEmpty()) {
                        found.add(Long.parseLong(child));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return found;
    }

    /**
     * True while group {@code pgid} has a member that is not a zombie. {@code kill(-pgid, 0)} alone
     * is not enough: it also succeeds for zombies, and an orphan's zombie stays until pid 1 reaps it,
     * which in some containers takes seconds.
     */
    static boolean groupAlive(long pgid) {
        if (!Posix.groupExists(pgid)) {
            return false;
        }
        for (ProcEntry e : snapshot().byPid.values()) {
            if (e.pgid() == pgid && !e.isZombie()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every live process carrying {@code mark}, for the process {@code name} or, when {@code name}
     * is null, for any process of that session.
     */
    Set<ProcEntry> marked(SessionMark mark, @Nullable String name) {
        Set<ProcEntry> found = new LinkedHashSet<>();
        long self = ProcessHandle.current().pid();
        for (ProcEntry e : byPid.values()) {
            if (e.isZombie() || e.pid() == self) {
                continue;
            }
            mark.processOf(e.pid()).filter(p -> name == null || p.equals(name)).ifPresent(p -> found.add(e));
        }
        return found;
    }

    /**
     * Zombies among this JVM's children, leaving out {@code skip} (Java's own children, which Java waits for)
     * unread. The kernel hands an orphan to the subreaper's first live thread, which for a JVM is its main
     * thread (it lives as long as the JVM), so only that thread's list of children is read: one small file,
     * then the stat of each child not skipped, twice a second at idle. A list read while it changes may miss a
     * child, which the next call finds; without per-thread lists (an old kernel) all of /proc is read.
     */
    static List<ProcEntry> zombieChildrenOfThisProcess(Set<Long> skip) {
        long self = ProcessHandle.current().pid();
        Path children = Path.of("/proc/self/task/" + self + "/children");
        if (!Files.exists(THREAD_CHILDREN) || !Files.exists(children)) {
            return snapshot().zombieChildrenOf(self);
        }
        List<ProcEntry> zombies = new ArrayList<>();
        String list;
        try {
            list = Files.readString(children);
        } catch (IOException e) {
            return snapshot().zombieChildrenOf(self);
        }
        for (String pid : list.trim().split(" ")) {
            if (!pid.isEmpty() && !skip.contains(Long.parseLong(pid))) {
                ProcEntry.read(Long.parseLong(pid))
                        .filter(e -> e.isZombie() && e.ppid() == self)
                        .ifPresent(zombies::add);
            }
        }
        return zombies;
    }

    /** The live members of process group {@code pgid}. */
    List<ProcEntry> membersOf(long pgid) {
        List<ProcEntry> members = new ArrayList<>();
        for (ProcEntry e : byPid.values()) {
            if (e.pgid() == pgid && !e.isZombie()) {
                members.add(e);
            }
        }
        return members;
    }

    /** The processes (zombies too) whose parent is {@code parent}. */
    List<ProcEntry> childrenOf(long parent) {
        return children.getOrDefault(parent, List.of());
    }

    /** Zombies whose parent is {@code parent}. */
    List<ProcEntry> zombieChildrenOf(long parent) {
        List<ProcEntry> zombies = new ArrayList<>();
        for (ProcEntry e : children.getOrDefault(parent, List.of())) {
            if (e.isZombie()) {
                zombies.add(e);
            }
        }
        return zombies;
    }

    /**
     * Every live process that belongs to the tree of {@code leader}: its descendants by parent link,
     * plus every member of its process group (members whose parent died are re-parented away from
     * the tree but keep the group), plus the descendants of those. The leader itself is included
     * while it lives.
     */
    Set<ProcEntry> treeOf(long leader, long pgid) {
        Set<ProcEntry> found = new LinkedHashSet<>();
        Deque<ProcEntry> todo = new ArrayDeque<>();
        for (ProcEntry e : byPid.values()) {
            if (e.pid() == leader || (pgid > 1 && e.pgid() == pgid)) {
                todo.add(e);
            }
        }
        while (!todo.isEmpty()) {
            ProcEntry e = todo.poll();
            // A zombie has no children left (they were re-parented) and cannot be signalled.
            if (!e.isZombie() && found.add(e)) {
                todo.addAll(children.getOrDefault(e.pid(), List.of()));
            }
        }
        return found;
    }
}
