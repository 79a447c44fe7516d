"""Stage 6, exports: RDF serialisations and the NetworkX entity graph.

The NetworkX graph is an entity graph, not raw triples: nodes are entities (label, type,
country, IRI, founding date, stated member count); each edge is one fact (predicate and
qualifiers: role, dates, rank, edition, position, evidence, source articles), keyed by a
stable id derived from the fact. By default the graph holds what the articles say; the full
graph adds the gazetteer's background knowledge and the country edges.
Every file is written to a temporary name and renamed, so a crash never leaves half a file;
the temporary files of a killed export are removed by the next one.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import inspect
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from networkx.readwrite import json_graph

from .errors import KgError
from .namespaces import PREFIXES
from .store import KnowledgeBase

__all__ = ["RDF_FORMATS", "TURTLE_PREFIXES", "GRAPH_FORMATS", "EXPORT_FILES", "export", "write_exports", "to_networkx",
           "write_graphml", "read_graphml", "content_fingerprint", "graph_keys", "mark_exports_stale", "write_node_link", "read_node_link", "fact_id", "role_labels"]

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
_UNIKG = "https://w3id.org/unikg/ontology#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_GAZETTEER_DATASET = "https://w3id.org/unikg/resource/dataset/gazetteer"
_STALE_AFTER = 3600  # seconds; where files cannot be locked, an older temporary file is a dead export's
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: the prefixes of the Turtle and TriG exports, the CLI and the page: :data:`kg.namespaces.PREFIXES`
#: plus one per kind of resource, as ``mint_iri`` makes them (``org:idea-league``, not ``res:org\/idea-league``)
TURTLE_PREFIXES = PREFIXES  # one prefix per kind of resource (kg.namespaces), so no local name needs escapes


@functools.cache
def role_labels() -> dict[str, str]:
    """Membership role IRI -> its ``skos:prefLabel`` in ``unikg:RoleScheme`` (ontologies/unikg.ttl).

    NetworkX edges carry these labels as ``role``; the library queries return the same words.

    >>> role_labels()["https://w3id.org/unikg/ontology#FoundingMemberRole"]
    'founding member'
    """
    with resources.files("kg").joinpath("data", "unikg.ttl").open("rb") as handle:
        triples = list(ox.parse(handle, ox.RdfFormat.TURTLE))
    in_scheme = {t.subject for t in triples
                 if t.predicate.value == _SKOS + "inScheme" and t.object.value == _UNIKG + "RoleScheme"}
    return {t.subject.value: t.object.value for t in triples
            if t.subject in in_scheme and t.predicate.value == _SKOS + "prefLabel"}


try:
    import fcntl
except ImportError:  # no advisory locks (Windows): temporary files are judged by age instead
    fcntl = None


def _is_stale(candidate: Path) -> bool:
    """Whether a temporary export file was left by a dead writer (a live one holds a lock on it)."""
    if fcntl is None:
        return time.time() - candidate.stat().st_mtime > _STALE_AFTER
    with open(candidate, "rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def _remove_stale_temp_files(path: Path) -> None:
    """Remove what killed exports of ``path`` left behind (``.NAME.*.tmp`` beside it)."""
    for candidate in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if _is_stale(candidate):
                candidate.unlink()
        except FileNotFoundError:  # its writer finished meanwhile
            continue


@contextmanager
def _atomic(path: Path):
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    The temporary file is locked while it is written, so a later export can tell a killed
    writer's leftover (removed) from a running writer's file (kept).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temp_files(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:
            os.close(fd)
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if fcntl is not None:
            os.close(fd)
        if os.path.exists(tmp):
            os.unlink(tmp)


def export(kb: KnowledgeBase, fmt: str, output: Path, full: bool = False) -> Path:
    """Write one export of the KB.

    Args:
        kb: the knowledge base.
        fmt: one of :data:`RDF_FORMATS` or :data:`GRAPH_FORMATS`.
        output: the file to write (replaced atomically).
        full: for the graph formats, the full entity graph (see :func:`to_networkx`).
    Returns:
        ``output``.
    Raises:
        KgError: unknown format.
    """
    writers: dict[str, Callable[[Path], None]] = {
        "graphml": lambda tmp: write_graphml(to_networkx(kb, full=full), tmp),
        "json": lambda tmp: write_node_link(to_networkx(kb, full=full), tmp),
    }
    if fmt not in RDF_FORMATS and fmt not in writers:
        raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join([*RDF_FORMATS, *writers])}")
    with _atomic(Path(output)) as tmp:
        if fmt in writers:
            writers[fmt](tmp)
        elif fmt == "turtle":
            ox.serialize(_grouped(kb.union_triples()), str(tmp), RDF_FORMATS[fmt], prefixes=TURTLE_PREFIXES)
        elif fmt == "ntriples":
            ox.serialize(kb.union_triples(), str(tmp), RDF_FORMATS[fmt])
        elif fmt == "jsonld":
            ox.serialize(kb.quads(), str(tmp), RDF_FORMATS[fmt])
        else:
            kb.store.dump(str(tmp), RDF_FORMATS[fmt], prefixes=TURTLE_PREFIXES if fmt == "trig" else None)
    return Path(output)


def write_exports(kb: KnowledgeBase, force: bool = False) -> list[Path]:
    """Bring ``graph.ttl``, ``graph.trig``, ``graph.graphml`` and ``graph.json`` in the KB folder up to date.

    Lazy and incremental: a fingerprint of the store's content (:func:`content_fingerprint`) is
    kept beside the files (``exports.json``); when it and the files are unchanged nothing is
    written. Otherwise every file is rewritten atomically, but the TriG and Turtle text of an
    article graph whose content hash is unchanged is copied from the previous file instead of
    serialised again. ``graph.ttl`` is the per-graph Turtle of every graph in turn (a triple
    stated in several graphs appears once per graph; read back, it is the union). The GraphML
    and node-link files hold the default (articles) view of :func:`to_networkx`.

    Args:
        kb: the knowledge base (its folder holds the files).
        force: rewrite everything, reusing nothing.
    Returns:
        The files written (empty when all were up to date).
    """
    for name in EXPORT_FILES:  # even when nothing is written: what killed exports left
        _remove_stale_temp_files(kb.path / name)
    keys = _graph_keys(kb)
    fingerprint = content_fingerprint(kb, keys)
    state = {} if force else _read_state(kb.path)
    files = state.get("files", {})
    if state.get("fingerprint") == fingerprint and all(
            _file_unchanged(kb.path / name, files.get(name)) for name in EXPORT_FILES):
        return []
    reusable = state.get("base") == _base_key(kb.path)  # else (merges, code change) no chunk is trusted
    written, new_files = [], {}
    for name in ("graph.trig", "graph.ttl"):
        path = kb.path / name
        previous = files.get(name) if reusable and _file_unchanged(path, files.get(name)) else None
        new_files[name] = _write_chunked(kb, path, EXPORT_FILES[name], keys, previous)
        written.append(path)
    graph = to_networkx(kb)
    for name, writer in (("graph.graphml", write_graphml), ("graph.json", write_node_link)):
        path = kb.path / name
        with _atomic(path) as tmp:
            writer(graph, tmp)
        new_files[name] = {"stat": _stat(path)}
        written.append(path)
    _write_state(kb.path, {"fingerprint": fingerprint, "base": _base_key(kb.path), "files": new_files})
    return [kb.path / name for name in EXPORT_FILES]


def mark_exports_stale(kb_dir: str | Path) -> None:
    """Make the next :func:`write_exports` rewrite every file from scratch.

    For writers that change the store other than by replacing whole graphs (a SPARQL update):
    the fingerprint sees added and removed triples and replaced article graphs, not an edit
    inside an article graph that keeps its size and content hash.

    >>> import tempfile; mark_exports_stale(tempfile.mkdtemp())
    """
    try:
        (Path(kb_dir) / _STATE_FILE).unlink()
    except FileNotFoundError:
        pass


_STATE_FILE = "exports.json"
_STATE_VERSION = 2  # bump when an export's content changes for the same store
_CONTENT_HASH = ox.NamedNode(_UNIKG + "contentHash")


def _graph_keys(kb: KnowledgeBase) -> dict[str, str | None]:
    """Each named graph's content key: its ``unikg:contentHash`` values (articles, gazetteer), else None."""
    hashes: dict[str, list[str]] = {}
    for quad in kb.store.quads_for_pattern(None, _CONTENT_HASH, None, None):
        if isinstance(quad.graph_name, ox.NamedNode):
            hashes.setdefault(quad.graph_name.value, []).append(quad.object.value)
    return {name: " ".join(sorted(hashes[name])) if name in hashes else None for name in kb.graphs()}


