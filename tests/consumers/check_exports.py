#!/usr/bin/env python3
"""Checks newsgraph's exports with the programs people open them with.

    check_exports.py DIR [--expect FILE.json]

DIR holds graph.dot, graph.graphml, graph.jsonld and optionally graph.svg.

  dot      Graphviz parses graph.dot and renders it to well-formed SVG; graph.svg is
           well-formed XML.
  graphml  networkx and igraph both load graph.graphml, agree on the node and edge counts,
           and every node and edge has the attributes the schema promises, with the JSON in
           aliases and evidence parsing.
  jsonld   pyld converts graph.jsonld to RDF, rdflib loads it as N-Quads, and rdflib's own
           JSON-LD parser agrees; there is one entity per GraphML node and one
           rdf:Statement per GraphML edge, and every GraphML edge but co_mentioned is also a
           direct triple.
           The network measures are typed literals (xsd:double, xsd:integer), so that a
           SPARQL query ordered by PageRank finds the GraphML's highest first.
  expect   FILE.json: {"labels": [names], "facts": [{"subject", "relation", "object"}],
           "protagonists": [names]}. Every label is shown, exactly, in every format; every
           fact is answered by SPARQL over the RDF; the entity of highest PageRank by
           SPARQL is one of the protagonists.

Prints a line per check and exits 1 with a message on the first failure.
"""
import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import igraph
import networkx
import rdflib
from pyld import jsonld

NG = "urn:newsgraph:"
SCHEMA = rdflib.Namespace("https://schema.org/")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD = rdflib.XSD
SVG = "{http://www.w3.org/2000/svg}"
NODE_ATTRIBUTES = {"label", "type", "aliases", "mentions", "labels"}
EDGE_ATTRIBUTES = {"relation", "label", "weight", "evidence"}
EVIDENCE_FIELDS = {"document", "sentence", "start", "end", "text"}


class CheckFailed(Exception):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def missing_labels(expected, shown, where):
    missing = [label for label in expected if label not in shown]
    require(not missing, f"{where} does not show {missing!r}")


