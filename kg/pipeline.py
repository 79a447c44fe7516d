"""The pipeline: the only module that composes every stage.

``ingest`` reads articles into a KB; ``extract`` gives one article's entities and facts
without a KB (``kg eval`` and notebooks use it).
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Literal

from .errors import ConfigError, ExtractionError, InputError, KgError
from .export_files import atomic_file
from . import forked
from .extract import add_extraction, extract_documents, load_nlp
from . import entities as entities_module, gazetteer as gazetteer_module, importers as importers_module
from . import mapping as mapping_module, namespaces as namespaces_module, store as store_module
from .entities import Decisions, gazetteer_with_kb, learned_records
from .gazetteer import Gazetteer, cached_gazetteer, gazetteer_files, gazetteer_records, load_gazetteer
from .importers import import_files, read_imports
from .mapping import article_triples, entity_triples, gazetteer_triples
from .model import Document, Extraction
from .namespaces import ENTITIES_GRAPH, GAZETTEER_GRAPH, KG, article_graph, mint_iri
from .read import Source, iter_sources, read_document, read_documents
from .relscore import RelationScorer, load_scorer
from .resolve import resolve_document, rules_only
from .store import KB_MARKER, KB_VERSION, KnowledgeBase, open_kb, to_nquads

__all__ = ["IngestReport", "ArticleWork", "ArticleGraph", "EXECUTORS", "ingest", "map_articles", "process_sources",
           "store_article", "extract", "extract_text", "gazetteer_fingerprint", "relation_filter"]

#: what ``extractor`` arguments accept: a model folder, "rules", None (the shipped model), a scorer
#: or any other filter of relations
Extractor = str | Path | RelationScorer | Callable | None


def relation_filter(extractor: Extractor) -> Callable:
    """The filter that decides which candidate facts are kept: a learned scorer or the rules.

    Raises:
        ConfigError: a named model cannot be read.
    """
    if callable(extractor):  # a RelationScorer, rules_only, or any filter of the caller's
        return extractor
    scorer = load_scorer(None if extractor is None else str(extractor))
    return scorer if scorer is not None else rules_only


@dataclass
class IngestReport:
    """What one ``kg ingest`` run did."""

    ingested: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    entities: int = 0
    facts: int = 0
    seconds: float = 0.0
    exports: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no article failed."""
        return not self.failed

    def summary(self) -> str:
        """One line for the end of a run."""
        return (f"{self.ingested} ingested, {self.skipped} unchanged (skipped), {len(self.failed)} failed; "
                f"{self.entities} entities, {self.facts} facts; {self.seconds:.1f} s")


def gazetteer_fingerprint(gazetteer: Gazetteer) -> str:
    """A hash of the gazetteer's content, to know when the KB's copy is stale."""
    digest = hashlib.sha256()
    for key in sorted(gazetteer.entries):
        digest.update(repr(gazetteer.entries[key]).encode())
    for link in gazetteer.links:
        digest.update(repr(link).encode())
    return digest.hexdigest()


def _refresh_gazetteer(kb: KnowledgeBase, gazetteer: Gazetteer) -> None:
    """Store the gazetteer's background knowledge (not what the KB itself learned) when it changed."""
    curated = Gazetteer({k: e for k, e in gazetteer.entries.items() if e.sources != ("kb",)},
                        [link for link in gazetteer.links if link.source != "kb"])
    fingerprint = gazetteer_fingerprint(curated)
    dataset = mint_iri("Dataset", "gazetteer")
    if kb.stored_hash(dataset, GAZETTEER_GRAPH) == fingerprint:
        return
    triples = gazetteer_triples(curated)
    triples.append((dataset, KG.contentHash, Literal(fingerprint)))
    kb.replace_triples(str(GAZETTEER_GRAPH), triples, atomic=False)  # its hash is written last: rebuilt if cut short


