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

import bisect
import functools
import hashlib
import inspect
import itertools
import json
import re
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from xml.sax import saxutils

import networkx as nx
import pyoxigraph as ox
from networkx.readwrite import json_graph

from .errors import KgError
from .export_files import atomic_file, file_unchanged, read_elements, remove_stale_temp_files, section_index, \
    write_sections
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
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_PROV = "http://www.w3.org/ns/prov#"
_RDF_TYPE = _RDF + "type"

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
    with atomic_file(Path(output)) as tmp:
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

    Lazy and incremental: each named graph's content key (its ``unikg:contentHash``, else a
    digest of its statements) is kept beside the files (``exports.json``), with where each
    graph's text, each entity and each fact sits in each file. When the store and the files
    are unchanged nothing is written. Otherwise only what the changed graphs touch is made
    again: their TriG and Turtle text; the entities and facts whose statements changed (their
    old statements: the subject blocks of the old ``graph.ttl`` that differ from the new text),
    and the facts of entities that became or stopped being nodes, read from the store. Every
    other part of every file is copied from the previous file. Each file is written to a
    temporary name and renamed over the old one, so readers and crashes see the old file or
    the new one; files that do not match the recorded state (a crash between the files and
    the state, an edit) are all rewritten from scratch.

    ``graph.ttl`` is the per-graph Turtle of every graph in turn (a triple stated in several
    graphs appears once per graph; read back, it is the union). The GraphML and node-link
    files hold the default (articles) view of :func:`to_networkx` (graph-equal to it), entities
    sorted by IRI and facts by id, so an incremental refresh gives the bytes of a full rewrite.

    Args:
        kb: the knowledge base (its folder holds the files).
        force: rewrite everything, reusing nothing.
    Returns:
        The files written (empty when all were up to date).
    """
    for name in EXPORT_FILES:  # even when nothing is written: what killed exports left
        remove_stale_temp_files(kb.path / name)
    keys, read = _export_keys(kb)
    fingerprint = _fingerprint(kb, keys)
    state = {} if force else _read_state(kb.path)
    files = state.get("files", {})
    intact = state.get("version") == _STATE_VERSION and state.get("base") == _base_key(kb.path) and all(
        file_unchanged(kb.path / name, files.get(name)) for name in EXPORT_FILES)
    if intact and state.get("fingerprint") == fingerprint:
        return []
    old_keys = state.get("graphs", {}) if intact else None
    changed = None if old_keys is None else sorted(g for g in keys.keys() | old_keys.keys() if keys.get(g) != old_keys.get(g))
    files = files if intact else {}
    texts, rows = _read_graphs(kb, list(keys) if changed is None else changed, keys, read)
    # the changed graphs' old text comes from the old graph.ttl: read before it is replaced
    entity_changes = _all_entity_elements(kb, rows) if changed is None else \
        _entity_changes(kb, _changed_statements(kb.path / "graph.ttl", files["graph.ttl"], texts["turtle"]), files)
    new_files = {}
    for name in ("graph.trig", "graph.ttl"):
        new_files[name] = _write_rdf(kb.path / name, texts[EXPORT_FILES[name]], files.get(name))
    for name in ("graph.graphml", "graph.json"):
        new_files[name] = _write_entity_graph(kb.path / name, EXPORT_FILES[name], entity_changes, files.get(name))
    _write_state(kb.path, {"version": _STATE_VERSION, "fingerprint": fingerprint, "base": _base_key(kb.path),
                           "graphs": keys, "files": new_files})
    return [kb.path / name for name in EXPORT_FILES]


def mark_exports_stale(kb_dir: str | Path) -> None:
    """Make the next :func:`write_exports` rewrite every file from scratch.

    For writers that change the store other than through :class:`~kg.store.KnowledgeBase`'s
    methods or ``kg load`` (a SPARQL update): the exports see which graphs changed by their
    content keys, and an edit inside an article graph keeps its content hash. (Entity merges
    need no mark: their decisions file is part of the key.)

    >>> import tempfile; mark_exports_stale(tempfile.mkdtemp())
    """
    try:
        (Path(kb_dir) / _STATE_FILE).unlink()
    except FileNotFoundError:
        pass


_STATE_FILE = "exports.json"
_STATE_VERSION = 4  # bump when an export's content changes for the same store
_CONTENT_HASH = ox.NamedNode(_UNIKG + "contentHash")


def _graph_keys(kb: KnowledgeBase) -> dict[str, str | None]:
    """Each named graph's content key: its ``unikg:contentHash`` values (articles, gazetteer), else None."""
    hashes: dict[str, list[str]] = {}
    for row in kb.store.query(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?a {_CONTENT_HASH} ?h }} }}"):
        hashes.setdefault(row[0].value, []).append(row[1].value)
    return {name: " ".join(sorted(hashes[name])) if name in hashes else None for name in kb.graphs()}


