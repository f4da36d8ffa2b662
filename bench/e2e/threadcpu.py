#!/usr/bin/env python3
"""Issue 14: where a dashboard's CPU goes, thread by thread, while N processes print one line a second.

Starts each contestant in a tmux pane of 160 x 45 (as scale.py does), waits --warm seconds after the first
frame, then reads /proc/PID/task/*/stat at the start and end of a --window second window and prints the CPU
ticks (utime + stime, 1/100 s) of each thread, grouped by name (hum-out-p007 and hum-err-p007 count as
"hum-out-*" and "hum-err-*"; C2 CompilerThread0 and 1 as one). One JSON line per contestant goes to --out.

    python3 bench/e2e/threadcpu.py --sizes 20,100 --warm 5 --window 20 \\
        --hum "new=target/hum;old=bench/e2e/work/old/hum" [--out bench/results/threads.jsonl]

The command prefixes may carry env (HUM_JAVA_OPTS=-XX:StartFlightRecording=...); mprocs is added unless
--no-mprocs.
"""
import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import e2e  # noqa: E402
import scale  # noqa: E402


def thread_ticks(pid):
    """{tid: (name, ticks)} for every thread of pid."""
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        f = stat.rsplit(")", 1)[1].split()
        out[task.name] = (name, int(f[11]) + int(f[12]))
    return out


def group(name):
    name = re.sub(r"^(hum-(out|err|control|exit)-).*", r"\1*", name)
    name = re.sub(r"CompilerThre\w*\d*$", "CompilerThread*", name)
    return re.sub(r"\d+$", "#", name)


def window(pid, seconds):
    before = thread_ticks(pid)
    t0 = time.monotonic()
    time.sleep(seconds)
    after = thread_ticks(pid)
    elapsed = time.monotonic() - t0
    groups = {}
    for tid, (name, ticks) in after.items():
        used = ticks - before.get(tid, (name, 0))[1]
        g = groups.setdefault(group(name), [0, 0])
        g[0] += used
        g[1] += 1
    return elapsed, groups


def run(dash, n, args):
    with tempfile.TemporaryDirectory(prefix="humthreads-") as d:
        folder = Path(d)
        procs = []
        for i in range(n):
            name = f"p{i:03d}"
            pidf = folder / f"{name}.pid"
            e2e.STARTED_PIDS.append(str(pidf))
            procs.append((name, f"echo $$ > {pidf}; {e2e.TICK}"))
        command = dash.command(folder, procs)
        pid = e2e.open_pane("threads", command, folder)
        try:
            if e2e.wait_for("threads", dash.shown, 60) is None:
                print(f"{dash.name}: no first frame", file=sys.stderr)
                return
            time.sleep(args.warm)
            if not e2e.alive(pid):
                print(f"{dash.name}: exited; screen:\n{e2e.capture('threads')}", file=sys.stderr)
                return
            elapsed, groups = window(pid, args.window)
            total = sum(g[0] for g in groups.values())
            load = Path("/proc/loadavg").read_text().split()[:3]
            print(f"\n{dash.name}, {n} processes: {total} ticks in {elapsed:.1f} s = "
                  f"{total / elapsed:.2f} % of a core (load {' '.join(load)})")
            for name, (ticks, count) in sorted(groups.items(), key=lambda kv: -kv[1][0]):
                if ticks:
                    print(f"  {ticks:6d}  {name} (x{count})")
            if args.out:
                with open(args.out, "a") as f:
                    f.write(json.dumps({"who": dash.name, "n": n, "seconds": elapsed, "ticks": total,
                                        "load": load, "threads": groups, "t": time.time()}) + "\n")
        finally:
            e2e.close_pane("threads", pid)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="20,100")
    ap.add_argument("--warm", type=float, default=5)
    ap.add_argument("--window", type=float, default=20)
    ap.add_argument("--hum", default="hum=target/hum")
    ap.add_argument("--no-mprocs", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()
    dashes = []
    for spec in filter(None, args.hum.split(";")):
        name, prefix = spec.split("=", 1)
        dashes.append(scale.Cmd(name, prefix.replace("target/", f"{e2e.ROOT}/target/")))
    if not args.no_mprocs:
        dashes.append(scale.Mprocs())
    e2e.tmux("kill-server", check=False)
    e2e.tmux("new-session", "-d", "-s", "keep", "-x", str(e2e.COLS), "-y", str(e2e.ROWS), "sleep 100000")
    try:
        for n in [int(x) for x in args.sizes.split(",")]:
            for dash in dashes:
                run(dash, n, args)
    finally:
        e2e.tmux("kill-server", check=False)
        e2e.kill_started()


if __name__ == "__main__":
    main()
