#!/usr/bin/env python3
"""Measures how often each extraction rule is right, from facts a person has checked.

    check_facts.py sample GRAPH.graphml CHECKS.tsv [--uniform 100] [--per-rule 12] [--seed 1]
        adds to CHECKS.tsv (created if missing) a uniform random sample of the graph's typed
        edges, then more edges of each rule until it has --per-rule (or all it has), each with
        an empty verdict for a person to fill: y (right), n (wrong).
    check_facts.py check CHECKS.tsv
        fails if the file would not survive a read and a write unchanged (tests/CMakeLists.txt)
    check_facts.py tally CHECKS.tsv [--graph GRAPH.graphml] [-o data/rule_precision.tsv]
        counts the verdicts per rule and writes the file extraction reads its confidences
        from. A rule checked fewer than --min times is pooled with its family (see FAMILIES),
        and says so.

A fact is right when the sentence states it, as ../shared/docs/schema.md defines the relation.
"""
import argparse
import collections
import csv
import json
import os
import random
import sys
import tempfile

# Rules too rare in one corpus to measure alone are measured with the constructions they
# extend: the subject found across control, coordination or a relative clause is still a
# clause's subject.
FAMILIES = {
    "clause": "clause", "shared-subject": "clause-derived", "control": "clause-derived",
    "relative": "clause-derived", "reported-speaker": "clause-derived",
    "object-control": "clause-derived", "led-by": "affiliation-pattern",
    "passive": "clause-derived", "each-other": "clause-derived",
    "nominal": "nominal", "light-verb": "nominal", "apposition": "nominal",
    "coreference": "coreference",
}
COLUMNS = ["verdict", "rule", "source", "relation", "target", "document", "sentence", "evidence"]


def typed_edges(path):
    import networkx as nx
    g = nx.read_graphml(path)
    for u, v, d in g.edges(data=True):
        if d.get("relation") == "co_mentioned" or not d.get("rule"):
            continue
        ev = json.loads(d["evidence"])[0]
        yield {"rule": d["rule"], "source": g.nodes[u]["label"], "relation": d["relation"],
               "target": g.nodes[v]["label"], "document": ev.get("document", ""),
               "sentence": str(ev.get("sentence", "")),
               "evidence": " ".join(ev.get("text", "").split())}


def key(row):
    return (row["source"], row["relation"], row["target"], row["document"], row["sentence"])


def read_checks(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        # Fields are plain text between tabs: an evidence sentence may start with a quotation
        # mark, which csv's default quoting would take for its own and strip.
        return [r for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t",
                                          quoting=csv.QUOTE_NONE)]


def write_checks(path, rows):
    with open(path + ".tmp", "w", encoding="utf-8", newline="") as f:
        f.write("# Typed facts of a BBC corpus build, checked by hand by tools/frames/check_facts.py"
                " sample; verdict y = the sentence states it, n = it does not.\n")
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n",
                           quoting=csv.QUOTE_NONE, quotechar=None)
        w.writeheader()
        w.writerows(rows)
    os.replace(path + ".tmp", path)


def sample(args):
    edges = sorted(typed_edges(args.graph), key=lambda e: (e["rule"],) + key(e))
    rows = read_checks(args.checks)
    have = {key(r) for r in rows}
    rng = random.Random(args.seed)
    fresh = [e for e in edges if key(e) not in have]
    for e in rng.sample(fresh, min(args.uniform, len(fresh))) if args.uniform else []:
        rows.append(dict(e, verdict=""))
        have.add(key(e))
    per_rule = collections.Counter(r["rule"] for r in rows)
    by_rule = collections.defaultdict(list)
    for e in edges:
        if key(e) not in have:
            by_rule[e["rule"]].append(e)
    for rule, pool in sorted(by_rule.items()):
        need = args.per_rule - per_rule[rule]
        for e in rng.sample(pool, min(max(need, 0), len(pool))):
            rows.append(dict(e, verdict=""))
    write_checks(args.checks, rows)
    print(f"{args.checks}: {len(rows)} facts, {sum(1 for r in rows if not r['verdict'])} to check")