def content_fingerprint(kb: KnowledgeBase) -> str:
    """A digest of the store's content as the exports see it: cheap, no full scan of article graphs.

    It covers every named graph with its content hash, the full content of every graph without
    one (the entities graph, the default graph) and the entity merge decisions (a merge rewrites
    article graphs but not their hashes). It does not count the store's quads (a full scan): an
    edit inside an article graph that keeps its content hash needs :func:`mark_exports_stale`.

    >>> import tempfile; from kg.store import open_kb; kb = open_kb(tempfile.mkdtemp())
    >>> content_fingerprint(kb) == content_fingerprint(kb)
    True
    """
    return _fingerprint(kb, _export_keys(kb)[0])


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


_SAME_ELEMENTS = {"graph.ttl": "graph.trig", "graph.graphml": "graph.json"}  # file -> file with the same keys


def _read_state(kb_dir: Path) -> dict:
    try:
        state = json.loads((kb_dir / _STATE_FILE).read_text(encoding="utf-8"))
        files = state["files"]
        for name, other in _SAME_ELEMENTS.items():
            for section_name, section in files.get(name, {}).get("sections", {}).items():
                if section.pop("keys_of", None) is not None:
                    section["keys"] = files[other]["sections"][section_name]["keys"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return state if isinstance(state, dict) and isinstance(state.get("files"), dict) else {}


def _write_state(kb_dir: Path, state: dict) -> None:
    """Write the export state; a section listing the same elements as its pair's names that file instead."""
    files = {name: {**record, "sections": dict(record.get("sections", {}))} for name, record in state["files"].items()}
    for name, other in _SAME_ELEMENTS.items():
        sections, others = files.get(name, {}).get("sections", {}), files.get(other, {}).get("sections", {})
        for section_name, section in sections.items():
            if section_name in others and others[section_name]["keys"] == section["keys"]:
                sections[section_name] = {**section, "keys": None, "keys_of": other}
    with atomic_file(kb_dir / _STATE_FILE) as tmp:
        tmp.write_text(json.dumps({**state, "files": files}, ensure_ascii=False), encoding="utf-8")


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


def _chunk(quads: list, fmt: str) -> bytes:
    """One graph's statements (:func:`_grouped`) as its TriG block, or as Turtle triples, without the prefix
    lines; a subject is one block."""
    if fmt == "turtle":
        text = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    else:
        text = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=TURTLE_PREFIXES)
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    body = b"".join(lines[start:])
    return body if not body or body.endswith(b"\n") else body + b"\n"


_DEFAULT = ""  # the default graph's name among the graphs of the export state


def _export_keys(kb: KnowledgeBase) -> tuple[dict[str, str], dict[str, tuple]]:
    """Every graph's content key (``""``: the default graph): its content hashes, else a digest of its
    Turtle text; and, for the graphs read for that, their statements (:func:`_grouped`) and Turtle text."""
    keys, read = {}, {}
    for name, key in [*_graph_keys(kb).items(), (_DEFAULT, None)]:
        if key is not None:
            keys[name] = f"hash {key}"
            continue
        quads = _grouped(kb.store.quads_for_pattern(None, None, None, _graph_node(name)))
        read[name] = quads, _chunk(quads, "turtle") if quads else None
        keys[name] = f"sha256 {hashlib.sha256(read[name][1] or b'').hexdigest()}"
    return keys, read


def _fingerprint(kb: KnowledgeBase, keys: dict[str, str]) -> str:
    digest = hashlib.sha256(_base_key(kb.path).encode())
    for name in sorted(keys):
        digest.update(f"\n{name} {keys[name]}".encode())
    return digest.hexdigest()


