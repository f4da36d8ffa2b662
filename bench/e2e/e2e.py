#!/usr/bin/env python3
"""End-to-end comparison of hum and mprocs 0.9.6 in tmux panes of one size (issue 4, DESIGN.md §4).

Every measurement alternates the contestants run by run (the order rotates each round), and reports the
median of the runs and the ratios of those medians, all from this one invocation. Raw samples go to
OUT/raw.jsonl, the summary to OUT/summary.md and OUT/summary.json.

    python3 bench/e2e/e2e.py --runs 3 --out bench/results/e2e-XXXX [--only ingest,idle,keys,start]

Normally started by bench/e2e/run.sh, which builds hum and installs mprocs first.
"""
import argparse
import json
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
JAR = ROOT / "target" / "hum.jar"
# The npm package's bin is a node wrapper that spawns the real binary: run the binary itself, so that the pane's
# pid is mprocs (its CPU and RSS), not node.
MPROCS = next((HERE / "node_modules_dir" / "node_modules" / "mprocs").glob(f"mprocs-0.9.6-linux-{os.uname().machine}-*/mprocs"), None)
# a tmux server of its own per run: two benchmarks at once (helpers, CI) must not kill each other's panes
TMUX = ["tmux", "-L", f"humbench-{os.getpid()}", "-f", "/dev/null"]
COLS, ROWS = 160, 45
CLK_TCK = os.sysconf("SC_CLK_TCK")
LINES = 1_000_000
FLOOD = "yes 'flood: 2026-11-23T09:00:00.000Z GET /api/items?page=1 200 3ms'"
TICK = "i=0; while :; do i=$((i+1)); echo \"tick $i\"; sleep 1; done"

RAW = None  # file for raw samples
STARTED_PIDS = []  # pids written by our children, killed at the end


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def record(kind, who, **fields):
    row = {"kind": kind, "who": who, "t": time.time(), **fields}
    RAW.write(json.dumps(row) + "\n")
    RAW.flush()
    log(f"  {kind:10s} {who:22s} " + " ".join(f"{k}={v}" for k, v in fields.items() if k != "samples"))
    return row


# ---------------------------------------------------------------- tmux


def tmux(*args, check=True):
    return subprocess.run(TMUX + list(args), check=check, capture_output=True, text=True).stdout


def capture(target):
    return subprocess.run(TMUX + ["capture-pane", "-p", "-t", target], capture_output=True, text=True).stdout


def open_pane(name, command, cwd):
    """A detached session of COLS x ROWS whose only pane runs `command` (exec'd: pane pid = its pid)."""
    tmux("new-session", "-d", "-s", name, "-x", str(COLS), "-y", str(ROWS), "-c", str(cwd), "exec " + command)
    return int(tmux("display", "-p", "-t", name, "#{pane_pid}").strip())


def close_pane(name, pid):
    tmux("kill-session", "-t", name, check=False)  # SIGHUP to the dashboard: it stops its children
    deadline = time.time() + 10
    while time.time() < deadline and alive(pid):
        time.sleep(0.05)
    if alive(pid):
        os.kill(pid, signal.SIGKILL)
    kill_started()


def alive(pid):
    try:
        os.kill(pid, 0)
        st = Path(f"/proc/{pid}/stat").read_text()
        return st.split(")")[1].split()[0] != "Z"
    except (ProcessLookupError, FileNotFoundError):
        return False


def kill_started():
    """Children of the benchmark record their pid; any still alive after a run are killed (by pid)."""
    for f in list(STARTED_PIDS):
        try:
            pid = int(Path(f).read_text().split()[0])
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        except (FileNotFoundError, ValueError, IndexError, ProcessLookupError, PermissionError):
            pass
    STARTED_PIDS.clear()


def wait_for(target, test, timeout=60.0, interval=0.0):
    """Polls capture-pane until test(text) holds; returns the seconds waited or None. Without an interval it
    polls as fast as it can: each poll starts a tmux client, so that takes most of a core from what is measured."""
    t0 = time.perf_counter()
    while True:
        if test(capture(target)):
            return time.perf_counter() - t0
        if time.perf_counter() - t0 > timeout:
            return None
        if interval:
            time.sleep(interval)


def cpu_seconds(pid):
    f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / CLK_TCK  # utime, stime of all threads


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


