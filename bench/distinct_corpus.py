#!/usr/bin/env python3
"""A corpus of distinct news of a given size, made from a real one: the source articles
copied round and round, every capitalised word of copy k > 0 varied the same way within the
copy ("Blair" -> "Blairavo" in one copy, "Blairelu" in another), so that the entities of
different copies are different entities, as in a year of news, and do not all merge into the
source's few thousand.

    bench/distinct_corpus.py SOURCE_DIR OUT_DIR --mb 100

Deterministic: the same source and size give the same files. Copy 0 is the source as is.
Words in capitals only ("BBC", "US") and the few capitalised function words that start
sentences are varied too: what matters is that names differ between copies, not that the
text reads well.
"""
import argparse
import re
import sys
from pathlib import Path

SYLLABLES = ["a", "e", "i", "o", "u", "an", "el", "or", "is", "ul", "av", "et", "im", "ok", "ur"]
CAPITALISED = re.compile(r"\b([A-Z][a-z]+)\b")


def suffix(copy):
    """A short, distinct letter suffix for copy number `copy` (1, 2, ...)."""
    parts = []
    while copy:
        copy, digit = divmod(copy, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts)


def varied(text, copy):
    if copy == 0:
        return text
    tail = suffix(copy)
    return CAPITALISED.sub(lambda m: m.group(1) + tail, text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=float, required=True, help="size to write, in MB (1e6 bytes)")
    args = parser.parse_args()
    files = sorted(p for p in args.source.rglob("*.txt"))
    if not files:
        sys.exit(f"distinct_corpus: no .txt files under {args.source}")
    texts = [(p.relative_to(args.source), p.read_text(encoding="utf-8", errors="replace"))
             for p in files]
    target = int(args.mb * 1e6)
    written, copy = 0, 0
    while written < target:
        for rel, text in texts:
            if written >= target:
                break
            out = args.out / f"copy{copy:03d}" / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            data = varied(text, copy).encode("utf-8")
            out.write_bytes(data)
            written += len(data)
        copy += 1
    print(f"{args.out}: {written / 1e6:.1f} MB in {copy} copies of {args.source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