def content_fingerprint(kb: KnowledgeBase, keys: dict[str, str | None] | None = None) -> str:
    """A digest of the store's content as the exports see it: cheap, no full scan of article graphs.

    It covers the number of quads, every named graph with its content hash, the full content
    of every graph without one (the entities graph, the default graph) and the entity merge
    decisions (a merge rewrites article graphs but not their hashes).

    >>> import tempfile; from kg.store import open_kb; kb = open_kb(tempfile.mkdtemp())
    >>> content_fingerprint(kb) == content_fingerprint(kb)
    True
    """
    keys = _graph_keys(kb) if keys is None else keys
    digest = hashlib.sha256(_base_key(kb.path).encode())
    digest.update(str(len(kb)).encode())
    for name in sorted(keys):
        digest.update(f"\n{name} {keys[name]}".encode())
        if keys[name] is None:
            digest.update(_graph_digest(kb, ox.NamedNode(name)))
    digest.update(_graph_digest(kb, ox.DefaultGraph()))
    return digest.hexdigest()


def graph_keys(kb: KnowledgeBase) -> dict[str, str]:
    """Each named graph's content key: equal keys, equal graphs (for ``kg push``).

    An article's or the gazetteer's key is its content hash with the KB's merge decisions (a merge
    rewrites article graphs); another graph's (the entities graph) is a digest of its statements.

    >>> import tempfile; from kg.store import open_kb
    >>> graph_keys(open_kb(tempfile.mkdtemp()))
    {}
    """
    base = _base_key(kb.path)
    return {name: f"{base} {key}" if key is not None else _graph_digest(kb, ox.NamedNode(name)).hex()
            for name, key in _graph_keys(kb).items()}


