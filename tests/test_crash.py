"""Crash safety of ingest, export and remove (issue 12): SIGKILL at random points, then recovery.

Children forked by a helper process (so each starts in milliseconds with the libraries imported,
and no store is open in the process that forks) ingest a small corpus with the blank spaCy
pipeline, export, or remove an article, and are killed after a random delay: at least 20 kills in a bounded time. Re-running the ingest then gives a KB whose
named graphs are isomorphic to those of a clean run of the same corpus, with no temporary files
(or staging graphs) left behind.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
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


HELPER = textwrap.dedent(r"""
    # Forks a child per command (ingest KB | export KB | remove KB ARTICLE, and a kill delay or
    # "none"), kills it after the delay, answers "killed", "done" or "failed CODE". This process
    # never opens a store, so forking it is safe (the test process may hold store threads).
    import os, signal, sys, time
    import kg.export, kg.pipeline
    from kg.extract.nlp import load_nlp
    from kg.gazetteer import load_gazetteer
    from kg.store import open_kb

    CORPUS = sys.argv[1:]
    load_nlp("blank"); load_gazetteer()

    def run(kind, kb_dir, article):
        if kind == "ingest":
            kg.pipeline.ingest(CORPUS, kb_dir, model="blank")
            return
        with open_kb(kb_dir, create=False) as kb:
            if kind == "remove":
                kb.remove_article(article)
            kg.export.write_exports(kb)

    print("ready", flush=True)
    for line in sys.stdin:
        kind, kb_dir, article, delay = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:
            run(kind, kb_dir, article)
            os._exit(0)
        deadline = time.monotonic() + (120 if delay == "none" else float(delay))
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.005)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            print("killed", flush=True)
            continue
        code = os.waitstatus_to_exitcode(status)
        print("done" if code == 0 else f"failed {code}", flush=True)
""")


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
def helper():
    if not hasattr(os, "fork"):
        pytest.skip("needs fork")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", HELPER, *map(str, CORPUS)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert process.stdout.readline().strip() == "ready"
    yield process
    process.stdin.close()
    process.wait(30)


def _run(helper, kind: str, kb_dir, article: str = "", kill_after: float | None = None) -> bool:
    """Run one command in a forked child of the helper; SIGKILL it after ``kill_after`` s. True if killed."""
    delay = "none" if kill_after is None else f"{kill_after:.4f}"
    helper.stdin.write(f"{kind}\t{kb_dir}\t{article}\t{delay}\n")
    helper.stdin.flush()
    answer = helper.stdout.readline().strip()
    assert answer in ("killed", "done"), f"{kind} failed or did not finish in 120 s: {answer!r}"
    assert kill_after is not None or answer == "done"
    return answer == "killed"


def test_crash_sigkill_during_ingest_export_remove_then_rerun_equals_clean_run(tmp_path, helper):
    clean, crashed = tmp_path / "clean", tmp_path / "crashed"
    started = time.monotonic()
    _run(helper, "ingest", clean)
    full_ingest = time.monotonic() - started
    rng = random.Random(int(os.environ.get("KG_CRASH_SEED", "12")))
    kills, attempts, kinds = 0, 0, set()
    took = {"ingest": full_ingest, "export": full_ingest, "remove": full_ingest}  # refined as runs finish
    deadline = time.monotonic() + BUDGET
    while kills < KILLS and time.monotonic() < deadline:
        attempts += 1
        kind = rng.choice(["ingest", "ingest", "export", "remove"]) if (crashed / "store").exists() else "ingest"
        article = str(rng.choice(CORPUS)) if kind == "remove" else ""
        begun = time.monotonic()
        if _run(helper, kind, crashed, article, kill_after=rng.uniform(0.01, 0.8 * took[kind])):
            kills += 1
            kinds.add(kind)
        else:
            took[kind] = time.monotonic() - begun
    assert kills >= KILLS, f"only {kills} kills in {attempts} attempts within {BUDGET:g} s"
    assert kinds == {"ingest", "export", "remove"}
    print(f"full ingest {full_ingest:.2f} s; {kills} kills in {attempts} attempts, {time.monotonic() - started:.1f} s")
    _run(helper, "ingest", crashed)  # recovery: the same command, run to the end
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