# ---------------------------------------------------------------- contestants


class Dash:
    """A dashboard under test: how to launch it with some processes, and how to see it on screen."""

    def __init__(self, name, kind, flags="", jar=JAR, settings=None):
        self.name, self.kind, self.flags, self.jar, self.settings = name, kind, flags, jar, settings

    def command(self, folder, procs):
        """procs: list of (name, shell command). Returns the pane command."""
        if self.kind == "hum":
            lines = ["processes:"]
            for n, c in procs:
                lines += [f"  {n}:", f"    cmd: {json.dumps(c)}"]
            if self.settings:
                lines += ["settings:"] + [f"  {k}: {v}" for k, v in self.settings.items()]
            (folder / "hum.yaml").write_text("\n".join(lines) + "\n")
            return f"java {self.flags} -jar {shlex.quote(str(self.jar))}"
        if self.kind == "mprocs":
            names = ",".join(n for n, _ in procs)
            return f"{shlex.quote(str(MPROCS))} --names {names} " + " ".join(shlex.quote(c) for _, c in procs)
        if self.kind == "pane":  # a plain tmux pane: the one process runs in it directly
            assert len(procs) == 1
            return "sh -c " + shlex.quote(procs[0][1])
        raise ValueError(self.kind)

    def shown(self, text):
        if self.kind == "hum":
            return "PROCESS" in text and "hum ·" in text
        if self.kind == "mprocs":
            return "Processes" in text and "Help" in text
        return "READY" in text


# ---------------------------------------------------------------- measurements


def seq_child(folder, tag):
    """A child that writes LINES lines and records its own start and end (ns) and its pid."""
    done = folder / f"{tag}.done"
    pidf = folder / f"{tag}.pid"
    STARTED_PIDS.append(str(pidf))
    cmd = (f"echo $$ > {pidf}; s=$(date +%s%N); seq 1 {LINES}; e=$(date +%s%N); "
           f"echo $s $e > {done}.tmp; mv {done}.tmp {done}; exec sleep 100000")
    return cmd, done


def read_done(done, timeout=180):
    deadline = time.time() + timeout
    while not done.exists():
        if time.time() > deadline:
            return None
        time.sleep(0.01)
    s, e = done.read_text().split()
    return (int(e) - int(s)) / 1e9


def ingest(dash, run):
    with tempfile.TemporaryDirectory(prefix="humbench-") as d:
        folder = Path(d)
        if dash.kind == "devnull":
            cmd, done = seq_child(folder, "c")
            subprocess.run(["sh", "-c", cmd.replace("exec sleep 100000", "true")], stdout=subprocess.DEVNULL)
            return record("ingest", dash.name, run=run, seconds=read_done(done, 5))
        cmd, done = seq_child(folder, "c")
        if dash.kind == "pane":
            cmd = cmd.replace("exec sleep 100000", "echo READY; exec sleep 100000")
        pid = open_pane("ingest", dash.command(folder, [("seq", cmd)]), folder)
        try:
            secs = read_done(done)
            time.sleep(1.0)  # let the dashboard drain what the pipe / pty still holds
            rss = rss_mb(pid) if alive(pid) else None
            return record("ingest", dash.name, run=run, seconds=secs, rss_mb=rss)
        finally:
            close_pane("ingest", pid)


def idle(dash, run, seconds, late=0):
    with tempfile.TemporaryDirectory(prefix="humbench-") as d:
        folder = Path(d)
        procs = []
        for i in range(20):
            pidf = folder / f"t{i}.pid"
            STARTED_PIDS.append(str(pidf))
            procs.append((f"t{i:02d}", f"echo $$ > {pidf}; {TICK}"))
        pid = open_pane("idle", dash.command(folder, procs), folder)
        try:
            if wait_for("idle", dash.shown, 60) is None:
                return record("idle", dash.name, run=run, error="no first frame")
            time.sleep(5)  # start-up work (class loading, JIT of the first frames) is not idle CPU
            c0, t0 = cpu_seconds(pid), time.monotonic()
            time.sleep(seconds)
            c1, t1 = cpu_seconds(pid), time.monotonic()
            early = record("idle", dash.name, run=run, cpu_pct=100 * (c1 - c0) / (t1 - t0), rss_mb=rss_mb(pid))
            if late > 0:
                # Same pane, a second window once the JIT has settled: steady cost apart from warm-up.
                time.sleep(max(0.0, late - (t1 - t0) - 5))
                c2, t2 = cpu_seconds(pid), time.monotonic()
                time.sleep(seconds)
                c3, t3 = cpu_seconds(pid), time.monotonic()
                record("idle-settled", dash.name, run=run, cpu_pct=100 * (c3 - c2) / (t3 - t2), rss_mb=rss_mb(pid),
                       settle_s=round(t2 - t0 + 5, 1))
            return early
        finally:
            close_pane("idle", pid)


