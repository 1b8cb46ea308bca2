#!/usr/bin/env python3
"""Throughput of `newsgraph build` on a corpus, as ratios against a baseline timed in the
same run, so that figures from different machines (or a busy one) can be compared.

    bench/run.py [--newsgraph build/newsgraph] [--corpus ../shared/corpus/bbc] [--repeat 5]

Baseline: `wc -w` over the same files, a standard tool reading and splitting the same bytes
into words (the least any reader of the corpus must do). Timed, each the median of --repeat
runs after one warm-up run (files in the page cache):

  baseline   wc -w on every .txt file
  data       newsgraph build -f graphml,jsonld,gexf,neo4j (extraction, graph, measures,
             data exports)
  drawings   newsgraph build -f dot,svg,png,pdf (the same, plus the Graphviz layouts; at
             most --draw-limit 500 entities drawn)
  all        newsgraph build -f all

Prints a table: seconds, ratio to the baseline, articles per second.
"""
import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command, repeat):
    times = []
    for run in range(repeat + 1):  # the first warms the page cache, and is not counted
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if run:
            times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):  # 1: some inputs repaired or skipped, named
            sys.exit(f"bench: {' '.join(map(str, command))} exited {done.returncode}")
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--newsgraph", type=Path, default=ROOT / "build" / "newsgraph")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.newsgraph.is_file():
        sys.exit(f"bench: {args.newsgraph} not found; build first (see README)")
    files = sorted(p for p in args.corpus.rglob("*.txt"))
    if not files:
        sys.exit(f"bench: no .txt files under {args.corpus}")
    size = sum(p.stat().st_size for p in files)
    print(f"corpus {args.corpus}: {len(files)} articles, {size / 1e6:.1f} MB; "
          f"median of {args.repeat} runs")

    with tempfile.TemporaryDirectory() as out:
        build = [str(args.newsgraph), "build", str(args.corpus), "-o", out, "--quiet", "-f"]
        runs = {
            "baseline": ["wc", "-w", *map(str, files)],
            "data": build + ["graphml,jsonld,gexf,neo4j"],
            "drawings": build + ["dot,svg,png,pdf"],
            "all": build + ["all"],
        }
        seconds = {name: timed(command, args.repeat) for name, command in runs.items()}
    print(f"{'run':10} {'seconds':>8} {'x baseline':>11} {'articles/s':>11}")
    for name, s in seconds.items():
        print(f"{name:10} {s:8.2f} {s / seconds['baseline']:11.1f} {len(files) / s:11.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
