"""Stage 5, the persistent knowledge base: a pyoxigraph (RocksDB) store in the KB folder.

An article's named graph is replaced in one SPARQL update, which pyoxigraph applies as
one transaction: a reader (or a crash) sees the old graph or the new one, never half.
An article whose content hash is unchanged is skipped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, URIRef

from . import summary
from .errors import QueryError, StoreError
from .namespaces import ENTITIES_GRAPH, KG, PREFIXES, article_graph, slugify
from .sparql_safety import check_query_shape, format_syntax_error

__all__ = ["KnowledgeBase", "open_kb", "article_id_of_path", "to_nquads", "KB_MARKER"]

KB_MARKER = "kb.json"
KB_FORMAT = "unikg-kb"
KB_VERSION = 1


def _marker(path: Path) -> dict | None:
    """The KB marker in ``path``, or None when ``path`` holds no unikg KB marker."""
    marker = path / KB_MARKER
    if not marker.is_file():
        return None
    try:
        data = json.loads(marker.read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == KB_FORMAT else None


def open_kb(path: str | Path, create: bool = True, read_only: bool = False) -> KnowledgeBase:
    """Open the KB in ``path``; a missing or empty folder becomes a new KB when ``create``.

    Raises:
        StoreError: ``path`` is a file, a non-empty folder that is not a KB, a KB of another
            format version, locked, or cannot be created (the message says which).

    >>> import tempfile; kb = open_kb(tempfile.mkdtemp()); kb.article_count()
    0
    """
    path = Path(path)
    try:
        _prepare(path, create)
    except OSError as exc:  # a file on the way (/etc/passwd/kb), /proc, /sys, no permission
        raise StoreError(f"{path}: cannot create or open a KB here ({exc.strerror}); "
                         "choose a folder you can write to for --kb") from exc
    return KnowledgeBase(path, read_only=read_only)


def _prepare(path: Path, create: bool) -> None:
    """Check that ``path`` holds a KB of this format version, or make it one."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: --kb must be a folder, but this is a file; choose another path")
    marker = _marker(path)
    if marker is not None:
        version = marker.get("version")
        if type(version) is not int or version != KB_VERSION:
            raise StoreError(f"{path / KB_MARKER}: this KB has format version {version!r}, but this unikg reads version "
                             f"{KB_VERSION}; open it with the unikg that wrote it, or choose another folder for --kb")
        return
    if path.exists() and any(path.iterdir()):
        raise StoreError(
            f"{path}: folder is not empty and is not a unikg KB (no {KB_MARKER}); "
            "use an empty or new folder for --kb"
        )
    if not create:
        raise StoreError(f"{path}: no KB here; run `kg ingest --kb {path} ...` first")
    path.mkdir(parents=True, exist_ok=True)
    marker = {"format": KB_FORMAT, "version": KB_VERSION}
    (path / KB_MARKER).write_text(json.dumps(marker, indent=2) + "\n")


_STAGING = "https://w3id.org/unikg/resource/staging/"
_ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_RDFS_LABEL = ox.NamedNode(str(RDFS.label))
_SUMMARY = ox.NamedNode(summary.SUMMARY_GRAPH)


def _operations(*operations: str | None) -> str:
    """One SPARQL update request (one transaction) of the non-empty operations."""
    return " ;\n".join(op for op in operations if op)


def _cached(cache: dict, term):
    converted = cache.get(term)
    if converted is None:
        converted = cache[term] = _to_ox(term)
    return converted


