"""Extraction in forked child processes while this process writes the store.

``kg ingest`` used to parse, extract, map and then write each article in turn, so the store's
writes (pyoxigraph and the fact summary, about a tenth of an ingest) added to the parse time;
with spaCy's own ``n_process`` the parent also unpacked every parsed Doc and resolved and mapped
it, and became the bottleneck. Here the whole per-article work (:func:`kg.pipeline.map_articles`)
runs in children forked from this process, which already holds the loaded spaCy pipeline and
gazetteer matcher; each child sends its articles' graphs back as N-Quads, as a Dask worker does,
and this process stays the single writer. The writes then overlap the parsing.

Children never touch the KB. A child leaves when this process closes its queue, and also when
this process dies without closing it (on Linux the kernel kills it; elsewhere it watches its
parent between documents), so a killed ingest leaves no process behind.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import queue
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

__all__ = ["available", "map_in_children"]

_DONE = None  # the end of the documents
_POLL = 1.0  # seconds between a child's checks that its parent is alive, and the parent's that its children are


def available() -> bool:
    """Whether this platform forks processes (POSIX)."""
    return os.name == "posix" and "fork" in multiprocessing.get_all_start_methods()


def map_in_children(documents: Iterable, work, cache_dir: Path | None, mapper: Callable, processes: int,
                    window: int) -> Iterator:
    """``mapper(documents, work, 1, cache_dir)`` run in ``processes`` forked children; its
    results, in the order of ``documents``.

    Documents go to the children in turn (the i-th to child i mod n), and the results are
    read back in the same turn, so the order and the result are those of one process.

    Args:
        documents: the documents to map, read in this process (lazily: a document is taken
            only when its child has room for it).
        work: the :class:`kg.pipeline.ArticleWork`.
        cache_dir: the KB's cache folder.
        mapper: :func:`kg.pipeline.map_articles`.
        processes: children to fork.
        window: documents in flight per child at most (more than one spaCy batch, or the child
            waits for a batch this process never sends).
    Returns:
        An iterator of the mapper's results, packed (:meth:`ArticleGraph.packed`).
    Raises:
        Whatever the mapper raised in a child; RuntimeError when a child died.
    """
    context = multiprocessing.get_context("fork")
    children = []
    try:
        for _ in range(processes):
            inbox, outbox = context.Queue(), context.Queue()
            child = context.Process(target=_child, args=(inbox, outbox, work, cache_dir, mapper, os.getpid()),
                                    name="kg-extract", daemon=True)
            child.start()
            children.append((child, inbox, outbox))
        yield from _exchange(iter(documents), children, window)
    finally:
        for _, inbox, _ in children:
            inbox.close()
        for child, _, _ in children:
            child.join(timeout=5)
            if child.is_alive():  # stopped early (an error here, a consumer that stopped): do not wait
                child.kill()
                child.join()


def _exchange(documents: Iterator, children: list, window: int) -> Iterator:
    sent = received = 0
    exhausted = False
    while True:
        while not exhausted and sent - received < window * len(children):
            document = next(documents, _DONE)
            if document is _DONE:
                exhausted = True
                for _, inbox, _ in children:
                    inbox.put(_DONE)
            else:
                children[sent % len(children)][1].put(document)
                sent += 1
        if received == sent:
            return
        child, _, outbox = children[received % len(children)]
        yield _receive(outbox, child)
        received += 1


def _receive(outbox, child):
    while True:
        try:
            kind, value = outbox.get(timeout=_POLL)
        except queue.Empty:
            if not child.is_alive():
                raise RuntimeError(f"the extraction process ended unexpectedly (exit code {child.exitcode})") from None
            continue
        if kind == "error":
            raise value
        return value


def _die_with(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (PR_SET_PDEATHSIG), so that a killed
    ingest leaves no child parsing on; elsewhere the child notices between documents."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before we asked
        os._exit(1)


def _child(inbox, outbox, work, cache_dir, mapper, parent: int) -> None:
    _die_with(parent)

    def documents():
        while True:
            try:
                document = inbox.get(timeout=_POLL)
            except queue.Empty:
                if os.getppid() != parent:
                    os._exit(1)  # the parent died: nobody will read what we make
                continue
            if document is _DONE:
                return
            yield document

    try:
        for result in mapper(documents(), work, 1, cache_dir):
            outbox.put(("result", result.packed() if hasattr(result, "packed") else result))  # or an article's error
    except BaseException as exc:  # noqa: BLE001 - every failure goes to the parent, which raises it
        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:  # an exception that does not pickle: its message still does
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        outbox.put(("error", exc))
    outbox.close()
    outbox.join_thread()
