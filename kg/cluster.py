"""Ingest on a Dask cluster: workers read, extract, resolve and map; this process writes.

``kg ingest --executor dask`` runs the per-article work of :func:`kg.pipeline.map_articles` on
Dask ``distributed`` workers, a running cluster (``--scheduler tcp://host:8786``) or a
``LocalCluster`` of ``--workers`` processes:

- every worker loads the pipeline (spaCy model, gazetteer, relation filter) once, through a
  :class:`~distributed.WorkerPlugin` that is also set up on workers that join or restart later;
- this process (the client) lists the articles and skips unchanged ones by their content hash
  (it reads each article for that) before any work is sent; the others go out in partitions of ``--partition-size`` files, the
  paths made absolute: workers read the files themselves (a shared filesystem), or open the
  articles' URLs themselves (``s3://bucket/news/a.html``: fsspec, with the protocol's package
  installed on every worker): the client sends paths and URLs, never the articles' bytes;
- a worker returns each article's graphs as N-Quads bytes (:class:`~kg.pipeline.ArticleGraph`)
  and bad articles as their errors; this process writes them, one article at a time, in the
  order of the sources, as the local path does (so the first label an entity gets is the same):
  the KB keeps one writer;
- at most two partitions per worker thread are in flight, and eight per thread done but waiting
  for an earlier one to be written, so memory stays bounded whatever the corpus size;
- a worker that dies loses nothing: the scheduler runs its tasks again elsewhere, and what was
  written is in the KB; a partition that kills workers ``distributed.scheduler.allowed-failures``
  times is reported as failed, article by article, and the run goes on.
"""

from __future__ import annotations

import itertools
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker
from distributed.scheduler import KilledWorker

from .errors import InputError, KgError
from .extract import load_nlp
from .namespaces import article_graph
from .pipeline import ArticleGraph, ArticleWork, IngestReport, process_sources, report_failure, store_article
from .read import Source, article_id, content_hash
from .store import KnowledgeBase

__all__ = ["ingest_on_dask", "local_cluster", "PipelinePlugin"]

#: seconds to wait for the first worker of a running cluster
WORKER_TIMEOUT = 60.0
#: partitions per worker thread: in flight (running or queued), and done but waiting to be written
#: after an earlier, slower one (results are written in the order of the sources)
IN_FLIGHT, WAITING = 2, 8


class PipelinePlugin(WorkerPlugin):
    """The per-article work on a worker: set up once per worker process, used by every task.

    A worker with several threads runs one partition at a time (spaCy pipelines are not shared
    between threads); start workers with ``--nthreads 1`` and one process per core instead.
    """

    def __init__(self, work: ArticleWork, cache_dir: str | None = None):
        self.work = work
        self.cache_dir = cache_dir
        self.name = f"unikg-pipeline-{uuid.uuid4().hex[:12]}"

    def setup(self, worker) -> None:
        """Load the spaCy model now, so the first task does not wait for it."""
        self.lock = threading.Lock()
        load_nlp(self.work.model)

    def process(self, sources: list[Source]) -> list[ArticleGraph | InputError]:
        """Read, extract, resolve and map one partition of articles."""
        # the KB's cache of tokenised gazetteer patterns when this machine sees the KB folder
        cache = Path(self.cache_dir) if self.cache_dir and Path(self.cache_dir).parent.is_dir() else None
        with self.lock:
            return process_sources(sources, self.work, cache)


def _process_partition(plugin: str, sources: list[Source]) -> list[ArticleGraph | InputError]:
    """A Dask task: one partition of articles, on the worker's pipeline."""
    return get_worker().plugins[plugin].process(sources)


def _unikg_version() -> str:
    try:
        return version("unikg")
    except PackageNotFoundError:
        return "not installed"


def ingest_on_dask(kb: KnowledgeBase, sources: Iterable[Source], work: ArticleWork, report: IngestReport,
                   notify: Callable[[str, str], None], *, scheduler: str | None = None, workers: int = 1,
                   partition_size: int = 8, cache_dir: Path | None = None) -> None:
    """Run the per-article work of ``sources`` on Dask workers and write the results into ``kb``.

    Args:
        kb: the open KB (this process is its only writer).
        sources: the article files or URLs (standard input cannot be sent to workers).
        work: what the per-article work needs; sent once to every worker.
        report: counts ingested, skipped and failed articles.
        notify: called with (source, outcome) after each article.
        scheduler: a running scheduler's address; None: a ``LocalCluster`` of ``workers`` processes.
        workers: processes of the local cluster.
        partition_size: articles per task.
        cache_dir: the KB's cache folder, used by workers that see it.
    Raises:
        KgError: the scheduler cannot be reached, no worker joins it, workers run another unikg
            version, or the per-article work fails (the spaCy model is missing on a worker).
    """
    pending = _pending_sources(sources, kb, report, notify)
    first = next(pending, None)
    if first is None:  # nothing changed: no cluster to start
        return
    with _client(scheduler, workers) as client:
        plugin = PipelinePlugin(work, str(cache_dir) if cache_dir else None)
        try:
            client.register_plugin(plugin, name=plugin.name)
        except KgError as exc:  # the model or the relation scorer cannot be loaded there
            client.unregister_worker_plugin(plugin.name)
            raise type(exc)(f"on the Dask workers: {exc}") from exc
        try:
            threads = max(1, sum(client.nthreads().values()))
            _run(client, plugin.name, _partitions(itertools.chain([first], pending), partition_size), threads,
                 lambda article: store_article(kb, article, report, notify))
        finally:
            client.unregister_worker_plugin(plugin.name)


