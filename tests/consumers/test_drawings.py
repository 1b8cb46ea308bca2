#!/usr/bin/env python3
"""The diagrams and what a person at a terminal sees, checked by the programs that open them:

  layouts   for every --layout choice, graph.svg is SVG with a node per entity of the
            GraphML, and Graphviz's own command line (dot -K ENGINE) renders graph.dot.
  png, pdf  Pillow opens graph.png (a picture, not a blank page); poppler's pdfinfo finds
            one page in graph.pdf and pdftotext finds every entity's name on it.
  limit     --draw-limit N draws the N entities of highest PageRank and says so in the
            title; the data formats keep every entity; 0 draws all.
  progress  on a terminal (a pseudo-terminal here) stderr shows articles done and the steps;
            with --quiet, or when stderr is not a terminal, nothing but problems.
"""
import argparse
import os
import pty
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import networkx  # noqa: E402
from PIL import Image  # noqa: E402
from test_formats import CheckFailed, require  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
LAYOUTS = ("dot", "neato", "fdp", "sfdp", "circo", "twopi")


def build(newsgraph, inputs, output, *options):
    command = [newsgraph, "build", str(inputs), "-o", str(output), "--quiet", *options]
    done = subprocess.run(command, capture_output=True, text=True)
    require(done.returncode == 0, f"{' '.join(command)} exited {done.returncode}: {done.stderr}")
    return networkx.read_graphml(output / "graph.graphml")


def drawn_nodes(svg_path):
    """The entity ids of the nodes of a Graphviz SVG (each node's <title>)."""
    svg = ElementTree.parse(svg_path).getroot()
    require(svg.tag == SVG + "svg", f"{svg_path} is not SVG but <{svg.tag}>")
    return {group.find(SVG + "title").text for group in svg.iter(SVG + "g")
            if group.get("class", "").split()[:1] == ["node"]}


def svg_title(svg_path):
    svg = ElementTree.parse(svg_path).getroot()
    return next(t.text for t in svg.iter(SVG + "text") if (t.text or "").startswith("newsgraph:"))


def check_layouts(newsgraph, inputs, work):
    for engine in LAYOUTS:
        output = work / f"layout-{engine}"
        graphml = build(newsgraph, inputs, output, "-f", "graphml,dot,svg", "--layout", engine)
        require(drawn_nodes(output / "graph.svg") == set(graphml.nodes),
                f"--layout {engine}: graph.svg's nodes differ from the GraphML's")
        done = subprocess.run(["dot", f"-K{engine}", "-Tsvg", str(output / "graph.dot")],
                              capture_output=True)
        require(done.returncode == 0, f"dot -K{engine} fails on graph.dot: {done.stderr[:500]}")
        ElementTree.fromstring(done.stdout)
    return f"{', '.join(LAYOUTS)}: graph.svg complete, graph.dot rendered by dot -K"


def check_png_pdf(newsgraph, inputs, work):
    output = work / "rendered"
    graphml = build(newsgraph, inputs, output, "-f", "graphml,png,pdf")
    with Image.open(output / "graph.png") as image:
        require(image.format == "PNG", f"graph.png is {image.format}")
        width, height = image.size
        require(width > 300 and height > 300, f"graph.png is {width}x{height}")
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        require(colours is None or len(colours) > 8, "graph.png is nearly blank")
    info = subprocess.run(["pdfinfo", str(output / "graph.pdf")], capture_output=True, text=True)
    require(info.returncode == 0, f"pdfinfo rejects graph.pdf: {info.stderr}")
    require(re.search(r"^Pages:\s+1$", info.stdout, re.M), f"graph.pdf: {info.stdout}")
    text = subprocess.run(["pdftotext", str(output / "graph.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = set(text.split())
    unseen = [label for _, label in graphml.nodes(data="label")
              if not set(label.split()) <= words]
    require(not unseen, f"graph.pdf does not show {unseen[:5]}")
    return (f"graph.png {width}x{height}; graph.pdf one page naming all "
            f"{graphml.number_of_nodes()} entities")


def check_limit(newsgraph, inputs, work):
    output = work / "limit"
    graphml = build(newsgraph, inputs, output, "-f", "graphml,svg", "--draw-limit", "10")
    drawn = drawn_nodes(output / "graph.svg")
    require(len(drawn) == 10, f"--draw-limit 10 draws {len(drawn)} entities")
    require(drawn <= set(graphml.nodes), "drawn entities missing from the GraphML")
    lowest_drawn = min(graphml.nodes[n]["pagerank"] for n in drawn)
    highest_left = max(graphml.nodes[n]["pagerank"] for n in set(graphml.nodes) - drawn)
    require(lowest_drawn >= highest_left, "--draw-limit draws others than the most central")
    total = graphml.number_of_nodes()
    title = svg_title(output / "graph.svg")
    require(f"the 10 of highest PageRank of {total} entities" in title, f"title: {title!r}")

    output = work / "no-limit"
    build(newsgraph, inputs, output, "-f", "graphml,svg", "--draw-limit", "0")
    require(len(drawn_nodes(output / "graph.svg")) == total, "--draw-limit 0 leaves some out")
    require(svg_title(output / "graph.svg").startswith(f"newsgraph: {total} entities"),
            "--draw-limit 0: title")
    return f"10 of {total} drawn, the most central, title says so; 0 draws all"


def run_on_terminal(command):
    """Runs `command` with stderr on a pseudo-terminal; returns (status, what it showed)."""
    main_end, terminal_end = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=terminal_end)
    os.close(terminal_end)
    shown = b""
    while True:
        try:
            chunk = os.read(main_end, 4096)
        except OSError:  # EIO: every terminal end closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(main_end)
    return process.wait(), shown.decode("utf-8", "replace")


def check_progress(newsgraph, inputs, work):
    command = [newsgraph, "build", str(inputs), "-o", str(work / "progress"), "-f", "graphml,svg"]
    status, shown = run_on_terminal(command)
    require(status == 0, f"build on a terminal exited {status}: {shown}")
    articles = len(list(inputs.glob("*.txt"))) + sum(
        1 for line in (inputs / "feed.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip())
    require(re.search(rf"newsgraph: {articles}/{articles} articles, \d+/s", shown),
            f"no article count on the terminal: {shown!r}")
    require("writing " in shown and "graph.svg" in shown, f"no writing step shown: {shown!r}")
    require(shown.endswith("\r\x1b[K"), f"the progress line is left on the terminal: {shown!r}")

    status, shown = run_on_terminal(command + ["--quiet"])
    require(status == 0 and shown == "", f"--quiet shows {shown!r}")
    done = subprocess.run(command, capture_output=True, text=True)
    require(done.returncode == 0 and done.stderr == "",
            f"stderr not a terminal, yet it shows {done.stderr!r}")
    return f"{articles}/{articles} articles and the steps on a terminal; quiet otherwise"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--newsgraph", required=True)
    parser.add_argument("--source-dir", required=True, type=Path)
    parser.add_argument("--work-dir", required=True, type=Path)
    args = parser.parse_args()
    inputs = args.source_dir / "samples"
    try:
        print("ok  layouts:", check_layouts(args.newsgraph, inputs, args.work_dir))
        print("ok  png, pdf:", check_png_pdf(args.newsgraph, inputs, args.work_dir))
        print("ok  limit:", check_limit(args.newsgraph, inputs, args.work_dir))
        print("ok  progress:", check_progress(args.newsgraph, inputs, args.work_dir))
    except CheckFailed as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
