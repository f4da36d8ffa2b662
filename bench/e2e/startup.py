#!/usr/bin/env python3
"""Issue 14: start -> first frame, several rounds, the contestants alternating, in tmux panes of 160 x 45.

Each round starts every contestant once (the order rotating) on a hum.yaml (or mprocs.yaml) of N processes printing
one line a second, and times from the pane's start to the first screen that shows the dashboard (capture-pane
polled as fast as it goes), plus the CPU the dashboard used until then (utime + stime of its pid: the launcher's
shell execs the JVM, so the launcher's own forks are not in it). Medians per contestant; raw rows to --out.

    python3 bench/e2e/startup.py --runs 7 --n 20 \\
        --hum "old=$PWD/bench/e2e/work/old/hum;new=$PWD/bench/e2e/work/new2/hum" [--out DIR/startup.jsonl]
"""
import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import e2e  # noqa: E402
import scale  # noqa: E402


def once(dash, n, interval):
    with tempfile.TemporaryDirectory(prefix="humstart-") as d:
        folder = Path(d)
        procs = []
        for i in range(n):
            pidf = folder / f"p{i:03d}.pid"
            e2e.STARTED_PIDS.append(str(pidf))
            procs.append((f"p{i:03d}", f"echo $$ > {pidf}; {e2e.TICK}"))
        command = dash.command(folder, procs)
        t0 = time.perf_counter()
        pid = e2e.open_pane("start", command, folder)
        try:
            waited = e2e.wait_for("start", dash.shown, 60, interval)
            if waited is None:
                return None, None
            return time.perf_counter() - t0, e2e.cpu_seconds(pid)
        finally:
            e2e.close_pane("start", pid)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--hum", default="hum=target/hum")
    ap.add_argument("--no-mprocs", action="store_true")
    ap.add_argument("--out")
    ap.add_argument("--poll-ms", type=float, default=0.0,
                    help="pause between two looks at the pane (0: none; each look starts a tmux client, which "
                         "takes a core from the dashboard while it starts; 10 ms leaves it most of the 2 cores)")
    args = ap.parse_args()
    dashes = [scale.Cmd(name, prefix) for name, prefix in
              (spec.split("=", 1) for spec in filter(None, args.hum.split(";")))]
    if not args.no_mprocs:
        dashes.append(scale.Mprocs())
    e2e.tmux("kill-server", check=False)
    e2e.tmux("new-session", "-d", "-s", "keep", "-x", str(e2e.COLS), "-y", str(e2e.ROWS), "sleep 100000")
    results = {d.name: [] for d in dashes}
    try:
        for r in range(args.runs):
            k = r % len(dashes)
            for dash in dashes[k:] + dashes[:k]:
                load = Path("/proc/loadavg").read_text().split()[0]
                seconds, cpu = once(dash, args.n, args.poll_ms / 1000)
                results[dash.name].append((seconds, cpu))
                print(f"round {r + 1} {dash.name}: {seconds} s, CPU {cpu} s (load {load})", file=sys.stderr)
                if args.out:
                    with open(args.out, "a") as f:
                        f.write(json.dumps({"who": dash.name, "n": args.n, "start_s": seconds, "cpu_s": cpu,
                                            "load": load, "t": time.time()}) + "\n")
    finally:
        e2e.tmux("kill-server", check=False)
        e2e.kill_started()
    for name, rows in results.items():
        ok = [r for r in rows if r[0] is not None]
        if ok:
            print(f"{name}: start -> first frame median {statistics.median(r[0] for r in ok):.3f} s "
                  f"(min {min(r[0] for r in ok):.3f}), CPU to it median {statistics.median(r[1] for r in ok):.2f} s, "
                  f"{len(ok)} of {len(rows)} runs")


if __name__ == "__main__":
    main()