def key_markers(dash):
    """(key that moves the selection, text shown after it, key that moves it back, text after that)."""
    if dash.kind == "hum":  # entries: all, f1..f4; the log pane's header names the selection
        return ("j", lambda t: " f1 · " in t.split("\n", 1)[0], "k", lambda t: "all processes" in t.split("\n", 1)[0])
    if dash.kind == "mprocs":
        return ("j", lambda t: "•f2" in t, "k", lambda t: "•f1" in t)
    # floor of the method: `cat` in a plain pane, the tty echoes the key
    return ("a", lambda t: t.split("\n", 1)[0].rstrip() == "a", "BSpace", lambda t: t.split("\n", 1)[0].rstrip() == "")


def keys(dash, run, samples):
    import random
    with tempfile.TemporaryDirectory(prefix="humbench-") as d:
        folder = Path(d)
        if dash.kind == "pane":
            command = "cat"
            ready = lambda t: True
        else:
            procs = []
            for i in range(1, 5):
                pidf = folder / f"f{i}.pid"
                STARTED_PIDS.append(str(pidf))
                procs.append((f"f{i}", f"echo $$ > {pidf}; exec {FLOOD}"))
            command = dash.command(folder, procs)
            ready = dash.shown
        pid = open_pane("keys", command, folder)
        try:
            if wait_for("keys", ready, 60) is None:
                return record("keys", dash.name, run=run, error="no first frame")
            time.sleep(3)  # the flood is on, the JIT has seen it
            k1, shown1, k2, shown2 = key_markers(dash)
            lat, missed = [], 0
            for i in range(samples):
                # Only a sample whose starting state is on screen counts (a key the dashboard dropped must
                # not make the next, opposite key look instant).
                time.sleep(random.uniform(0.1, 0.2))
                now = capture("keys")
                if shown2(now):
                    key, shown = k1, shown1
                elif shown1(now):
                    key, shown = k2, shown2
                else:
                    missed += 1
                    continue
                t0 = time.perf_counter()
                tmux("send-keys", "-t", "keys", key)
                dt = wait_for("keys", shown, 3.0)
                if dt is None:
                    missed += 1
                    continue
                lat.append((time.perf_counter() - t0) * 1000)
            lat.sort()
            return record("keys", dash.name, run=run, p50_ms=pct(lat, 50), p95_ms=pct(lat, 95),
                          max_ms=lat[-1] if lat else None, n=len(lat), missed=missed,
                          rss_mb=rss_mb(pid) if dash.kind != "pane" else None,
                          samples=[round(x, 2) for x in lat])
        finally:
            close_pane("keys", pid)


def start(dash, run):
    with tempfile.TemporaryDirectory(prefix="humbench-") as d:
        folder = Path(d)
        if dash.kind == "pane":
            command = "sh -c 'echo READY; exec sleep 100000'"
        else:
            procs = []
            for i in range(1, 5):
                pidf = folder / f"s{i}.pid"
                STARTED_PIDS.append(str(pidf))
                procs.append((f"s{i}", f"echo $$ > {pidf}; exec sleep 100000"))
            command = dash.command(folder, procs)
        t0 = time.perf_counter()
        pid = open_pane("start", command, folder)
        try:
            dt = wait_for("start", dash.shown, 60)
            secs = time.perf_counter() - t0 if dt is not None else None
            time.sleep(0.5)
            return record("start", dash.name, run=run, seconds=secs,
                          rss_mb=rss_mb(pid) if alive(pid) else None, cpu_s=cpu_seconds(pid) if alive(pid) else None)
        finally:
            close_pane("start", pid)


