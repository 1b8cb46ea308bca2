#!/usr/bin/env python3
"""What the NLP stage costs: its own speed and memory, and what it adds to `newsgraph build`.

    bench/nlp.py [--build build] [--corpus ../shared/corpus/bbc] [--repeat 3] [--base 42b8a38]

1. build/bench/nlp_speed (bench/nlp_speed.cpp) on the corpus: the Analyzer (tagging, lemmas,
   parsing) over every sentence on one core, reading and splitting excluded; words per second
   as the median of --repeat runs (wall clock, and per CPU-second of the annotating thread:
   the steadier figure on a shared machine), and the peak resident memory once the models
   are loaded.
2. `newsgraph build CORPUS -f graphml` of this tree against the same command built from git
   revision --base (default 42b8a38, the last one before the NLP stage), each the median of
   --repeat runs after a warm-up, timed in the same run; the ratio is the figure to quote.
   The base is taken with `git archive` and built once into BUILD/bench-base/
   (configure and compile take a few minutes the first time; later runs reuse it).

Build first (`cmake --build build`); the script builds the nlp_speed target if it is missing.
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from run import ROOT, timed


def build_base(revision, build, resources):
    """The newsgraph binary of `revision`, built once under build/bench-base/."""
    base = build.resolve() / "bench-base"
    source, binary_dir = base / "src", base / "build"
    binary = binary_dir / "newsgraph"
    if binary.is_file():
        return binary
    if not source.is_dir():  # the revision's files, without touching the repository
        source.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True,
                                 stdout=subprocess.PIPE).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    print(f"building {revision} in {binary_dir} (once)", flush=True)
    subprocess.run(["cmake", "-S", str(source), "-B", str(binary_dir), "-G", "Ninja",
                    "-DNEWSGRAPH_TESTS=OFF", f"-DNEWSGRAPH_RESOURCES={resources}"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["nice", "cmake", "--build", str(binary_dir), "-j1", "--target", "newsgraph"],
                   check=True, stdout=subprocess.DEVNULL)
    return binary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--base", default="42b8a38", help="git revision to compare with")
    parser.add_argument("--skip-build", action="store_true", help="only the NLP stage's own figures")
    args = parser.parse_args()
    newsgraph = args.build / "newsgraph"
    if not newsgraph.is_file():
        sys.exit(f"bench: {newsgraph} not found; build first (see README)")
    speed = args.build / "bench" / "nlp_speed"
    if not speed.is_file():
        subprocess.run(["cmake", "--build", str(args.build), "-j1", "--target", "nlp_speed"], check=True)

    print(f"NLP stage on {args.corpus}, one core, median of {args.repeat} runs:", flush=True)
    subprocess.run([str(speed), "--runs", str(args.repeat), str(args.corpus)], check=True)
    if args.skip_build:
        return 0

    base = build_base(args.base, args.build, ROOT / ".deps")
    with tempfile.TemporaryDirectory() as out:
        def command(binary):
            return [str(binary), "build", str(args.corpus), "-o", out, "--quiet", "-f", "graphml"]
        seconds = {
            f"{args.base} (before NLP)": timed(command(base), args.repeat),
            "this tree": timed(command(newsgraph), args.repeat),
        }
    # timed() gives (wall, CPU, peak RSS): this tree uses every core by default (--jobs),
    # the base one, so CPU seconds are the like-for-like cost and wall the user's wait.
    before_wall, before_cpu, _ = next(iter(seconds.values()))
    print(f"\nnewsgraph build -f graphml on {args.corpus}, median of {args.repeat} runs:")
    print(f"{'binary':24} {'seconds':>8} {'x before':>9} {'CPU s':>8} {'x before':>9}")
    for name, (wall, cpu, _) in seconds.items():
        print(f"{name:24} {wall:8.2f} {wall / before_wall:9.2f} {cpu:8.2f} {cpu / before_cpu:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
