#!/usr/bin/env python3
"""The formats for the people who use the graph, checked by their consumers and against the
GraphML of the same build:

  analysis  the GraphML's degree, betweenness and component agree with networkx's own on the
            typed relations (one undirected link per pair, co_mentioned left out).
  gexf      networkx reads graph.gexf (GEXF 1.2draft, networkx's default version) with the
            GraphML's nodes and edges, typed attributes, a colour per entity type, start/end
            dates that are dates, and every edge's relation as its `kind` (Gephi merges
            parallel edges of one kind); with --gexf-mixed, symmetric relations are
            undirected edges of a graph that declares no default edge type.
  neo4j     Python's csv module reads nodes.csv and relationships.csv in neo4j-admin's header
            format with the GraphML's counts, ids, labels, types and aliases; articles,
            statements and their links (MENTIONED_IN, SUBJECT, OBJECT, SUPPORTED_BY) point
            only at nodes the files hold; no CSV has a backslash before a quote (LOAD CSV
            reads it as an escape); dates are dates. load.cypher has one MERGE row per
            node and relationship, and Neo4j's own Cypher parser and linter (npm
            @neo4j-cypher/language-support, installed by scripts/setup.sh) reads it, and
            the --replace variant, without an error or warning.
  report    report.html is well-formed XML, libxml2's HTML parser finds nothing wrong but
            the HTML5 and SVG tag names it predates, and its counts, mentions, PageRank and
            quotes agree with the GraphML; report.md has the same sections.
  filters   --focus/--depth, --types, --relations, --min-weight, --min-confidence and --top keep
            what they say.
"""
import argparse
import csv
import io
import json
import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

import os

import networkx
from networkx.readwrite import gexf as networkx_gexf

GEXF = "{http://www.gexf.net/1.2draft}"
SYMMETRIC = {"met_with", "cooperates_with", "co_mentioned"}

MEASURES = {"degree": int, "weighted_degree": float, "betweenness": float, "pagerank": float,
            "component": int}
HTML5_AND_SVG_TAGS = {"figure", "figcaption", "svg", "g", "title", "ellipse", "path", "polygon",
                      "polyline", "text", "a", "defs", "rect", "line", "circle", "image"}
H = "{http://www.w3.org/1999/xhtml}"


# Where scripts/setup.sh installs the npm tools the tests run.
NPM_TOOLS = Path(os.environ.get("NEWSGRAPH_RESOURCES",
                                Path(__file__).resolve().parents[2] / ".deps"))
CYPHER_LINT = Path(__file__).resolve().parent / "lint_cypher.cjs"


class CheckFailed(Exception):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def build(newsgraph, inputs, output, *options):
    command = [newsgraph, "build", str(inputs), "-o", str(output), "--quiet", *options]
    done = subprocess.run(command, capture_output=True, text=True)
    require(done.returncode in (0, 1), f"{' '.join(command)} exited {done.returncode}: "
            f"{done.stderr}")
    return networkx.read_graphml(output / "graph.graphml") if (
        output / "graph.graphml").exists() else None


def typed_links(graphml):
    links = networkx.Graph()
    links.add_nodes_from(graphml.nodes)
    for source, target, relation in graphml.edges(data="relation"):
        if relation != "co_mentioned" and source != target:
            links.add_edge(source, target)
    return links


def check_analysis(graphml):
    links = typed_links(graphml)
    betweenness = networkx.betweenness_centrality(links, normalized=True)
    components = {}
    for node, data in graphml.nodes(data=True):
        for name, kind in MEASURES.items():
            require(isinstance(data.get(name), kind),
                    f"{node}: {name} is {data.get(name)!r}, not {kind.__name__}")
        require(data["degree"] == links.degree(node),
                f"{node}: degree {data['degree']}, networkx {links.degree(node)}")
        require(math.isclose(data["betweenness"], betweenness[node], abs_tol=1e-5),
                f"{node}: betweenness {data['betweenness']}, networkx {betweenness[node]}")
        components.setdefault(data["component"], set()).add(node)
    ours = sorted(map(frozenset, components.values()), key=sorted)
    theirs = sorted(map(frozenset, networkx.connected_components(links)), key=sorted)
    require(ours == theirs, "components differ from networkx's")
    largest = max(len(c) for c in theirs) if theirs else 0
    require(not components or len(components[0]) == largest, "component 0 is not the largest")
    total = sum(data["pagerank"] for _, data in graphml.nodes(data=True))
    require(math.isclose(total, 1.0, abs_tol=1e-3), f"PageRank sums to {total}")
    return f"degree, betweenness and components agree with networkx on {len(links)} nodes"


