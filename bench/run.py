#!/usr/bin/env python3
"""Throughput of `newsgraph build` on a corpus, as ratios against a baseline timed in the
same run, so that figures from different machines (or a busy one) can be compared.

    bench/run.py [--newsgraph build/newsgraph] [--corpus ../shared/corpus/bbc] [--repeat 5]
                 [--jobs 1,2] [--jobs-only]

Baseline: `wc -w` over the same files, a standard tool reading and splitting the same bytes
into words (the least any reader of the corpus must do). Timed, each the median of --repeat
runs after one warm-up run (files in the page cache):

  baseline   wc -w on every .txt file
  data       newsgraph build -f graphml,jsonld,gexf,neo4j (extraction, graph, measures,
             data exports)
  drawings   newsgraph build -f dot,svg,png,pdf (the same, plus the Graphviz layouts; at
             most --draw-limit 500 entities drawn)
  all        newsgraph build -f all
  jobs=N     newsgraph build -f graphml --jobs N, for each N of --jobs (default 1,2)

Prints a table: seconds, ratio to the baseline, articles per second, CPU seconds over wall
seconds (how many cores a run kept busy) and peak RSS; then each jobs=N run's speed-up over
jobs=1, both timed in this run. --jobs-only times only the baseline and the jobs=N runs.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command, repeat):
    """Median wall seconds, CPU seconds (user + system) and peak RSS (MB) of `command`."""
    walls, cpus, rss = [], [], 0
    for run in range(repeat + 1):  # the first warms the page cache, and is not counted
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if run:
            walls.append(wall)
            cpus.append(usage.ru_utime + usage.ru_stime)
            rss = max(rss, usage.ru_maxrss / 1024)
        if child.returncode not in (0, 1):  # 1: some inputs repaired or skipped, named
            sys.exit(f"bench: {' '.join(map(str, command))} exited {child.returncode}")
    return statistics.median(walls), statistics.median(cpus), rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--newsgraph", type=Path, default=ROOT / "build" / "newsgraph")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", default="1,2", help="--jobs values to compare (graphml)")
    parser.add_argument("--jobs-only", action="store_true",
                        help="time only the baseline and the --jobs runs")
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
        runs = {"baseline": ["wc", "-w", *map(str, files)]}
        if not args.jobs_only:
            runs["data"] = build + ["graphml,jsonld,gexf,neo4j"]
            runs["drawings"] = build + ["dot,svg,png,pdf"]
            runs["all"] = build + ["all"]
        jobs = [int(n) for n in args.jobs.split(",") if n]
        for n in jobs:
            runs[f"jobs={n}"] = build + ["graphml", "--jobs", str(n)]
        timing = {name: timed(command, args.repeat) for name, command in runs.items()}
    base = timing["baseline"][0]
    print(f"{'run':10} {'seconds':>8} {'x baseline':>11} {'articles/s':>11} {'MB/s':>6} "
          f"{'CPU/wall':>9} {'peak RSS':>9}")
    for name, (wall, cpu, rss) in timing.items():
        print(f"{name:10} {wall:8.2f} {wall / base:11.1f} {len(files) / wall:11.0f} "
              f"{size / 1e6 / wall:6.2f} {cpu / wall:9.2f} {rss:6.0f} MB")
    if "jobs=1" in timing:
        one = timing["jobs=1"][0]
        for n in jobs:
            if n != 1:
                print(f"jobs={n} vs jobs=1: {one / timing[f'jobs={n}'][0]:.2f}x faster "
                      f"(same run, {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