def tally(args):
    rows = [r for r in read_checks(args.checks) if r["verdict"] in ("y", "n")]
    if args.graph:  # only facts the current rules still find, by the same rule
        present = {key(e) + (e["rule"],) for e in typed_edges(args.graph)}
        rows = [r for r in rows if key(r) + (r["rule"],) in present]
    counts = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        for name in {r["rule"], FAMILIES.get(r["rule"], r["rule"])}:
            counts[name][0] += 1
            counts[name][1] += r["verdict"] == "y"
    rules = sorted(set(FAMILIES) | {r["rule"] for r in rows})
    lines = ["# How often each rule is right: facts of a BBC corpus build checked by hand",
             f"# ({os.path.relpath(args.checks, os.path.dirname(args.out))}), counted by"
             " tools/frames/check_facts.py tally. Extraction gives each fact right/checked of",
             "# its rule as confidence. A rule checked fewer than"
             f" {args.min} times is counted with its family (4th column).",
             "# rule\tchecked\tright\tcounted as"]
    for rule in rules:
        own = counts.get(rule, [0, 0])
        family = FAMILIES.get(rule, rule)
        checked, right = own if own[0] >= args.min or family == rule else counts.get(family, [0, 0])
        if checked == 0:
            print(f"rule {rule}: nothing checked, not even its family {family}", file=sys.stderr)
            return 1
        lines.append(f"{rule}\t{checked}\t{right}\t{rule if checked == own[0] else family}")
    with open(args.out + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(args.out + ".tmp", args.out)
    total = len(rows)
    print(f"{args.out}: {len(rules)} rules from {total} checked facts, "
          f"{sum(r['verdict'] == 'y' for r in rows)} right")
    return 0


def check(args):
    """The checks file as `sample` would write it again: eight fields a row, a verdict of y, n
    or empty, and the same bytes after a read and a write (an evidence sentence that starts
    with a quotation mark keeps it)."""
    rows = read_checks(args.checks)
    for n, r in enumerate(rows, 1):
        if None in r or any(r.get(c) is None for c in COLUMNS) or r["verdict"] not in ("y", "n", ""):
            print(f"{args.checks}: row {n} ({r.get('source')}): not eight fields with a verdict"
                  " of y, n or empty", file=sys.stderr)
            return 1
    with open(args.checks, encoding="utf-8") as f:
        before = [l for l in f if not l.startswith("#")]
    with tempfile.TemporaryDirectory() as scratch_dir:  # never beside the checks file
        scratch = os.path.join(scratch_dir, "checks.tsv")
        write_checks(scratch, rows)
        with open(scratch, encoding="utf-8") as f:
            after = [l for l in f if not l.startswith("#")]
    if before != after:
        bad = next(i for i, (a, b) in enumerate(zip(before + [""], after + [""])) if a != b)
        print(f"{args.checks}: line {bad + 1} of the rows changes when read and written again",
              file=sys.stderr)
        return 1
    print(f"{args.checks}: {len(rows)} facts, read and written back unchanged")
    return 0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("graph")
    s.add_argument("checks")
    s.add_argument("--uniform", type=int, default=0)
    s.add_argument("--per-rule", type=int, default=12)
    s.add_argument("--seed", type=int, default=1)
    t = sub.add_parser("tally")
    t.add_argument("checks")
    t.add_argument("-o", "--out", default=os.path.join(here, "..", "..", "data", "rule_precision.tsv"))
    t.add_argument("--min", type=int, default=10)
    t.add_argument("--graph", help="count only the checked facts this build still has")
    c = sub.add_parser("check")
    c.add_argument("checks")
    args = ap.parse_args()
    return {"sample": sample, "tally": tally, "check": check}[args.command](args)


if __name__ == "__main__":
    sys.exit(main() or 0)
