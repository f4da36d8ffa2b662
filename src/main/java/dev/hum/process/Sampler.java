package dev.hum.process;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import dev.hum.log.Source;
import dev.hum.state.ProcessState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The one thread that samples every process about once a second: the TCP ports its tree listens on, its tree's CPU
 * and memory, and, from the lines it printed since the last pass, its local URLs and the port it found taken.
 */
final class Sampler {

    /*
     * Threads: only the sampler thread runs pass(), so the per-process Track objects are confined to it and each
     * SampleCell has exactly one writer. It reads the logs as any reader does (never blocking a pump) and /proc,
     * never the screen. A port conflict it recognises is written to the process's log as a notice through
     * ManagedProcess.note, as every notice of hum's own is.
     *
     * Cost: a pass with nothing live and no new lines reads nothing. Otherwise one netlink dump of the listening
     * sockets and the stat files of the live trees' members; every few passes hum's trees afresh (to find new
     * members), and the live trees' fd links only when a listener appeared. A quiet tree (under QUIET_PERCENT of a
     * core, the same members and ports) has its stat files read only every QUIET_PASSES passes, and while every tree
     * is quiet the trees are looked up afresh half as often; a new listener is still found in the pass that first
     * sees it, whatever the tree's pace, since the netlink dump runs every pass. New lines
     * are not decoded one by one: byte prefilters ("://", "in use", ...) reject them on their raw bytes, and a
     * flood is scanned at most MAX_SCAN lines a pass (URLs and port errors come at start, before any flood).
     */

    static final Duration INTERVAL = Duration.ofSeconds(1);

    /** The URLs kept per run: the first ones printed are the ones people open. */
    static final int MAX_URLS = 4;

    private static final int MAX_SCAN = 50_000;
    private static final int MAX_HITS = 64;
    private static final int FOREIGN_PASSES = 5;
    private static final int REDISCOVER_PASSES = 5;

    /**
     * A tree below this much CPU (percent of one core) whose members and ports did not change is quiet: its members'
     * stat files are read only every QUIET_PASSES passes, and its figures meanwhile are the last ones measured.
     */
    static final double QUIET_PERCENT = 1.0;

    static final int QUIET_PASSES = 3;

    /** While every tree is quiet, hum's trees are looked up afresh this seldom (a listener still makes it at once). */
    private static final int QUIET_REDISCOVER_PASSES = 10;

    private static final LogSearch URL_LINES = LogSearch.plain(UrlFinder.MARK);
    private static final List<LogSearch> CONFLICT_LINES =
            PortInUse.MARKS.stream().map(LogSearch::plain).toList();