def new_kb_template(kb_dir: str | Path) -> Path | None:
    """Where a new KB with only the built-in gazetteer is kept ready to copy, or None.

    A new KB holds the gazetteer graph (16 k quads: 0.4 s of RocksDB writes) and, in its cache,
    the gazetteer and the mention finder built from it (0.5 s more): the same for every new KB of
    one unikg version. The first new KB is saved as a template under ``$UNIKG_CACHE/templates``
    (default ``~/.cache/unikg``; ``UNIKG_CACHE=`` with no value: off), named by a digest of the
    built-in gazetteer, the KB format and the code that writes the graph; later new KBs start as
    a copy. None when ``kb_dir`` already is a KB (or holds anything) or caching is off.
    """
    kb_dir = Path(kb_dir)
    root = os.environ.get("UNIKG_CACHE", str(Path.home() / ".cache" / "unikg"))
    if not root or kb_dir.exists() and (not kb_dir.is_dir() or any(kb_dir.iterdir())):
        return None
    digest = hashlib.sha256(repr((KB_VERSION, sys.version_info[:2])).encode())
    for path in (*gazetteer_files(), *(Path(m.__file__) for m in (mapping_module, namespaces_module, store_module))):
        digest.update(path.read_bytes())
    return Path(root) / "templates" / f"kb-{digest.hexdigest()[:24]}"


def _copy_template(template: Path, kb_dir: Path) -> None:
    """Make ``kb_dir`` (missing or empty) a copy of the template, in one rename."""
    staging = kb_dir.with_name(f".{kb_dir.name}.{os.getpid()}.new")
    try:
        shutil.copytree(template, staging)
        os.replace(staging, kb_dir)  # an empty folder is replaced; a KB that appeared meanwhile is kept
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # no template then: the KB is made from scratch


def _save_template(kb: KnowledgeBase, template: Path) -> None:
    """Save a new KB, holding only its gazetteer, as the template (a RocksDB checkpoint and the
    marker; the cache follows at the end of the first ingest, see :func:`_complete_template`)."""
    staging = template.with_name(f".{template.name}.{os.getpid()}.new")
    try:
        staging.mkdir(parents=True)
        kb.store.flush()
        kb.store.backup(str(staging / "store"))
        shutil.copy2(kb.path / KB_MARKER, staging / KB_MARKER)
        os.replace(staging, template)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # another process saved it first, or no space: no template


def _complete_template(kb_dir: Path, template: Path) -> None:
    """Give the template the cache files the first ingest made (the gazetteer and the mention
    finder built from it, the tokenised names): each is named by a digest of what it was built
    from, so any new KB can use it."""
    if not template.exists():
        return
    (template / "cache").mkdir(exist_ok=True)
    for path in (kb_dir / "cache").glob("*") if (kb_dir / "cache").is_dir() else ():
        target = template / "cache" / path.name
        if path.is_file() and not target.exists():
            try:
                with atomic_file(target) as staging:
                    shutil.copyfile(path, staging)
            except OSError:
                pass  # no space or no permission: later new KBs build this cache file themselves


def _stored_hash(kb: KnowledgeBase, document: Document) -> str | None:
    return kb.stored_hash(article_graph(document.doc_id))


def _sources(paths: Iterable[str | Path], report: IngestReport) -> Iterator[Source]:
    for path in paths:
        try:
            yield from iter_sources([path])
        except InputError as exc:
            report.failed.append((str(path), str(exc)))


#: articles written between two flushes of the store's in-memory write buffers to disk
FLUSH_EVERY = 200

@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to release this way
        return None


