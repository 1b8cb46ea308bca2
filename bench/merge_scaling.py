#!/usr/bin/env python3
"""What the map and reduce steps cost as the shards get more and the graphs bigger (issue 20,
docs/scaling.md): the BBC corpus is cut into S shards (S = 10, 100, 1000 by default) of
consecutive articles, each shard extracted by its own `newsgraph extract -j 1` (the map), and
the parts merged (the reduce) two ways:

  flat   one `newsgraph merge PART... -o all.ngs` of every part;
  tree   pairwise merges, level by level, each its own process (what a Slurm array or MPI
         does): the critical path is the sum over levels of the slowest merge of the level,
         the work the sum of all of them.

Then `newsgraph export all.ngs -f graphml` (resolution across articles, measures, GraphML:
what the root does once the graph is whole). Each timing is the median of --repeat runs
(extraction runs once: it is the expensive part and its figures are per shard). The merged
graph of every S must export the GraphML of one `build` of the whole corpus byte for byte, and
the tree's root must be the flat merge's .ngs byte for byte: the script checks both and exits
1 otherwise.

    bench/merge_scaling.py [--newsgraph build/newsgraph] [--corpus ../shared/corpus/bbc]
                           [--shards 10,100,1000] [--repeat 3] [--work DIR] [--json FILE]

Articles are given ids of their own ("business/001") in JSON Lines shards, so that an
article has the same id whichever shard it is in. Extraction dominates the run (about fifteen
minutes on one core for 1,000 shards: each process loads the models); the parts and their
figures are kept in --work and reused by the next run of the same binary (--fresh extracts
again).
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(command):
    """Runs `command`; returns (wall seconds, peak RSS in MB of that process). The RSS comes
    from /usr/bin/time: the rusage of a child forked from this script would count the
    script's own pages up to the exec."""
    start = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%M", *command], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{process.stderr}")
    return wall, int(process.stderr.strip().splitlines()[-1]) / 1024


