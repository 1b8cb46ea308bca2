#!/usr/bin/env python3
"""How many mentions of the BBC corpus's most-mentioned companies and football clubs
`newsgraph annotate` finds as organisations.

    build/newsgraph annotate ../shared/corpus/bbc -o /tmp/bbc.jsonl
    bench/bbc_orgs.py /tmp/bbc.jsonl [--corpus ../shared/corpus/bbc] [--top 20]

A mention of a name is each place the corpus writes it (whole words, case as listed, "'s"
allowed), in the articles of its scope (bench/bbc_orgs.tsv). It is found when an annotated
mention of type Organisation covers it. Prints, for the --top most-mentioned names, the count,
the fraction found, and what the others were annotated as.
"""
import argparse
import collections
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("annotations")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    ap.add_argument("--names", type=Path, default=ROOT / "bench" / "bbc_orgs.tsv")
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()
    names = []
    for line in args.names.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        names.append((cells[0], cells[1], cells[2], cells[3:]))
    by_doc = collections.defaultdict(list)
    for line in open(args.annotations, encoding="utf-8"):
        m = json.loads(line)
        by_doc[m["document"]].append(m)
    texts = {}
    for f in sorted(args.corpus.rglob("*.txt")):
        if f.name.upper().startswith("README"):
            continue
        texts[f] = f.read_text(encoding="utf-8", errors="replace")
    rows = []
    for name, kind, scope, others in names:
        total = found = 0
        as_what = collections.Counter()
        pattern = re.compile(r"(?<![\w-])(?:%s)(?:'s)?(?![\w-])" % "|".join(
            re.escape(n) for n in [name] + others))
        for f, text in texts.items():
            if scope != "all" and f.parent.name != scope:
                continue
            mentions = by_doc.get(f"{f.parent.name}/{f.stem}", [])
            for hit in pattern.finditer(text):
                total += 1
                cover = [m for m in mentions if m["start"] <= hit.start() and hit.end() - (
                    2 if hit.group(0).endswith("'s") else 0) <= m["end"]]
                if any(m["type"] == "Organisation" for m in cover):
                    found += 1
                else:
                    as_what[cover[0]["type"] + ":" + cover[0]["text"] if cover else "none"] += 1
        rows.append((total, name, kind, found, as_what))
    rows.sort(key=lambda r: -r[0])
    print("| name | kind | mentions | found as Organisation | fraction | most common miss |")
    print("|---|---|---|---|---|---|")
    sum_total = sum_found = 0
    for total, name, kind, found, as_what in rows[: args.top]:
        sum_total += total
        sum_found += found
        miss = ", ".join(f"{k} ({v})" for k, v in as_what.most_common(2))
        print(f"| {name} | {kind} | {total} | {found} | {found / total if total else 0:.2f} | {miss} |")
    print(f"| all {min(args.top, len(rows))} | | {sum_total} | {sum_found} | "
          f"{sum_found / sum_total if sum_total else 0:.3f} | |")


if __name__ == "__main__":
    main()
