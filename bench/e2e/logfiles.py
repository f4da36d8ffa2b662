#!/usr/bin/env python3
"""Log files under the 1M-line flood (issue 13): ingest beside the same flood without files.

    mvn -B -q -DskipTests package && python3 bench/e2e/logfiles.py [ROUNDS] [HUM]

HUM defaults to target/hum (the launcher). Per round, in alternating order, `hum --headless` (stdout to /dev/null)
runs one child `seq 1 1000000` that times itself (`date +%s%N` before and after, as e2e.py's ingest does: a hum
that drains slowly makes the child block on its pipe), once with `settings.log_dir` and once without. Prints one
JSON line per run: the child's seconds, hum's wall seconds (JVM start to exit, the quit's flush included), hum's
CPU seconds (with the child's), and with files the lines in the file (seq's and hum's notes) and the lines it says were dropped.
"""
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINES = 1_000_000


def run(hum, with_files):
    with tempfile.TemporaryDirectory(prefix="humbench-logs-") as d:
        folder = Path(d)
        done = folder / "c.done"
        child = (f"s=$(date +%s%N); seq 1 {LINES}; e=$(date +%s%N); "
                 f"echo $s $e > {done}.tmp; mv {done}.tmp {done}")
        # one file big enough for the whole flood, so the test can count every line in it
        settings = "settings:\n  log_dir: logs\n  log_max_size: 64MB\n" if with_files else ""
        (folder / "hum.yaml").write_text(f"processes:\n  flood:\n    cmd: '{child}'\n{settings}")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        subprocess.run([hum, "--headless"], cwd=folder, stdout=subprocess.DEVNULL, check=True)
        wall = time.monotonic() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        s, e = done.read_text().split()
        out = {"files": with_files, "child_s": round((int(e) - int(s)) / 1e9, 3), "hum_wall_s": round(wall, 3),
               "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 3)}
        if with_files:
            log = folder / "logs" / "flood.log"
            text = log.read_text()
            out["file_lines"] = text.count("\n")
            out["seq_lines"] = len(re.findall(r"^\S+ \d+$", text, re.M))
            out["file_mb"] = round(log.stat().st_size / 1e6, 1)
            out["dropped"] = sum(int(n) for n in re.findall(r"\[hum: (\d+) lines? dropped", text))
            out["rotated"] = len(list((folder / "logs").glob("flood.log.*")))
        return out


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    hum = sys.argv[2] if len(sys.argv) > 2 else str(Path("target/hum").resolve())
    print(json.dumps({"uptime": os.getloadavg(), "hum": hum, "rounds": rounds}))
    results = {True: [], False: []}
    for r in range(rounds):
        for with_files in ((False, True) if r % 2 == 0 else (True, False)):
            res = run(hum, with_files)
            res["round"] = r
            results[with_files].append(res)
            print(json.dumps(res), flush=True)
    for with_files, rs in results.items():
        for key in ("child_s", "hum_wall_s", "cpu_s"):
            vals = sorted(x[key] for x in rs)
            print(f"{'with' if with_files else 'without'} files: median {key} {vals[len(vals) // 2]}")
    print(json.dumps({"uptime_end": os.getloadavg()}))


if __name__ == "__main__":
    main()
