#!/usr/bin/env python3
"""Issue 14: hum against mprocs 0.9.6 at 20, 100 and 200 processes, in tmux panes of one size (160 x 45).

Per size N, two scenarios, each contestant in turn (the order rotating each round):
  tick   N processes printing one line a second: start -> first frame, CPU in a first window (from 5 s
         after the first frame) and a later one (from --late s after it), key latency, RSS.
  flood  the same N, 10 of them flooding (`yes` with a 60-byte log line): CPU from 3 s after the first
         frame, key latency, RSS at the end.
A third contestant, "hum [probe]", runs the same dashboard through FrameProbe (bench/e2e/FrameProbe.java,
compiled by run.sh) on the launcher's JVM, to time each drawn frame (p50/p99 over the CPU windows).

Contestants are "name=command prefix" (run in the folder holding hum.yaml), default:
  hum=target/hum (the launcher: JDK >= 25 with the AOT cache if found), mprocs, hum [probe].

    python3 bench/e2e/scale.py --out DIR [--sizes 20,100,200] [--runs 1] [--window 10] [--late 45]
    [--hum "hum=target/hum;hum [jdk17]=env HUM_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java target/hum"]
"""
import argparse
import json
import random
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import e2e  # noqa: E402  (tmux helpers, Dash, pct)

FLOODERS = 10


class Cmd(e2e.Dash):
    """A hum started by a command prefix (the launcher, with env), or FrameProbe."""

    def __init__(self, name, prefix, probe=False):
        super().__init__(name, "hum")
        self.prefix, self.probe = prefix, probe

    def command(self, folder, procs):
        super().command(folder, procs)  # writes hum.yaml
        if self.probe:
            return self.prefix.replace("@FRAMES@", str(folder / "frames.txt"))
        return self.prefix


class Mprocs(e2e.Dash):
    """mprocs with its processes in an mprocs.yaml (200 of them on its command line are too long for tmux)."""

    def __init__(self):
        super().__init__("mprocs", "mprocs")

    def command(self, folder, procs):
        lines = ["procs:"] + [f"  {n}:\n    shell: {json.dumps(c)}" for n, c in procs]
        (folder / "mprocs.yaml").write_text("\n".join(lines) + "\n")
        return f"{shlex.quote(str(e2e.MPROCS))} --config mprocs.yaml"


def markers(dash, names):
    if dash.kind == "hum":  # the log pane's header names the selection: all processes, then the first one
        return ("j", lambda t: f" {names[0]} · " in t.split("\n", 1)[0],
                "k", lambda t: "all processes" in t.split("\n", 1)[0])
    return ("j", lambda t: f"•{names[1]}" in t, "k", lambda t: f"•{names[0]}" in t)


def key_samples(dash, names, samples):
    k1, shown1, k2, shown2 = markers(dash, names)
    lat, missed = [], 0
    for _ in range(samples):
        time.sleep(random.uniform(0.1, 0.2))
        now = e2e.capture("scale")
        if shown2(now):
            key, shown = k1, shown1
        elif shown1(now):
            key, shown = k2, shown2
        else:
            missed += 1
            continue
        t0 = time.perf_counter()
        e2e.tmux("send-keys", "-t", "scale", key)
        if e2e.wait_for("scale", shown, 3.0) is None:
            missed += 1
            continue
        lat.append((time.perf_counter() - t0) * 1000)
    return sorted(lat), missed


def frames_between(folder, t0, t1):
    f = folder / "frames.txt"
    if not f.exists():
        return []
    us = []
    for line in f.read_text().splitlines():
        parts = line.split()
        if len(parts) == 2 and t0 * 1000 <= int(parts[0]) <= t1 * 1000:
            us.append(int(parts[1]) / 1000)
    return sorted(us)


def cpu_window(pid, seconds):
    c0, t0, w0 = e2e.cpu_seconds(pid), time.monotonic(), time.time()
    time.sleep(seconds)
    c1, t1, w1 = e2e.cpu_seconds(pid), time.monotonic(), time.time()
    return 100 * (c1 - c0) / (t1 - t0), w0, w1