def check_gexf(directory, graphml):
    gexf = networkx.read_gexf(directory / "graph.gexf")
    require((gexf.number_of_nodes(), gexf.number_of_edges()) ==
            (graphml.number_of_nodes(), graphml.number_of_edges()),
            f"GEXF has {gexf.number_of_nodes()} nodes, {gexf.number_of_edges()} edges; "
            f"GraphML {graphml.number_of_nodes()}, {graphml.number_of_edges()}")
    colours = {}
    for node, data in gexf.nodes(data=True):
        require(data["label"] == graphml.nodes[node]["label"], f"{node}: label differs")
        require(isinstance(data["mentions"], int), f"{node}: mentions not an integer")
        require(isinstance(data["pagerank"], float), f"{node}: pagerank not a double")
        colour = data["viz"]["color"]
        colours.setdefault(data["type"], set()).add((colour["r"], colour["g"], colour["b"]))
    require(all(len(c) == 1 for c in colours.values()), f"one colour per type: {colours}")
    require(len({next(iter(c)) for c in colours.values()}) == len(colours),
            "two types share a colour")
    dated = 0
    for source, target, data in gexf.edges(data=True):
        require(data["weight"] >= 1, f"{source}->{target}: weight {data['weight']}")
        require(data["provenance"] in ("story", "credit"), f"{source}->{target}: provenance")
        json.loads(data["evidence"])
        for end in ("start", "end"):
            if end in data:
                require(re.fullmatch(r"\d{4}-\d{2}-\d{2}", data[end]),
                        f"{source}->{target}: {end} {data[end]!r}")
                dated += 1
    root = ElementTree.parse(directory / "graph.gexf").getroot()
    require(root.tag == GEXF + "gexf" and root.get("version") == "1.2", "not GEXF 1.2draft")
    kinds = {}
    for edge in root.iter(GEXF + "edge"):
        relation = next(v.get("value") for v in edge.iter(GEXF + "attvalue")
                        if v.get("for") == "relation")
        require(edge.get("kind") == relation, f"edge {edge.get('id')}: kind {edge.get('kind')!r}")
        pair = frozenset((edge.get("source"), edge.get("target")))
        kinds.setdefault(pair, []).append(relation)
    parallel = [k for k in kinds.values() if len(k) > 1]
    require(all(len(set(k)) == len(k) for k in parallel), "two edges of one pair share a kind")
    return (f"networkx reads {gexf.number_of_nodes()} nodes, {gexf.number_of_edges()} edges; "
            f"{len(colours)} type colours; {dated} edge dates; {len(parallel)} pairs with "
            f"parallel edges, each of its own kind")


def check_gexf_mixed(newsgraph, inputs, work):
    output = work / "gexf-mixed"
    build(newsgraph, inputs, output, "--format", "gexf", "--gexf-mixed")
    root = ElementTree.parse(output / "graph.gexf").getroot()
    graph = root.find(GEXF + "graph")
    require(graph.get("defaultedgetype") is None,
            "a mixed graph declares a default edge type (Gephi drops edges of the other type)")
    types = Counter()
    for edge in root.iter(GEXF + "edge"):
        expected = "undirected" if edge.get("kind") in SYMMETRIC else "directed"
        require(edge.get("type") == expected, f"edge {edge.get('id')} {edge.get('kind')}: "
                f"type {edge.get('type')!r}")
        types[expected] += 1
    require(types["undirected"] and types["directed"], f"not a mixed graph: {types}")
    return f"{types['undirected']} undirected and {types['directed']} directed edges"


NODE_HEADER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(:(int|double|boolean|date|string\[\]))?")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_csv(path):
    text = path.read_text(encoding="utf-8")
    # LOAD CSV reads \" as an escaped quote, neo4j-admin as a backslash and a quote.
    require('\\"' not in text, f"{path.name} has a backslash before a quote")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    require(all(len(row) == len(header) for row in rows), f"{path.name}: rows of unequal length")
    for row in rows[1:]:
        for name, value in zip(header, row):
            if name.endswith(":date"):
                require(value == "" or DATE.fullmatch(value), f"{path.name}: {name} {value!r}")
    return header, [dict(zip(header, row)) for row in rows[1:]]


