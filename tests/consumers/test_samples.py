#!/usr/bin/env python3
"""End to end: `newsgraph build` on the samples (and the shared seed articles when present)
writes the four exports, and check_exports.py accepts each output directory."""
import argparse
import json
import subprocess
import sys
from pathlib import Path

EXPORTS = ("graph.dot", "graph.graphml", "graph.jsonld", "graph.svg")


# The people and countries the seed articles are about: the entity of highest PageRank must
# be one of them, not the outlet their credit lines name (CNN led before credit lines were
# left out of the measures).
SEED_PROTAGONISTS = ["Xi Jinping", "Vladimir Putin", "China", "Russia"]


def build_and_check(newsgraph, inputs, output, checker, expect=None):
    command = [newsgraph, "build", str(inputs), "-o", str(output)]
    print("$", " ".join(command), flush=True)
    if subprocess.run(command).returncode != 0:
        return f"{' '.join(command)} failed"
    missing = [name for name in EXPORTS if not (output / name).is_file()]
    if missing:
        return f"{output} lacks {', '.join(missing)}"
    extra = []
    if expect:
        path = output.parent / (output.name + "-expect.json")
        path.write_text(json.dumps(expect), encoding="utf-8")
        extra = ["--expect", str(path)]
    if subprocess.run([sys.executable, str(checker), str(output), *extra]).returncode != 0:
        return f"check_exports.py rejected {output}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--newsgraph", required=True)
    parser.add_argument("--source-dir", required=True, type=Path)
    parser.add_argument("--work-dir", required=True, type=Path)
    args = parser.parse_args()
    args.work_dir.mkdir(parents=True, exist_ok=True)
    checker = Path(__file__).resolve().parent / "check_exports.py"

    corpora = {"samples": args.source_dir / "samples"}
    seeds = args.source_dir.parent / "shared" / "seeds"
    if seeds.is_dir():
        corpora["seeds"] = seeds
    expect = {"seeds": {"protagonists": SEED_PROTAGONISTS}}
    failures = [failure for name, inputs in corpora.items()
                if (failure := build_and_check(args.newsgraph, inputs, args.work_dir / name,
                                               checker, expect.get(name)))]
    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