def pct(xs, p):
    if not xs:
        return None
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def make_cds(flags, archive, jar):
    """Writes an AppCDS archive from one real start of the dashboard (quit with q after the first frame)."""
    if archive.exists():
        return
    with tempfile.TemporaryDirectory(prefix="humbench-") as d:
        folder = Path(d)
        dash = Dash("cds-dump", "hum", f"{flags} -XX:ArchiveClassesAtExit={archive}", jar)
        procs = [(f"s{i}", "sleep 100000") for i in range(1, 5)]
        pid = open_pane("cds", dash.command(folder, procs), folder)
        wait_for("cds", dash.shown, 60)
        time.sleep(1)
        tmux("send-keys", "-t", "cds", "q")
        deadline = time.time() + 30
        while alive(pid) and time.time() < deadline:
            time.sleep(0.1)
        close_pane("cds", pid)
    log(f"  made {archive} ({archive.stat().st_size // 1024} KiB)" if archive.exists() else f"  no archive {archive}")


# ---------------------------------------------------------------- main


def main():
    global RAW
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", default="start,ingest,idle,keys")
    ap.add_argument("--idle-seconds", type=float, default=20)
    ap.add_argument("--idle-late", type=float, default=0,
                    help="also measure idle CPU in a second window starting this many seconds after the first frame")
    ap.add_argument("--key-samples", type=int, default=30)
    ap.add_argument("--flagsets", default="", help="extra hum flag sets for start/ingest: name=flags;name=flags")
    ap.add_argument("--jar", default=str(JAR))
    ap.add_argument("--keys-with-flagsets", action="store_true", help="also run the key bench for the flag sets")
    ap.add_argument("--idle-extra", action="store_true", help="also run the idle bench for fps 10 and the flag sets")
    ap.add_argument("--skip", default="", help="comma-separated names of contestants to leave out")
    ap.add_argument("--flags-jar", default=None, help="jar for the --flagsets variants (default: --jar)")
    args = ap.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    RAW = open(out / "raw.jsonl", "a")
    jar = Path(args.jar).resolve()
    tmux("kill-server", check=False)
    tmux("new-session", "-d", "-s", "keep", "-x", str(COLS), "-y", str(ROWS), "sleep 100000")

    hum = Dash("hum", "hum", "", jar)
    mprocs = Dash("mprocs", "mprocs")
    pane = Dash("tmux pane", "pane")
    devnull = Dash("seq > /dev/null", "devnull")
    extra = []
    fjar = Path(args.flags_jar).resolve() if args.flags_jar else jar
    for spec in filter(None, args.flagsets.split(";")):
        n, f = spec.split("=", 1)
        if "@CDS@" in f:
            archive = out / f"hum-{n}.jsa"
            make_cds(f.replace("@CDS@", "").strip(), archive, fjar)
            f = f.replace("@CDS@", f"-XX:SharedArchiveFile={archive}")
        extra.append(Dash(f"hum [{n}]", "hum", f, fjar))

    # Diagnostics for the key latency under flood: a higher frame-rate ceiling, and a GC log of the same run.
    key_extra = [Dash("hum [fps 120]", "hum", "", jar, settings={"fps": 120}),
                 Dash("hum [gc log]", "hum", f"-Xlog:gc:file={out}/gc-keys-%p.log", jar)]
    idle_extra = [Dash("hum [fps 10]", "hum", "", jar, settings={"fps": 10})] + extra if args.idle_extra else []
    if args.keys_with_flagsets:
        key_extra += extra
    skip = set(filter(None, args.skip.split(",")))
    keep = lambda ds: [d for d in ds if d.name not in skip]
    only = args.only.split(",")
    try:
        for r in range(args.runs):
            log(f"round {r + 1}/{args.runs}")

            def rot(xs):
                k = r % len(xs)
                return xs[k:] + xs[:k]

            if "start" in only:
                for d in rot(keep([hum, mprocs, pane] + extra)):
                    start(d, r)
            if "ingest" in only:
                for d in rot(keep([hum, mprocs, pane, devnull] + extra)):
                    ingest(d, r)
            if "keys" in only:
                for d in rot(keep([hum, mprocs, pane] + key_extra)):
                    keys(d, r, args.key_samples)
            if "idle" in only:
                for d in rot(keep([hum, mprocs] + idle_extra)):
                    idle(d, r, args.idle_seconds, args.idle_late)
    finally:
        tmux("kill-server", check=False)
        kill_started()
        RAW.close()


if __name__ == "__main__":
    main()