def local_cluster(workers: int) -> LocalCluster:
    """The local cluster ``kg ingest --executor dask --workers N`` starts: N processes of one thread.

    Dask's nanny sets ``MALLOC_TRIM_THRESHOLD_=65536`` in its workers (memory goes back to the
    system sooner); spaCy allocates and frees much, and runs about 10 % slower with it, so the
    workers of this cluster keep the C library's default. (For a cluster of your own, see
    "Scaling out" in the README.)
    """
    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):  # None: not set
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                            dashboard_address="127.0.0.1:0")  # this machine only


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` (with a worker running this unikg), or of a new local cluster."""
    if scheduler is None:
        with local_cluster(workers) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=WORKER_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with `dask scheduler` "
                      "and give its address, or leave out --scheduler for a local cluster") from exc
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError as exc:
            raise KgError(f"no Dask worker joined the scheduler at {scheduler} in {WORKER_TIMEOUT:g} s; "
                          f"start workers with `dask worker {scheduler} --nthreads 1`") from exc
        _check_versions(client, scheduler)
        yield client


def _check_versions(client: Client, scheduler: str) -> None:
    ours = _unikg_version()
    theirs = {address: found for address, found in client.run(_unikg_version).items() if found != ours}
    if theirs:
        address, found = next(iter(theirs.items()))
        raise KgError(f"Dask worker {address} of {scheduler} has unikg {found}, this process {ours}; "
                      f"install the same unikg on every worker")


def _pending_sources(sources: Iterable[Source], kb: KnowledgeBase, report: IngestReport,
                     notify: Callable[[str, str], None]) -> Iterator[Source]:
    """The sources to send: files (with absolute paths) and URLs whose content hash the KB does not have."""
    for source in sources:
        if source.path is None and source.url is None:
            report_failure(InputError(f"{source.name}: standard input cannot be sent to Dask workers; "
                                      "ingest it without --executor dask"), report, notify)
            continue
        if source.url and source.url.lower().startswith("memory://"):
            report_failure(InputError(f"{source.name}: a memory:// file lives in this process only, Dask workers "
                                      "cannot open it; ingest it without --executor dask"), report, notify)
            continue
        try:
            digest = content_hash(source)
        except InputError as exc:
            report_failure(exc, report, notify)
            continue
        if kb.stored_hash(article_graph(article_id(source))) == digest:
            report.skipped += 1
            notify(source.origin or source.name, "skipped")
            continue
        yield source if source.path is None else replace(source, path=Path(os.path.abspath(source.path)))


def _partitions(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    iterator = iter(sources)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _run(client: Client, plugin: str, partitions: Iterator[list[Source]], threads: int,
         write: Callable[[ArticleGraph | InputError], None]) -> None:
    """Write results in partition order, keeping at most ``IN_FLIGHT`` partitions per worker thread
    in flight and ``WAITING`` per thread done but waiting for an earlier one (bounded memory)."""
    futures = as_completed()
    batches: dict[str, tuple[int, list[Source]]] = {}
    done: dict[int, list[ArticleGraph | InputError]] = {}
    submitted = completed = written = 0

    def refill() -> None:
        nonlocal submitted
        while (submitted - completed < IN_FLIGHT * threads and submitted - written < (IN_FLIGHT + WAITING) * threads
               and (batch := next(partitions, None)) is not None):
            future = client.submit(_process_partition, plugin, batch, key=f"{plugin}-{submitted}")
            batches[future.key] = (submitted, batch)
            futures.add(future)
            submitted += 1

    refill()
    for future in futures:
        index, batch = batches.pop(future.key)
        done[index] = _results(future, batch)
        future.release()
        completed += 1
        refill()  # first: the workers get new partitions before this process writes
        while written in done:
            for article in done.pop(written):
                write(article)
            written += 1
        refill()


def _results(future, batch: list[Source]) -> list[ArticleGraph | InputError]:
    """A partition's articles; when it killed worker after worker, one error per article."""
    try:
        return future.result()
    except KilledWorker:
        return [InputError(f"{source.name}: Dask workers died processing the partition of this article; "
                           "ingest it without --executor dask to see why") for source in batch]
    except KgError:
        raise
    except (OSError, TimeoutError) as exc:
        raise KgError(f"the Dask cluster failed ({exc}); articles written so far are in the KB, run again to "
                      "ingest the rest") from exc

