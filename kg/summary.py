"""The fact summary: one node per distinct fact, with the number of graphs stating it and one
of its statements, kept in the named graph ``res:graph/facts`` so that the library queries read
a fact once instead of every article's statement of it.

A fact is what the default library queries group statements by, one kind each:

==========================  ===============================  ===========================================
kind (``fs:kind``)          subject, object                  qualifiers
==========================  ===============================  ===========================================
``unikg:Membership``        member, organization             ``fs:role``, ``fs:startDate``, ``fs:endDate``
``unikg:RankingPlacement``  university, ranking              ``fs:rank``, ``fs:rankBand``, ``fs:edition``
``unikg:MemberCount``       organization, count              ``fs:role``
``unikg:Headship``          person, organization             ``fs:position``
``fs:FoundingMembership``   member, organization             (a Membership node with the founding role)
``fs:Partnership``          the two partners                 (``unikg:partnerOf`` either way; subject < object)
a direct property           subject, object                  (``unikg:memberOf``, ``founder``, ``foundingDate``,
                                                              ``partnerOf``, ``participatesIn``, ``country``)
==========================  ===============================  ===========================================

Each fact node (``fact:summary-<sha1>``, keyed by kind, ends and qualifiers) has its ends under
properties of its kind (``fs:Membership-subject``, ``fs:Membership-object``, ...: one index scan
finds an entity's facts of one kind), ``fs:articles`` (graphs stating it other than the
gazetteer's), ``fs:graphs`` (all of them), ``fs:statedIn`` each such graph, and its sample
statement: ``fs:sampleGraph`` (the least graph IRI), ``fs:sample`` (a qualified fact: the least
node IRI in that graph; a direct one: the greatest ``rdf:Statement`` of the triple there), the
sample's ``fs:evidence`` and its graph's ``fs:title``, ``fs:maxEvidence`` (a direct fact or
partnership: the greatest evidence sentence of its statements in the sample graph) and
``fs:firstPublished``/``fs:lastPublished`` (least and greatest publication date of the stating
graphs, as text) -- what the statement-level queries (``ontologies/queries/fallback/``) compute
by reading every statement; tests/test_summary.py holds them to the same rows.

The summary's vocabulary (``fs:``, :data:`FS`) is not part of the ontology: it is a derived
index, and its properties are none of the facts' own, so queries and exports that read facts
never meet it (a query over every triple of the union graph does). :meth:`kg.store.KnowledgeBase.graphs` does not list the graph either (the
exports skip it; ``kg export --format trig|nquads``, a dump of the store, has it, and ``kg load``
rebuilds it). Article graphs, the gazetteer graph and any other named graph but the entities
graph are summarised (entity descriptions hold no facts).

Kept exact by :mod:`kg.store`: writing, replacing or removing a graph computes the changes
(:func:`changes`) from the graph's old and new statements and the summary's state, and applies
them in the same SPARQL update that swaps the graph in (one transaction). A marker
(``res:graph/facts fs:version "V digest"``, :func:`marker`) says the summary is complete for
this format version and the KB's entity merge decisions (a merge rewrites facts in place); the
library queries use the statement-level texts when it is missing or outdated, and the next
write rebuilds it (:func:`rebuild`).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

__all__ = ["SUMMARY_GRAPH", "FS", "VERSION", "marker", "is_current", "rebuild", "changes", "summarised"]

SUMMARY_GRAPH = "https://w3id.org/unikg/resource/graph/facts"
FS = "https://w3id.org/unikg/summary#"
VERSION = 3
_U = "https://w3id.org/unikg/ontology#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_ENTITIES = "https://w3id.org/unikg/resource/graph/entities"
_GAZETTEER = "https://w3id.org/unikg/resource/graph/gazetteer"
_STAGING = "https://w3id.org/unikg/resource/staging/"
_NODES = "https://w3id.org/unikg/resource/fact/summary-"  # fact:summary-<sha1>: no escapes in Turtle
_DECISIONS = "decisions.json"  # kg.entities.DECISIONS_FILE: a merge rewrites facts in place

_GRAPH = ox.NamedNode(SUMMARY_GRAPH)
_N = {name: ox.NamedNode(FS + name) for name in (
    "kind", "subject", "object", "role", "startDate", "endDate", "rank", "rankBand", "edition", "position",
    "articles", "graphs", "statedIn", "sampleGraph", "sample", "evidence", "maxEvidence", "title",
    "firstPublished", "lastPublished", "version", "FoundingMembership", "Partnership")}
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

#: qualified fact kinds: class, subject property, object property, qualifier properties (local names)
QUALIFIED = (("Membership", "member", "organization", ("role", "startDate", "endDate")),
             ("RankingPlacement", "university", "ranking", ("rank", "rankBand", "edition")),
             ("MemberCount", "organization", "count", ("role",)),
             ("Headship", "person", "organization", ("position",)))
#: direct properties summarised as facts
DIRECT = tuple(_U + p for p in ("memberOf", "founder", "foundingDate", "partnerOf", "participatesIn", "country"))
_QUALIFIERS = ("role", "startDate", "endDate", "rank", "rankBand", "edition", "position")
_FOUNDING = _U + "FoundingMemberRole"
_PARTNER = _U + "partnerOf"
_EVIDENCE, _TITLE, _PUBLISHED = _U + "evidence", _U + "title", _U + "published"
_ASSERTION = (_RDF + "subject", _RDF + "predicate", _RDF + "object")
#: properties whose statements a graph's facts are made of (what :func:`_read_graph` needs)
_READ = {_U + p for kind in QUALIFIED for p in (kind[1], kind[2], *kind[3])} | set(DIRECT) | set(_ASSERTION) \
    | {_EVIDENCE, _TITLE, _PUBLISHED}


def summarised(name: str) -> bool:
    """Whether the named graph ``name`` is summarised (every graph but the entities graph, the summary and staging).

    >>> summarised("https://w3id.org/unikg/resource/article/a"), summarised(SUMMARY_GRAPH)
    (True, False)
    """
    return name not in (_ENTITIES, SUMMARY_GRAPH) and not name.startswith(_STAGING)


def marker(kb_dir: Path | None) -> ox.Literal:
    """The marker value of a complete summary: the format version and a digest of the KB's merge decisions.

    >>> marker(None).value
    '3 none'
    """
    decisions = Path(kb_dir) / _DECISIONS if kb_dir is not None else None
    try:
        stat = decisions.stat() if decisions else None
    except FileNotFoundError:
        stat = None
    return _marker(decisions, stat and (stat.st_mtime_ns, stat.st_size, stat.st_ino))


@functools.lru_cache(maxsize=8)
def _marker(decisions: Path | None, version: tuple | None) -> ox.Literal:
    """The marker for one version of a decisions file (read once per version: every write checks the marker)."""
    digest = hashlib.sha256(decisions.read_bytes()).hexdigest()[:16] if version else "none"
    return ox.Literal(f"{VERSION} {digest}")


def is_current(kb) -> bool:
    """Whether ``kb`` (a KB, or an endpoint with ``query``) holds a complete summary of its current graphs.

    An endpoint's summary is checked for its version only (its merge decisions are not visible).
    """
    store = getattr(kb, "store", None)
    if store is None:
        sparql = f'ASK {{ GRAPH {_GRAPH} {{ {_GRAPH} {_N["version"]} ?v FILTER(STRSTARTS(?v, "{VERSION} ")) }} }}'
        return bool(kb.query(sparql))
    return ox.Quad(_GRAPH, _N["version"], marker(kb.path), _GRAPH) in store


@dataclass(frozen=True)
class _Statement:
    """One graph's statement of a fact: its sample node (None: a direct fact without an
    ``rdf:Statement``), that node's evidence, and the greatest evidence sentence of its statements."""

    sample: object
    evidence: tuple
    max_evidence: str