def median_run(command, repeat):
    runs = [run(command) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def read_corpus(corpus):
    """The corpus's articles as JSON Lines records, in path order, ids from their paths."""
    records = []
    for path in sorted(Path(corpus).rglob("*.txt")):
        if path.stem.lower() == "readme":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        rel = path.relative_to(corpus).with_suffix("").as_posix()
        records.append({"id": rel, "title": title, "text": text})
    return records


def write_shards(records, shards, folder):
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for s in range(shards):
        part = records[len(records) * s // shards:len(records) * (s + 1) // shards]
        path = folder / f"shard-{s:04d}.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for record in part:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append((path, len(part)))
    return paths


def extract_all(newsgraph, shards, parts_dir, fresh):
    """Extracts each shard, or reuses the parts and figures of an earlier run by the same
    binary (unless `fresh`); per-shard figures."""
    parts_dir.mkdir(parents=True, exist_ok=True)
    stamp = parts_dir / "figures.json"
    if stamp.exists() and os.path.getmtime(stamp) > os.path.getmtime(newsgraph) and not fresh:
        cached = json.loads(stamp.read_text())
        if len(cached) == len(shards) and all(Path(p["part"]).exists() for p in cached):
            return cached
    figures = []
    for shard, articles in shards:
        part = parts_dir / (shard.stem + ".ngs")
        wall, rss = run([newsgraph, "extract", "-q", "-j", "1", str(shard), "-o", str(part)])
        figures.append({"part": str(part), "articles": articles, "seconds": wall, "rss_mb": rss,
                        "bytes": part.stat().st_size})
    stamp.write_text(json.dumps(figures))
    return figures


def tree_merge(newsgraph, parts, folder, repeat):
    """Pairwise merges level by level; per level: graphs, their mean articles and bytes, the
    slowest and the total merge time, the largest RSS."""
    folder.mkdir(parents=True, exist_ok=True)
    levels, current, articles = [], [p["part"] for p in parts], [p["articles"] for p in parts]
    depth = 0
    while len(current) > 1:
        depth += 1
        merged, merged_articles, times, rss = [], [], [], []
        for i in range(0, len(current), 2):
            if i + 1 == len(current):  # the odd one goes up as it is
                merged.append(current[i])
                merged_articles.append(articles[i])
                continue
            out = folder / f"level{depth}-{i // 2:04d}.ngs"
            wall, peak = median_run(
                [newsgraph, "merge", "-q", current[i], current[i + 1], "-o", str(out)], repeat)
            times.append(wall)
            rss.append(peak)
            merged.append(str(out))
            merged_articles.append(articles[i] + articles[i + 1])
        sizes = [os.path.getsize(p) for p in merged]
        levels.append({"level": depth, "graphs": len(merged),
                       "mean_articles": statistics.mean(merged_articles),
                       "mean_bytes": statistics.mean(sizes), "slowest_s": max(times),
                       "total_s": sum(times), "max_rss_mb": max(rss)})
        current, articles = merged, merged_articles
    return current[0], levels


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--newsgraph", default=str(ROOT / "build" / "newsgraph"))
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--shards", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", default="/tmp/newsgraph-merge-scaling")
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--fresh", action="store_true",
                        help="extract the shards again (after a change to the extraction)")
    args = parser.parse_args()
    newsgraph = os.path.abspath(args.newsgraph)
    work = Path(args.work)
    records = read_corpus(args.corpus)
    words = sum(len(r["text"].split()) for r in records)
    print(f"corpus: {len(records)} articles, {words} words ({args.corpus})")

    # The reference: one build of the whole corpus.
    whole = write_shards(records, 1, work / "whole")[0][0]
    reference = work / "build"
    build_s, build_rss = run([newsgraph, "build", "-q", "-j", "1", str(whole), "-o",
                              str(reference), "-f", "graphml"])
    reference_bytes = (reference / "graph.ngs").read_bytes()
    print(f"build of all, -j 1, -f graphml: {build_s:.1f} s, {build_rss:.0f} MB; "
          f"graph.ngs {len(reference_bytes) / 1e6:.2f} MB")

    results = {"articles": len(records), "words": words, "build_s": build_s,
               "build_rss_mb": build_rss, "graph_ngs_bytes": len(reference_bytes), "runs": []}
    ok = True
    for shards in [int(s) for s in args.shards.split(",")]:
        folder = work / f"s{shards}"
        shard_files = write_shards(records, shards, folder / "shards")
        parts = extract_all(newsgraph, shard_files, folder / "parts", args.fresh)
        extract_s = [p["seconds"] for p in parts]
        part_bytes = [p["bytes"] for p in parts]
        flat_out = folder / "flat.ngs"
        flat_s, flat_rss = median_run(
            [newsgraph, "merge", "-q", *[p["part"] for p in parts], "-o", str(flat_out)],
            args.repeat)
        root, levels = tree_merge(newsgraph, parts, folder / "tree", args.repeat)
        export_s, export_rss = median_run(
            [newsgraph, "export", "-q", str(flat_out), "-o", str(folder / "export"), "-f",
             "graphml"], args.repeat)
        # The snapshots count their INPUT arguments (S shards against 1 file), so the build is
        # compared by its GraphML, the two merges by their bytes.
        same_flat = ((folder / "export" / "graph.graphml").read_bytes() ==
                     (reference / "graph.graphml").read_bytes())
        same_tree = Path(root).read_bytes() == flat_out.read_bytes()
        ok = ok and same_flat and same_tree
        row = {"shards": shards, "articles_per_shard": len(records) / shards,
               "extract_s_median": statistics.median(extract_s),
               "extract_s_total": sum(extract_s),
               "extract_rss_mb_max": max(p["rss_mb"] for p in parts),
               "part_bytes_mean": statistics.mean(part_bytes),
               "part_bytes_total": sum(part_bytes), "flat_merge_s": flat_s,
               "flat_merge_rss_mb": flat_rss, "tree_levels": levels,
               "tree_critical_path_s": sum(level["slowest_s"] for level in levels),
               "tree_work_s": sum(level["total_s"] for level in levels), "export_s": export_s,
               "export_rss_mb": export_rss, "identical_to_build": same_flat and same_tree}
        results["runs"].append(row)
        print(f"\n{shards} shards of {len(records) / shards:.1f} articles")
        print(f"  extract: median {row['extract_s_median']:.2f} s a shard "
              f"({row['extract_s_total']:.0f} s in all), peak RSS {row['extract_rss_mb_max']:.0f}"
              f" MB; parts {row['part_bytes_mean'] / 1e3:.0f} kB on average, "
              f"{row['part_bytes_total'] / 1e6:.1f} MB in all")
        print(f"  flat merge of {shards} parts: {flat_s:.2f} s, peak RSS {flat_rss:.0f} MB")
        print(f"  tree merge: {len(levels)} levels, critical path "
              f"{row['tree_critical_path_s']:.2f} s, work {row['tree_work_s']:.2f} s")
        for level in levels:
            print(f"    level {level['level']:2d}: {level['graphs']:4d} graphs of "
                  f"{level['mean_articles']:7.1f} articles, {level['mean_bytes'] / 1e6:6.2f} MB;"
                  f" slowest merge {level['slowest_s']:.3f} s, peak RSS "
                  f"{level['max_rss_mb']:.0f} MB")
        print(f"  export -f graphml of the merged graph: {export_s:.2f} s, peak RSS "
              f"{export_rss:.0f} MB")
        print(f"  flat merge's graph.graphml byte-identical to the build's: {same_flat}; "
              f"tree merge's .ngs to the flat one's: {same_tree}")

    # How the merged graph grows with the articles it holds: a power law fitted to the tree
    # levels of the finest sharding (bytes = a * articles^k).
    finest = max(results["runs"], key=lambda r: r["shards"])
    points = [(lv["mean_articles"], lv["mean_bytes"]) for lv in finest["tree_levels"]]
    points.insert(0, (finest["articles_per_shard"], finest["part_bytes_mean"]))
    if len(points) >= 3:
        xs = [math.log(a) for a, _ in points]
        ys = [math.log(b) for _, b in points]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        k = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        results["growth_exponent"] = k
        print(f"\nmerged graph bytes grow as articles^{k:.2f} "
              f"(from {len(points)} sizes, {points[0][0]:.0f} to {points[-1][0]:.0f} articles)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    if not ok:
        sys.exit("a merged graph differs from the build's")


if __name__ == "__main__":
    main()