def check_neo4j(directory, graphml):
    folder = directory / "neo4j"
    with open(folder / "nodes.csv", newline="", encoding="utf-8") as f:
        nodes = list(csv.reader(f))
    header = nodes[0]
    require(header[:2] == ["id:ID", ":LABEL"], f"nodes.csv header starts {header[:2]}")
    for field in header[2:]:
        require(NODE_HEADER.fullmatch(field), f"nodes.csv header field {field!r}")
    for name in ("name", "mentions:int", "aliases:string[]", "pagerank:double", "degree:int"):
        require(name in header, f"nodes.csv lacks {name}")
    rows = [dict(zip(header, row)) for row in nodes[1:]]
    require(all(len(row) == len(header) for row in nodes), "nodes.csv rows of unequal length")
    require({row["id:ID"] for row in rows} == set(graphml.nodes),
            "nodes.csv ids differ from GraphML's")
    for row in rows:
        data = graphml.nodes[row["id:ID"]]
        require(row[":LABEL"] == "Entity\x1f" + data["type"], f"{row['id:ID']}: {row[':LABEL']}")
        require(row["name"] == data["label"], f"{row['id:ID']}: name {row['name']!r}")
        require(int(row["mentions:int"]) == data["mentions"], f"{row['id:ID']}: mentions")
        aliases = json.loads(data["aliases"])  # kept whole, ';' and all
        require(row["aliases:string[]"].split("\x1f") == aliases, f"{row['id:ID']}: aliases")

    with open(folder / "relationships.csv", newline="", encoding="utf-8") as f:
        relationships = list(csv.reader(f))
    header = relationships[0]
    require(header[:3] == [":START_ID", ":END_ID", ":TYPE"], f"relationships header {header[:3]}")
    for name in ("weight:int", "confidence:double", "evidence", "first_date:date",
                 "last_date:date", "provenance"):
        require(name in header, f"relationships.csv lacks {name}")
    rows = [dict(zip(header, row)) for row in relationships[1:]]
    expected = Counter((s, t, d["relation"].upper()) for s, t, d in graphml.edges(data=True))
    found = Counter((r[":START_ID"], r[":END_ID"], r[":TYPE"]) for r in rows)
    require(found == expected, "relationships.csv differs from GraphML's edges")
    for row in rows:
        require(re.fullmatch(r"[A-Z]+(_[A-Z]+)*", row[":TYPE"]), f"type {row[':TYPE']!r}")
        json.loads(row["evidence"])

    # Evidence as a graph pattern: every link ends at a node the import files hold.
    for name in ("nodes.csv", "relationships.csv"):
        read_csv(folder / name)
    _, articles = read_csv(folder / "articles.csv")
    _, statements_csv = read_csv(folder / "statements.csv")
    article_ids = {row["id:ID(Article)"] for row in articles}
    statement_ids = {row["id:ID(Statement)"] for row in statements_csv}
    require(len(statement_ids) == len(statements_csv) == graphml.number_of_edges(),
            "statements.csv: not one statement per GraphML edge")
    documents = {d for _, ds in graphml.nodes(data="documents") for d in json.loads(ds)}
    # A value a spreadsheet would run as a formula has a leading ' (so do its references).
    raw_ids = {i[1:] if i[:1] == "'" and i[1:2] and i[1:2] in "=+-@\t\r" else i
               for i in article_ids}
    # As written: line breaks as spaces, a backslash before a quote or at the end as U+FF3C.
    documents = {re.sub(r'\\(?="|$)', "\uff3c", re.sub(r"[\r\n]", " ", d)) for d in documents}
    require(documents <= raw_ids, f"articles.csv lacks {sorted(documents - raw_ids)[:3]}")
    _, mentioned = read_csv(folder / "mentioned_in.csv")
    require(len(mentioned) == sum(len(json.loads(ds)) for _, ds in graphml.nodes(data="documents")),
            "mentioned_in.csv: not one row per entity and article")
    require(all(r[":START_ID"] in graphml and r[":END_ID(Article)"] in article_ids and
                r[":TYPE"] == "MENTIONED_IN" for r in mentioned), "mentioned_in.csv dangles")
    _, ends = read_csv(folder / "statement_entities.csv")
    require(Counter(r[":TYPE"] for r in ends) == Counter(SUBJECT=len(statement_ids),
                                                         OBJECT=len(statement_ids)),
            "statement_entities.csv: not one SUBJECT and one OBJECT per statement")
    require(all(r[":START_ID(Statement)"] in statement_ids and r[":END_ID"] in graphml
                for r in ends), "statement_entities.csv dangles")
    _, supports = read_csv(folder / "supported_by.csv")
    require(len(supports) == sum(len(json.loads(e)) for _, _, e in graphml.edges(data="evidence")),
            "supported_by.csv: not one row per piece of evidence")
    require(all(r[":START_ID(Statement)"] in statement_ids and
                r[":END_ID(Article)"] in article_ids for r in supports), "supported_by.csv dangles")

    cypher = (folder / "load.cypher").read_text(encoding="utf-8")
    for label in ("entity", "article", "statement"):
        require(f"CREATE CONSTRAINT {label}_id IF NOT EXISTS FOR (n:{label.title()}) REQUIRE "
                "n.id IS UNIQUE;" in cypher, f"load.cypher: no uniqueness constraint on {label}")
    statements = lint_cypher(folder / "load.cypher")
    entity_rows = len(re.findall(r"^  \{id: '(?:[^'\\]|\\.)*', properties: \{name: ", cypher, re.M))
    statement_rows = len(re.findall(r"^  \{id: '(?:[^'\\]|\\.)*', source: ", cypher, re.M))
    edge_rows = len(re.findall(r"^  \{source: ", cypher, re.M))
    support_rows = len(re.findall(r"^  \{statement: ", cypher, re.M))
    mention_rows = len(re.findall(r"^  \{entity: ", cypher, re.M))
    require((entity_rows, edge_rows, statement_rows, support_rows, mention_rows) ==
            (graphml.number_of_nodes(), graphml.number_of_edges(), len(statement_ids),
             len(supports), len(mentioned)),
            f"load.cypher merges {entity_rows} nodes, {edge_rows} relationships, "
            f"{statement_rows} statements, {support_rows} supports, {mention_rows} mentions")
    require("CREATE (" not in cypher and "DETACH DELETE" not in cypher,
            "load.cypher CREATEs or deletes data: not idempotent")
    return (f"{len(nodes) - 1} nodes and {len(relationships) - 1} relationships match GraphML; "
            f"{len(articles)} articles, {len(statement_ids)} statements, {len(supports)} "
            f"SUPPORTED_BY, {len(mentioned)} MENTIONED_IN, none dangling; load.cypher: "
            f"{statements} statements, parsed by Neo4j's Cypher linter")


