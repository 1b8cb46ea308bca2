#!/usr/bin/env python3
"""Hostile input, end to end: `newsgraph build` on a folder of what a crawler produces
(random bytes, invalid and overlong UTF-8, NUL and control characters, empty files,
malformed and truncated JSON Lines, a link loop) beside good articles whose text and
metadata are full of quotes, angle brackets, ampersands, backslashes, braces and newlines.

Expected: exit status 1, each problem named on stderr with its file (and line), every good
article's entities in the exports, and every export accepted by its real consumer:
check_exports.py (Graphviz, networkx, igraph, pyld, rdflib) and test_formats.py's checks of
GEXF, the Neo4j files and the report. The same articles through standard input too."""
import argparse
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import networkx  # noqa: E402
import test_formats  # noqa: E402

PARSED_IN_PIECES = re.compile(r"newsgraph: \d+ sentences? longer than \d+ words (was|were) parsed in pieces")
WARNINGS_COUNTED = re.compile(r"newsgraph: \d+ warnings? \(inputs repaired or left out, named above; not an error\)")

# Markup, escapes and line breaks, in every field a document carries into the exports.
NASTY = 'Q"uo\'te <angle> & amp; back\\slash {brace} }{ new\nline\r\ttab ]]> --> <!-- &lt;'

GOOD_RECORDS = [
    {"id": 'id "1" <&> {x} \\ \n', "title": NASTY, "url": 'http://e.org/?a=1&b="<2>"',
     "source": NASTY, "date": "2024-03-01",
     "text": 'He said: "<Olaf Scholz>" & {Emmanuel Macron} met \\Joe Biden\\ in [Paris].'},
    {"id": "{}", "title": "&lt;&amp;&gt; ]]> <![CDATA[ x ]]> --> <!--",
     "text": "German Chancellor \"Olaf Scholz\" met & <Fumio Kishida> in Tokyo."},
    {"id": "\\\\", "source": "}{", "text": "Austrian Chancellor Karl Nehammer\n visited {Poland}\\ "
     "and \"Brazil\"."},
]
GOOD_TEXT = ('US President Joe Biden & French President Emmanuel Macron <met> "Japanese Prime '
             'Minister Fumio Kishida" {in} \\Tokyo\\.\n\n\'Brazil\' & "Argentina" <signed> {it}.\n')
LABELS = ["Olaf Scholz", "Emmanuel Macron", "Joe Biden", "Fumio Kishida", "Karl Nehammer",
          "Brazil", "Argentina", "Poland"]


