"""Bulk loading (``kg load``): N-Quads and TriG files into a KB through pyoxigraph's bulk loader.

For exports (``kg export --format nquads|trig``) and shard files of millions of quads. After a
load the KB keeps its invariants, as if the articles had been ingested:

- every statement is in a named graph: an article's (``article:<id>``), the shared entities
  graph or the gazetteer's; a file with anything else is refused;
- a graph the files hold replaces the KB's graph of that name (an article loaded again is
  replaced, never merged with its old version);
- entity descriptions are merged as :meth:`~kg.store.KnowledgeBase.upsert_entities` merges
  them: an entity keeps the type and the label it has (in any graph), the files' first ones
  are taken for an entity that has none, and every other name is added;
- the fact summary (:mod:`kg.summary`) is rebuilt from all graphs (a summary graph in the files,
  as ``kg export --format nquads|trig`` writes it, is replaced): its marker is dropped before
  the load and written after, so a load cut short leaves it outdated, never wrong;
- the caller refreshes the exports (``kg load`` does).

The files are read twice. First they are checked whole and scanned (graph names, entity types
and labels), so a bad file changes nothing; then pyoxigraph's bulk loader reads them without
checking them again (``lenient``), N-Quads
files cut at line boundaries over one thread per core (a file with blank nodes is loaded
whole: the bulk loader names blank nodes per load). The bulk loader is not transactional: a
load that is killed leaves part of the files in the KB, and loading them again repairs it.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import mmap
import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import summary
from .errors import InputError, StoreError
from .namespaces import ENTITIES_GRAPH, GAZETTEER_GRAPH, PREFIXES
from .store import KnowledgeBase

__all__ = ["LOAD_FORMATS", "LoadReport", "load_files"]

#: file suffixes ``kg load`` reads (each also gzipped: ``.nq.gz``)
LOAD_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
_ARTICLES = PREFIXES["article"]  # article:<id> graphs
_ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
_GAZETTEER = ox.NamedNode(str(GAZETTEER_GRAPH))
_SUMMARY = ox.NamedNode(summary.SUMMARY_GRAPH)
_DESCRIBING = {ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
               ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")}
_SPLIT_FROM = 8 * 2**20  # bytes: smaller N-Quads files are loaded by one thread


@dataclass
class LoadReport:
    """What one ``kg load`` did."""

    files: int = 0
    quads: int = 0
    articles: int = 0
    replaced: int = 0
    seconds: float = 0.0
    exports: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the end of a run."""
        rate = self.quads / self.seconds if self.seconds else 0.0
        return (f"{self.quads:,} quads from {self.files} file{'s' if self.files != 1 else ''}: {self.articles} article "
                f"graph{'s' if self.articles != 1 else ''}, {self.replaced} graph{'s' if self.replaced != 1 else ''} "
                f"replaced; {self.seconds:.1f} s, {rate:,.0f} quads/s")


@dataclass
class _Scan:
    """What the first read of the files found."""

    quads: int = 0
    graphs: set = field(default_factory=set)
    described: set = field(default_factory=set)  # (subject, rdf:type|rdfs:label) given outside the entities graph
    entity_statements: list = field(default_factory=list)  # rdf:type and rdfs:label quads of the entities graph
    blank_files: set = field(default_factory=set)


