#!/usr/bin/env python3
"""Medians and ratios (within one run) from OUT/raw.jsonl of e2e.py / mcp_bench.py: python3 summarise.py OUT"""
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


def med(kind, who, field):
    xs = [r[field] for r in by.get((kind, who), []) if r.get(field) is not None]
    return (statistics.median(xs), len(xs), xs) if xs else (None, 0, [])


def f(x, nd=2):
    return "–" if x is None else f"{x:,.{nd}f}"


lines = [f"# e2e summary: {out.name}", "", "Medians over the runs of this invocation (n = runs); ratios are of medians.", ""]
summary = {}


def table(kind, field, unit, ref, title, nd=2):
    whos = [w for (k, w) in by if k == kind]
    if not whos:
        return
    lines.extend([f"## {title}", "", f"| who | median {unit} | n | runs | {ref} ÷ who |", "|---|---|---|---|---|"])
    rmed = med(kind, ref, field)[0]
    for w in whos:
        m, n, xs = med(kind, w, field)
        summary[f"{kind}.{field}.{w}"] = m
        ratio = (rmed / m) if (m and rmed) else None
        lines.append(f"| {w} | {f(m, nd)} | {n} | {', '.join(f(x, nd) for x in xs)} | {f(ratio)} |")
    lines.append("")


table("start", "seconds", "s", "mprocs", "Start to first frame (4 idle processes)")
table("start", "rss_mb", "MB", "mprocs", "RSS just after the first frame")
table("ingest", "seconds", "s", "mprocs", "Ingest: 1,000,000 seq lines, child's own time")
table("ingest", "rss_mb", "MB", "mprocs", "RSS 1 s after the 1M-line flood")
table("idle", "cpu_pct", "% of a core", "mprocs", "Idle: 20 processes × 1 line/s, dashboard CPU over the window")
table("idle-settled", "cpu_pct", "% of a core", "mprocs", "Idle, second window after the JIT settled (--idle-late)")
table("keys", "p50_ms", "ms", "mprocs", "Key → visible change while 4 processes flood: p50 per run")
table("keys", "p95_ms", "ms", "mprocs", "Key → visible change: p95 per run")
table("keys", "rss_mb", "MB", "mprocs", "RSS during the 4-process flood")
# pooled key samples
pooled = defaultdict(list)
for r in rows:
    if r["kind"] == "keys":
        pooled[r["who"]] += r.get("samples", [])
        pooled[r["who"] + " missed"] += [r.get("missed", 0)]
if pooled:
    lines += ["## Key latency, all samples pooled", "", "| who | n | missed | p50 ms | p95 ms | p99 ms | max ms |", "|---|---|---|---|---|---|---|"]
    for w, xs in pooled.items():
        if w.endswith(" missed"):
            continue
        xs.sort()
        q = lambda p: xs[min(len(xs) - 1, int(round((len(xs) - 1) * p / 100)))] if xs else None
        summary[f"keys.pooled.{w}"] = {"p50": q(50), "p95": q(95), "p99": q(99)}
        lines.append(f"| {w} | {len(xs)} | {sum(pooled[w + ' missed'])} | {f(q(50))} | {f(q(95))} | {f(q(99))} | {f(xs[-1] if xs else None)} |")
    lines.append("")
for r in rows:
    if r["kind"] == "mcp":
        lines.append(f"- mcp `{r['who']}` ({r.get('dashboard', 'hum.jar')}): " + ", ".join(f"{k}={v}" for k, v in r.items() if k not in ("kind", "who", "t", "samples", "dashboard")))
(out / "summary.md").write_text("\n".join(lines) + "\n")
(out / "summary.json").write_text(json.dumps(summary, indent=1))
print("\n".join(lines))