def _graph_node(name: str):
    return ox.DefaultGraph() if name == _DEFAULT else ox.NamedNode(name)


def _read_graphs(kb: KnowledgeBase, names: list[str], keys: dict[str, str], read: dict) -> tuple[dict, list]:
    """Graphs ``names`` read once (``read``: already read by :func:`_export_keys`): their TriG and Turtle
    text by format and name (None: empty or gone), and the fact rows of the fact nodes in them."""
    texts: dict[str, dict] = {"trig": {}, "turtle": {}}
    rows, roles = [], role_labels()
    for name in names:
        if name in read:
            quads, texts["turtle"][name] = read[name]
        else:
            quads = _grouped(kb.store.quads_for_pattern(None, None, None, _graph_node(name))) if name in keys else []
            texts["turtle"][name] = _chunk(quads, "turtle") if quads else None
        texts["trig"][name] = _chunk(quads, "trig") if quads else None
        for _, statements in itertools.groupby(quads, key=lambda quad: quad.subject):
            rows.extend(_fact_rows(((q.predicate, q.object) for q in statements), roles))
    return texts, rows


def _write_rdf(path: Path, texts: dict[str, bytes | None], previous: dict | None) -> dict:
    """Write ``graph.trig`` or ``graph.ttl``: the default graph, then each named graph's text in IRI order."""
    texts = dict(texts)
    changes = {"default": {"default": texts.pop(_DEFAULT)} if _DEFAULT in texts else {}, "graphs": texts}
    return write_sections(path, [_prefix_header(), ("default", b""), ("graphs", b"")], previous, changes)


_BLOCK_START = re.compile(rb"\n(?=[^\s])")  # a subject's block starts on an unindented line


def _changed_statements(path: Path, previous: dict, texts: dict[str, bytes | None]) -> tuple[set, set]:
    """The statements of the changed graphs' subject blocks that differ between the previous
    ``graph.ttl`` (``previous`` records where each graph's text is) and ``texts`` (their new
    Turtle text by graph name): (old statements, new statements), as quads."""
    old_texts = {**read_elements(path, previous, "default", ["default"] if _DEFAULT in texts else []),
                 **read_elements(path, previous, "graphs", [name for name in texts if name != _DEFAULT])}
    old, new = set(), set()
    for name, text in texts.items():
        before = old_texts.get("default" if name == _DEFAULT else name) or b""
        old_blocks, new_blocks = set(_BLOCK_START.split(before)), set(_BLOCK_START.split(text or b""))
        try:
            old |= _parse_blocks(name, old_blocks - new_blocks)
            new |= _parse_blocks(name, new_blocks - old_blocks)
        except SyntaxError:  # a block split inside a literal: compare the whole texts instead
            old |= _parse_blocks(name, {before})
            new |= _parse_blocks(name, {text or b""})
    return old, new


def _parse_blocks(name: str, blocks) -> set:
    """Turtle blocks of graph ``name`` (without prefixes) as quads of that graph."""
    text = b"\n".join(block for block in blocks if block.strip())
    if not text:
        return set()
    graph = _graph_node(name)
    return {ox.Quad(t.subject, t.predicate, t.object, graph)
            for t in ox.parse(_prefix_header() + text + b"\n", ox.RdfFormat.TURTLE)}


# -- the entity graph, entity by entity and fact by fact -------------------------------------------

_NODE_VALUES = {"label": (_RDFS + "label", min), "countryCode": (_UNIKG + "countryCode", min),
                "foundingDate": (_UNIKG + "foundingDate", min), "memberCount": (_UNIKG + "memberCount", max),
                "acronym": (_UNIKG + "acronym", min)}  # as _NODE_QUERIES