def load_files(kb: KnowledgeBase, paths: list[str | Path], threads: int | None = None) -> LoadReport:
    """Bulk-load N-Quads (``.nq``) and TriG (``.trig``) files, each maybe gzipped, into ``kb``.

    Args:
        kb: an open, writable KB.
        paths: the files.
        threads: bulk-loader threads (default: one per core).
    Returns:
        A :class:`LoadReport` (without exports: the caller refreshes them).
    Raises:
        InputError: a file is missing, of another format, does not parse, or holds a statement
            outside the KB's graphs (the message names the file and the statement); nothing was loaded.
        StoreError: the store cannot be written.

    >>> import tempfile; from kg.store import open_kb
    >>> folder = Path(tempfile.mkdtemp()); shard = folder / "a.nq"
    >>> _ = shard.write_text('<https://w3id.org/unikg/resource/article/a> <http://x/p> "1" '
    ...                      '<https://w3id.org/unikg/resource/article/a> .\\n')
    >>> with open_kb(folder / "kb") as kb:
    ...     load_files(kb, [shard]).articles, kb.article_count()
    (1, 1)
    """
    started = time.perf_counter()
    files = [Path(path) for path in paths]
    scan = _Scan()
    for path in files:
        _scan_file(path, scan)
    kb.store.update(summary.drop_marker_text())  # a load cut short leaves the summary outdated
    replaced = _drop_replaced(kb, scan.graphs - {_SUMMARY})
    before = _described_before(kb, scan)
    _bulk_load(kb, files, scan.blank_files, threads or os.cpu_count() or 1)
    _merge_entity_descriptions(kb, scan, before)
    _rebuild_summary(kb)
    articles = sum(1 for name in scan.graphs if name.value.startswith(_ARTICLES))
    return LoadReport(len(files), scan.quads, articles, replaced, time.perf_counter() - started)


def _rebuild_summary(kb: KnowledgeBase) -> None:
    """Make the fact summary (:mod:`kg.summary`) of the loaded graphs; a summary graph in the files is replaced."""
    try:
        summary.rebuild(kb.store, kb.path)
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"{kb.path}: could not rebuild the fact summary after the load ({exc}); "
                         "the next `kg ingest` or `kg load` rebuilds it") from exc


def _format(path: Path) -> tuple[ox.RdfFormat, bool]:
    """The RDF format of a file by its suffix, and whether it is gzipped."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = suffixes[-2] if gzipped and len(suffixes) > 1 else suffixes[-1] if suffixes else ""
    if suffix not in LOAD_FORMATS:
        raise InputError(f"{path}: kg load reads N-Quads (.nq) and TriG (.trig) files, maybe gzipped (.nq.gz), which "
                         "keep each article's named graph; write one with `kg export --format nquads`")
    return LOAD_FORMATS[suffix], gzipped


def _open(path: Path) -> io.BufferedIOBase:
    try:
        return gzip.open(path, "rb") if _format(path)[1] else open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc}); check the path") from exc


def _scan_file(path: Path, scan: _Scan) -> None:
    """Check one file whole and note its graphs and entity descriptions."""
    fmt, gzipped = _format(path)
    graph = None
    with _open(path) if gzipped else contextlib.nullcontext() as handle:
        try:
            for quad in ox.parse(handle, format=fmt) if gzipped else ox.parse(path=path, format=fmt):
                scan.quads += 1
                if quad.graph_name != graph:
                    graph = quad.graph_name
                    _check_graph(path, quad)
                    scan.graphs.add(graph)
                if quad.predicate in _DESCRIBING:
                    if graph == _ENTITIES:
                        scan.entity_statements.append(quad)
                    else:
                        scan.described.add((quad.subject, quad.predicate))
        except SyntaxError as exc:
            raise InputError(f"{path}: not valid {fmt.name} ({exc}); nothing was loaded: fix the file and load again") from exc
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: cannot read ({exc}); nothing was loaded") from exc
    if _has_blank_nodes(path):
        scan.blank_files.add(path)


def _check_graph(path: Path, quad: ox.Quad) -> None:
    graph = quad.graph_name
    if isinstance(graph, ox.DefaultGraph):
        raise InputError(f"{path}: the statement {quad.triple} is in no named graph; kg load takes the KB's graphs "
                         "(one per article, entities, gazetteer), as `kg export --format nquads|trig` writes them; "
                         "nothing was loaded")
    if not (graph in (_ENTITIES, _GAZETTEER, _SUMMARY) or isinstance(graph, ox.NamedNode)
            and graph.value.startswith(_ARTICLES)):
        raise InputError(f"{path}: graph {graph} is not one of the KB's graphs (article:<id>, {_ENTITIES}, "
                         f"{_GAZETTEER}); kg load takes what `kg export --format nquads|trig` writes; nothing was loaded")


def _has_blank_nodes(path: Path) -> bool:
    """Whether a file may hold blank nodes (``_:`` anywhere; gzipped files are never cut anyway)."""
    if _format(path)[1] or path.stat().st_size == 0:
        return False
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return data.find(b"_:") != -1


def _drop_replaced(kb: KnowledgeBase, graphs: set) -> int:
    """Drop the KB's article and gazetteer graphs that the files replace; return how many."""
    replaced = 0
    for graph in graphs:
        if graph != _ENTITIES and kb.store.contains_named_graph(graph):
            try:
                kb.store.remove_graph(graph)
            except OSError as exc:
                raise StoreError(f"{kb.path}: could not drop graph {graph} before loading ({exc})") from exc
            replaced += 1
    return replaced