def scenario(dash, run, n, flooding, args):
    with tempfile.TemporaryDirectory(prefix="humscale-") as d:
        folder = Path(d)
        names = [f"p{i:03d}" for i in range(n)]
        procs = []
        for i, name in enumerate(names):
            pidf = folder / f"{name}.pid"
            e2e.STARTED_PIDS.append(str(pidf))
            body = f"exec {e2e.FLOOD}" if i >= n - flooding else e2e.TICK
            procs.append((name, f"echo $$ > {pidf}; {body}"))
        command = dash.command(folder, procs)
        t_open = time.perf_counter()
        pid = e2e.open_pane("scale", command, folder)
        label = f"{'flood' if flooding else 'tick'}-{n}"
        try:
            if e2e.wait_for("scale", dash.shown, 60, args.poll_ms / 1000) is None:
                return e2e.record(label, dash.name, run=run, n=n, error="no first frame")
            start_s = time.perf_counter() - t_open
            rss_first = e2e.rss_mb(pid)
            fields = {"start_s": start_s, "rss_first_mb": rss_first}
            frames = []
            if flooding:
                time.sleep(3)
                fields["cpu_pct"], w0, w1 = cpu_window(pid, args.window)
                frames += frames_between(folder, w0, w1)
            else:
                time.sleep(5)
                fields["cpu_pct"], w0, w1 = cpu_window(pid, args.window)
                frames += frames_between(folder, w0, w1)
                fields["rss_mid_mb"] = e2e.rss_mb(pid)
                time.sleep(max(0.0, args.late - 5 - args.window))
                fields["cpu_late_pct"], w2, w3 = cpu_window(pid, args.window)
                frames += frames_between(folder, w2, w3)
            if not getattr(dash, "probe", False):
                lat, missed = key_samples(dash, names, args.key_samples)
                fields.update(key_p50_ms=e2e.pct(lat, 50), key_p95_ms=e2e.pct(lat, 95),
                              key_max_ms=lat[-1] if lat else None, keys_n=len(lat), keys_missed=missed)
            else:
                time.sleep(1.5)  # the probe flushes every 30 frames
                frames = frames_between(folder, w0, time.time())
                fields.update(frames=len(frames), frame_p50_ms=e2e.pct(frames, 50),
                              frame_p99_ms=e2e.pct(frames, 99), frame_max_ms=frames[-1] if frames else None)
            fields["rss_mb"] = e2e.rss_mb(pid)
            return e2e.record(label, dash.name, run=run, n=n, flooding=flooding, **fields)
        finally:
            e2e.close_pane("scale", pid)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", default="20,100,200")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--window", type=float, default=10, help="seconds of each CPU window")
    ap.add_argument("--late", type=float, default=45, help="the later window starts this many s after the first frame")
    ap.add_argument("--key-samples", type=int, default=10)
    ap.add_argument("--only", default="tick,flood", help="tick, flood, and e2e.py's ingest (1M lines; RSS after it)")
    ap.add_argument("--flooders", type=int, default=FLOODERS, help="how many of the N flood in the flood scenario")
    ap.add_argument("--hum", default="hum=target/hum", help="hum contestants: name=command prefix;...")
    ap.add_argument("--no-mprocs", action="store_true")
    ap.add_argument("--no-probe", action="store_true")
    ap.add_argument("--poll-ms", type=float, default=0.0,
                    help="pause between looks at the pane while waiting for the first frame (see startup.py)")
    args = ap.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    e2e.RAW = open(out / "raw.jsonl", "a")
    root = e2e.ROOT
    dashes = []
    for spec in filter(None, args.hum.split(";")):
        name, prefix = spec.split("=", 1)
        dashes.append(Cmd(name, prefix.replace("target/", f"{root}/target/")))
    if not args.no_mprocs:
        dashes.append(Mprocs())
    if not args.no_probe:
        java = subprocess.run(["env", "HUM_LAUNCHER=print-java", str(root / "target" / "hum")],
                              capture_output=True, text=True).stdout.split()[1]
        work = e2e.HERE / "work"
        dashes.append(Cmd("hum [probe]", f"{shlex.quote(java)} -XX:+UseSerialGC -Dprobe.out=@FRAMES@ "
                                          f"-cp {root}/target/hum.jar:{work} FrameProbe hum.yaml", probe=True))
    e2e.tmux("kill-server", check=False)
    e2e.tmux("new-session", "-d", "-s", "keep", "-x", str(e2e.COLS), "-y", str(e2e.ROWS), "sleep 100000")
    try:
        for r in range(args.runs):
            for n in [int(x) for x in args.sizes.split(",")]:
                for kind in args.only.split(","):
                    k = (r + n) % len(dashes)
                    for dash in dashes[k:] + dashes[:k]:
                        if kind == "ingest":
                            if not getattr(dash, "probe", False):
                                e2e.ingest(dash, r)
                            continue
                        e2e.log(f"round {r + 1} n={n} {kind} {dash.name}  load {Path('/proc/loadavg').read_text().split()[:3]}")
                        scenario(dash, r, n, min(n, args.flooders) if kind == "flood" else 0, args)
    finally:
        e2e.tmux("kill-server", check=False)
        e2e.kill_started()
        e2e.RAW.close()


if __name__ == "__main__":
    main()