@dataclass(frozen=True)
class GraphFacts:
    """The facts one graph states (key -> :class:`_Statement`), with its titles and publication dates."""

    facts: dict
    title: tuple
    published: tuple


def _by_subject(triples: Iterable) -> dict:
    subjects: dict = {}
    for s, p, o in triples:
        if p.value in _READ:
            subjects.setdefault(s, {}).setdefault(p.value, []).append(o)
    return subjects


def graph_facts(triples: Iterable, graph: ox.NamedNode) -> GraphFacts:
    """The facts stated by the triples (pyoxigraph terms) of the graph ``graph``, with its title and dates.

    A key is ``(kind, subject, object, role, startDate, endDate, rank, rankBand, edition, position)``,
    None for a qualifier the fact has not.
    """
    return _facts(_by_subject(triples), graph)


def _facts(subjects: dict, graph: ox.NamedNode) -> GraphFacts:
    """The facts of a graph's statements of the properties in :data:`_READ`, by subject (node -> property IRI -> objects)."""
    facts: dict = {}
    assertions: dict = {}  # direct key -> [(node, evidence, sentence)] of its rdf:Statements in this graph
    for node, props in subjects.items():
        if isinstance(node, ox.BlankNode):
            continue
        _qualified(facts, node, props)
        _direct(facts, node, props)
        if all(p in props for p in _ASSERTION):
            _assertion(assertions, node, props)
    for key in [k for k, v in facts.items() if v is None]:
        stated = assertions.get(key, ())
        sample = max(stated, key=lambda a: a[0].value, default=None)
        facts[key] = _Statement(sample[0] if sample else None, sample[1] if sample else (),
                                max((a[2] for a in stated), default=""))
    described = subjects.get(graph, {})
    title = tuple(sorted(set(described.get(_TITLE, ())), key=str))
    published = tuple(sorted({d.value for d in described.get(_PUBLISHED, ())}))
    return GraphFacts(facts, title, published)