def _graph_digest(kb: KnowledgeBase, graph) -> bytes:
    lines = sorted(str(quad) for quad in kb.store.quads_for_pattern(None, None, None, graph))
    return hashlib.sha256("\n".join(lines).encode()).digest()


def _base_key(kb_dir: Path) -> str:
    """What, beside the graphs' hashes, decides whether an unchanged graph's text can be reused."""
    decisions = Path(kb_dir) / "decisions.json"  # kg.entities.DECISIONS_FILE: merges rewrite article graphs
    text = decisions.read_bytes() if decisions.is_file() else b""
    return f"v{_STATE_VERSION} {hashlib.sha256(text).hexdigest()}"


def _read_state(kb_dir: Path) -> dict:
    try:
        state = json.loads((kb_dir / _STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) and isinstance(state.get("files"), dict) else {}


def _write_state(kb_dir: Path, state: dict) -> None:
    with _atomic(kb_dir / _STATE_FILE) as tmp:
        tmp.write_text(json.dumps(state), encoding="utf-8")


def _stat(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def _file_unchanged(path: Path, recorded: dict | None) -> bool:
    """Whether ``path`` is still the file the state records (same size and modification time)."""
    try:
        return recorded is not None and recorded.get("stat") == _stat(path)
    except OSError:
        return False


def _prefix_header() -> bytes:
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in TURTLE_PREFIXES.items()).encode()


def _statement_key(statement) -> tuple:
    """Subjects together (the serialiser then writes each one as one block), its types first."""
    return (statement.subject.value, statement.predicate.value != _RDF_TYPE, statement.predicate.value,
            str(statement.object))


def _grouped(statements) -> list:
    """Triples or quads (of one graph) ordered so that each subject's statements are adjacent.

    >>> s, o, p = ox.NamedNode("http://x/s"), ox.NamedNode("http://x/o"), ox.NamedNode("http://x/p")
    >>> [str(t.subject)[-2] for t in _grouped([ox.Triple(s, p, o), ox.Triple(o, p, s), ox.Triple(s, ox.NamedNode(_RDF_TYPE), o)])]
    ['o', 's', 's']
    """
    return sorted(statements, key=_statement_key)


def _chunk(kb: KnowledgeBase, graph, fmt: str) -> bytes:
    """One graph's TriG block, or its triples as Turtle, without the prefix lines; a subject is one block."""
    quads = _grouped(kb.store.quads_for_pattern(None, None, None, graph))
    if fmt == "turtle":
        text = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    else:
        text = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=TURTLE_PREFIXES)
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    body = b"".join(lines[start:])
    return body if not body or body.endswith(b"\n") else body + b"\n"