_FACT_KINDS = {  # fact node class -> subject property, object property, predicate (None: rdf:predicate), qualifiers
    "Membership": (_UNIKG + "member", _UNIKG + "organization", "memberOf", ("role", "startDate", "endDate")),
    "RankingPlacement": (_UNIKG + "university", _UNIKG + "ranking", "rankedIn", ("rank", "rankBand", "edition")),
    "Headship": (_UNIKG + "person", _UNIKG + "organization", "headOf", ("position",)),
    "Assertion": (_RDF + "subject", _RDF + "object", None, ()),
}  # as _EDGE_QUERIES (articles view)
_N = {iri: ox.NamedNode(iri) for iri in (_RDF_TYPE, _RDF + "predicate", _UNIKG + "mentions", _UNIKG + "country",
                                         _UNIKG + "evidence", _PROV + "wasDerivedFrom", _UNIKG + "Article",
                                         *(_UNIKG + t for t in (*_ENTITY_TYPES, *_FACT_KINDS)),
                                         *(p for p, _ in _NODE_VALUES.values()),
                                         *(p for kind in _FACT_KINDS.values() for p in kind[:2]))}


def _entity_node(store: ox.Store, entity: ox.NamedNode) -> dict | None:
    """One node of the articles view of :func:`to_networkx` (its attributes), or None when ``entity`` is none."""
    types = {quad.object for quad in store.quads_for_pattern(entity, _N[_RDF_TYPE], None, None)}
    kind = next((t for t in _ENTITY_TYPES[:-1] if _N[_UNIKG + t] in types), None)
    if kind is None or next(store.quads_for_pattern(None, _N[_UNIKG + "mentions"], entity, None), None) is None:
        return None
    attrs = {"iri": entity.value, "type": kind}
    for name, (predicate, choose) in _NODE_VALUES.items():
        values = {quad.object for quad in store.quads_for_pattern(entity, _N[predicate], None, None)}
        if values:
            attrs[name] = choose(_value(v) for v in values)
    countries = {q.object for q in store.quads_for_pattern(entity, _N[_UNIKG + "country"], None, None)}
    codes = {q.object for c in countries if not isinstance(c, ox.Literal)
             for q in store.quads_for_pattern(c, _N[_UNIKG + "countryCode"], None, None)}
    country = attrs.pop("countryCode", None) or (min(_value(v) for v in codes) if codes else None)
    if country is not None:
        attrs["country"] = country
    return attrs


def _fact_rows(statements, roles: dict[str, str]) -> Iterator[tuple]:
    """The fact rows (as :func:`_collect_facts` takes them) of one fact node, from its statements in one graph."""
    values: dict[str, list] = {}
    for predicate, obj in statements:
        values.setdefault(predicate.value, []).append(obj)
    types = {t.value for t in values.get(_RDF_TYPE, ())}
    evidence, sources = values.get(_UNIKG + "evidence") or [None], values.get(_PROV + "wasDerivedFrom") or [None]
    for kind, (subject_property, object_property, predicate, qualifiers) in _FACT_KINDS.items():
        if _UNIKG + kind not in types:
            continue
        objects = values.get(object_property, [])
        predicates = [None] if predicate else values.get(_RDF + "predicate", [])
        optional = [values.get(_UNIKG + q) or [None] for q in qualifiers]
        for s, p, o, *found, said, source in itertools.product(values.get(subject_property, []), predicates, objects,
                                                               *optional, evidence, sources):
            if predicate is None and not isinstance(o, ox.NamedNode):
                continue
            row = {q: _value(v) for q, v in zip(qualifiers, found) if v is not None}
            if "role" in row:
                row["role"] = roles.get(row["role"], row["role"].rsplit("#", 1)[-1])
            name = predicate or _value(p).rsplit("#", 1)[-1]
            yield (_value(s), name, _value(o), tuple(sorted(row.items())), _value(said),
                   _value(source) or _GAZETTEER_DATASET)


def _store_rows(store: ox.Store, fact_nodes) -> list[tuple]:
    """The fact rows of fact nodes ``(node, graph)`` as the store holds them."""
    roles = role_labels()
    return [row for node, graph in fact_nodes
            for row in _fact_rows(((q.predicate, q.object) for q in store.quads_for_pattern(node, None, None, graph)),
                                  roles)]


