#!/usr/bin/env python3
"""A markdown table of OUT/raw.jsonl written by scale.py (medians when several rounds): python3 scale_summary.py OUT"""
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

out = Path(sys.argv[1])
rows = [json.loads(l) for l in (out / "raw.jsonl").read_text().splitlines() if l.strip()]
by = defaultdict(list)
for r in rows:
    by[(r["kind"], r["who"])].append(r)
cols = [("start_s", "start → first frame s", 2), ("cpu_pct", "CPU % of a core, first window", 2),
        ("cpu_late_pct", "CPU %, later window", 2), ("frame_p99_ms", "frame p99 ms", 1),
        ("key_p50_ms", "key p50 ms", 1), ("key_p95_ms", "key p95 ms", 1), ("keys_missed", "keys missed", 0),
        ("rss_mb", "RSS MB (end)", 0), ("seconds", "ingest 1M s", 2)]
print("| scenario | who | " + " | ".join(c[1] for c in cols) + " |")
print("|---|---|" + "---|" * len(cols))
for (kind, who), rs in by.items():
    cells = []
    for field, _, nd in cols:
        xs = [r[field] for r in rs if r.get(field) is not None]
        cells.append(f"{statistics.median(xs):,.{nd}f}" if xs else "–")
    print(f"| {kind} | {who} | " + " | ".join(cells) + " |")
