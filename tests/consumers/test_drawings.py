#!/usr/bin/env python3
"""The diagrams and what a person at a terminal sees, checked by the programs that open them:

  layouts   for every --layout choice, graph.svg is SVG with a node per entity of the
            GraphML that has a typed relation (not credit), and Graphviz's own command line
            (dot -K ENGINE, and plain `dot`, which keeps the packed positions) renders
            graph.dot.
  story     the drawing leads with the story: no unconnected names (unless
            --draw-unrelated), the largest connected group at the top, the others packed
            beside and below it (the drawing is not a column many times taller than wide).
  png size  graph.png is at most --max-png-px pixels on its longest side (default 4000).
  png, pdf  Pillow opens graph.png (a picture, not a blank page); poppler's pdfinfo finds
            one page in graph.pdf and pdftotext finds every drawn entity's name on it.
  limit     --draw-limit N draws whole connected groups, largest first, at most N entities,
            and says so in the title; the data formats keep every entity; 0 draws all.
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
LAYOUTS = ("auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi")


def story_graph(graphml):
    """The typed relations a default drawing shows (no co-mentions, no credit lines)."""
    story = networkx.Graph()
    for source, target, data in graphml.edges(data=True):
        if data.get("relation") != "co_mentioned" and data.get("provenance") != "credit":
            story.add_edge(source, target)
    return story


def node_positions(svg_path):
    """Entity id -> (x, y) of its label's first line in a Graphviz SVG (y grows downwards)."""
    svg = ElementTree.parse(svg_path).getroot()
    positions = {}
    for group in svg.iter(SVG + "g"):
        if group.get("class", "").split()[:1] != ["node"]:
            continue
        text = next(group.iter(SVG + "text"))
        positions[group.find(SVG + "title").text] = (float(text.get("x")), float(text.get("y")))
    return positions


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
        require(drawn_nodes(output / "graph.svg") == set(story_graph(graphml).nodes),
                f"--layout {engine}: graph.svg's nodes differ from the GraphML's related ones")
        for command in (["dot", "-Tsvg"], ["dot", "-Kdot" if engine == "auto" else f"-K{engine}",
                                           "-Tsvg"]):
            done = subprocess.run(command + [str(output / "graph.dot")], capture_output=True)
            require(done.returncode == 0,
                    f"{' '.join(command)} fails on graph.dot: {done.stderr[:500]}")
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
    story = story_graph(graphml)
    unseen = [label for node, label in graphml.nodes(data="label")
              if node in story and not set(label.split()) <= words]
    require(not unseen, f"graph.pdf does not show {unseen[:5]}")
    return (f"graph.png {width}x{height}; graph.pdf one page naming all "
            f"{story.number_of_nodes()} related entities")


def check_limit(newsgraph, inputs, work):
    output = work / "limit"
    graphml = build(newsgraph, inputs, output, "-f", "graphml,svg", "--draw-limit", "10")
    drawn = drawn_nodes(output / "graph.svg")
    require(0 < len(drawn) <= 10, f"--draw-limit 10 draws {len(drawn)} entities")
    require(drawn <= set(graphml.nodes), "drawn entities missing from the GraphML")
    story = story_graph(graphml)
    groups = sorted(networkx.connected_components(story), key=len, reverse=True)
    for group in groups:  # whole groups, the largest that fit
        require(group <= drawn or not group & drawn, f"--draw-limit cuts a group: {group}")
    fitting = [g for g in groups if len(g) <= 10]
    require(fitting[0] <= drawn, "--draw-limit leaves out the largest group that fits")
    total = graphml.number_of_nodes()
    title = svg_title(output / "graph.svg")
    require(f"{len(drawn)} of {total} entities (the largest connected groups, at most 10)"
            in title, f"title: {title!r}")

    output = work / "no-limit"
    build(newsgraph, inputs, output, "-f", "graphml,svg", "--draw-limit", "0", "--draw-unrelated")
    require(len(drawn_nodes(output / "graph.svg")) == total,
            "--draw-limit 0 --draw-unrelated leaves some out")
    require(svg_title(output / "graph.svg").startswith(f"newsgraph: {total} entities"),
            "--draw-limit 0: title")
    return f"{len(drawn)} of {total} drawn, whole groups, title says so; 0 draws all"


def check_story(newsgraph, inputs, work):
    output = work / "story"
    graphml = build(newsgraph, inputs, output, "-f", "graphml,svg")
    story = story_graph(graphml)
    positions = node_positions(output / "graph.svg")
    unrelated = set(positions) - set(story.nodes)
    require(not unrelated, f"unconnected names drawn: {sorted(unrelated)[:5]}")
    groups = sorted(networkx.connected_components(story), key=len, reverse=True)
    require(len(groups) > 1, "the samples should have several groups")
    largest = groups[0]
    top_largest = min(positions[n][1] for n in largest)
    top_others = min(positions[n][1] for n in set(positions) - largest)
    require(top_largest < top_others, "the largest connected group is not at the top")
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    require(height < 2 * width, f"the drawing is a column: {width:.0f} wide, {height:.0f} high")
    title = svg_title(output / "graph.svg")
    require(f"{len(positions)} of {graphml.number_of_nodes()} entities (those with typed "
            "relations)" in title, f"title: {title!r}")

    output = work / "unrelated"
    build(newsgraph, inputs, output, "-f", "graphml,svg", "--draw-unrelated")
    require(len(drawn_nodes(output / "graph.svg")) == graphml.number_of_nodes(),
            "--draw-unrelated leaves some out")
    return (f"{len(positions)} of {graphml.number_of_nodes()} entities drawn, largest group "
            f"({len(largest)}) on top of {len(groups)}; {width:.0f} x {height:.0f} pt")


def check_png_size(newsgraph, inputs, work):
    sizes = {}
    for limit in ("600", None):
        output = work / f"png-{limit}"
        options = ["--max-png-px", limit] if limit else []
        build(newsgraph, inputs, output, "-f", "graphml,png", *options)
        with Image.open(output / "graph.png") as image:
            sizes[limit] = image.size
        require(max(sizes[limit]) <= int(limit or 4000),
                f"graph.png is {sizes[limit]} with --max-png-px {limit}")
    require(max(sizes["600"]) >= 500, f"--max-png-px 600 shrinks to {sizes['600']}")
    require(max(sizes[None]) > 600, f"the default graph.png is {sizes[None]}")
    return f"{sizes['600']} at --max-png-px 600, {sizes[None]} by default"


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
        print("ok  story:", check_story(args.newsgraph, inputs, args.work_dir))
        print("ok  png size:", check_png_size(args.newsgraph, inputs, args.work_dir))
        print("ok  progress:", check_progress(args.newsgraph, inputs, args.work_dir))
    except CheckFailed as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