def run(command):
    done = subprocess.run(command, capture_output=True)
    require(done.returncode == 0,
            f"{' '.join(command)} exited {done.returncode}: "
            f"{done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def parse_xml(data, what):
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise CheckFailed(f"{what} is not well-formed XML: {error}") from None


def svg_node_labels(svg):
    """The text of each node of a Graphviz SVG, its lines joined by newlines."""
    return {"\n".join(text.text or "" for text in group.iter(SVG + "text"))
            for group in svg.iter(SVG + "g") if group.get("class", "").split()[:1] == ["node"]}


def drawn_labels(directory, labels):
    """Of `labels`, those a default drawing shows: the entities with a typed relation (not a
    credit line), or every entity when none has one."""
    path = directory / "graph.graphml"
    if not path.exists():
        return labels
    graph = networkx.read_graphml(path)
    related = {node for source, target, data in graph.edges(data=True)
               if data.get("relation") != "co_mentioned" and data.get("provenance") != "credit"
               for node in (source, target)}
    if not related:
        return labels
    shown = {graph.nodes[node]["label"] for node in related}
    return [label for label in labels if label in shown]


def check_dot(directory, expected):
    dot = directory / "graph.dot"
    parse_xml(run(["dot", "-Tsvg", str(dot)]), f"dot -Tsvg {dot}")
    notes = ["dot -Tsvg renders graph.dot"]
    expected = dict(expected, labels=drawn_labels(directory, expected["labels"]))
    if expected["labels"]:
        # The json renderer lists each label as the lines Graphviz draws: escapes applied.
        drawn = json.loads(run(["dot", "-Tjson", str(dot)]))
        shown = {"\n".join(op["text"] for op in item.get("_ldraw_", []) if op["op"] == "T")
                 for item in drawn.get("objects", [])}
        missing_labels(expected["labels"], shown, "graph.dot as drawn by dot")
        notes.append("labels drawn exactly")
    svg_path = directory / "graph.svg"
    if svg_path.exists():
        svg = parse_xml(svg_path.read_bytes(), str(svg_path))
        require(svg.tag == SVG + "svg", f"{svg_path} is not SVG but <{svg.tag}>")
        missing_labels(expected["labels"], svg_node_labels(svg), str(svg_path))
        notes.append("graph.svg is well-formed SVG")
    return "; ".join(notes)


def parse_json(text, what):
    try:
        return json.loads(text)
    except (TypeError, json.JSONDecodeError) as error:
        raise CheckFailed(f"{what} is not JSON: {error}: {text!r}") from None


def check_graphml(directory, expected):
    path = directory / "graph.graphml"
    graph = networkx.read_graphml(path)
    other = igraph.Graph.Read_GraphML(str(path))
    counts = (graph.number_of_nodes(), graph.number_of_edges())
    require(counts == (other.vcount(), other.ecount()),
            f"networkx reads {counts} nodes and edges, igraph ({other.vcount()}, {other.ecount()})")

    for node, data in graph.nodes(data=True):
        require(NODE_ATTRIBUTES <= data.keys(),
                f"node {node!r} lacks {sorted(NODE_ATTRIBUTES - data.keys())}")
        aliases = parse_json(data["aliases"], f"aliases of {node!r}")
        require(isinstance(aliases, list), f"aliases of {node!r} are not a JSON array")
        require(data["labels"] == ":" + data["type"], f"labels of {node!r}: {data['labels']!r}")
    for source, target, data in graph.edges(data=True):
        where = f"edge {source!r} -> {target!r}"
        require(EDGE_ATTRIBUTES <= data.keys(),
                f"{where} lacks {sorted(EDGE_ATTRIBUTES - data.keys())}")
        require(isinstance(data["weight"], float), f"{where}: weight is not a double")
        evidence = parse_json(data["evidence"], f"evidence of {where}")
        require(isinstance(evidence, list) and all(EVIDENCE_FIELDS <= e.keys() for e in evidence),
                f"evidence of {where} lacks some of {sorted(EVIDENCE_FIELDS)}")

    for attributes, names, kind in ((other.vs, NODE_ATTRIBUTES, "node"),
                                    (other.es, EDGE_ATTRIBUTES, "edge")):
        for name in names:
            require(name in attributes.attributes(), f"igraph finds no {kind} attribute {name}")
            require(all(value is not None for value in attributes[name]),
                    f"igraph: some {kind} lacks {name}")

    missing_labels(expected["labels"], {label for _, label in graph.nodes(data="label")},
                   "graph.graphml read by networkx")
    missing_labels(expected["labels"], set(other.vs["label"]) if other.vcount() else set(),
                   "graph.graphml read by igraph")
    summary = f"networkx and igraph agree: {counts[0]} nodes, {counts[1]} edges, attributes present"
    return graph, summary


def rdflib_term(node):
    """A term of pyld's RDF dataset as rdflib's; xsd:string is implicit, as in N-Quads."""
    if node["type"] == "IRI":
        return rdflib.URIRef(node["value"])
    if node["type"] == "blank node":
        return rdflib.BNode(node["value"][2:])
    if "language" in node:
        return rdflib.Literal(node["value"], lang=node["language"])
    datatype = node.get("datatype")
    return rdflib.Literal(node["value"], datatype=None if datatype == XSD_STRING else datatype)


def check_jsonld(directory, graphml, expected):
    path = directory / "graph.jsonld"
    text = path.read_text(encoding="utf-8")
    dataset = jsonld.to_rdf(parse_json(text, str(path)))
    rdf = rdflib.Graph()
    for triples in dataset.values():
        for triple in triples:
            rdf.add(tuple(rdflib_term(triple[part]) for part in ("subject", "predicate", "object")))
    # rdflib must load the N-Quads too. Values are compared on pyld's dataset, though:
    # rdflib before 6.2 misreads escapes such as \\n in N-Quads (RDFLib/rdflib#1663).
    nquads = rdflib.ConjunctiveGraph().parse(
        data=jsonld.JsonLdProcessor.to_nquads(dataset), format="nquads")
    require(len(nquads) == len(rdf), f"rdflib loads {len(nquads)} of pyld's {len(rdf)} triples")
    notes = [f"pyld gives {len(rdf)} triples, rdflib loads them as N-Quads"]
    try:
        direct = rdflib.Graph().parse(data=text, format="json-ld")
    except rdflib.plugin.PluginException:
        notes.append("(this rdflib has no JSON-LD parser)")
    else:
        require(len(direct) == len(rdf),
                f"rdflib reads {len(direct)} triples from graph.jsonld, pyld {len(rdf)}")
        missing_labels(expected["labels"], {str(name) for name in direct.objects(None, SCHEMA.name)},
                       "graph.jsonld read by rdflib")
        notes.append("rdflib's JSON-LD parser agrees")

    iri_of = {str(identifier): subject
              for subject, identifier in rdf.subject_objects(SCHEMA.identifier)
              if str(subject).startswith(NG + "entity/")}
    require(len(iri_of) == graphml.number_of_nodes(),
            f"{len(iri_of)} entities in RDF, {graphml.number_of_nodes()} nodes in GraphML")
    statements = set(rdf.subjects(rdflib.RDF.type, rdflib.RDF.Statement))
    require(len(statements) == graphml.number_of_edges(),
            f"{len(statements)} rdf:Statements, {graphml.number_of_edges()} GraphML edges")
    for source, target, relation in graphml.edges(data="relation"):
        if relation == "co_mentioned":
            continue
        triple = (iri_of.get(source), rdflib.URIRef(NG + relation), iri_of.get(target))
        require(triple in rdf, f"no triple for GraphML edge {source} {relation} {target}")

    missing_labels(expected["labels"], {str(name) for name in rdf.objects(None, SCHEMA.name)},
                   "graph.jsonld as RDF by pyld")
    measures = {"pagerank": XSD.double, "betweenness": XSD.double, "weightedDegree": XSD.double,
                "degree": XSD.integer, "component": XSD.integer}
    measured = graphml.number_of_nodes() and all(
        "pagerank" in data for _, data in graphml.nodes(data=True))
    for name, datatype in measures.items() if measured else ():
        values = list(rdf.objects(None, rdflib.URIRef(NG + name)))
        require(len(values) == graphml.number_of_nodes(), f"{len(values)} values of ng:{name}")
        require(all(v.datatype == datatype for v in values), f"ng:{name} is not {datatype}")
    top = list(rdf.query("""SELECT ?name WHERE { ?s ng:pagerank ?rank ; schema:name ?name }
                            ORDER BY DESC(?rank) LIMIT 1""",
                         initNs={"schema": SCHEMA, "ng": rdflib.Namespace(NG)}))
    if measured:
        best = max(rank for _, rank in graphml.nodes(data="pagerank"))
        leaders = {data["label"] for _, data in graphml.nodes(data=True)
                   if data["pagerank"] == best}
        require(top and str(top[0][0]) in leaders,
                f"SPARQL ordered by PageRank puts {top and str(top[0][0])!r} first, GraphML "
                f"{sorted(leaders)}")
        if expected["protagonists"]:
            require(str(top[0][0]) in expected["protagonists"],
                    f"SPARQL ordered by PageRank puts {str(top[0][0])!r} first, not one of "
                    f"{expected['protagonists']}")
        notes.append(f"measures typed; SPARQL by PageRank: {str(top[0][0])} first")
    query = """SELECT ?s WHERE { ?s ?relation ?o . ?o schema:name ?object .
                                 ?s schema:name ?subject }"""
    for fact in expected["facts"]:
        answers = rdf.query(query, initNs={"schema": SCHEMA}, initBindings={
            "relation": rdflib.URIRef(NG + fact["relation"]),
            "subject": rdflib.Literal(fact["subject"]),
            "object": rdflib.Literal(fact["object"])})
        require(len(answers) > 0, f"SPARQL finds no {fact}")
    notes.append(f"{len(iri_of)} entities, {len(statements)} statements, direct triples present")
    if expected["facts"]:
        notes.append(f"{len(expected['facts'])} expected facts answered by SPARQL")
    return "; ".join(notes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--expect", type=Path, help="JSON file of labels and facts to find")
    args = parser.parse_args()
    expected = {"labels": [], "facts": [], "protagonists": []}
    if args.expect:
        expected.update(json.loads(args.expect.read_text(encoding="utf-8")))

    try:
        for name in ("graph.dot", "graph.graphml", "graph.jsonld"):
            require((args.directory / name).is_file(), f"{args.directory / name} is missing")
        print("ok  dot:", check_dot(args.directory, expected))
        graphml, summary = check_graphml(args.directory, expected)
        print("ok  graphml:", summary)
        print("ok  jsonld:", check_jsonld(args.directory, graphml, expected))
    except CheckFailed as failure:
        print(f"FAIL {args.directory}: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