def _fact_nodes_between(store: ox.Store, subject: str, obj: str) -> set:
    """Fact nodes ``(node, graph)`` that may state a fact from ``subject`` to ``obj``.

    Both ends' fact nodes are read in step until one end has no more, and that end's are
    checked against the other: a fact about a university that a tenth of the articles name
    costs what its other end costs.
    """
    found = set()
    for subject_property, object_property, _, _ in _FACT_KINDS.values():
        ends = [(_N[subject_property], _iri(subject)), (_N[object_property], _iri(obj))]
        scans = [store.quads_for_pattern(None, prop, end, None) for prop, end in ends]
        seen: list[list] = [[], []]
        for side in itertools.cycle((0, 1)):
            quad = next(scans[side], None)
            if quad is None:
                break
            seen[side].append(quad)
        prop, end = ends[1 - side]
        found |= {(q.subject, q.graph_name) for q in seen[side]
                  if next(store.quads_for_pattern(q.subject, prop, end, q.graph_name), None) is not None}
    return found


def _fact_nodes_about(store: ox.Store, entity: str) -> set:
    """Fact nodes ``(node, graph)`` with ``entity`` at either end."""
    return {(q.subject, q.graph_name) for kind in _FACT_KINDS.values() for prop in kind[:2]
            for q in store.quads_for_pattern(None, _N[prop], _iri(entity), None)}


@functools.lru_cache(maxsize=4096)
def _iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def _all_entity_elements(kb: KnowledgeBase, rows: list[tuple]) -> dict:
    """Every node and edge of the articles view: nodes from the store, edges from the fact rows of every graph."""
    store = kb.store
    candidates = {q.subject for t in _ENTITY_TYPES[:-1] for q in store.quads_for_pattern(None, _N[_RDF_TYPE], _N[_UNIKG + t], None)
                  if isinstance(q.subject, ox.NamedNode)}
    nodes = {e.value: attrs for e in candidates if (attrs := _entity_node(store, e)) is not None}
    articles = {q.subject.value for q in store.quads_for_pattern(None, _N[_RDF_TYPE], _N[_UNIKG + "Article"], None)}
    facts = _collect_facts(rows, nodes.__contains__, articles.__contains__)
    return {"nodes": nodes, "edges": {key: (s, o, attrs) for (s, _, o, _), (key, attrs) in facts.items()}, "full": True}


def _entity_changes(kb: KnowledgeBase, statements: tuple[set, set], files: dict) -> dict:
    """The nodes and edges of the articles view that changed statements (old, new: those of the
    subjects whose statements changed) touch, by IRI and fact id (None: gone)."""
    store = kb.store
    old, new = statements
    diff = old ^ new
    touched = {t for q in diff for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}
    for code in {q.subject for q in diff if q.predicate == _N[_UNIKG + "countryCode"]}:
        touched |= {q.subject for q in store.quads_for_pattern(None, _N[_UNIKG + "country"], code, None)}
    nodes = {e.value: _entity_node(store, e) for e in touched}
    old_nodes = section_index(files["graph.json"]["sections"].get("nodes"))[0]

    def was_node(iri: str) -> bool:
        found = bisect.bisect_left(old_nodes, iri)
        return found < len(old_nodes) and old_nodes[found] == iri

    def is_node(iri: str) -> bool:
        return nodes[iri] is not None if iri in nodes else was_node(iri)

    return {"nodes": nodes, "edges": _edge_changes(store, old, new, diff, nodes, was_node, is_node), "full": False}


def _edge_changes(store, old: set, new: set, diff: set, nodes: dict, was_node, is_node) -> dict:
    """The edges whose facts, ends or sources changed: by fact id, ``(subject, object, attributes)`` or None."""
    roles = role_labels()
    subjects = {q.subject for q in diff}
    rows = [row for quads in (old, new) for row in _rows_by_node(quads, subjects, roles)]
    cascade = set()
    for entity, attrs in nodes.items():
        if (attrs is not None) != was_node(entity):  # an entity that became a node, or stopped being one
            cascade |= _fact_nodes_about(store, entity)
    for article in {q.subject for q in diff if q.predicate == _N[_RDF_TYPE] and q.object == _N[_UNIKG + "Article"]}:
        cascade |= {(q.subject, q.graph_name) for q in store.quads_for_pattern(None, _N[_PROV + "wasDerivedFrom"], article, None)}
    rows += _store_rows(store, cascade)
    triples = {(s, p, o) for s, p, o, *_ in rows}
    fact_nodes = set().union(*(_fact_nodes_between(store, s, o) for s, o in {(s, o) for s, _, o in triples}))
    current = [row for row in _store_rows(store, fact_nodes) if row[:3] in triples]
    is_article = functools.lru_cache(maxsize=None)(lambda iri: _is_article(store, iri))
    facts = _collect_facts(current, is_node, is_article)
    edges = {key: (s, o, attrs) for (s, _, o, _), (key, attrs) in facts.items()}
    for s, p, o, qualifiers, *_ in rows + current:
        edges.setdefault(fact_id(s, p, o, dict(qualifiers)), None)
    return edges