def _key(kind: str, s, o, qualifiers: dict | None = None) -> tuple:
    return (kind, s, o, *((qualifiers or {}).get(q) for q in _QUALIFIERS))


def _qualified(facts: dict, node, props: dict) -> None:
    evidence = tuple(props.get(_EVIDENCE, ()))
    for kind, subject_p, object_p, qualifiers in QUALIFIED:
        subjects, objects = props.get(_U + subject_p), props.get(_U + object_p)
        if not subjects or not objects:
            continue
        combos: list[dict] = [{}]
        for name in qualifiers:
            combos = [{**c, name: v} for c in combos for v in props.get(_U + name) or [None]]
        for s in subjects:
            for o in objects:
                for combo in combos:
                    _note(facts, _key(_U + kind, s, o, combo), node, evidence)
                    if kind == "Membership" and combo["role"] == _FOUNDING_NODE:
                        _note(facts, _key(FS + "FoundingMembership", s, o), node, evidence)


def _note(facts: dict, key: tuple, node, evidence: tuple) -> None:
    """Keep the least node IRI stating ``key`` in this graph."""
    if any(isinstance(t, ox.BlankNode) for t in key[1:]):
        return
    held = facts.get(key)
    if held is None or node.value < held.sample.value:
        facts[key] = _Statement(node, evidence, "")


def _direct(facts: dict, node, props: dict) -> None:
    for predicate in DIRECT:
        for o in props.get(predicate, ()):
            if isinstance(o, ox.BlankNode):
                continue
            facts.setdefault(_key(predicate, node, o), None)
            if predicate == _PARTNER and node != o:
                facts.setdefault(_key(FS + "Partnership", *sorted((node, o), key=_value)), None)


def _value(term) -> str:
    return term.value


def _assertion(assertions: dict, node, props: dict) -> None:
    evidence = tuple(props.get(_EVIDENCE, ()))
    sentences = [e.value for e in evidence] or [""]
    for s in props[_ASSERTION[0]]:
        for p in props[_ASSERTION[1]]:
            for o in props[_ASSERTION[2]]:
                keys = [_key(p.value, s, o)]
                if p.value == _PARTNER and s != o:
                    keys.append(_key(FS + "Partnership", *sorted((s, o), key=_value)))
                for key in keys:
                    assertions.setdefault(key, []).append((node, evidence, max(sentences)))


_FOUNDING_NODE = ox.NamedNode(_FOUNDING)


#: the properties of :data:`_READ` as terms, in a fixed order
_READ_NODES = tuple((p, ox.NamedNode(p)) for p in sorted(_READ))


def read_graph(store: ox.Store, graph: ox.NamedNode) -> GraphFacts:
    """The facts a stored graph states.

    Read property by property (one index scan each), so that only the statements facts are made
    of are decoded into Python terms: about half of an article graph's (``unikg:mentions``,
    ``rdf:type``, ``prov:wasDerivedFrom`` ... are not), and decoding is most of a read's cost.
    """
    subjects: dict = {}
    for name, prop in _READ_NODES:
        for quad in store.quads_for_pattern(None, prop, None, graph):
            subjects.setdefault(quad.subject, {}).setdefault(name, []).append(quad.object)
    return _facts(subjects, graph)


# --- the summary's state for one fact, and its quads ------------------------------------