    /** Every mark above: new lines that hold none of them (nearly all) are passed over after one look at their bytes. */
    private static final List<LogSearch> ANY_MARK =
            Stream.concat(Stream.of(URL_LINES), CONFLICT_LINES.stream()).toList();

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d{2,5})(?![\\w.])");

    private final List<ManagedProcess> processes;
    private final SessionMark mark;
    private final Supplier<Map<Long, String>> leaders;
    private final boolean subreaper;
    private final long pageSize;
    private final Map<Integer, Track> tracks = new HashMap<>();

    /** Listening sockets no tree holds, with the passes left before they are looked for again. */
    private final Map<Long, Integer> foreign = new HashMap<>();

    private final Map<ManagedProcess, KnownTree> known = new HashMap<>();
    private int passesSinceDiscovery;

    /** Passes made so far; the sampler thread's own count, to say when a quiet tree is measured next. */
    private long passes;

    /** Processes that left their group, re-parented to hum: pid and start time to the process they belong to. */
    private final Map<String, Optional<String>> escaped = new HashMap<>();

    private volatile boolean running = true;
    private @Nullable Thread thread;

    /**
     * @param subreaper whether hum is a child subreaper: then every process of its trees stays its descendant, and
     *     its descendants are all there is to look through
     */
    /**
     * @param leaders the pid of each running process's group leader, by name, when a port conflict needs its holder
     *     named (see {@link PortHolder#describe})
     */
    Sampler(List<ManagedProcess> processes, SessionMark mark, boolean subreaper, Supplier<Map<Long, String>> leaders) {
        this.leaders = leaders;
        this.processes = List.copyOf(processes);
        this.subreaper = subreaper;
        this.mark = mark;
        long page;
        try {
            page = Posix.pageSize();
        } catch (RuntimeException | LinkageError e) {
            page = 4096;
        }
        this.pageSize = page;
    }

    /** What the sampler remembers of one process between passes. */
    private static final class Track {
        int run;
        long cursor;
        final Set<String> urls = new LinkedHashSet<>();
        final Set<Integer> conflictPorts = new HashSet<>();
        /** The listening sockets (inodes) its tree holds. */
        final Set<Long> owned = new HashSet<>();

        boolean unnamedConflict;
        String conflict = "";
        long cpuTicks = -1;
        long cpuAt;

        /** The figures last measured, published again while the tree is quiet and not measured. */
        OptionalDouble cpu = OptionalDouble.empty();

        OptionalLong rss = OptionalLong.empty();
        List<Integer> ports = List.of();

        /** The pass at which its members' stat files are read next. */
        long measureAt;

        /** Whether its last measurement found it quiet. */
        boolean quiet;
    }

    void start() {
        Thread t = new Thread(this::loop, "hum-sampler");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        thread = t;
        t.start();
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            try {
                pass();
            } catch (RuntimeException e) {
                // a surprise in /proc must not end sampling for the session; the next pass tries again
            }
            next += INTERVAL.toNanos();
            long wait = next - System.nanoTime();
            if (wait <= 0) {
                next = System.nanoTime(); // a slow pass (a loaded machine): no burst of catch-up passes
            } else {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    /** One pass over every process; the sampler thread's loop calls it, and tests and benchmarks directly. */
    void pass() {
        passes++;
        List<ManagedProcess> live = new ArrayList<>();
        for (ManagedProcess p : processes) {
            ProcessState s = p.cell().get();
            if (s.status().isLive() && s.pid() != 0) {
                live.add(p);
            }
        }
        Map<Long, Integer> portOfInode = new HashMap<>();
        if (!live.isEmpty()) {
            for (ListeningSockets.Listener l : ListeningSockets.read()) {
                portOfInode.put(l.inode(), l.port());
            }
        }
        Set<Long> fresh = freshListeners(portOfInode);
        Map<ManagedProcess, Tree> trees = trees(live, !fresh.isEmpty());
        if (!fresh.isEmpty()) {
            attribute(fresh, trees);
        }
        long now = System.nanoTime();
        for (ManagedProcess p : processes) {
            ProcessState s = p.cell().get();
            Track t = track(p, s);
            Tree tree = trees.get(p);
            if (tree == null) {
                t.owned.clear();
                t.ports = List.of();
                t.cpu = OptionalDouble.empty();
                t.rss = OptionalLong.empty();
            } else {
                Set<Integer> found = new TreeSet<>();
                for (long inode : t.owned) {
                    found.add(Objects.requireNonNull(portOfInode.get(inode)));
                }
                List<Integer> ports = List.copyOf(found);
                boolean portsChanged = !ports.equals(t.ports);
                t.ports = ports;
                if (tree.measured()) {
                    measure(t, tree, now);
                    t.quiet =
                            t.cpu.isPresent() && t.cpu.getAsDouble() < QUIET_PERCENT && !tree.joined() && !portsChanged;
                    t.measureAt = passes + (t.quiet ? QUIET_PASSES : 1);
                } else if (portsChanged) {
                    t.quiet = false;
                    t.measureAt = passes + 1;
                }
            }
            scanLines(p, t, t.owned);
            Sampled next = new Sampled(t.run, t.ports, List.copyOf(t.urls), t.conflict, t.cpu, t.rss);
            if (!next.equals(p.process().samples().get())) {
                p.process().samples().set(next);
            }
        }
    }

    /** Sums the CPU time and resident pages of {@code tree}'s members into {@code t}'s figures. */
    private void measure(Track t, Tree tree, long now) {
        long ticks = 0;
        long pages = 0;
        for (ProcEntry e : tree.members()) {
            ticks += e.cpuTicks();
            pages += e.rssPages();
        }
        t.rss = OptionalLong.of(pages * pageSize);
        if (t.cpuTicks >= 0 && now - t.cpuAt > 0) {
            double seconds = (now - t.cpuAt) / 1e9;
            double used = Math.max(0, ticks - t.cpuTicks) / (double) PortHolder.TICKS_PER_SECOND;
            t.cpu = OptionalDouble.of(100 * used / seconds);
        }
        t.cpuTicks = ticks;
        t.cpuAt = now;
    }

    /** The sampler's memory of {@code p}, fresh for each run (the URLs and conflicts of a run are its own). */
    private Track track(ManagedProcess p, ProcessState s) {
        Track t = tracks.computeIfAbsent(p.process().id(), id -> new Track());
        if (s.run() != t.run) {
            Track fresh = new Track();
            fresh.run = s.run();
            fresh.cursor = t.cursor;
            tracks.put(p.process().id(), fresh);
            t = fresh;
        }
        return t;
    }

    /**
     * The members of each live process's tree. hum's trees are looked up afresh (through the kernel's lists of
     * children; where it keeps none, all of /proc, the bulk of a pass) every REDISCOVER_PASSES passes (every
     * QUIET_REDISCOVER_PASSES while all are quiet), when a process started a run, and when {@code listenerAppeared};
     * in the passes between, only the known members' stat files are read again, for their CPU and memory, and those
     * gone are left out; a quiet tree's not even those (its members are the known ones, not measured). So a new
     * descendant's CPU counts up to ten seconds late, but a listener it opens is found at once.
     */
    private Map<ManagedProcess, Tree> trees(List<ManagedProcess> live, boolean listenerAppeared) {
        boolean allQuiet = true;
        boolean rediscover = listenerAppeared;
        for (ManagedProcess p : live) {
            KnownTree k = known.get(p);
            rediscover |= k == null || k.leader() != p.cell().get().pid();
            Track t = tracks.get(p.process().id());
            allQuiet &= t != null && t.quiet;
        }
        rediscover |= ++passesSinceDiscovery >= (allQuiet ? QUIET_REDISCOVER_PASSES : REDISCOVER_PASSES);
        Map<ManagedProcess, Tree> trees = new HashMap<>();
        if (live.isEmpty()) {
            known.clear();
            return trees;
        }
        if (rediscover) {
            passesSinceDiscovery = 0;
            Map<ManagedProcess, KnownTree> before = new HashMap<>(known);
            known.clear();
            List<Long> leaders = new ArrayList<>();
            for (ManagedProcess p : live) {
                leaders.add(p.cell().get().pid());
            }
            // without the subreaper, an orphan of a tree goes to init and only all of /proc still shows its group
            ProcessTable table = subreaper
                    ? ProcessTable.treesBelow(leaders).orElseGet(ProcessTable::snapshot)
                    : ProcessTable.snapshot();
            Map<String, List<ProcEntry>> strays = strays(table);
            for (ManagedProcess p : live) {
                long leader = p.cell().get().pid();
                Set<ProcEntry> tree = new LinkedHashSet<>(table.treeOf(leader, leader));
                for (ProcEntry stray : strays.getOrDefault(p.spec().name(), List.of())) {
                    tree.addAll(table.treeOf(stray.pid(), 0));
                }
                KnownTree then = before.get(p);
                trees.put(p, new Tree(tree, true, then == null || !then.holdsAll(tree)));
                known.put(p, new KnownTree(leader, List.copyOf(tree)));
            }
            return trees;
        }
        for (ManagedProcess p : live) {
            KnownTree k = Objects.requireNonNull(known.get(p));
            Track t = tracks.get(p.process().id());
            if (t != null && t.measureAt > passes) {
                trees.put(p, new Tree(new LinkedHashSet<>(k.members()), false, false));
                continue;
            }
            Set<ProcEntry> tree = new LinkedHashSet<>();
            for (ProcEntry e : k.members()) {
                ProcEntry.readIfPresent(e.pid()) // a ticker's `sleep 1` of the last look-up is gone by now
                        .filter(now -> now.startTime() == e.startTime() && !now.isZombie())
                        .ifPresent(tree::add);
            }
            trees.put(p, new Tree(tree, true, false));
            known.put(p, new KnownTree(k.leader(), List.copyOf(tree)));
        }
        return trees;
    }

    /**
     * One tree in one pass.
     *
     * @param members its processes, as read this pass when {@code measured}, else as last read
     * @param measured whether the members' stat files were read this pass
     * @param joined whether a process joined the tree since the pass before
     */
    private record Tree(Set<ProcEntry> members, boolean measured, boolean joined) {}

    /** A tree as the last pass found it: its leader (the run's pid) and its members. */
    private record KnownTree(long leader, List<ProcEntry> members) {

        /** True when every process of {@code now} was a member already (pid and start time). */
        boolean holdsAll(Set<ProcEntry> now) {
            Set<String> ids = new HashSet<>();
            for (ProcEntry e : members) {
                ids.add(e.pid() + "-" + e.startTime());
            }
            for (ProcEntry e : now) {
                if (!ids.contains(e.pid() + "-" + e.startTime())) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The listening sockets not seen before: neither held by a tree nor remembered as foreign. A listener appears as
     * a new inode, and one a tree already holds stays its own while it listens, so an idle pass finds none and reads
     * no fd link at all. A socket no tree holds is remembered as foreign for a few passes, then looked for again
     * (its holder may have joined a tree after the pass that first saw it).
     */
    private Set<Long> freshListeners(Map<Long, Integer> portOfInode) {
        foreign.keySet().retainAll(portOfInode.keySet());
        foreign.replaceAll((inode, passes) -> passes - 1);
        foreign.values().removeIf(passes -> passes <= 0);
        Set<Long> fresh = new HashSet<>(portOfInode.keySet());
        fresh.removeAll(foreign.keySet());
        for (Track t : tracks.values()) {
            t.owned.retainAll(portOfInode.keySet());
            fresh.removeAll(t.owned);
        }
        return fresh;
    }

    /** Finds which tree holds each of the {@code fresh} listening sockets, by the fd links of their members. */
    private void attribute(Set<Long> fresh, Map<ManagedProcess, Tree> trees) {
        for (Map.Entry<ManagedProcess, Tree> tree : trees.entrySet()) {
            Set<Long> held = new HashSet<>();
            for (ProcEntry e : tree.getValue().members()) {
                OpenSockets.addInodes(e.pid(), held);
            }
            held.retainAll(fresh);
            if (!held.isEmpty()) {
                ManagedProcess p = tree.getKey();
                track(p, p.cell().get()).owned.addAll(held);
                fresh.removeAll(held);
            }
        }
        for (long inode : fresh) {
            foreign.put(inode, FOREIGN_PASSES);
        }
    }

    /**
     * Children of hum that are not the leader of a run: processes that left their group and were re-parented to
     * hum (a subreaper), by the process their mark names. Each stray's environment is read once.
     */
    private Map<String, List<ProcEntry>> strays(ProcessTable table) {
        long self = ProcessHandle.current().pid();
        Set<Long> leaders = new HashSet<>();
        for (ManagedProcess p : processes) {
            leaders.add(p.cell().get().pid());
        }
        Map<String, List<ProcEntry>> byName = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ProcEntry child : table.childrenOf(self)) {
            if (child.isZombie() || leaders.contains(child.pid())) {
                continue;
            }
            String key = child.pid() + "-" + child.startTime();
            seen.add(key);
            escaped.computeIfAbsent(key, k -> mark.processOf(child.pid()))
                    .ifPresent(name ->
                            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(child));
        }
        escaped.keySet().retainAll(seen);
        return byName;
    }

    /** Looks through the lines {@code p} printed since the last pass for URLs and for a port found taken. */
    private void scanLines(ManagedProcess p, Track t, Set<Long> ownInodes) {
        LogBuffer log = p.log();
        long end = log.nextSeq();
        if (end - t.cursor <= 0) {
            return;
        }
        long from = end - t.cursor > MAX_SCAN ? end - MAX_SCAN : t.cursor;
        if (!LogSearch.anyMayMatch(ANY_MARK, log, from)) {
            t.cursor = end; // one copy of the new lines instead of one per search (issue 14: 20 tickers, every pass)
            return;
        }
        long resume = end;
        List<LogLine> hits = URL_LINES.collect(log, from, MAX_HITS);
        resume = resumeAt(hits, end, resume);
        for (LogLine line : hits) {
            if (line.source() != Source.HUM && line.seq() - end < 0) {
                for (String url : UrlFinder.find(line.text())) {
                    if (t.urls.size() < MAX_URLS) {
                        t.urls.add(url);
                    }
                }
            }
        }
        // named ports first: a crash report says "address already in use :::3000" and, lines later, "code:
        // 'EADDRINUSE'" with no port; the second is the same failure, not one hum must guess a port for
        Set<Integer> named = new LinkedHashSet<>();
        boolean unnamed = false;
        for (LogSearch search : CONFLICT_LINES) {
            List<LogLine> found = search.collect(log, from, MAX_HITS);
            resume = resumeAt(found, end, resume);
            for (LogLine line : found) {
                if (line.source() != Source.HUM && line.seq() - end < 0) {
                    Optional<OptionalInt> port = PortInUse.match(line.text());
                    if (port.isPresent() && port.get().isPresent()) {
                        named.add(port.get().getAsInt());
                    } else if (port.isPresent()) {
                        unnamed = true;
                    }
                }
            }
        }
        for (int port : named) {
            conflict(p, t, OptionalInt.of(port), ownInodes);
        }
        if (unnamed && t.conflictPorts.isEmpty()) {
            conflict(p, t, OptionalInt.empty(), ownInodes);
        }
        t.cursor = resume;
    }

    /** Where the next pass starts: at {@code end}, unless a scan stopped early at its most hits. */
    private static long resumeAt(List<LogLine> hits, long end, long resume) {
        if (hits.size() < MAX_HITS) {
            return resume;
        }
        long after = hits.get(hits.size() - 1).seq() + 1;
        return after - resume < 0 ? after : resume;
    }

    /** Says once per run and port who holds the port {@code p}'s output says is taken. */
    private void conflict(ManagedProcess p, Track t, OptionalInt named, Set<Long> ownInodes) {
        List<Integer> ports = new ArrayList<>();
        if (named.isPresent()) {
            ports.add(named.getAsInt());
        } else {
            if (t.unnamedConflict) {
                return;
            }
            t.unnamedConflict = true;
            ports.addAll(heldCandidates(p, ownInodes));
            if (ports.isEmpty()) {
                note(
                        p,
                        t,
                        "hum: the output says an address is in use, and names no port; hum found none in its"
                                + " command or its PORT either");
                return;
            }
        }
        for (int port : ports) {
            if (!t.conflictPorts.add(port)) {
                continue;
            }
            note(
                    p,
                    t,
                    "hum: "
                            + PortHolder.describe(port, mark, leaders.get())
                                    .orElse("port " + port + " was in use, but nothing"
                                            + " listens on it now; try again"));
        }
    }

    private static void note(ManagedProcess p, Track t, String text) {
        t.conflict = text;
        p.note(text);
    }

    /**
     * The ports a process that did not say which one it wanted probably wanted: numbers in its command line and its
     * PORT variable, those some other process listens on now.
     */
    private static List<Integer> heldCandidates(ManagedProcess p, Set<Long> ownInodes) {
        Set<Integer> candidates = new LinkedHashSet<>();
        String env = p.spec().env().get("PORT");
        if (env != null && env.strip().matches("\\d{1,5}")) {
            candidates.add(Integer.parseInt(env.strip()));
        }
        Matcher m = NUMBER.matcher(p.spec().command().display());
        while (m.find()) {
            candidates.add(Integer.parseInt(m.group(1)));
        }
        candidates.removeIf(port -> port < 1 || port > 65535);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<Integer> held = new HashSet<>();
        for (ListeningSockets.Listener l : ListeningSockets.read()) {
            if (!ownInodes.contains(l.inode())) {
                held.add(l.port());
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int port : candidates) {
            if (held.contains(port)) {
                out.add(port);
            }
        }
        return out;
    }
}