def _rows_by_node(quads: set, subjects: set, roles: dict) -> Iterator[tuple]:
    """Fact rows of the fact nodes among ``subjects``, from ``quads`` (of some graphs)."""
    statements: dict[tuple, list] = {}
    for q in quads:
        if q.subject in subjects:
            statements.setdefault((q.subject, q.graph_name), []).append((q.predicate, q.object))
    for found in statements.values():
        yield from _fact_rows(found, roles)


def _is_article(store: ox.Store, iri: str) -> bool:
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return next(store.quads_for_pattern(node, _N[_RDF_TYPE], _N[_UNIKG + "Article"], None), None) is not None


# -- GraphML and node-link text of the entity graph, element by element ----------------------------

_GRAPH_ATTRS = {"name": "unikg", "view": "articles"}
_GRAPHML_HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                 "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_GRAPHML_KEY = re.compile(rb'<data key="([^"]+)"')


def _xml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return saxutils.escape(_NOT_XML.sub("", str(value)), {'"': "&quot;"})


def _graphml_data(scope: str, attrs: dict, indent: str) -> str:
    return "".join(f'\n{indent}<data key="{scope}.{name}.{_GRAPHML_TYPES[type(value)]}">{_xml(value)}</data>'
                   for name, value in sorted(attrs.items()))


def _graphml_node(iri: str, attrs: dict) -> bytes:
    return f'    <node id="{_xml(iri)}">{_graphml_data("n", attrs, "      ")}\n    </node>'.encode()


def _graphml_edge(key: str, subject: str, obj: str, attrs: dict) -> bytes:
    return (f'    <edge id="{_xml(key)}" source="{_xml(subject)}" target="{_xml(obj)}">'
            f'{_graphml_data("e", attrs, "      ")}\n    </edge>').encode()


def _graphml_head(used: dict[str, int]) -> bytes:
    """The GraphML declaration, one ``<key>`` for each attribute (and type) some element uses, the graph's data."""
    scopes = {"n": "node", "e": "edge", "g": "graph"}
    graph_keys = {f"g.{name}.string": 1 for name in _GRAPH_ATTRS}
    lines = [f'  <key id="{key}" for="{scopes[key[0]]}" attr.name="{key.split(".")[1]}" attr.type="{key.split(".")[2]}" />'
             for key, count in sorted({**used, **graph_keys}.items()) if count > 0]
    return (_GRAPHML_HEAD + "\n".join(lines) + '\n  <graph edgedefault="directed">'
            + _graphml_data("g", _GRAPH_ATTRS, "    ") + "\n").encode()


def _json_object(data: dict) -> bytes:
    """``data`` as ``json.dumps(..., indent=1, sort_keys=True)`` writes it two levels deep."""
    lines = (f"   {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(data.items()))
    return ("  {\n" + ",\n".join(lines) + "\n  }").encode()


def _node_link_parts() -> list:
    graph = json.dumps(_GRAPH_ATTRS, ensure_ascii=False, indent=1, sort_keys=True).replace("\n", "\n ")
    return [f'{{\n "directed": true,\n "{_default_edges_key()}": [\n'.encode(), ("edges", b",\n"),
            f'\n ],\n "graph": {graph},\n "multigraph": true,\n "nodes": [\n'.encode(), ("nodes", b",\n"), b"\n ]\n}"]


def _write_entity_graph(path: Path, fmt: str, changes: dict, previous: dict | None) -> dict:
    """Write ``graph.graphml`` or ``graph.json`` from the previous file and the changed nodes and edges."""
    previous = None if changes["full"] else previous
    if fmt == "json":
        texts = {"nodes": {iri: _json_object({"id": iri, **attrs}) if attrs is not None else None
                           for iri, attrs in changes["nodes"].items()},
                 "edges": {key: _json_object({"source": edge[0], "target": edge[1], "key": key, **edge[2]})
                           if edge is not None else None for key, edge in changes["edges"].items()}}
        return write_sections(path, _node_link_parts(), previous, texts)
    texts = {"nodes": {iri: _graphml_node(iri, attrs) if attrs is not None else None
                       for iri, attrs in changes["nodes"].items()},
             "edges": {key: _graphml_edge(key, *edge) if edge is not None else None
                       for key, edge in changes["edges"].items()}}
    used = dict(previous["used"]) if previous else {}
    for section, elements in texts.items():
        old = read_elements(path, previous, section, elements) if previous else {}
        for text, step in [*((t, -1) for t in old.values()), *((t, 1) for t in elements.values() if t is not None)]:
            for key in _GRAPHML_KEY.findall(text):
                used[key.decode()] = used.get(key.decode(), 0) + step
    used = {key: count for key, count in used.items() if count > 0 and not key.startswith("g.")}
    parts = [_graphml_head(used), ("nodes", b"\n"), b"\n", ("edges", b"\n"), b"\n  </graph>\n</graphml>\n"]
    return {**write_sections(path, parts, previous, texts), "used": used}


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
    rows = []
    for name, sparql in _EDGE_QUERIES.items():
        if name == "gazetteer" and not full:
            continue
        for row in _select(kb, sparql):
            predicate = name if name not in ("*", "gazetteer") else row.pop("p").rsplit("#", 1)[-1]
            subject, obj = row.pop("s"), row.pop("o")
            source = row.pop("src", None) or _GAZETTEER_DATASET
            evidence = row.pop("evidence", None)
            if "role" in row:
                row["role"] = roles.get(row["role"], row["role"].rsplit("#", 1)[-1])
            rows.append((subject, predicate, obj, tuple(sorted(row.items())), evidence, source))
    facts = _collect_facts(rows, graph.__contains__, (lambda source: True) if full else articles.__contains__)
    for (subject, _, obj, _), (key, attrs) in sorted(facts.items(), key=lambda item: str(item[0])):
        graph.add_edge(subject, obj, key=key, **attrs)


def _collect_facts(rows, is_node: Callable[[str], bool], is_article: Callable[[str], bool]) -> dict[tuple, tuple]:
    """Fact rows ``(subject, predicate, object, qualifiers, evidence, source)`` -> ``(fact id, edge attributes)``
    by ``(subject, predicate, object, qualifiers)``.

    A row counts when both ends are nodes and its source is an article (``is_article``); rows of
    one fact (same subject, predicate, object and qualifiers) become one edge whose ``sources``
    are all their sources and whose ``evidence`` is that of the first source (by IRI) giving one.
    """
    facts: dict[tuple, list] = {}
    for subject, predicate, obj, qualifiers, evidence, source in rows:
        if not (is_node(subject) and is_node(obj) and is_article(source)):
            continue
        fact = facts.setdefault((subject, predicate, obj, qualifiers), [set(), []])
        fact[0].add(source)
        if evidence is not None:
            fact[1].append((source, evidence))
    edges = {}
    for (subject, predicate, obj, qualifiers), (sources, evidence) in facts.items():
        attrs = {"predicate": predicate, **dict(qualifiers), "sources": " ".join(sorted(sources))}
        if evidence:
            attrs["evidence"] = min(evidence)[1]
        if predicate == "partnerOf":
            attrs["symmetric"] = True
        edges[subject, predicate, obj, qualifiers] = (fact_id(subject, predicate, obj, dict(qualifiers)), attrs)
    return edges


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
    """Read an entity graph written by :func:`write_graphml` (or ``kg ingest``'s ``graph.graphml``).

    The empty ``node_default`` and ``edge_default`` that networkx adds to the graph's attributes are left out.
    """
    graph = nx.read_graphml(str(path), force_multigraph=True)
    for name in ("node_default", "edge_default"):
        if graph.graph.get(name) == {}:
            del graph.graph[name]
    return graph


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