def _write_chunked(kb: KnowledgeBase, path: Path, fmt: str, keys: dict, previous: dict | None) -> dict:
    """Write ``path`` graph by graph, copying unchanged article graphs' text from ``previous``."""
    old = previous.get("chunks", {}) if previous else {}
    chunks: dict[str, list] = {}
    with _atomic(path) as tmp, open(tmp, "wb") as out, \
            (open(path, "rb") if old else open(os.devnull, "rb")) as source:
        out.write(_prefix_header())
        body = _chunk(kb, ox.DefaultGraph(), fmt)
        out.write(body)
        for name in sorted(keys):
            key, offset = keys[name], out.tell()
            cached = old.get(name)
            if key is not None and cached is not None and cached[0] == key:
                source.seek(cached[1])
                out.write(source.read(cached[2]))
            else:
                out.write(_chunk(kb, ox.NamedNode(name), fmt))
            chunks[name] = [key, offset, out.tell() - offset]
    return {"stat": _stat(path), "chunks": {n: c for n, c in chunks.items() if c[0] is not None}}


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


def to_networkx(kb: KnowledgeBase, full: bool = False) -> nx.MultiDiGraph:
    """The KB as an entity graph (``MultiDiGraph``): entities as nodes, facts as edges.

    Args:
        kb: the knowledge base.
        full: also the background knowledge: every gazetteer entity and the gazetteer's facts
            (memberships, founders, participations), and ``country`` edges to Country nodes.
            By default (the articles view) nodes are the entities articles mention (countries
            only as the ``country`` attribute) and edges the facts articles state.
    Returns:
        Nodes keyed by IRI with ``label``, ``type``, ``iri`` and, when known, ``country``,
        ``acronym``, ``foundingDate``, ``memberCount``; edges with ``predicate``, qualifiers
        (``role`` is the role's ``skos:prefLabel``, as in :func:`role_labels`), ``evidence``
        and ``sources``, keyed by a stable fact id (:func:`fact_id`).
    """
    graph = nx.MultiDiGraph(name="unikg", view="full" if full else "articles")
    _add_nodes(kb, graph, full)
    _add_edges(kb, graph, full)
    return graph


_NODE_QUERIES = {  # attribute -> (SPARQL giving ?e ?v, how several values become one)
    "label": ("SELECT DISTINCT ?e ?v WHERE { ?e rdfs:label ?v }", min),
    "country": ("""SELECT DISTINCT ?e ?v WHERE { { SELECT DISTINCT ?e ?c WHERE { ?e unikg:country ?c } }
                   ?c unikg:countryCode ?v }""", min),
    "countryCode": ("SELECT DISTINCT ?e ?v WHERE { ?e unikg:countryCode ?v }", min),
    "foundingDate": ("SELECT DISTINCT ?e ?v WHERE { ?e unikg:foundingDate ?v }", min),
    "memberCount": ("SELECT DISTINCT ?e ?v WHERE { ?e unikg:memberCount ?v }", max),
    "acronym": ("SELECT DISTINCT ?e ?v WHERE { ?e unikg:acronym ?v }", min),
}