def _release_free_heap() -> None:
    """Give the heap that glibc keeps free back to the system (after a flush: hundreds of MB of
    RocksDB and spaCy buffers freed but kept, bench/README.md); a no-op where libc is not glibc."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


#: how ``ingest`` runs the per-article work: in this process (spaCy's ``workers`` processes), or on Dask
EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class ArticleWork:
    """What the per-article work needs besides the articles: built once by ``ingest``, and shipped
    once to every Dask worker (it pickles)."""

    gazetteer: Gazetteer
    keep: Callable
    model: str | None = None
    publisher: str | None = None
    batch_size: int = 32


@dataclass(frozen=True, slots=True)
class ArticleGraph:
    """One article read, extracted, resolved and mapped: its named graph and the descriptions of the
    entities it mentions, as triples by graph IRI in this process, or as N-Quads once packed for
    another process (what a Dask worker sends to the single writer, :meth:`packed`)."""

    doc_id: str
    source: str
    graphs: dict[str, list] | bytes
    entities: int
    facts: int

    def packed(self) -> ArticleGraph:
        """The same article with its graphs as N-Quads bytes: compact and cheap to send."""
        return self if isinstance(self.graphs, bytes) else replace(self, graphs=to_nquads(self.graphs))


def map_articles(documents: Iterable[Document], work: ArticleWork, workers: int = 1,
                 cache_dir: Path | None = None) -> Iterator[ArticleGraph | ExtractionError]:
    """Extract, resolve and map documents: the per-article work, the same for every executor.

    Args:
        documents: read and cleaned articles.
        work: the gazetteer, relation filter, model and batch size.
        workers: spaCy processes.
        cache_dir: where tokenised gazetteer patterns are kept between runs.
    Returns:
        An iterator of :class:`ArticleGraph`, in the order of ``documents``; an article that
        extraction, resolution or mapping failed on gives its :class:`ExtractionError` in its place.
    Raises:
        ConfigError: the spaCy model cannot be loaded.
    """
    nlp = load_nlp(work.model)
    failed: list[ExtractionError] = []  # documents the extraction failed on, before the next one it yields
    for document, mentions, relations in extract_documents(documents, nlp, work.gazetteer, work.batch_size, workers,
                                                           cache_dir, on_error=failed.append):
        yield from failed
        failed.clear()
        try:
            extraction = resolve_document(document, mentions, relations, work.gazetteer, work.keep)
            graphs = {str(article_graph(document.doc_id)): list(article_triples(extraction)),
                      str(ENTITIES_GRAPH): list(entity_triples(extraction))}
        except Exception as exc:  # noqa: BLE001 - a fault of ours on one article: reported, the batch goes on
            yield ExtractionError(f"{document.source}: resolving or mapping failed ({type(exc).__name__}: {exc}); this "
                                  "is a fault of unikg, not of the article: please report it with the article attached")
            continue
        yield ArticleGraph(document.doc_id, document.source, graphs, len(extraction.entities), len(extraction.relations))
    yield from failed


def process_sources(sources: Iterable[Source], work: ArticleWork, cache_dir: Path | None = None
                    ) -> list[ArticleGraph | KgError]:
    """Read and map articles (what a Dask worker does with its partition): bad articles give their
    :class:`InputError`, listed first; the articles follow in the order of ``sources`` (one the
    extraction failed on as its :class:`ExtractionError`)."""
    failed: list[InputError] = []

    def readable() -> Iterator[Document]:
        for item in read_documents(sources, work.publisher):
            if isinstance(item, KgError):
                failed.append(item)
            else:
                yield item

    articles = [article.packed() if isinstance(article, ArticleGraph) else article
                for article in map_articles(readable(), work, cache_dir=cache_dir)]
    return [*failed, *articles]


def store_article(kb: KnowledgeBase, article: ArticleGraph | InputError, report: IngestReport,
                  notify: Callable[[str, str], None]) -> None:
    """Write one article into the KB (or count it as failed) and report it: the single writer's step."""
    if isinstance(article, KgError):
        report_failure(article, report, notify)
        return
    kb.write_article(article.graphs)
    report.ingested += 1
    if report.ingested % FLUSH_EVERY == 0:
        kb.store.flush()  # RocksDB's memtables would otherwise grow by ~0.19 MB an article (bench/README.md)
        _release_free_heap()
    report.entities += article.entities
    report.facts += article.facts
    notify(article.source, "ingested")


def report_failure(error: KgError, report: IngestReport, notify: Callable[[str, str], None]) -> None:
    """Count a bad article (its message starts with its path) in the report."""
    where = str(error).split(":", 1)[0]
    report.failed.append((where, str(error)))
    notify(where, "failed")


