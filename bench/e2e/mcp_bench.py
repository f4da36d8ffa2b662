#!/usr/bin/env python3
"""Issue 5: `scripts_status` latency as an agent sees it, through `hum mcp` bridged to a running dashboard.

A hum dashboard runs in a tmux pane (4 processes flooding with `yes`, or 4 sleeping: the control); `hum mcp`
is started in the same folder (it finds the dashboard's socket and bridges); this script speaks JSON-RPC lines
over its stdio: initialize, then tools/call scripts_status paced at --rate calls a second, one at a time (send,
wait for the answer, sleep to the next slot). Latency = send to answer read, in this client.

    python3 bench/e2e/mcp_bench.py --out DIR [--runs 3] [--seconds 10] [--rate 1000]
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import e2e  # noqa: E402  (tmux helpers, Dash)


def rpc(proc, msg):
    proc.stdin.write((json.dumps(msg) + "\n").encode())
    proc.stdin.flush()


def answer(proc, want_id):
    while True:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("hum mcp closed its stdout")
        m = json.loads(line)
        if m.get("id") == want_id:
            return m


def measure(load, run, args, jar):
    dash = e2e.Dash("hum", "hum", "", jar)
    with tempfile.TemporaryDirectory(prefix="humbench-") as d:
        folder = Path(d)
        procs = []
        for i in range(1, 5):
            pidf = folder / f"m{i}.pid"
            e2e.STARTED_PIDS.append(str(pidf))
            body = e2e.FLOOD if load == "flood" else "sleep 100000"
            procs.append((f"f{i}", f"echo $$ > {pidf}; exec {body}"))
        command = dash.command(folder, procs)
        frames = folder / "frames.txt"
        if args.probe:  # the same dashboard, wired by FrameProbe, which times each drawn frame
            command = (f"java -Dprobe.out={frames} -cp {jar}:{e2e.HERE / 'work'} FrameProbe hum.yaml")
        pid = e2e.open_pane("mcp", command, folder)
        mcp = None
        try:
            if e2e.wait_for("mcp", dash.shown, 60) is None:
                return e2e.record("mcp", f"scripts_status [{load}]", run=run, error="no first frame")
            quiet = None
            if args.probe:
                time.sleep(3)
                q0 = time.time() * 1000
                time.sleep(args.seconds)
                quiet = (q0, time.time() * 1000)
            mcp = subprocess.Popen(["java", "-jar", str(jar), "mcp"], cwd=folder, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=open(folder / "mcp.err", "wb"))
            rpc(mcp, {"jsonrpc": "2.0", "id": 0, "method": "initialize",
                      "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                                 "clientInfo": {"name": "hum-bench", "version": "1"}}})
            answer(mcp, 0)
            rpc(mcp, {"jsonrpc": "2.0", "method": "notifications/initialized"})
            bridged = "bridged" in (folder / "mcp.err").read_text(errors="replace")
            period = 1.0 / args.rate
            lat = []
            n = 1
            c0 = None
            for phase, secs in (("warm", args.warmup), ("measure", args.seconds)):
                if phase == "measure":
                    c0, w0 = e2e.cpu_seconds(pid), time.monotonic()
                    m0 = time.time() * 1000
                end = time.perf_counter() + secs
                slot = time.perf_counter()
                while time.perf_counter() < end:
                    t0 = time.perf_counter()
                    rpc(mcp, {"jsonrpc": "2.0", "id": n, "method": "tools/call",
                              "params": {"name": "scripts_status", "arguments": {}}})
                    a = answer(mcp, n)
                    t1 = time.perf_counter()
                    if phase == "measure":
                        if a.get("result", {}).get("isError") or "error" in a:
                            raise RuntimeError(f"error answer: {a}")
                        lat.append((t1 - t0) * 1000)
                    n += 1
                    slot += period
                    pause = slot - time.perf_counter()
                    if pause > 0:
                        time.sleep(pause)
                    else:
                        slot = time.perf_counter()  # behind: do not burst to catch up
            dash_cpu = 100 * (e2e.cpu_seconds(pid) - c0) / (time.monotonic() - w0)
            busy = (m0, time.time() * 1000)
            lat.sort()
            extra = {}
            if args.probe:
                time.sleep(1.5)  # the probe flushes every 30 frames
                rows = [tuple(map(int, l.split())) for l in frames.read_text().splitlines() if len(l.split()) == 2]
                for tag, (a, b) in (("no_calls", quiet), ("calls", busy)):
                    us = sorted(u / 1000 for t, u in rows if a <= t <= b)
                    extra[f"frames_{tag}"] = len(us)
                    extra[f"frame_p50_ms_{tag}"] = round(e2e.pct(us, 50), 3) if us else None
                    extra[f"frame_p99_ms_{tag}"] = round(e2e.pct(us, 99), 3) if us else None
                    extra[f"frame_max_ms_{tag}"] = round(us[-1], 3) if us else None
            return e2e.record("mcp", f"scripts_status [{load}]", run=run, bridged=bridged,
                              rate=round(len(lat) / args.seconds), p50_ms=round(e2e.pct(lat, 50), 3),
                              p99_ms=round(e2e.pct(lat, 99), 3), p999_ms=round(e2e.pct(lat, 99.9), 3),
                              max_ms=round(lat[-1], 3), dashboard_cpu_pct=round(dash_cpu, 1),
                              rss_mb=e2e.rss_mb(pid), dashboard="FrameProbe" if args.probe else "hum.jar", **extra)
        finally:
            if mcp:
                mcp.stdin.close()
                try:
                    mcp.wait(10)
                except subprocess.TimeoutExpired:
                    mcp.kill()
            e2e.close_pane("mcp", pid)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--warmup", type=float, default=3)
    ap.add_argument("--rate", type=float, default=1000)
    ap.add_argument("--jar", default=str(e2e.JAR))
    ap.add_argument("--probe", action="store_true", help="run the dashboard through FrameProbe to time its frames")
    args = ap.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    e2e.RAW = open(out / "raw.jsonl", "a")
    jar = Path(args.jar).resolve()
    e2e.tmux("kill-server", check=False)
    e2e.tmux("new-session", "-d", "-s", "keep", "-x", str(e2e.COLS), "-y", str(e2e.ROWS), "sleep 100000")
    try:
        for r in range(args.runs):
            for load in (("flood", "idle") if r % 2 == 0 else ("idle", "flood")):
                measure(load, r, args, jar)
    finally:
        e2e.tmux("kill-server", check=False)
        e2e.kill_started()
        e2e.RAW.close()


if __name__ == "__main__":
    main()
