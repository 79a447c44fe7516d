"""kg.forked: the per-article work in forked children while this process writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg import forked

pytestmark = pytest.mark.skipif(not forked.available(), reason="this platform does not fork processes")


@dataclass(frozen=True)
class Done:
    """A stand-in for an ArticleGraph: the document and the process that mapped it."""

    document: object
    pid: int

    def packed(self):
        return self


def tag(documents, work, workers, cache_dir):
    for document in documents:
        if document == work:
            raise ValueError(f"article {document} is bad")
        yield Done(document, os.getpid())


def test_forked_results_come_back_in_the_order_of_the_documents_from_every_child():
    results = list(forked.map_in_children(range(50), None, None, tag, processes=2, window=3))
    assert [r.document for r in results] == list(range(50))
    pids = {r.pid for r in results}
    assert len(pids) == 2 and os.getpid() not in pids  # the work ran in two children, not here


def test_forked_documents_are_taken_only_when_a_child_has_room():
    taken = []

    def documents():
        for i in range(40):
            taken.append(i)
            yield i

    results = forked.map_in_children(documents(), None, None, tag, processes=1, window=4)
    first = next(results)
    assert first.document == 0 and len(taken) <= 5  # a window of 4 in flight (and one more read to refill it)
    assert [r.document for r in results] == list(range(1, 40))


def test_forked_an_error_in_a_child_is_raised_here_and_no_child_is_left():
    import multiprocessing

    with pytest.raises(ValueError, match="article 7 is bad"):
        list(forked.map_in_children(range(20), 7, None, tag, processes=2, window=2))
    assert multiprocessing.active_children() == []


def test_forked_no_documents_give_no_results():
    assert list(forked.map_in_children([], None, None, tag, processes=2, window=2)) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; elsewhere a child notices between documents")
def test_forked_children_leave_when_the_parent_is_killed(tmp_path: Path):
    """A SIGKILLed ingest must not leave extraction processes behind (they would hold memory)."""
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent("""
        import os, sys, time
        from kg import forked

        def slow(documents, work, workers, cache_dir):
            for document in documents:
                print("child", os.getpid(), flush=True)
                time.sleep(60)
                yield document

        for _ in forked.map_in_children(range(4), None, None, slow, processes=1, window=2):
            pass
    """))
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[1])
    line = parent.stdout.readline()
    assert line.startswith("child"), line
    child = int(line.split()[1])
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.2)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False