def _to_ox(term):
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):  # parsed N-Quads: already pyoxigraph terms
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.__class__.__name__ == "BNode":
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def to_nquads(graphs: dict[str, Iterable[tuple]]) -> bytes:
    """N-Quads of triples (rdflib or pyoxigraph terms) by graph name: how one article's graphs travel
    from a Dask worker to the single writer (:meth:`KnowledgeBase.write_article`).

    >>> from rdflib import URIRef, Literal
    >>> to_nquads({"http://x/g": [(URIRef("http://x/s"), URIRef("http://x/p"), Literal("o"))]})
    b'<http://x/s> <http://x/p> "o" <http://x/g> .\\n'
    """
    terms: dict = {}
    quads = [ox.Quad(_cached(terms, s), _cached(terms, p), _cached(terms, o), ox.NamedNode(name))
             for name, triples in graphs.items() for s, p, o in triples]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def article_id_of_path(path: str | Path) -> str:
    """The id of the article read from the file ``path``: its slug and 8 hex digits of its absolute path.

    An HTML article's stored source is its page URL, so removal by path finds the article by this id.
    (The same rule as ``kg.read``'s document ids; tests/test_store.py checks that they agree.)

    >>> article_id_of_path("/corpus/uq-qs-2024.html")
    'uq-qs-2024-df2c13d1'
    """
    resolved = Path(path).resolve()
    return f"{slugify(resolved.stem)[:60]}-{hashlib.sha1(str(resolved).encode()).hexdigest()[:8]}"


