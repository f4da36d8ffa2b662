#!/usr/bin/env python3
"""Prints a JMH JSON result file as one line per benchmark and metric: median of the measured iterations.

    python3 bench/summarise.py bench/results/jmh-<time>.json
"""
import json
import statistics
import sys


def median(metric):
    raw = [v for fork in metric.get("rawData", []) for v in fork]
    return statistics.median(raw) if raw else metric["score"]


def main(path):
    for run in json.load(open(path)):
        name = run["benchmark"].replace("dev.hum.bench.", "")
        params = ",".join(f"{k}={v}" for k, v in sorted(run.get("params", {}).items()))
        primary = run["primaryMetric"]
        print(f"{name:45} {params:30} {'':28} {median(primary):14.3f} {primary['scoreUnit']}")
        for key, metric in sorted(run.get("secondaryMetrics", {}).items()):
            if key in ("gc.count", "gc.time", "gc.alloc.rate"):
                continue
            print(f"{name:45} {params:30} {key:28} {median(metric):14.3f} {metric['scoreUnit']}")


if __name__ == "__main__":
    main(sys.argv[1])