def lint_cypher(path):
    statements = check_cypher_structure(path.read_text(encoding="utf-8"))
    modules = NPM_TOOLS / "cypher-lint" / "node_modules"
    require(modules.is_dir(), f"{modules} is missing: run scripts/setup.sh")
    done = subprocess.run(["node", str(CYPHER_LINT), str(path)],
                          capture_output=True, text=True, env={**os.environ, "NODE_PATH": modules})
    require(done.returncode == 0, f"Neo4j's Cypher linter rejects {path}:\n"
            f"{done.stderr[:2000]}")
    require(int(done.stdout) == statements,
            f"Neo4j's parser reads {done.stdout.strip()} statements, we count {statements}")
    return statements


def check_neo4j_replace(newsgraph, inputs, work):
    output = work / "neo4j-replace"
    build(newsgraph, inputs, output, "--format", "neo4j", "--replace")
    cypher = (output / "neo4j" / "load.cypher").read_text(encoding="utf-8")
    delete = "MATCH (n) WHERE n:Entity OR n:Article OR n:Statement DETACH DELETE n;"
    require(delete in cypher and cypher.index(delete) < cypher.index("MERGE"),
            "load.cypher --replace does not delete the previous load first")
    statements = lint_cypher(output / "neo4j" / "load.cypher")
    return f"load.cypher --replace deletes first; {statements} statements, linted"


