#!/usr/bin/env python3
"""The research report as a reader uses it, checked on the samples by parsing report.html
(ElementTree) and report.md:

  contents   a table of contents right after the summary links to every section, and every
             in-page link of either file leads to an anchor that exists.
  order      profiles, relations and the timeline come before the entity tables, and the
             reading list is the last section.
  headlines  the reading list names each article by its headline: the first line of a .txt,
             the `title` of a JSON Lines article; every article is listed.
  citations  every quote's citation links to its article (the `url` when there is one) and to
             the quoted sentence, which the reading list holds as that sentence of the
             evidence.
  profiles   each profile says what is known (a list of cited facts); none is empty.
  timeline   dated relations, in order of date.
  diagram    the report's diagram draws the strongest typed relations, every entity in it
             with a link, not the most central names without theirs.
"""
import argparse
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import networkx  # noqa: E402
from test_formats import CheckFailed, require  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
DIAGRAM_RELATIONS = 40


def text_of(element):
    return "".join(element.itertext())


def build(newsgraph, inputs, output):
    command = [newsgraph, "build", str(inputs), "-o", str(output), "--quiet",
               "-f", "graphml,report"]
    done = subprocess.run(command, capture_output=True, text=True)
    require(done.returncode == 0, f"{' '.join(command)} exited {done.returncode}: {done.stderr}")
    return networkx.read_graphml(output / "graph.graphml")