def ingest(
    paths: Iterable[str | Path],
    kb_dir: str | Path = "kb",
    *,
    publisher: str | None = None,
    model: str | None = None,
    gazetteer: Gazetteer | None = None,
    batch_size: int = 32,
    workers: int = 1,
    export: bool = True,
    on_article: Callable[[str, str], None] | None = None,
    extractor: Extractor = None,
    learned: bool = False,
    executor: str = "local",
    scheduler: str | None = None,
    partition_size: int = 8,
) -> IngestReport:
    """Ingest articles into the KB in ``kb_dir`` and refresh its exports.

    Unchanged articles (same content hash) are skipped; a changed one replaces its named
    graph in one transaction; a bad one is reported in ``failed`` and the rest go on.

    Args:
        paths: files, folders or ``"-"``.
        kb_dir: the KB folder (created when missing or empty).
        publisher: name of the publisher of every article, when known.
        model: spaCy model name (default: ``en_core_web_sm``, else its PyPI re-upload).
        gazetteer: background knowledge (default: the built-in gazetteer).
        batch_size: articles per spaCy batch.
        workers: processes that parse, extract and map, forked from this one, which writes
            meanwhile (:mod:`kg.forked`; spaCy's ``n_process`` where processes cannot fork);
            with ``executor="dask"`` and no ``scheduler``, the worker processes of the local
            Dask cluster.
        export: refresh graph.ttl / .trig / .graphml / .json afterwards.
        on_article: called with (source, outcome) after each article, for progress display.
        extractor: relation scorer model folder (default: the shipped model), or "rules".
        learned: also link against organisations the KB learned from earlier articles (their
            names and acronyms), as they stand at the start of this run.
        executor: ``"local"`` (this process) or ``"dask"`` (workers read, extract and map; this
            process writes: see :mod:`kg.cluster`).
        scheduler: the address of a running Dask scheduler (``tcp://host:8786``); None: a local
            cluster of ``workers`` processes.
        partition_size: articles per Dask task.
    Returns:
        An :class:`IngestReport`.
    Raises:
        KgError: the KB cannot be opened, the model or gazetteer cannot be loaded, the Dask
            cluster cannot be reached.
    """
    if executor not in EXECUTORS:
        raise ConfigError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    started = time.perf_counter()
    report = IngestReport()
    notify = on_article or (lambda source, outcome: None)
    keep = relation_filter(extractor)
    template = new_kb_template(kb_dir) if gazetteer is None else None
    if template is not None and template.exists():
        _copy_template(template, Path(kb_dir))
    with open_kb(kb_dir) as kb:
        gazetteer = gazetteer or kb_gazetteer(kb, kb_dir, learned)
        _refresh_gazetteer(kb, gazetteer)
        if template is not None and not template.exists():
            _save_template(kb, template)
        work = ArticleWork(gazetteer, keep, model, publisher, batch_size)
        cache_dir = Path(kb_dir).resolve() / "cache"
        if executor == "dask":
            ingest_on_dask = _dask_executor()
            ingest_on_dask(kb, _sources(paths, report), work, report, notify, scheduler=scheduler, workers=workers,
                           partition_size=partition_size, cache_dir=cache_dir)
        else:
            pending = _pending(read_documents(_sources(paths, report), publisher), kb, report, notify)
            if forked.available():  # extraction in children, this process writes: they overlap
                add_extraction(load_nlp(model), gazetteer, cache_dir)  # loaded and built here; the children inherit them
                articles = forked.map_in_children(pending, work, cache_dir, map_articles, workers, window=2 * batch_size + 1)
            else:
                articles = map_articles(pending, work, workers, cache_dir)
            for article in articles:
                store_article(kb, article, report, notify)
        if template is not None:
            _complete_template(Path(kb_dir), template)
        if export:
            from .export import write_exports  # here: it imports networkx, which nothing before needs

            report.exports = write_exports(kb)
    report.seconds = time.perf_counter() - started
    return report


def _dask_executor() -> Callable:
    """:func:`kg.cluster.ingest_on_dask`, or a clear error when Dask is not installed (an optional extra)."""
    try:
        from .cluster import ingest_on_dask
    except ModuleNotFoundError as exc:
        if exc.name not in ("dask", "distributed"):
            raise
        raise ConfigError(f"--executor dask needs dask and distributed ({exc.name} is not installed); "
                          "run `pip install 'unikg[dask]'`") from exc
    return ingest_on_dask


