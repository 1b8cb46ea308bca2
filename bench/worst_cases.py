#!/usr/bin/env python3
"""Generated worst cases for `newsgraph build`: no input may make time or memory grow faster
than linearly (issue 18). Each case is generated at two sizes, N and 4N, and run once at each;
the script prints wall time and peak RSS at both sizes and their ratios, and fails (exit 1)
when a time ratio exceeds --max-time-ratio or a memory ratio --max-rss-ratio. Linear growth
gives a ratio of about 4 (less, since start-up is a fixed cost); quadratic growth about 16.

    bench/worst_cases.py [--newsgraph build/newsgraph] [--scale 1.0] [--only CASE,...]

Cases (N at --scale 1):
  huge_article     one article of N sentences, each with people and countries
  shared_initials  N distinct people all called "J... S..." (one initials bucket)
  one_surname      N distinct people all called "... Smith"
  one_word_names   N full names and N one-word names sharing their initial, no one's surname
  long_list        one sentence listing N names ("A, B, C ... and Z met in Paris")
  long_sentence    one sentence of N words, no full stop
  tiny_files       N files of one short sentence each

The defaults run in about two minutes on this machine. Times are of one run each: quote the
ratios, not the seconds. Not a unit test: ctest checks behaviour, this checks growth.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Syllables for invented names: distinct, capitalised, never a dictionary word or a country.
SYLLABLES = ["ka", "lo", "mi", "ren", "tov", "zu", "dra", "vek", "sol", "ni", "par", "quin"]
FIRST_NAMES = ["James", "John", "Maria", "Anna", "Peter", "Laura", "David", "Sophie", "Thomas",
               "Elena", "Michael", "Sarah", "Daniel", "Julia", "Robert", "Clara"]
COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Canada", "Kenya", "India", "Mexico"]


def invented(rng, initial="", syllables=3):
    word = "".join(rng.choice(SYLLABLES) for _ in range(syllables))
    return (initial + word).capitalize() if initial else word.capitalize()


def distinct_names(n, make):
    """n distinct names from `make(rng)`, deterministic (`make` must have more than n)."""
    rng, names = random.Random(18), set()
    while len(names) < n:
        names.add(make(rng))
    return sorted(names)


def people_article(names, per_sentence=2):
    """Sentences stating that people met, `per_sentence` names each."""
    sentences = []
    for i in range(0, len(names), per_sentence):
        group = names[i:i + per_sentence]
        # "Mr": invented names are people only after an honorific.
        sentences.append(" and ".join("Mr " + g for g in group) + " met in Paris on Monday.")
    return " ".join(sentences)


def write_jsonl(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(articles):
            f.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")


# Each generator writes the input of size n into directory d and returns the path to build.
def huge_article(d, n):
    rng = random.Random(3)
    sentences = []
    for i in range(n):
        a, b = rng.sample(COUNTRIES, 2)
        sentences.append(f"{rng.choice(FIRST_NAMES)} {invented(rng)} of {a} met officials "
                         f"from {b} on day {i}.")
    (d / "article.txt").write_text(" ".join(sentences))
    return d / "article.txt"


def shared_initials(d, n):
    names = distinct_names(n, lambda r: invented(r, "j") + " " + invented(r, "s"))
    # Many articles of a few people each, as a news corpus would name them.
    write_jsonl(d / "people.jsonl",
                [people_article(names[i:i + 20]) for i in range(0, len(names), 20)])
    return d / "people.jsonl"


def one_surname(d, n):
    names = distinct_names(n, lambda r: invented(r, syllables=5) + " Smith")
    write_jsonl(d / "people.jsonl",
                [people_article(names[i:i + 20]) for i in range(0, len(names), 20)])
    return d / "people.jsonl"


def one_word_names(d, n):
    # n people named in full and n one-word names sharing their initial that are no one's
    # surname: each one-word name is looked up among the full names' words, in its article
    # and across articles (resolution once scanned every word with the same initial).
    full = distinct_names(n, lambda r: r.choice(FIRST_NAMES) + " " + invented(r, "s"))
    single = distinct_names(n, lambda r: invented(r, "s", 4))
    articles = []
    for i in range(0, n, 500):
        text = people_article(full[i:i + 500])
        text += " " + " ".join(f"Mr {w} said so on Monday." for w in single[i:i + 500])
        articles.append(text)
    write_jsonl(d / "people.jsonl", articles)
    return d / "people.jsonl"


def rng_pick(rng, words):
    return rng.choice(words)


def long_list(d, n):
    names = distinct_names(n, lambda r: rng_pick(r, FIRST_NAMES) + " " + invented(r, syllables=5))
    text = ", ".join(names[:-1]) + " and " + names[-1] + " met in Paris."
    (d / "list.txt").write_text(text)
    return d / "list.txt"


def long_sentence(d, n):
    rng = random.Random(5)
    words = []
    for i in range(n):
        words.append(rng.choice(COUNTRIES) if i % 7 == 0 else rng.choice(
            ["talks", "the", "with", "said", "and", "officials", "visited", "trade", "on"]))
    (d / "sentence.txt").write_text("The " + " ".join(words))
    return d / "sentence.txt"


def tiny_files(d, n):
    folder = d / "files"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:06d}.txt").write_text(f"{COUNTRIES[i % 8]} and {COUNTRIES[(i + 3) % 8]} "
                                             f"signed a trade deal on day {i}.")
    return folder


# name -> (generator, N at scale 1)
CASES = {
    "huge_article": (huge_article, 6000),
    "shared_initials": (shared_initials, 4000),
    "one_surname": (one_surname, 3000),
    "one_word_names": (one_word_names, 2000),
    "long_list": (long_list, 3000),
    "long_sentence": (long_sentence, 60000),
    "tiny_files": (tiny_files, 2500),
}


def run(newsgraph, data, path, out):
    """Wall seconds and peak RSS (MB) of one build, from the child's own rusage."""
    cmd = [str(newsgraph), "build", str(path), "-o", str(out), "-f", "graphml"]
    if data:
        cmd += ["--data", str(data)]
    start = time.monotonic()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - start
    err = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err}")
    return seconds, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--newsgraph", default=ROOT / "build" / "newsgraph", type=Path)
    ap.add_argument("--data", type=Path, help="data directory (default: the binary's own)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies every N")
    ap.add_argument("--only", help="comma-separated cases to run")
    ap.add_argument("--max-time-ratio", type=float, default=6.0)
    ap.add_argument("--max-rss-ratio", type=float, default=6.0)
    args = ap.parse_args()
    chosen = args.only.split(",") if args.only else list(CASES)
    print(f"{'case':16} {'N':>7} {'t(N) s':>8} {'t(4N) s':>8} {'ratio':>6} "
          f"{'RSS(N) MB':>10} {'RSS(4N) MB':>11} {'ratio':>6}")
    failed = []
    for name in chosen:
        generate, base = CASES[name]
        n = max(1, int(base * args.scale))
        measured = []
        for size in (n, 4 * n):
            with tempfile.TemporaryDirectory(prefix="ng-worst-") as tmp:
                d = Path(tmp)
                path = generate(d, size)
                measured.append(run(args.newsgraph, args.data, path, d / "out"))
        (t1, r1), (t4, r4) = measured
        time_ratio, rss_ratio = t4 / t1, r4 / r1
        bad = time_ratio > args.max_time_ratio or rss_ratio > args.max_rss_ratio
        print(f"{name:16} {n:7} {t1:8.2f} {t4:8.2f} {time_ratio:6.1f} {r1:10.0f} {r4:11.0f} "
              f"{rss_ratio:6.1f}{'  FAIL' if bad else ''}", flush=True)
        if bad:
            failed.append(name)
    if failed:
        print(f"grows faster than linearly: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