def expected_articles(inputs):
    """Article id -> (headline, url) as the samples give them."""
    articles = {}
    for path in sorted(inputs.glob("*.txt")):
        first = next(line for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip())
        articles[path.stem] = (first.strip(), "")
    for line in (inputs / "feed.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            articles[record["id"]] = (record.get("title", ""), record.get("url", ""))
    return articles


class Report:
    def __init__(self, directory):
        self.root = ElementTree.parse(directory / "report.html").getroot()
        self.markdown = (directory / "report.md").read_text(encoding="utf-8")
        self.parent = {child: parent for parent in self.root.iter() for child in parent}
        self.ids = {e.get("id"): e for e in self.root.iter() if e.get("id")}
        body = self.root.find("body")
        self.sections = [h.get("id") for h in body if h.tag == "h2"]

    def blocks_after(self, heading):
        """The top-level elements after `heading` up to the next heading."""
        body = list(self.root.find("body"))
        start = body.index(heading) + 1
        out = []
        for element in body[start:]:
            if element.tag in ("h1", "h2", "h3"):
                break
            out.append(element)
        return out


def check_contents(report):
    require(report.sections and report.sections[0] == "contents",
            f"the first section is {report.sections[:1]}, not the contents")
    toc = report.ids.get("list-contents")
    require(toc is not None, "report.html has no contents list")
    targets = [a.get("href") for a in toc.iter("a")]
    require(targets == ["#" + s for s in report.sections[1:]],
            f"the contents link {targets}, the sections are {report.sections[1:]}")
    broken = [a.get("href") for a in report.root.iter("a")
              if (a.get("href") or "").startswith("#") and a.get("href")[1:] not in report.ids]
    require(not broken, f"report.html links to anchors that do not exist: {broken[:5]}")
    md_ids = set(re.findall(r'<a id="([^"]+)"></a>', report.markdown))
    md_links = re.findall(r"\]\(#([^)]+)\)", report.markdown)
    require(md_links, "report.md has no in-page links")
    broken = sorted({link for link in md_links if link not in md_ids})
    require(not broken, f"report.md links to anchors that do not exist: {broken[:5]}")
    toc_md = re.search(r"## <a id=\"contents\"></a>Contents\n\n((?:- .*\n)+)", report.markdown)
    require(toc_md, "report.md has no contents list")
    return f"{len(targets)} sections linked; {len(md_links)} in-page links of report.md resolve"


def check_order(report):
    expected = ["contents", "diagram", "profiles", "relations", "timeline", "entities",
                "documents"]
    require(report.sections == expected, f"sections {report.sections}, expected {expected}")
    md_sections = re.findall(r'^## <a id="([^"]+)"></a>', report.markdown, re.M)
    require(md_sections == expected, f"report.md sections {md_sections}")
    return " < ".join(expected)


def check_headlines(report, articles):
    items = report.ids["list-documents"].findall("li")
    listed = {li.get("data-key"): li for li in items}
    require(set(listed) == set(articles), f"reading list {sorted(listed)} != {sorted(articles)}")
    for key, (title, url) in articles.items():
        li = listed[key]
        links = [a for a in li.findall("a") if a.get("href")]
        shown = text_of(li)
        require(shown.startswith(title), f"{key}: listed as {shown[:80]!r}, headline {title!r}")
        if url:
            require(links and links[0].get("href") == url and text_of(links[0]) == title,
                    f"{key}: the headline does not link to {url}")
    return f"{len(articles)} articles by headline, {sum(1 for t, u in articles.values() if u)} " \
           "linked to their url"


def check_citations(report, graphml, articles):
    evidence = {(e["document"], e["sentence"] + 1): e["text"]
                for _, _, d in graphml.edges(data=True) for e in json.loads(d["evidence"])}
    cites = list(report.root.iter("cite"))
    require(cites, "no citations")
    for cite in cites:
        links = [a.get("href") for a in cite.iter("a")]
        require(len(links) == 2, f"citation {text_of(cite)!r} has links {links}")
        match = re.fullmatch(r"#quote-(.+)-(\d+)", links[1])
        require(match, f"citation {text_of(cite)!r}: {links[1]} is not a sentence anchor")
        target = report.ids[links[1][1:]]
        sub_item = report.parent[target]
        article = report.parent[report.parent[sub_item]]
        document = article.get("data-key")
        title, url = articles[document]
        require(links[0] == (url or f"#{article.find('a').get('id')}"),
                f"citation of {document} links to {links[0]}, not {url or 'its entry'}")
        sentence = int(match[2])
        quoted = text_of(sub_item)
        require(quoted == f"s. {sentence}: \u201c{evidence[(document, sentence)]}\u201d",
                f"{links[1]} is not sentence {sentence} of {document}: {quoted[:80]!r}")
        quote = report.parent.get(cite)
        if quote is not None and quote.tag == "blockquote":
            require(evidence[(document, sentence)] in text_of(quote),
                    f"quote cited {links[1]} is not that sentence")
    return f"{len(cites)} citations link the article and the quoted sentence"


def check_profiles(report):
    profiles = [h for h in report.root.find("body") if h.tag == "h3"
                and (h.get("id") or "").startswith("profile-")]
    require(0 < len(profiles) <= 10, f"{len(profiles)} profiles")
    for heading in profiles:
        lists = [b for b in report.blocks_after(heading) if b.tag == "ul"]
        require(lists and lists[0].findall("li"), f"profile {text_of(heading)} says nothing")
        for item in lists[0].findall("li"):
            require(item.find("cite") is not None and item.find("cite/a") is not None,
                    f"{text_of(heading)}: uncited {text_of(item)}")
    return f"{len(profiles)} profiles, each with cited facts"


def check_timeline(report, graphml):
    items = report.ids["list-timeline"].findall("li")
    dated = [d for _, _, d in graphml.edges(data=True)
             if d.get("relation") != "co_mentioned" and d.get("first_date")
             and d.get("provenance") != "credit"]
    require(len(items) == min(len(dated), 100), f"{len(items)} timeline entries, "
            f"{len(dated)} dated relations")
    dates = [text_of(li)[:10] for li in items]
    require(all(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in dates), f"dates {dates[:3]}")
    require(dates == sorted(dates), f"the timeline is out of order: {dates}")
    return f"{len(items)} dated relations, {dates[0]} to {dates[-1]}"


def check_diagram(report, graphml):
    svg = report.root.find(f".//figure/{SVG}svg")
    require(svg is not None, "no diagram")
    groups = [g for g in svg.iter(SVG + "g")]
    nodes = {g.find(SVG + "title").text for g in groups if g.get("class", "").split()[:1] == ["node"]}
    edges = [g.find(SVG + "title").text for g in groups
             if g.get("class", "").split()[:1] == ["edge"]]
    story = [(s, t, d) for s, t, d in graphml.edges(data=True)
             if d.get("relation") != "co_mentioned" and d.get("provenance") != "credit"]
    require(len(edges) == min(len(story), DIAGRAM_RELATIONS),
            f"the diagram draws {len(edges)} relations of {len(story)}")
    joined = set()
    for title in edges:
        source, target = re.split(r"&#45;&gt;|->", title)
        joined |= {source, target}
    require(nodes == joined, f"entities drawn without a link: {sorted(nodes - joined)[:5]}")
    weights = sorted((int(d["weight"]) for _, _, d in story), reverse=True)
    cutoff = weights[min(len(weights), DIAGRAM_RELATIONS) - 1]
    heavier = sum(1 for w in weights if w > cutoff)
    require(heavier <= len(edges), "the diagram leaves out stronger relations")
    return f"{len(edges)} strongest relations joining {len(nodes)} entities"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--newsgraph", required=True)
    parser.add_argument("--source-dir", required=True, type=Path)
    parser.add_argument("--work-dir", required=True, type=Path)
    args = parser.parse_args()
    inputs = args.source_dir / "samples"
    output = args.work_dir / "report"
    try:
        graphml = build(args.newsgraph, inputs, output)
        report = Report(output)
        articles = expected_articles(inputs)
        print("ok  contents:", check_contents(report))
        print("ok  order:", check_order(report))
        print("ok  headlines:", check_headlines(report, articles))
        print("ok  citations:", check_citations(report, graphml, articles))
        print("ok  profiles:", check_profiles(report))
        print("ok  timeline:", check_timeline(report, graphml))
        print("ok  diagram:", check_diagram(report, graphml))
    except CheckFailed as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
