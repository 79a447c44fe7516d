"""Stage 6, exports: RDF serialisations and the NetworkX entity graph.

The NetworkX graph is an entity graph, not raw triples: nodes are entities (label, type,
country, IRI, founding date, stated member count); each edge is one fact (predicate and
qualifiers: role, dates, rank, edition, position, evidence, source articles).
Every file is written to a temporary name and renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from networkx.readwrite import json_graph

from .errors import KgError
from .namespaces import PREFIXES
from .store import KnowledgeBase

__all__ = ["RDF_FORMATS", "GRAPH_FORMATS", "EXPORT_FILES", "export", "write_exports", "to_networkx",
           "write_graphml", "read_graphml", "write_node_link", "read_node_link"]

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
GRAPH_FORMATS = ("graphml", "json")
#: the files ``kg ingest`` keeps up to date in the KB folder
EXPORT_FILES = {"graph.ttl": "turtle", "graph.trig": "trig", "graph.graphml": "graphml", "graph.json": "json"}
_ENTITY_TYPES = ("University", "ResearchInstitute", "Alliance", "Ranking", "Program", "Organization", "Person", "Country")
_ROLE_NAMES = {"FullMemberRole": "member", "FoundingMemberRole": "founding", "ObserverRole": "observer",
               "AssociateMemberRole": "associate", "LeadingRole": "leading", "FormerMemberRole": "former"}


@contextmanager
def _atomic(path: Path):
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def export(kb: KnowledgeBase, fmt: str, output: Path) -> Path:
    """Write one export of the KB.

    Args:
        kb: the knowledge base.
        fmt: one of :data:`RDF_FORMATS` or :data:`GRAPH_FORMATS`.
        output: the file to write (replaced atomically).
    Returns:
        ``output``.
    Raises:
        KgError: unknown format.
    """
    writers: dict[str, Callable[[Path], None]] = {
        "graphml": lambda tmp: write_graphml(to_networkx(kb), tmp),
        "json": lambda tmp: write_node_link(to_networkx(kb), tmp),
    }
    if fmt not in RDF_FORMATS and fmt not in writers:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join([*RDF_FORMATS, *writers])}")
    with _atomic(Path(output)) as tmp:
        if fmt in writers:
            writers[fmt](tmp)
        elif fmt in ("turtle", "ntriples"):
            ox.serialize(kb.union_triples(), str(tmp), RDF_FORMATS[fmt], prefixes=PREFIXES if fmt == "turtle" else None)
        elif fmt == "jsonld":
            ox.serialize(kb.quads(), str(tmp), RDF_FORMATS[fmt])
        else:
            kb.store.dump(str(tmp), RDF_FORMATS[fmt], prefixes=PREFIXES if fmt == "trig" else None)
    return Path(output)


def write_exports(kb: KnowledgeBase) -> list[Path]:
    """Refresh ``graph.ttl``, ``graph.trig``, ``graph.graphml`` and ``graph.json`` in the KB folder."""
    graph = to_networkx(kb)
    written = []
    for name, fmt in EXPORT_FILES.items():
        path = kb.path / name
        if fmt == "graphml":
            with _atomic(path) as tmp:
                write_graphml(graph, tmp)
        elif fmt == "json":
            with _atomic(path) as tmp:
                write_node_link(graph, tmp)
        else:
            export(kb, fmt, path)
        written.append(path)
    return written


def _value(term) -> str | int | float | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(("#integer", "#int")):
        return int(term.value)
    return term.value


def _select(kb: KnowledgeBase, sparql: str) -> list[dict]:
    results = kb.query(sparql)
    names = [v.value for v in results.variables]
    return [{name: _value(row[name]) for name in names if row[name] is not None} for row in results]


def to_networkx(kb: KnowledgeBase) -> nx.MultiDiGraph:
    """The KB as an entity graph (``MultiDiGraph``): entities as nodes, facts as edges.

    Args:
        kb: the knowledge base.
    Returns:
        Nodes keyed by IRI with ``label``, ``type``, ``iri`` and, when known, ``country``,
        ``acronym``, ``foundingDate``, ``memberCount``; edges keyed by predicate with qualifiers and sources.
    """
    graph = nx.MultiDiGraph(name="unikg")
    _add_nodes(kb, graph)
    _add_edges(kb, graph)
    return graph


def _add_nodes(kb: KnowledgeBase, graph: nx.MultiDiGraph) -> None:
    types = " ".join(f"unikg:{t}" for t in _ENTITY_TYPES)
    for row in _select(kb, f"""
        SELECT ?e (SAMPLE(?t) AS ?type) (SAMPLE(?l) AS ?label) (SAMPLE(?cc) AS ?country)
               (SAMPLE(?fd) AS ?foundingDate) (MAX(?mc) AS ?memberCount) (SAMPLE(?code) AS ?countryCode)
               (MIN(?acr) AS ?acronym)
        WHERE {{ VALUES ?t {{ {types} }} ?e a ?t .
                 OPTIONAL {{ ?e rdfs:label ?l }}
                 OPTIONAL {{ ?e unikg:country/unikg:countryCode ?cc }}
                 OPTIONAL {{ ?e unikg:countryCode ?code }}
                 OPTIONAL {{ ?e unikg:foundingDate ?fd }}
                 OPTIONAL {{ ?e unikg:memberCount ?mc }}
                 OPTIONAL {{ ?e unikg:acronym ?acr }} }}
        GROUP BY ?e"""):
        node = row.pop("e")
        row["type"] = row["type"].rsplit("#", 1)[-1]
        row["country"] = row.pop("countryCode", None) or row.get("country")
        graph.add_node(node, iri=node, **{k: v for k, v in row.items() if v is not None})


_EDGE_QUERIES = {
    "memberOf": """SELECT ?s ?o ?role ?startDate ?endDate ?evidence ?src WHERE {
        ?n a unikg:Membership ; unikg:member ?s ; unikg:organization ?o .
        OPTIONAL { ?n unikg:role ?role } OPTIONAL { ?n unikg:startDate ?startDate }
        OPTIONAL { ?n unikg:endDate ?endDate } OPTIONAL { ?n unikg:evidence ?evidence }
        OPTIONAL { ?n prov:wasDerivedFrom ?src } }""",
    "rankedIn": """SELECT ?s ?o ?rank ?rankBand ?edition ?evidence ?src WHERE {
        ?n a unikg:RankingPlacement ; unikg:university ?s ; unikg:ranking ?o .
        OPTIONAL { ?n unikg:rank ?rank } OPTIONAL { ?n unikg:rankBand ?rankBand }
        OPTIONAL { ?n unikg:edition ?edition } OPTIONAL { ?n unikg:evidence ?evidence }
        OPTIONAL { ?n prov:wasDerivedFrom ?src } }""",
    "headOf": """SELECT ?s ?o ?position ?evidence ?src WHERE {
        ?n a unikg:Headship ; unikg:person ?s ; unikg:organization ?o .
        OPTIONAL { ?n unikg:position ?position } OPTIONAL { ?n unikg:evidence ?evidence }
        OPTIONAL { ?n prov:wasDerivedFrom ?src } }""",
    "*": """SELECT ?s ?p ?o ?evidence ?src WHERE {
        ?n a unikg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
        FILTER(isIRI(?o)) OPTIONAL { ?n unikg:evidence ?evidence } OPTIONAL { ?n prov:wasDerivedFrom ?src } }""",
    "gazetteer": """SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/unikg/resource/graph/gazetteer> {
        VALUES ?p { unikg:founder unikg:participatesIn unikg:country } ?s ?p ?o } }""",
}


def _add_edges(kb: KnowledgeBase, graph: nx.MultiDiGraph) -> None:
    facts: dict[tuple, dict] = {}
    for name, sparql in _EDGE_QUERIES.items():
        for row in _select(kb, sparql):
            predicate = name if name not in ("*", "gazetteer") else row.pop("p").rsplit("#", 1)[-1]
            subject, obj = row.pop("s"), row.pop("o")
            if subject not in graph or obj not in graph:
                continue
            source = row.pop("src", None) or "https://w3id.org/unikg/resource/dataset/gazetteer"
            evidence = row.pop("evidence", None)
            if "role" in row:
                row["role"] = _ROLE_NAMES.get(row["role"].rsplit("#", 1)[-1], row["role"])
            key = (subject, predicate, obj, tuple(sorted(row.items())))
            fact = facts.setdefault(key, {"predicate": predicate, **row, "sources": [], "evidence": evidence})
            if source not in fact["sources"]:
                fact["sources"].append(source)
    for (subject, predicate, obj, _), attrs in sorted(facts.items(), key=lambda item: str(item[0])):
        attrs["sources"] = " ".join(sorted(attrs["sources"]))
        if predicate == "partnerOf":
            attrs["symmetric"] = True
        graph.add_edge(subject, obj, key=None, **{k: v for k, v in attrs.items() if v is not None})


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the entity graph as GraphML.

    >>> import tempfile, os; g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", predicate="memberOf")
    >>> p = os.path.join(tempfile.mkdtemp(), "g.graphml"); write_graphml(g, p); read_graphml(p).number_of_edges()
    1
    """
    nx.write_graphml(graph, str(path))


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read an entity graph written by :func:`write_graphml`."""
    return nx.read_graphml(str(path), force_multigraph=True)


def write_node_link(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the entity graph as NetworkX node-link JSON.

    >>> import tempfile, os; g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", predicate="memberOf")
    >>> p = os.path.join(tempfile.mkdtemp(), "g.json"); write_node_link(g, p); read_node_link(p).number_of_edges()
    1
    """
    data = json_graph.node_link_data(graph, edges="links")
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    """Read an entity graph written by :func:`write_node_link`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return json_graph.node_link_graph(data, directed=True, multigraph=True, edges="links")
