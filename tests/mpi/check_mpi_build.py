#!/usr/bin/env python3
"""mpirun -n 3 newsgraph build gives the files of a one-process build, byte for byte.

The articles are shared out among the three processes, each extracts its share, and the
partial graphs are merged to rank 0, which writes the files: the summary must say so ("in 3
processes"), or the three processes ran as three separate builds.
"""
import argparse
import filecmp
import os
import shutil
import subprocess
import sys


def files_of(folder):
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            if name != ".newsgraph.lock":
                path = os.path.join(root, name)
                found[os.path.relpath(path, folder)] = path
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--newsgraph", required=True)
    parser.add_argument("--mpirun", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--ranks", type=int, default=3)
    args = parser.parse_args()
    shutil.rmtree(args.work_dir, ignore_errors=True)
    os.makedirs(args.work_dir)
    samples = os.path.join(args.source_dir, "samples")
    inputs = [samples]
    formats = "graphml,jsonld,gexf,neo4j,dot,report,html"
    one = os.path.join(args.work_dir, "one")
    many = os.path.join(args.work_dir, "mpi")
    single = subprocess.run([args.newsgraph, "build", "-o", one, "-f", formats, *inputs],
                            capture_output=True, text=True)
    if single.returncode != 0:
        sys.exit("one-process build failed:\n" + single.stderr)
    command = [args.mpirun, "--oversubscribe", "-n", str(args.ranks)]
    if os.geteuid() == 0:
        command.append("--allow-run-as-root")
    run = subprocess.run(command + [args.newsgraph, "build", "-o", many, "-f", formats, *inputs],
                         capture_output=True, text=True)
    print(run.stdout)
    print(run.stderr, file=sys.stderr)
    if run.returncode != 0:
        sys.exit(f"mpirun build failed with status {run.returncode}")
    if f"in {args.ranks} processes" not in run.stdout:
        sys.exit(f"the summary does not say the articles were read in {args.ranks} processes")
    if run.stdout.count("read ") != 1:
        sys.exit("more than one process wrote a summary")
    want, got = files_of(one), files_of(many)
    if sorted(want) != sorted(got):
        sys.exit(f"different files: {sorted(want)} against {sorted(got)}")
    if len(want) < 10:
        sys.exit(f"too few files: {sorted(want)}")
    different = [path for path in want if not filecmp.cmp(want[path], got[path], shallow=False)]
    if different:
        sys.exit("files differ from the one-process build: " + ", ".join(sorted(different)))
    print(f"{len(want)} files byte-identical to the one-process build")


if __name__ == "__main__":
    main()