def imported_records(kb_dir: str | Path) -> list[tuple[dict, str]]:
    """Records imported into this KB with ``kg gazetteer import`` (active ones only)."""
    return [(record, source) for record, source in read_imports(kb_dir) if record.get("status", "active") == "active"]


def kb_gazetteer(kb: KnowledgeBase, kb_dir: str | Path, learned: bool = False) -> Gazetteer:
    """The gazetteer an ingest into this KB links against: built-in and imported records with the
    researcher's merge and split decisions, and (``learned``) the organisations the KB learned
    from earlier articles. Without them an article's graph never depends on what came before it."""
    kb_dir = Path(kb_dir)
    decisions = Decisions.load(kb_dir)
    # the KB's own records (a researcher's merges; with ``learned`` all it learned) are part of the key
    kb_records = learned_records(kb, decisions, merged_only=not learned) if learned or decisions.merges else []
    code = [Path(module.__file__) for module in (gazetteer_module, entities_module, importers_module)]
    return cached_gazetteer(kb_dir / "cache", [*gazetteer_files(), *import_files(kb_dir), *code],
                            repr((learned, decisions, kb_records)),
                            lambda: gazetteer_with_kb([*gazetteer_records(), *imported_records(kb_dir)], kb, kb_dir, learned))


def _pending(items: Iterable[Document | InputError], kb: KnowledgeBase, report: IngestReport,
             notify: Callable[[str, str], None]) -> Iterator[Document]:
    for item in items:
        if isinstance(item, KgError):
            report_failure(item, report, notify)
        elif _stored_hash(kb, item) == item.content_hash:
            report.skipped += 1
            notify(item.source, "skipped")
        else:
            yield item


def extract(path: str | Path, *, publisher: str | None = None, model: str | None = None,
            gazetteer: Gazetteer | None = None, extractor: Extractor = None, candidates: bool = False) -> Extraction:
    """Read one article file and return its entities and facts (no KB involved).

    Args:
        extractor: relation scorer model folder (default: the shipped model), or "rules".
        candidates: return every candidate fact with its features, unfiltered (for training).
    Raises:
        InputError: the file cannot be read as an article.
    """
    document = read_document(Source(str(path), Path(path)), publisher=publisher)
    return _extract_one(document, model, gazetteer, None if candidates else relation_filter(extractor))


def extract_text(text: str, *, title: str | None = None, publisher: str | None = None, model: str | None = None,
                 gazetteer: Gazetteer | None = None, extractor: Extractor = None) -> Extraction:
    """Entities and facts of an article given as a string.

    >>> ex = extract_text("Tsinghua University joined the Asian Universities Alliance in 2017.", model="blank")
    >>> sorted(e.label for e in ex.entities)
    ['Asian Universities Alliance', 'Tsinghua University']
    """
    from .model import Meta
    from .read import MAX_TEXT_CHARS, clean_text

    body, meta = clean_text(text)
    if len(body) > MAX_TEXT_CHARS:
        raise InputError(f"text of {len(body):,} characters is longer than the {MAX_TEXT_CHARS:,} one article may have; "
                         "split it into articles")
    meta = Meta(title=title or meta.title, published=meta.published, domains=meta.domains,
                credits=meta.credits, publisher=publisher)
    digest = hashlib.sha256(text.encode()).hexdigest()
    return _extract_one(Document(f"text-{digest[:12]}", body, "text", meta, digest), model, gazetteer,
                        relation_filter(extractor))


def _extract_one(document: Document, model: str | None, gazetteer: Gazetteer | None, keep: Callable | None) -> Extraction:
    gazetteer = gazetteer or load_gazetteer()
    nlp = load_nlp(model)
    for doc, mentions, relations in extract_documents([document], nlp, gazetteer):
        return resolve_document(doc, mentions, relations, gazetteer, keep)
    raise KgError(f"{document.source}: extraction produced nothing")  # unreachable: one document in, one out