def _add_nodes(kb: KnowledgeBase, graph: nx.MultiDiGraph, full: bool) -> None:
    """One node per typed entity (mentioned by an article unless ``full``), attributes from flat queries.

    Each attribute is read by its own DISTINCT query and joined here: a triple repeated in
    every article that states it (``country``, ``memberCount``) is read once, not multiplied.
    """
    ranked = [t for t in _ENTITY_TYPES if full or t != "Country"]
    kinds: dict[str, str] = {}
    for row in _select(kb, f"SELECT DISTINCT ?e ?t WHERE {{ VALUES ?t {{ {' '.join('unikg:' + t for t in ranked)} }} ?e a ?t }}"):
        kind = row["t"].rsplit("#", 1)[-1]
        if row["e"] not in kinds or ranked.index(kind) < ranked.index(kinds[row["e"]]):
            kinds[row["e"]] = kind
    if not full:
        mentioned = {row["e"] for row in _select(kb, "SELECT DISTINCT ?e WHERE { ?article unikg:mentions ?e }")}
        kinds = {e: k for e, k in kinds.items() if e in mentioned}
    attributes: dict[str, dict] = {e: {} for e in kinds}
    for name, (sparql, choose) in _NODE_QUERIES.items():
        values: dict[str, list] = {}
        for row in _select(kb, sparql):
            if row["e"] in attributes and "v" in row:
                values.setdefault(row["e"], []).append(row["v"])
        for entity, found in values.items():
            attributes[entity][name] = choose(found)
    for node in sorted(kinds):
        row = attributes[node]
        row["country"] = row.pop("countryCode", None) or row.get("country")
        graph.add_node(node, iri=node, type=kinds[node], **{k: v for k, v in row.items() if v is not None})


def fact_id(subject: str, predicate: str, obj: str, qualifiers: dict | None = None) -> str:
    """A stable id for one fact: a digest of its subject, predicate, object and qualifiers.

    The same fact gets the same id in every run and in both views of :func:`to_networkx`;
    it is the edge key, hence the GraphML edge ``id``.

    >>> fact_id("res:a", "memberOf", "res:b", {"role": "observer"}) == fact_id("res:a", "memberOf", "res:b", {"role": "observer"})
    True
    >>> len(fact_id("res:a", "memberOf", "res:b"))
    17
    """
    text = json.dumps([subject, predicate, obj, sorted((qualifiers or {}).items())], ensure_ascii=False)
    return "f" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_EDGE_QUERIES = {  # each fact node lives in one graph: matching inside it is ~2x faster than the union
    "memberOf": """SELECT ?s ?o ?role ?startDate ?endDate ?evidence ?src WHERE { GRAPH ?g {
        ?n a unikg:Membership ; unikg:member ?s ; unikg:organization ?o .
        OPTIONAL { ?n unikg:role ?role } OPTIONAL { ?n unikg:startDate ?startDate }
        OPTIONAL { ?n unikg:endDate ?endDate } OPTIONAL { ?n unikg:evidence ?evidence }
        OPTIONAL { ?n prov:wasDerivedFrom ?src } } }""",
    "rankedIn": """SELECT ?s ?o ?rank ?rankBand ?edition ?evidence ?src WHERE { GRAPH ?g {
        ?n a unikg:RankingPlacement ; unikg:university ?s ; unikg:ranking ?o .
        OPTIONAL { ?n unikg:rank ?rank } OPTIONAL { ?n unikg:rankBand ?rankBand }
        OPTIONAL { ?n unikg:edition ?edition } OPTIONAL { ?n unikg:evidence ?evidence }
        OPTIONAL { ?n prov:wasDerivedFrom ?src } } }""",
    "headOf": """SELECT ?s ?o ?position ?evidence ?src WHERE { GRAPH ?g {
        ?n a unikg:Headship ; unikg:person ?s ; unikg:organization ?o .
        OPTIONAL { ?n unikg:position ?position } OPTIONAL { ?n unikg:evidence ?evidence }
        OPTIONAL { ?n prov:wasDerivedFrom ?src } } }""",
    "*": """SELECT ?s ?p ?o ?evidence ?src WHERE { GRAPH ?g {
        ?n a unikg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
        FILTER(isIRI(?o)) OPTIONAL { ?n unikg:evidence ?evidence } OPTIONAL { ?n prov:wasDerivedFrom ?src } } }""",
    "gazetteer": """SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/unikg/resource/graph/gazetteer> {
        VALUES ?p { unikg:founder unikg:participatesIn unikg:country } ?s ?p ?o } }""",
}