def check_cypher_structure(cypher):
    """Strings closed, escapes valid, brackets balanced, every statement ended by ';'."""
    stack, statements, i = [], 0, 0
    pairs = {")": "(", "]": "[", "}": "{"}
    text = re.sub(r"^//.*$", "", cypher, flags=re.M)
    while i < len(text):
        c = text[i]
        if c == "'":
            i += 1
            while text[i] != "'":
                if text[i] == "\\":
                    require(text[i + 1] in "\\'\"ntrbfu", f"bad escape \\{text[i + 1]}")
                    i += 1
                require(text[i] != "\n", "line break inside a string")
                i += 1
        elif c in "([{":
            stack.append(c)
        elif c in ")]}":
            require(stack and stack.pop() == pairs[c], f"unbalanced {c} at {i}")
        elif c == ";":
            require(not stack, f"statement ends inside {stack}")
            statements += 1
        i += 1
    require(not stack and not text.strip().endswith(("]", ")")), "unterminated statement")
    return statements


def check_report(directory, graphml):
    html_path = directory / "report.html"
    done = subprocess.run(["xmllint", "--noout", str(html_path)], capture_output=True, text=True,
                          errors="replace")
    require(done.returncode == 0 and not done.stderr, f"report.html is not well-formed: "
            f"{done.stderr[:500]}")
    # --memory: libxml2 2.9's HTML parser, reading a file in chunks, misreads an attribute
    # that a chunk boundary cuts ("error parsing attribute name" at a valid attribute; one
    # byte more before it and the error is gone).
    done = subprocess.run(["xmllint", "--html", "--noout", "--memory", str(html_path)],
                          capture_output=True, errors="replace", text=True)
    errors = [line for line in done.stderr.splitlines() if "error" in line]
    unexpected = [e for e in errors
                  if not (m := re.search(r"Tag (\w+) invalid", e)) or m[1] not in HTML5_AND_SVG_TAGS]
    require(done.returncode == 0 and not unexpected, f"xmllint --html: {unexpected[:5]}")

    root = ElementTree.parse(html_path).getroot()
    text_of = lambda element: "".join(element.itertext())
    headings = {h.get("id"): text_of(h) for h in root.iter() if h.tag in ("h1", "h2", "h3")}
    types = Counter(data["type"] for _, data in graphml.nodes(data=True))
    for kind, count in types.items():
        require(headings.get(f"entities-{kind}") == f"{kind} ({count})",
                f"report says {headings.get(f'entities-{kind}')!r}, GraphML has {count} {kind}")
    relations = Counter(r for _, _, r in graphml.edges(data="relation") if r != "co_mentioned")
    for relation, count in relations.items():
        expected = f"{relation.replace('_', ' ')} ({count})"
        require(headings.get(f"relations-{relation}") == expected,
                f"report says {headings.get(f'relations-{relation}')!r}, expected {expected!r}")
    rows = 0
    for table in root.iter("table"):
        if not (table.get("id") or "").startswith("table-entities-"):
            continue
        for row in table.iter("tr"):
            key = row.get("data-key")
            if key is None:
                continue
            cells = [text_of(td) for td in row.iter("td")]
            data = graphml.nodes[key]
            require(cells[0] == data["label"] and int(cells[1]) == data["mentions"],
                    f"report row {cells} disagrees with GraphML {data['label']}")
            require(abs(float(cells[4]) - data["pagerank"]) < 6e-5, f"{key}: PageRank {cells[4]}")
            rows += 1
    evidence = {(e["document"], e["sentence"] + 1): e["text"]
                for _, _, d in graphml.edges(data=True) for e in json.loads(d["evidence"])}
    parent = {child: element for element in root.iter() for child in element}
    anchors = {e.get("id"): e for e in root.iter() if e.get("id")}
    quotes = list(root.iter("blockquote"))
    for quote in quotes:
        cite = quote.find("cite")
        links = [a.get("href") for a in cite.iter("a")]
        match = re.fullmatch(r"#quote-.+-(\d+)", links[-1]) if links else None
        require(match and links[-1][1:] in anchors, f"citation {text_of(cite)!r}: {links}")
        listed = parent[parent[parent[anchors[links[-1][1:]]]]]  # a < li < ul < li
        key = (listed.get("data-key"), int(match[1]))
        require(key in evidence and evidence[key] in text_of(quote),
                f"quote cited {text_of(cite)} is not that sentence of the evidence")
    documents = [li for li in anchors["list-documents"].iter("li") if li.get("data-key")]
    require(root.find(".//figure/{http://www.w3.org/2000/svg}svg") is not None,
            "report.html has no inline SVG diagram")
    markdown = (directory / "report.md").read_text(encoding="utf-8")
    for heading in ('# <a id="top"></a>newsgraph report', '## <a id="documents"></a>Reading list',
                    '## <a id="entities"></a>Entities',
                    '## <a id="relations"></a>Strongest relations',
                    '## <a id="profiles"></a>Profiles'):
        require(heading + "\n" in markdown, f"report.md lacks {heading!r}")
    return (f"well-formed; {rows} entity rows, {len(quotes)} quotes and "
            f"{len(types)} type counts agree with GraphML")