class KnowledgeBase:
    """A KB folder: the store plus the export files next to it."""

    def __init__(self, path: Path, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        store_dir = path / "store"
        try:
            if read_only and not store_dir.exists():
                raise StoreError(f"{path}: the KB has no store yet; run `kg ingest --kb {path} ...` first")
            self.store = ox.Store.read_only(str(store_dir)) if read_only else ox.Store(str(store_dir))
        except OSError as exc:
            raise StoreError(
                f"{store_dir}: cannot open the store ({exc}); is another `kg` process using this KB?"
            ) from exc

    def close(self) -> None:
        """Flush (when writable) and release the store."""
        if not self.read_only:
            self.store.flush()
        del self.store

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def stored_hash(self, article: URIRef, graph: URIRef | None = None) -> str | None:
        """The content hash stored for an article (in its own graph, or ``graph``); None if absent."""
        graph = ox.NamedNode(str(graph or article))
        for quad in self.store.quads_for_pattern(ox.NamedNode(str(article)), ox.NamedNode(str(KG.contentHash)), None, graph):
            return quad.object.value
        return None

    def replace_graph(self, graph: Graph) -> None:
        """Replace the named graph ``graph.identifier`` by ``graph``, atomically."""
        self.replace_triples(str(graph.identifier), graph)

    def replace_triples(self, name: str, triples, atomic: bool = True) -> None:
        """Replace the named graph ``name`` by ``triples`` (rdflib terms), atomically.

        One SPARQL update drops the old graph, inserts the triples and brings the fact summary
        (:mod:`kg.summary`) up to date (one transaction): readers and crashes see the old graph
        and summary or the new ones, never a mix. Triples with blank nodes (whose labels
        ``INSERT DATA`` would not keep) are loaded into a staging graph first, which that update
        moves over the old graph. A staging graph left by a crash is dropped at the next write.
        With ``atomic=False`` the old graph is dropped and the new one added (two transactions;
        for large derived graphs such as the gazetteer's, rebuilt when found incomplete); the
        summary is marked outdated until the second one is done.
        """
        target = ox.NamedNode(name)
        terms: dict = {}
        triples = [(_cached(terms, s), _cached(terms, p), _cached(terms, o)) for s, p, o in triples]
        fresh = not self.store.contains_named_graph(target)
        changes = self._summary_changes(target, triples, fresh)
        if atomic and changes is not None and not any(isinstance(t, ox.BlankNode) for triple in triples for t in triple):
            self._swap_as_data(target, triples, fresh, changes)  # one update, no staging copy
            return
        direct = (fresh and changes is None) or not atomic  # a new graph nothing summarises: one transaction
        graph = target if direct else ox.NamedNode(f"{_STAGING}{hashlib.sha1(name.encode()).hexdigest()}")
        quads = [ox.Quad(s, p, o, graph) for s, p, o in triples]
        try:
            if not atomic:
                self.store.update(_operations(f"DROP SILENT GRAPH {graph}", summary.drop_marker_text() if changes is not None else None))
            elif not fresh or not direct:
                self.store.update(f"DROP SILENT GRAPH {graph}")  # the old graph, or a crash's staging graph
            self.store.extend(quads)
            if not direct:
                self.store.update(_operations(f"MOVE SILENT {graph} TO {target}", changes))
            elif not atomic and changes is not None:
                self.store.update(_operations(changes, summary.marker_text(self.path)))
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.path}: could not write graph {name} ({exc}); the KB keeps the old graph") from exc

    def _swap_as_data(self, target: ox.NamedNode, triples: list, fresh: bool, changes: str) -> None:
        """Replace a graph (without blank nodes, whose labels ``INSERT DATA`` would not keep) and update the
        summary in one SPARQL update: one transaction, and no staging graph to copy."""
        data = ox.serialize([ox.Triple(*triple) for triple in triples], format=ox.RdfFormat.N_TRIPLES).decode()
        try:
            self.store.update(_operations(None if fresh else f"DROP SILENT GRAPH {target}",
                                          f"INSERT DATA {{ GRAPH {target} {{\n{data}}} }}" if triples else None, changes))
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.path}: could not write graph {target.value} ({exc}); the KB keeps the old graph") from exc

    def _summary_changes(self, graph: ox.NamedNode, triples: list | None, fresh: bool = False) -> str | None:
        """The update that keeps the fact summary exact when ``graph`` becomes ``triples`` (None: is
        removed); None for a graph the summary leaves out. An outdated summary is rebuilt first."""
        if not summary.summarised(graph.value):
            return None
        self.ensure_summary()
        old = None if fresh else summary.read_graph(self.store, graph)
        new = None if triples is None else summary.graph_facts(triples, graph)
        return summary.update_text(*summary.changes(self.store, graph, old, new))

    def ensure_summary(self) -> bool:
        """Rebuild the fact summary (:mod:`kg.summary`) when it is missing or outdated; returns whether it was."""
        if summary.is_current(self):
            return False
        try:
            summary.rebuild(self.store, self.path)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.path}: could not rebuild the fact summary ({exc})") from exc
        return True

    def remove_graph(self, name: str) -> bool:
        """Drop a named graph; returns whether it existed."""
        node = ox.NamedNode(name)
        if not self.store.contains_named_graph(node):
            return False
        self.store.update(_operations(f"DROP GRAPH {node}", self._summary_changes(node, None)))
        return True

    def article_iris(self, article: str) -> list[str]:
        """IRIs of the articles given by IRI, id, source URL or source file path; empty if none is in the KB.

        A URL or path may name several articles (one page saved twice); an IRI or id names one.
        """
        if article.startswith(("http://", "https://")) and self._has_graph(article):
            return [article]
        if "/" not in article and self._has_graph(str(article_graph(article))):
            return [str(article_graph(article))]
        source = ox.NamedNode(str(KG.source))
        sources = {article, str(Path(article).resolve())} if article.strip() else set()
        found = [quad.subject.value for value in sorted(sources)
                 for quad in self.store.quads_for_pattern(None, source, ox.Literal(value), None)]
        by_path = str(article_graph(article_id_of_path(article))) if article.strip() else None
        if by_path and self._has_graph(by_path):  # a page read from this file: its source is its URL
            found.append(by_path)
        return [iri for iri in dict.fromkeys(found) if self._has_graph(iri)]

    def _has_graph(self, iri: str) -> bool:
        try:
            return self.store.contains_named_graph(ox.NamedNode(iri))
        except ValueError:  # not an IRI at all
            return False

    def article_iri(self, article: str) -> str | None:
        """The IRI of an article given by IRI, id, source URL or source path; None if not in the KB."""
        return next(iter(self.article_iris(article)), None)

    def remove_article(self, article: str) -> bool:
        """Remove an article (by IRI, id, source URL or source path): its named graph (its facts),
        and the description of every entity that no other article mentions. Returns whether one was found."""
        removed = [iri for iri in self.article_iris(article) if self.remove_graph(iri)]
        if not removed:
            return False
        self.store.update(f"""DELETE {{ GRAPH {_ENTITIES} {{ ?e ?p ?o }} }}
            WHERE {{ GRAPH {_ENTITIES} {{ ?e ?p ?o }}
                    FILTER NOT EXISTS {{ GRAPH ?g {{ ?article <{KG.mentions}> ?e }} }} }}""")
        return True

    def upsert_entities(self, graph) -> None:
        """Add entity descriptions (a graph or triples) to the shared entities graph: a type and
        a label only for entities that have none yet (in any graph), every other name always."""
        terms: dict = {}
        triples = [(_cached(terms, s), _cached(terms, p), _cached(terms, o)) for s, p, o in graph]
        if not triples:
            return
        typed, labelled = set(), set()
        for subject in {s for s, _, _ in triples}:
            if next(self.store.quads_for_pattern(subject, _RDF_TYPE, None, None), None) is not None:
                typed.add(subject)
            if next(self.store.quads_for_pattern(subject, _RDFS_LABEL, None, None), None) is not None:
                labelled.add(subject)
        quads = [ox.Quad(s, p, o, _ENTITIES) for s, p, o in triples
                 if not (p == _RDF_TYPE and s in typed) and not (p == _RDFS_LABEL and s in labelled)]
        try:
            self.store.extend(quads)
        except OSError as exc:
            raise StoreError(f"{self.path}: could not write entity descriptions ({exc})") from exc

    def write_article(self, graphs: bytes | dict[str, Iterable[tuple]]) -> str:
        """Store one article: its named graph and the descriptions of its entities, as triples by
        graph IRI or as N-Quads (:func:`to_nquads`, what a Dask worker sends). The descriptions go to
        the shared entities graph (:meth:`upsert_entities`) first, so a crash never leaves facts about
        undescribed entities; then its named graph replaces the old one (:meth:`replace_triples`).

        Returns:
            The article graph's IRI.
        Raises:
            StoreError: the data is not one article's graphs, or cannot be written.
        """
        if isinstance(graphs, bytes):
            graphs = self._parse_article(graphs)
        article = [name for name in graphs if name != _ENTITIES.value]
        if len(article) != 1:
            raise StoreError(f"{self.path}: an article's N-Quads must hold one named article graph besides the "
                             f"entity descriptions, not {len(article)} graphs")
        self.upsert_entities(graphs.get(_ENTITIES.value, ()))
        self.replace_triples(article[0], graphs[article[0]])
        return article[0]

    def _parse_article(self, nquads: bytes) -> dict[str, list]:
        try:
            quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
        except SyntaxError as exc:
            raise StoreError(f"{self.path}: an article's N-Quads do not parse ({exc})") from exc
        graphs: dict[str, list] = {}
        for quad in quads:
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise StoreError(f"{self.path}: an article's N-Quads must hold named graphs only")
            graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
        return graphs

    def graphs(self) -> list[str]:
        """IRIs of all named graphs (not staging graphs a crash may have left, nor the fact summary)."""
        return sorted(g.value for g in self.store.named_graphs()
                      if not g.value.startswith(_STAGING) and g.value != summary.SUMMARY_GRAPH)

    def article_count(self) -> int:
        """Number of articles in the KB."""
        return sum(1 for g in self.graphs() if "/article/" in g)

    def __len__(self) -> int:
        """Number of quads in the KB's graphs (not counting the fact summary, :mod:`kg.summary`)."""
        counted = self.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_SUMMARY} {{ ?s ?p ?o }} }}")
        return len(self.store) - int(next(counted)["n"].value)

    def query(self, sparql: str, substitutions: dict | None = None):
        """Run SPARQL over the union of all graphs (default graph = union).

        Raises:
            QueryError: the query is too large or deeply nested to parse safely, does not parse
                (the message has the line, column and a caret under the spot) or fails.
        """
        check_query_shape(sparql)
        try:
            return self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
                                    substitutions=substitutions or None)
        except SyntaxError as exc:
            raise QueryError(format_syntax_error(sparql, exc)) from exc
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from exc

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store but the fact summary's."""
        return (quad for quad in self.store.quads_for_pattern(None, None, None, None) if quad.graph_name != _SUMMARY)

    def union_triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of the union of all graphs but the fact summary."""
        for solution in self.store.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {_SUMMARY}) }}"):
            yield ox.Triple(solution["s"], solution["p"], solution["o"])

    def to_rdflib(self):
        """An rdflib ``Dataset`` view of this KB (read through oxrdflib), for notebooks."""
        from oxrdflib.store import OxigraphStore
        from rdflib import Dataset

        return Dataset(store=OxigraphStore(store=self.store), default_union=True)