def _add_edges(kb: KnowledgeBase, graph: nx.MultiDiGraph, full: bool) -> None:
    articles = None if full else {row["a"] for row in _select(kb, "SELECT ?a WHERE { ?a a unikg:Article }")}
    roles = role_labels()
    facts: dict[tuple, dict] = {}
    for name, sparql in _EDGE_QUERIES.items():
        if name == "gazetteer" and not full:
            continue
        for row in _select(kb, sparql):
            predicate = name if name not in ("*", "gazetteer") else row.pop("p").rsplit("#", 1)[-1]
            subject, obj = row.pop("s"), row.pop("o")
            source = row.pop("src", None) or _GAZETTEER_DATASET
            evidence = row.pop("evidence", None)
            if subject not in graph or obj not in graph or not (full or source in articles):
                continue
            if "role" in row:
                row["role"] = roles.get(row["role"], row["role"].rsplit("#", 1)[-1])
            key = (subject, predicate, obj, tuple(sorted(row.items())))
            fact = facts.setdefault(key, {"predicate": predicate, **row, "sources": set(), "evidence": evidence})
            fact["sources"].add(source)
    for (subject, predicate, obj, qualifiers), attrs in sorted(facts.items(), key=lambda item: str(item[0])):
        attrs["sources"] = " ".join(sorted(attrs["sources"]))
        if predicate == "partnerOf":
            attrs["symmetric"] = True
        graph.add_edge(subject, obj, key=fact_id(subject, predicate, obj, dict(qualifiers)),
                       **{k: v for k, v in attrs.items() if v is not None})


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the entity graph as GraphML.

    >>> import tempfile, os; g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", predicate="memberOf")
    >>> p = os.path.join(tempfile.mkdtemp(), "g.graphml"); write_graphml(g, p); read_graphml(p).number_of_edges()
    1
    """
    nx.write_graphml(_xml_safe_graph(graph), str(path))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose string attributes hold only characters XML 1.0 allows: text is cleaned when
    read, but an imported gazetteer name must not be able to block the GraphML export either."""
    def clean(attrs: dict) -> dict:
        return {k: _NOT_XML.sub("", v) if isinstance(v, str) else v for k, v in attrs.items()}

    if not any(_NOT_XML.search(str(v)) for _, attrs in graph.nodes(data=True) for v in attrs.values()) and \
            not any(_NOT_XML.search(str(v)) for *_, attrs in graph.edges(keys=True, data=True) for v in attrs.values()):
        return graph
    safe = nx.MultiDiGraph(**clean(graph.graph))
    safe.add_nodes_from((_NOT_XML.sub("", n) if isinstance(n, str) else n, clean(a)) for n, a in graph.nodes(data=True))
    safe.add_edges_from((_NOT_XML.sub("", u), _NOT_XML.sub("", v), k, clean(a)) for u, v, k, a in graph.edges(keys=True, data=True))
    return safe


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read an entity graph written by :func:`write_graphml`."""
    return nx.read_graphml(str(path), force_multigraph=True)


def write_node_link(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the entity graph as NetworkX node-link JSON.

    >>> import tempfile, os; g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", predicate="memberOf")
    >>> p = os.path.join(tempfile.mkdtemp(), "g.json"); write_node_link(g, p); read_node_link(p).number_of_edges()
    1
    """
    data = json_graph.node_link_data(graph, **_edges_argument(json_graph.node_link_data, _default_edges_key()))
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    """Read an entity graph written by :func:`write_node_link`, by any version (edges under "edges" or "links")."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    key = "edges" if "edges" in data else "links"
    return json_graph.node_link_graph(data, directed=True, multigraph=True,
                                      **_edges_argument(json_graph.node_link_graph, key))


def _default_edges_key() -> str:
    """Where the installed networkx's ``node_link_graph`` looks for edges by default.

    networkx 3.6 reads "edges"; earlier versions read "links" (3.4 and 3.5 with a FutureWarning).
    """
    parameter = inspect.signature(json_graph.node_link_graph).parameters.get("edges")
    return "edges" if parameter is not None and parameter.default == "edges" else "links"


def _edges_argument(function: Callable, key: str) -> dict[str, str]:
    """The keyword that names the edges key: ``edges`` since networkx 3.4, ``link`` before."""
    return {"edges" if "edges" in inspect.signature(function).parameters else "link": key}