def check_filters(newsgraph, inputs, work, full):
    def nodes_of(name, *options):
        graph = build(newsgraph, inputs, work / name, "--format", "graphml", *options)
        return graph
    putin = next(n for n, label in full.nodes(data="label") if label == "Vladimir Putin")
    ego = nodes_of("focus", "--focus", "Vladimir Putin", "--depth", "1")
    neighbours = {putin} | set(full.successors(putin)) | set(full.predecessors(putin))
    require(set(ego.nodes) == neighbours, "--focus --depth 1 is not Putin's neighbourhood")
    typed = nodes_of("types", "--types", "Person,Country")
    require({t for _, t in typed.nodes(data="type")} <= {"Person", "Country"}, "--types leaks")
    require(typed.number_of_nodes() == sum(t in ("Person", "Country")
                                           for _, t in full.nodes(data="type")), "--types drops")
    leaders = nodes_of("relations", "--relations", "leader_of")
    require({r for _, _, r in leaders.edges(data="relation")} == {"leader_of"}, "--relations")
    heavy = nodes_of("weight", "--min-weight", "2")
    require(all(w >= 2 for _, _, w in heavy.edges(data="weight")), "--min-weight")
    sure = nodes_of("confidence", "--min-confidence", "0.9")
    require(all(d["relation"] == "co_mentioned" or float(d["confidence"]) >= 0.9
                for _, _, d in sure.edges(data=True)), "--min-confidence")
    require(sure.number_of_edges() < full.number_of_edges(), "--min-confidence drops nothing")
    top = nodes_of("top", "--top", "5")
    best = sorted(full.nodes, key=lambda n: -full.nodes[n]["pagerank"])[:5]
    require(top.number_of_nodes() == 5, f"--top 5 keeps {top.number_of_nodes()}")
    require({full.nodes[n]["pagerank"] for n in top.nodes} ==
            {full.nodes[n]["pagerank"] for n in best}, "--top keeps others than the best")
    done = subprocess.run([newsgraph, "build", str(inputs), "-o", str(work / "none"), "--focus",
                           "Nobody Atall"], capture_output=True, text=True)
    require(done.returncode == 2 and "Nobody Atall" in done.stderr, "unknown --focus accepted")
    return f"focus ({ego.number_of_nodes()} nodes), types, relations, min-weight, min-confidence, top"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--newsgraph", required=True)
    parser.add_argument("--source-dir", required=True, type=Path)
    parser.add_argument("--work-dir", required=True, type=Path)
    args = parser.parse_args()
    inputs = args.source_dir / "samples"
    output = args.work_dir / "all"
    try:
        graphml = build(args.newsgraph, inputs, output, "--format", "all")
        print("ok  analysis:", check_analysis(graphml))
        print("ok  gexf:", check_gexf(output, graphml))
        print("ok  gexf --gexf-mixed:", check_gexf_mixed(args.newsgraph, inputs, args.work_dir))
        print("ok  neo4j:", check_neo4j(output, graphml))
        print("ok  neo4j --replace:", check_neo4j_replace(args.newsgraph, inputs, args.work_dir))
        print("ok  report:", check_report(output, graphml))
        print("ok  filters:", check_filters(args.newsgraph, inputs, args.work_dir, graphml))
    except CheckFailed as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