@dataclass(slots=True)
class _State:
    """What the summary holds for one fact, but its key and its statedIn links."""

    articles: int = 0
    graphs: int = 0
    sample_graph: object = None
    sample: object = None
    evidence: tuple = ()
    max_evidence: str = ""
    title: tuple = ()
    first: str | None = None
    last: str | None = None

    def take_sample(self, graph, statement: _Statement, title: tuple) -> None:
        self.sample_graph, self.sample = graph, statement.sample
        self.evidence, self.max_evidence, self.title = statement.evidence, statement.max_evidence, title


def _mutable_quads(node: ox.NamedNode, state: _State) -> set:
    return _quads(node, _count_props(state) + _sample_props(state))


def _key_quads(node: ox.NamedNode, key: tuple) -> set:
    return _quads(node, _key_props(key))


def _quads(node: ox.NamedNode, props: list) -> set:
    return {ox.Quad(node, _property(name), value, _GRAPH) for name, value in props}


@functools.cache
def _property(name: str) -> ox.NamedNode:
    """The summary property ``fs:<name>``."""
    return ox.NamedNode(FS + name)


# A fact node's properties, as (local name in fs:, value) pairs: the quads the changes compare,
# and the N-Quads lines a rebuild writes (:class:`_Loader`), are made from these alone.

def _count_props(state: _State) -> list:
    props = [("articles", ox.Literal(str(state.articles), datatype=_XSD_INTEGER)),
             ("graphs", ox.Literal(str(state.graphs), datatype=_XSD_INTEGER))]
    if state.first is not None:
        props += [("firstPublished", ox.Literal(state.first)), ("lastPublished", ox.Literal(state.last))]
    return props


def _sample_props(state: _State) -> list:
    props = [("sampleGraph", state.sample_graph)]
    if state.sample is not None:
        props.append(("sample", state.sample))
    props += [("evidence", e) for e in state.evidence]
    props += [("title", t) for t in state.title]
    if state.max_evidence:
        props.append(("maxEvidence", ox.Literal(state.max_evidence)))
    return props


def _key_props(key: tuple) -> list:
    subject, object_ = _ends(key[0])
    props = [("kind", ox.NamedNode(key[0])), (subject, key[1]), (object_, key[2])]
    return props + [(name, value) for name, value in zip(_QUALIFIERS, key[3:]) if value is not None]


@functools.cache
def _ends(kind: str) -> tuple[str, str]:
    """The local names of :func:`end_property` of ``kind``, subject and object."""
    return tuple(end_property(kind, side).value[len(FS):] for side in ("subject", "object"))


def end_property(kind: str, side: str) -> ox.NamedNode:
    """The property from a fact node of ``kind`` (an IRI) to its ``subject`` or ``object``, e.g.
    ``fs:Membership-object``: one per kind, so a query finds an entity's facts of one kind by one index scan.

    >>> end_property("https://w3id.org/unikg/ontology#Membership", "object").value
    'https://w3id.org/unikg/summary#Membership-object'
    """
    return ox.NamedNode(f"{FS}{kind.rsplit('#', 1)[-1]}-{side}")


_MUTABLE = ("articles", "graphs", "sampleGraph", "sample", "evidence", "maxEvidence", "title", "firstPublished",
            "lastPublished")


def _held(store: ox.Store, node: ox.NamedNode) -> tuple[set, _State | None]:
    """The mutable quads the summary holds for a fact node, and their state (None: no such node)."""
    graphs = next(store.quads_for_pattern(node, _N["graphs"], None, _GRAPH), None)
    if graphs is None:
        return set(), None  # a new fact: one index lookup, not one per property
    quads = {graphs} | {q for name in _MUTABLE if name != "graphs" for q in store.quads_for_pattern(node, _N[name], None, _GRAPH)}
    values: dict = {}
    for quad in quads:
        values.setdefault(quad.predicate.value[len(FS):], []).append(quad.object)
    one = lambda name: values[name][0] if name in values else None  # noqa: E731
    state = _State(int(one("articles").value), int(one("graphs").value), one("sampleGraph"), one("sample"),
                   tuple(values.get("evidence", ())), one("maxEvidence").value if "maxEvidence" in values else "",
                   tuple(values.get("title", ())))
    state.first = one("firstPublished").value if "firstPublished" in values else None
    state.last = one("lastPublished").value if "lastPublished" in values else None
    return quads, state


def _published(store: ox.Store, graph) -> list[str]:
    return [q.object.value for q in store.quads_for_pattern(graph, _PUBLISHED_NODE, None, graph)]