def _described_before(kb: KnowledgeBase, scan: _Scan) -> tuple[set, set]:
    """Before the load: the (subject, predicate) pairs the KB already gives a type or label, and the
    entity statements of the files that the KB already holds."""
    pairs = {(q.subject, q.predicate) for q in scan.entity_statements}
    given = {pair for pair in pairs if next(kb.store.quads_for_pattern(*pair, None, None), None) is not None}
    held = {quad for quad in scan.entity_statements if quad in kb.store}
    return given, held


def _merge_entity_descriptions(kb: KnowledgeBase, scan: _Scan, before: tuple[set, set]) -> None:
    """Remove the loaded types and labels of entities that had one: the KB's (or the files' first) wins."""
    given, held = before
    chosen: dict[tuple, object] = {}
    extra = []
    for quad in scan.entity_statements:
        pair = (quad.subject, quad.predicate)
        if pair in given or pair in scan.described or chosen.setdefault(pair, quad.object) != quad.object:
            if quad not in held:
                extra.append(quad)
    for quad in extra:
        kb.store.remove(quad)


def _bulk_load(kb: KnowledgeBase, files: list[Path], whole: set, threads: int) -> None:
    """Load the files with pyoxigraph's bulk loader, big N-Quads files cut over ``threads`` threads."""
    total = sum(path.stat().st_size for path in files) or 1
    parts = []
    for path in files:
        fmt, gzipped = _format(path)
        size = path.stat().st_size
        cuts = 1 if gzipped or path in whole or fmt != ox.RdfFormat.N_QUADS or size < _SPLIT_FROM \
            else max(1, round(threads * size / total))
        parts += [(path, fmt, start, end) for start, end in _line_ranges(path, cuts)]
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for done in [pool.submit(_load_part, kb, *part) for part in parts]:
            done.result()


def _load_part(kb: KnowledgeBase, path: Path, fmt: ox.RdfFormat, start: int, end: int | None) -> None:
    try:
        if end is not None:
            with io.BufferedReader(_Slice(path, start, end), 2**20) as handle:
                kb.store.bulk_load(handle, format=fmt, lenient=True)  # checked by the scan
        elif _format(path)[1]:
            with _open(path) as handle:
                kb.store.bulk_load(handle, format=fmt, lenient=True)
        else:
            kb.store.bulk_load(path=path, format=fmt, lenient=True)
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"{kb.path}: bulk load of {path} failed ({exc}); load the files again to repair the KB") from exc


def _line_ranges(path: Path, cuts: int) -> Iterator[tuple[int, int | None]]:
    """``cuts`` byte ranges of a file that start at line starts (one ``(0, None)``: the whole file)."""
    if cuts <= 1:
        yield 0, None
        return
    size = path.stat().st_size
    starts = [0]
    with open(path, "rb") as handle:
        for i in range(1, cuts):
            handle.seek(max(starts[-1], size * i // cuts))
            handle.readline()
            starts.append(handle.tell())
    yield from ((a, b) for a, b in zip(starts, [*starts[1:], size]) if b > a)


class _Slice(io.RawIOBase):
    """Bytes ``start`` to ``end`` of a file, as a readable stream."""

    def __init__(self, path: Path, start: int, end: int):
        self._file = open(path, "rb")
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._file.readinto(memoryview(buffer)[:min(len(buffer), self._left)])
        self._left -= count
        return count

    def close(self) -> None:
        self._file.close()
        super().close()