def write_inputs(folder):
    folder.mkdir(parents=True)
    lines = [json.dumps(record) for record in GOOD_RECORDS]
    lines[1:1] = ['{"id": "bad-2", "text": "unterminated}', '{"text": 42}', '"just a string"']
    (folder / "feed.jsonl").write_text("\n".join(lines) + '\n{"id": "cut", "text": "The end',
                                       encoding="utf-8")
    (folder / "names.txt").write_text(GOOD_TEXT, encoding="utf-8")
    rng = random.Random(11)
    (folder / "random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(32768)))
    (folder / "overlong.md").write_bytes(b"Poland\xc0\xaf and \xe0\x80\xaf Brazil \xed\xa0\x80 "
                                         b"\xf4\x90\x80\x80 \xe2\x82")
    (folder / "controls.txt").write_bytes(b"\x00\x00Argentina\x01\x02 and\x7f Brazil\x1b[31m.\x00")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \r\n\t\n")
    os.symlink(folder, folder / "loop")
    # A line nested 200,000 deep overflowed the recursive JSON parser's stack (exit 139);
    # a named pipe blocked open() forever; an impossible date reached GEXF's timeformat.
    deep = '{"text":"x","a":' + "[" * 200000 + "]" * 200000 + "}"
    (folder / "deep.jsonl").write_text(
        '{"id":"dated","date":"2024-13-45","text":"Austrian Chancellor Karl Nehammer met '
        'Olaf Scholz."}\n' + deep + "\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    problems = [
        ("deep.jsonl:1", "is not a calendar date"), ("deep.jsonl:2", "nested deeper than"),
        ("pipe.txt", "not a regular file (a named pipe)"),
        ("feed.jsonl:2", "malformed JSON at column"), ("feed.jsonl:3", '"text" is not a string'),
        ("feed.jsonl:4", "not a JSON object"), ("feed.jsonl:7", "truncated last line"),
        ("random.txt", "invalid UTF-8 byte sequence"), ("overlong.md", "13 invalid UTF-8"),
        ("empty.txt", "empty document"), ("blank.txt", "empty document"),
        ("loop", "symbolic link loop"),
    ]
    if os.geteuid() != 0:
        (folder / "secret.txt").write_text("Hidden.")
        (folder / "secret.txt").chmod(0)
        problems.append(("secret.txt", "permission denied"))
    return problems


def check_outputs(output, checker, labels):
    expect = output.parent / (output.name + "-expect.json")
    expect.write_text(json.dumps({"labels": labels}), encoding="utf-8")
    if subprocess.run([sys.executable, str(checker), str(output), "--expect", str(expect)]).returncode:
        return f"check_exports.py rejected {output}"
    graphml = networkx.read_graphml(output / "graph.graphml")
    try:
        for check in (test_formats.check_gexf, test_formats.check_neo4j, test_formats.check_report):
            print("ok ", check.__name__ + ":", check(output, graphml))
    except test_formats.CheckFailed as failure:
        return f"{output}: {failure}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--newsgraph", required=True)
    parser.add_argument("--source-dir", required=True, type=Path)
    parser.add_argument("--work-dir", required=True, type=Path)
    args = parser.parse_args()
    if args.work_dir.exists():
        subprocess.run(["chmod", "-R", "u+rwX", str(args.work_dir)], check=True)
        subprocess.run(["rm", "-rf", str(args.work_dir)], check=True)
    checker = Path(__file__).resolve().parent / "check_exports.py"
    inputs = args.work_dir / "in"
    problems = write_inputs(inputs)
    failures = []

    output = args.work_dir / "out"
    command = [args.newsgraph, "build", str(inputs), "-o", str(output), "--quiet"]
    print("$", " ".join(command), flush=True)
    done = subprocess.run(command, capture_output=True, text=True)
    sys.stderr.write(done.stderr)
    if done.returncode != 1:
        failures.append(f"exit status {done.returncode}, not 1")
    for where, what in problems:
        prefix = f"newsgraph: {inputs / where}: "
        if not any(line.startswith(prefix) and what in line for line in done.stderr.splitlines()):
            failures.append(f"stderr does not report {where}: {what}")
    # Besides the problems, only the count of sentences too long to parse whole.
    unexpected = [line for line in done.stderr.splitlines()
                  if not any(line.startswith(f"newsgraph: {inputs / where}:") for where, _ in problems)
                  and not PARSED_IN_PIECES.fullmatch(line) and not WARNINGS_COUNTED.fullmatch(line)]
    if unexpected:
        failures.append(f"stderr reports what was not expected: {unexpected}")
    if done.returncode == 1:
        failures.append(check_outputs(output, checker, LABELS))

    # The same good articles as standard input (JSON Lines), with a bad line among them.
    stdin_output = args.work_dir / "stdin-out"
    feed = "\n".join(json.dumps(record) for record in GOOD_RECORDS) + "\n{oops}\n"
    command = [args.newsgraph, "build", "-", "-o", str(stdin_output), "--quiet"]
    print("$", " ".join(command), "< feed", flush=True)
    done = subprocess.run(command, input=feed, capture_output=True, text=True)
    sys.stderr.write(done.stderr)
    if done.returncode != 1 or "newsgraph: stdin:4: malformed JSON" not in done.stderr:
        failures.append(f"stdin: exit status {done.returncode}, stderr {done.stderr!r}")
    else:
        failures.append(check_outputs(stdin_output, checker,
                                      ["Olaf Scholz", "Fumio Kishida", "Karl Nehammer"]))

    failures = [failure for failure in failures if failure]
    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