_PUBLISHED_NODE = ox.NamedNode(_PUBLISHED)


# --- changes when one graph is written or removed ---------------------------------------

def changes(store: ox.Store, graph: ox.NamedNode, old: GraphFacts | None, new: GraphFacts | None) -> tuple[set, set]:
    """The summary quads to delete and to insert when ``graph``'s statements change from ``old``
    to ``new`` (None: no graph), given the summary's current state in ``store``."""
    deletes: set = set()
    inserts: set = set()
    empty = GraphFacts({}, (), ())
    old, new = old or empty, new or empty
    others: dict = {}  # other graphs read for a new sample
    for key in old.facts.keys() | new.facts.keys():
        node = _node_iri(key)
        held, state = _held(store, node)
        before, after = key in old.facts and state is not None, key in new.facts
        if state is None and not after:
            continue
        link = ox.Quad(node, _N["statedIn"], graph, _GRAPH)
        if state is None:
            state = _State()
            inserts |= _key_quads(node, key)
        step = int(after) - int(before)
        state.graphs += step
        state.articles += step if graph.value != _GAZETTEER else 0
        if state.graphs <= 0:
            deletes |= held | _key_quads(node, key) | {link}
            continue
        if after and not before:
            inserts.add(link)
        elif before and not after:
            deletes.add(link)
        _resample(store, node, key, graph, state, new if after else None, others)
        _republish(store, node, graph, state, old.published if before else (), new.published if after else (), held)
        fresh = _mutable_quads(node, state)
        deletes |= held - fresh
        inserts |= fresh - held
    return deletes, inserts


def _resample(store, node, key, graph, state: _State, new: GraphFacts | None, others: dict) -> None:
    """Move the sample to ``graph`` when it is now the least stating graph, or off it when it no longer states the fact."""
    if new is not None and (state.sample_graph is None or graph.value <= state.sample_graph.value):
        state.take_sample(graph, new.facts[key], new.title)
    elif new is None and state.sample_graph == graph:
        links = [q.object for q in store.quads_for_pattern(node, _N["statedIn"], None, _GRAPH) if q.object != graph]
        least = min(links, key=_value)
        if least not in others:
            others[least] = read_graph(store, least)
        state.take_sample(least, others[least].facts[key], others[least].title)


def _republish(store, node, graph, state: _State, old: tuple, new: tuple, held: set) -> None:
    """Least and greatest publication date of the stating graphs, after ``graph``'s change."""
    extremes = (state.first, state.last)
    if old and (old[0] == state.first or old[-1] == state.last) and (not new or (old[0], old[-1]) != (new[0], new[-1])):
        dates = list(new)
        for quad in store.quads_for_pattern(node, _N["statedIn"], None, _GRAPH):
            if quad.object != graph:
                dates += _published(store, quad.object)
    else:
        dates = [d for d in (*extremes, *new) if d is not None]
    state.first, state.last = (min(dates), max(dates)) if dates else (None, None)


def _node_iri(key: tuple) -> ox.NamedNode:
    return ox.NamedNode(_node_value(key))


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(..., ensure_ascii=False) without an encoder per call


def _node_value(key: tuple) -> str:
    text = _JSON.encode([key[0], *(None if t is None else str(t) for t in key[1:])])
    return _NODES + hashlib.sha1(text.encode("utf-8")).hexdigest()


def update_text(deletes: set, inserts: set) -> str:
    """The SPARQL update operations that apply :func:`changes` (empty when there are none)."""
    parts = []
    for verb, quads in (("DELETE DATA", deletes - inserts), ("INSERT DATA", inserts - deletes)):
        if quads:
            body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
            parts.append(f"{verb} {{ GRAPH {_GRAPH} {{\n{body} }} }}")
    return " ;\n".join(parts)


# --- a whole summary --------------------------------------------------------------------

def rebuild(store: ox.Store, kb_dir: Path | None) -> int:
    """Make the summary of every summarised graph anew, then write its marker; returns the facts summarised.

    Not one transaction: the marker is dropped first and written last, so a rebuild that is cut
    short leaves a summary the queries do not use and the next write rebuilds. Reads one graph
    at a time and holds the counts of every fact, and at most two batches of N-Quads text
    (:class:`_Loader`): its memory grows with the facts, not with the statements.
    """
    _clear(store)
    graphs = sorted((g for g in store.named_graphs() if summarised(g.value)), key=_value)
    counts: dict[str, _State] = {}  # node IRI -> its counts and dates (the rest is written at once)
    with _Loader(store, _BATCH) as loader:
        _summarise(store, graphs, counts, loader)
        for node, state in counts.items():
            loader.add(node, _count_props(state))
        loader.flush(wait=True)
    store.add(ox.Quad(_GRAPH, _N["version"], marker(kb_dir), _GRAPH))
    return len(counts)


