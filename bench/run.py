#!/usr/bin/env python3
"""Throughput of `newsgraph build` on a corpus, as ratios against a baseline timed in the
same run, so that figures from different machines (or a busy one) can be compared.

    bench/run.py [--newsgraph build/newsgraph] [--corpus ../shared/corpus/bbc] [--repeat 5]
                 [--jobs 1,2] [--jobs-only] [--peer] [--scaling 5,20,50,100]

Baseline: `wc -w` over the same files, a standard tool reading and splitting the same bytes
into words (the least any reader of the corpus must do). Timed, each the median of --repeat
runs after one warm-up run (files in the page cache):

  baseline   wc -w on every .txt file
  annotate   newsgraph annotate (reading, tagging, parsing, extraction and cross-article
             resolution: every stage before the graph's exports)
  graphml    newsgraph build -f graphml (the same, plus the graph, its measures and GraphML)
  data       newsgraph build -f graphml,jsonld,gexf,neo4j (all data exports)
  drawings   newsgraph build -f dot,svg,png,pdf (the same, plus the Graphviz layouts; at
             most --draw-limit 500 entities drawn)
  all        newsgraph build -f all
  jobs=N     newsgraph build -f graphml --jobs N, for each N of --jobs (default 1,2)
  peer       with --peer: the compromise peer (bench/peer_compromise.mjs: npm `compromise`
             finds people, places and organisations per sentence and counts co-mentions),
             installed pinned into .deps/bench-compromise on first use

Prints a table: seconds, ratio to the baseline, articles per second, MB/s, CPU seconds over
wall seconds (how many cores a run kept busy) and peak RSS; then each jobs=N run's speed-up
over jobs=1, both timed in this run, and the stages as differences between runs.

--scaling 5,20,50,100 then builds corpora of distinct news of those sizes in MB from the
corpus (bench/distinct_corpus.py: copies whose capitalised words are varied, so that their
entities do not merge) and times one `build -f graphml` of each (default --jobs): seconds,
MB/s, CPU seconds per MB and peak RSS, to show how time and memory grow with the news.
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
COMPROMISE_VERSION = "14.17.0"


def timed(command, repeat, warm_up=True):
    """Median wall seconds, CPU seconds (user + system) and peak RSS (MB) of `command`."""
    walls, cpus, rss = [], [], 0
    first = 1 if warm_up else 0  # a warm-up run fills the page cache, and is not counted
    for run in range(repeat + first):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if run >= first:
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
    parser.add_argument("--peer", action="store_true", help="time the compromise peer too")
    parser.add_argument("--scaling", default="",
                        help="sizes in MB of distinct news to time graphml on, e.g. 5,20,50,100")
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
            runs["annotate"] = [str(args.newsgraph), "annotate", str(args.corpus), "--quiet",
                                "-o", os.path.join(out, "mentions.jsonl")]
            runs["graphml"] = build + ["graphml"]
            runs["data"] = build + ["graphml,jsonld,gexf,neo4j"]
            runs["drawings"] = build + ["dot,svg,png,pdf"]
            runs["all"] = build + ["all"]
        jobs = [int(n) for n in args.jobs.split(",") if n]
        for n in jobs:
            runs[f"jobs={n}"] = build + ["graphml", "--jobs", str(n)]
        if args.peer:
            runs["peer"] = ["node", str(ROOT / "bench" / "peer_compromise.mjs"), str(args.corpus)]
            os.environ["COMPROMISE_PATH"] = str(install_compromise())
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
    if "graphml" in timing:
        graphml = timing["graphml"][0]
        print(f"stages: reading to resolution (annotate) {timing['annotate'][0]:.2f} s; "
              f"graph and GraphML +{graphml - timing['annotate'][0]:.2f} s; every format "
              f"{timing['all'][0] / graphml:.2f}x graphml alone")
        if "peer" in timing:
            print(f"graphml vs the compromise peer: {timing['peer'][0] / graphml:.1f}x faster")
    if args.scaling:
        scaling(args, [float(mb) for mb in args.scaling.split(",") if mb])
    return 0


def install_compromise():
    """The peer's package, installed once (pinned) into .deps/bench-compromise."""
    prefix = ROOT / ".deps" / "bench-compromise"
    package = prefix / "node_modules" / "compromise"
    if not package.is_dir():
        print(f"bench: installing compromise@{COMPROMISE_VERSION} into {prefix}", flush=True)
        subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
                        "--silent", f"compromise@{COMPROMISE_VERSION}"], check=True)
    return package


def scaling(args, sizes):
    print(f"\ndistinct news made from {args.corpus} (bench/distinct_corpus.py), "
          f"build -f graphml, one run each")
    print(f"{'MB':>6} {'articles':>9} {'seconds':>8} {'MB/s':>6} {'CPU s/MB':>9} {'peak RSS':>9}")
    for mb in sizes:
        with tempfile.TemporaryDirectory() as work:
            corpus = Path(work) / "corpus"
            subprocess.run([sys.executable, str(ROOT / "bench" / "distinct_corpus.py"),
                            str(args.corpus), str(corpus), "--mb", str(mb)],
                           check=True, stdout=subprocess.DEVNULL)
            files = list(corpus.rglob("*.txt"))
            size = sum(p.stat().st_size for p in files) / 1e6
            wall, cpu, rss = timed([str(args.newsgraph), "build", str(corpus), "-o",
                                    str(Path(work) / "out"), "--quiet", "-f", "graphml"], 1,
                                   warm_up=False)
            print(f"{size:6.1f} {len(files):9d} {wall:8.1f} {size / wall:6.2f} "
                  f"{cpu / size:9.2f} {rss:6.0f} MB", flush=True)


if __name__ == "__main__":
    sys.exit(main())
