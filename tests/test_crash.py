"""Crash safety of ingest, export and remove (issue 12): SIGKILL at random points, then recovery.

Forked children (so each one starts in milliseconds, with the libraries already imported) ingest a
small corpus with the blank spaCy pipeline, export, or remove an article, and are killed after a
random delay: at least 20 kills in a bounded time. Re-running the ingest then gives a KB whose
named graphs are isomorphic to those of a clean run of the same corpus, with no temporary files
(or staging graphs) left behind.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

import pyoxigraph as ox
import pytest
from conftest import ROOT, assert_isomorphic
from rdflib import BNode, Graph

from kg.store import open_kb

CORPUS = [ROOT / "data" / "articles" / name for name in (
    "hit-hosts-asrtu-forum.txt", "idea-league-25-years.md", "uq-qs-2024-go8.html",
    "russell-group-welcomes-four-universities.txt")]
KILLS = 20
BUDGET = 45.0  # seconds for the kill loop


def _ingest(kb_dir: str) -> None:
    from kg.pipeline import ingest

    ingest([str(p) for p in CORPUS], kb_dir, model="blank")


def _export(kb_dir: str) -> None:
    from kg.export import write_exports

    with open_kb(kb_dir, create=False) as kb:
        write_exports(kb)


def _remove(kb_dir: str, article: str) -> None:
    from kg.export import write_exports

    with open_kb(kb_dir, create=False) as kb:
        kb.remove_article(article)
        write_exports(kb)


def _warm_up() -> None:
    """Import and cache what an ingest needs, without opening a store (no store threads before fork)."""
    import kg.export  # noqa: F401
    import kg.pipeline  # noqa: F401
    from kg.extract.nlp import load_nlp
    from kg.gazetteer import load_gazetteer

    load_nlp("blank")
    load_gazetteer()


def _child(target, *args) -> None:
    target(*args)
    os._exit(0)


def _named_graphs(kb_dir) -> tuple[dict, list[str]]:
    """Every named graph of the KB, as an rdflib graph by name, and the staging graphs left."""
    with open_kb(kb_dir, create=False, read_only=True) as kb:
        graphs = {}
        for name in kb.graphs():
            triples = [q.triple for q in kb.store.quads_for_pattern(None, None, None, ox.NamedNode(name))]
            graphs[name] = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
        staging = [g.value for g in kb.store.named_graphs() if "/staging/" in g.value]
    return graphs, staging


def _leftovers(kb_dir) -> list[str]:
    return sorted(str(p.relative_to(kb_dir)) for p in kb_dir.rglob("*")
                  if p.name.endswith(".tmp") or (p.name.startswith(".") and p.parent == kb_dir))


@pytest.fixture(scope="module")
def fork():
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs fork")
    _ingest_in_child = multiprocessing.get_context("fork")
    return _ingest_in_child


def _run(fork, target, *args, kill_after: float | None = None) -> bool:
    """Run ``target`` in a forked child; SIGKILL it after ``kill_after`` s. True if it was killed."""
    child = fork.Process(target=_child, args=(target, *args))
    child.start()
    child.join(kill_after if kill_after is not None else 120)
    if child.is_alive():
        assert kill_after is not None, f"{target.__name__} did not finish within 120 s"
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        return True
    assert child.exitcode == 0, f"{target.__name__} failed (exit code {child.exitcode})"
    return False


def test_crash_sigkill_during_ingest_export_remove_then_rerun_equals_clean_run(tmp_path, fork):
    clean, crashed = tmp_path / "clean", tmp_path / "crashed"
    _warm_up()  # imports and cached models in this process: each forked child starts warm
    started = time.monotonic()
    _run(fork, _ingest, str(clean))
    full_ingest = time.monotonic() - started
    rng = random.Random(int(os.environ.get("KG_CRASH_SEED", "12")))
    kills, attempts, kinds = 0, 0, set()
    took = {"ingest": full_ingest, "export": full_ingest, "remove": full_ingest}  # refined as runs finish
    deadline = time.monotonic() + BUDGET
    while kills < KILLS and time.monotonic() < deadline:
        attempts += 1
        kind = rng.choice(["ingest", "ingest", "export", "remove"]) if (crashed / "store").exists() else "ingest"
        target, args = {"ingest": (_ingest, ()), "export": (_export, ()),
                        "remove": (_remove, (str(rng.choice(CORPUS)),))}[kind]
        begun = time.monotonic()
        if _run(fork, target, str(crashed), *args, kill_after=rng.uniform(0.01, 0.8 * took[kind])):
            kills += 1
            kinds.add(kind)
        else:
            took[kind] = time.monotonic() - begun
    assert kills >= KILLS, f"only {kills} kills in {attempts} attempts within {BUDGET:g} s"
    assert kinds == {"ingest", "export", "remove"}
    print(f"full ingest {full_ingest:.2f} s; {kills} kills in {attempts} attempts, {time.monotonic() - started:.1f} s")
    _run(fork, _ingest, str(crashed))  # recovery: the same command, run to the end
    expected, _ = _named_graphs(clean)
    actual, staging = _named_graphs(crashed)
    assert sorted(actual) == sorted(expected)
    for name in expected:
        if any(isinstance(term, BNode) for triple in expected[name] for term in triple):
            assert_isomorphic(expected[name], actual[name])
        else:  # no blank nodes: isomorphic means equal, and comparing sets is fast
            assert set(expected[name]) == set(actual[name]), name
    assert staging == []
    assert _leftovers(crashed) == []
    assert {p.name for p in crashed.glob("graph.*")} == {p.name for p in clean.glob("graph.*")}
