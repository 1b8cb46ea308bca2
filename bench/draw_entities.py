#!/usr/bin/env python3
"""Draw entities at random from `newsgraph annotate` output, for a hand check.

    build/newsgraph annotate ../shared/corpus/bbc -o /tmp/bbc.jsonl --quiet
    bench/draw_entities.py /tmp/bbc.jsonl --seed 2033 > draw.tsv

Python's random.seed(SEED), then random.sample of the sorted entity ids of the name
mentions, as the bench/bbc_entity_check_*.tsv draws were made. Each row: the entity, its
type, the document of its first mention, the mention and the text around it. Judge each by
hand (right = a real name of the right type; a band or a sports team is an organisation) and
keep the file as bench/bbc_entity_check_N.tsv with a column `right` (y/n) and `why wrong`.
"""
import argparse
import collections
import json
import os
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("annotations", help="newsgraph annotate output (JSON Lines)")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-n", type=int, default=100, help="how many entities (default 100)")
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                     "shared", "corpus", "bbc"),
                    help="the articles the annotations are of (default ../shared/corpus/bbc)")
    args = ap.parse_args()
    mentions = collections.defaultdict(list)
    try:
        with open(args.annotations, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                try:
                    m = json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{args.annotations}:{number}: not JSON: {e}")
                if m.get("kind") == "name":
                    mentions[m["entity"]].append(m)
    except OSError as e:
        sys.exit(f"{args.annotations}: {e.strerror}")
    ids = sorted(mentions)
    if len(ids) < args.n:
        sys.exit(f"{args.annotations}: {len(ids)} entities, fewer than {args.n}")
    random.seed(args.seed)
    texts = {}
    print(f"# {args.n} of {len(ids)} entities, random.seed({args.seed})")
    print("entity\ttype\tdocument\tmention\tcontext")
    for entity in random.sample(ids, args.n):
        m = mentions[entity][0]
        doc = m["document"]
        if doc not in texts:
            path = os.path.join(args.corpus, doc + ".txt")
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    texts[doc] = f.read()
            except OSError as e:
                sys.exit(f"{path}: {e.strerror} (--corpus names the annotated articles)")
        text = texts[doc]  # offsets are code points, as Python's str indexes
        context = text[max(0, m["start"] - 100):m["end"] + 100]
        context = context.replace("\n", " ").replace("\t", " ")
        print(f"{entity}\t{m['type']}\t{doc}\t{m['text']}\t{context}")


if __name__ == "__main__":
    main()