def _summarise(store: ox.Store, graphs: list, counts: dict, loader: _Loader) -> None:
    """Write the key, sample and statedIn quads of the graphs' facts; count them in ``counts``."""
    for graph in graphs:  # in IRI order: a fact's first graph is its sample's
        found = read_graph(store, graph)
        article = graph.value != _GAZETTEER
        for key, statement in found.facts.items():
            node = _node_value(key)
            state = counts.get(node)
            if state is None:
                state = counts[node] = _State()
                sample = _State()
                sample.take_sample(graph, statement, found.title)
                loader.add(node, _key_props(key) + _sample_props(sample))
            state.graphs += 1
            state.articles += article
            loader.add(node, [("statedIn", graph)])
            if found.published:
                state.first = min(found.published[0], state.first or found.published[0])
                state.last = max(found.published[-1], state.last or found.published[-1])


_BATCH = 200_000  # quads a bulk load of a rebuild takes (about 50 MB of text)


class _Loader:
    """Writes the quads of a rebuilt summary with pyoxigraph's bulk loader, as N-Quads text in
    batches (no :class:`pyoxigraph.Quad` per quad for ``bulk_extend``, which cost more than the
    text), each batch loaded in a second thread while the next is made: the bulk loader does not
    hold the GIL, so reading the graphs and loading their summary overlap. Use as a context manager."""

    _TAIL = f" {_GRAPH} .\n"

    def __init__(self, store: ox.Store, size: int):
        self.store, self.size = store, size
        self.lines: list[str] = []
        self.blank: list[ox.Quad] = []  # quads with a blank node, which the bulk loader would rename
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.loading: Future | None = None

    def __enter__(self) -> _Loader:
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown()

    def add(self, node: str, props: list) -> None:
        """The quads of the fact node with IRI ``node`` and (name, value) pairs ``props``."""
        for name, value in props:
            if isinstance(value, ox.BlankNode):
                self.blank.append(ox.Quad(ox.NamedNode(node), _property(name), value, _GRAPH))
            else:
                self.lines.append(f"<{node}> <{FS}{name}> {value}{self._TAIL}")
        if len(self.lines) >= self.size:
            self.flush()

    def flush(self, wait: bool = False) -> None:
        """Start loading the quads added so far, once the batch before is loaded; ``wait``: until they are."""
        self.wait()
        text, self.lines = "".join(self.lines), []
        if text:  # terms of the store or made by pyoxigraph: valid, so not checked again
            self.loading = self.pool.submit(self.store.bulk_load, text, format=ox.RdfFormat.N_QUADS, lenient=True)
        if self.blank:
            self.store.bulk_extend(self.blank)
            self.blank = []
        if wait:
            self.wait()

    def wait(self) -> None:
        """Wait for the batch being loaded (its error is raised here)."""
        if self.loading is not None:
            loading, self.loading = self.loading, None
            loading.result()


def marker_text(kb_dir: Path | None) -> str:
    """A SPARQL update operation that writes the marker of a complete summary."""
    return f"INSERT DATA {{ GRAPH {_GRAPH} {{ {_GRAPH} {_N['version']} {marker(kb_dir)} }} }}"


def _clear(store: ox.Store, chunk: int = 50_000) -> None:
    """Remove the summary graph's quads, marker first, a quad per transaction: one ``DROP GRAPH`` of a
    summary of millions of quads is one transaction held in memory (10 M-quad KB: over 11 GB)."""
    store.update(drop_marker_text())
    while quads := list(itertools.islice(store.quads_for_pattern(None, None, None, _GRAPH), chunk)):
        for quad in quads:
            store.remove(quad)
        store.flush()  # RocksDB keeps up to 6 write buffers of 128 MB per index otherwise


def drop_marker_text() -> str:
    """A SPARQL update operation that marks the summary outdated (for a write that does not keep it)."""
    return f"DELETE WHERE {{ GRAPH {_GRAPH} {{ {_GRAPH} {_N['version']} ?v }} }}"
