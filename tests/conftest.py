"""Shared fixtures for the unikg tests.

The default run (``pytest -m "not slow"``) needs no spaCy model and no network: fixtures
that load ``en_core_web_sm`` are used only by tests marked ``@pytest.mark.slow``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.gazetteer import Gazetteer, build_gazetteer, load_gazetteer, read_toml_entries
from kg.model import Document, Entity, Extraction, Meta, Mention, Relation
from kg.namespaces import mint_iri
from kg.store import open_kb

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
ARTICLES = DATA / "articles"
GOLDEN = TESTS / "golden"
ROOT = TESTS.parent
ONTOLOGY = ROOT / "ontologies" / "unikg.ttl"
SHAPES = ROOT / "ontologies" / "shapes.ttl"


@pytest.fixture(scope="session", autouse=True)
def _unikg_cache(tmp_path_factory):
    """New KBs' templates (kg.pipeline.new_kb_template) go to a folder of this test session, not ~/.cache."""
    before = os.environ.get("UNIKG_CACHE")
    os.environ["UNIKG_CACHE"] = str(tmp_path_factory.mktemp("unikg-cache"))
    yield
    if before is None:
        del os.environ["UNIKG_CACHE"]
    else:
        os.environ["UNIKG_CACHE"] = before


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Assert two graphs are isomorphic; on failure print what only one of them has."""
    if isomorphic(expected, actual):
        return
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = ["graphs differ", "only in expected:"]
    lines += sorted(f"  {t}" for t in only_expected.triples((None, None, None)))
    lines += ["only in actual:"]
    lines += sorted(f"  {t}" for t in only_actual.triples((None, None, None)))
    print("\n".join(lines))
    pytest.fail("\n".join(lines[:60]))


def named_graphs(kb_dir) -> dict[str, Graph]:
    """Every named graph of a KB as an rdflib graph."""
    graphs = {}
    with open_kb(kb_dir, create=False, read_only=True) as kb:
        for name in kb.graphs():
            quads = kb.store.quads_for_pattern(None, None, None, ox.NamedNode(name))
            data = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
            graphs[name] = Graph().parse(data=data.decode(), format="nt")
    return graphs


def assert_same_graphs(expected: dict[str, Graph], kb_dir) -> None:
    """Assert a KB holds exactly these named graphs, each isomorphic to the expected one."""
    actual = named_graphs(kb_dir)
    assert sorted(actual) == sorted(expected)
    for name, graph in expected.items():
        assert_isomorphic(graph, actual[name])


@pytest.fixture(scope="session")
def nlp():
    """The blank English pipeline (tokenizer, paragraph breaks, sentencizer): no model needed."""
    from kg.extract.nlp import load_nlp

    return load_nlp("blank")


@pytest.fixture(scope="session")
def model_nlp():
    """The pretrained pipeline (en_core_web_sm or its re-upload); only for @pytest.mark.slow tests."""
    from kg.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The small made-up gazetteer of tests/data/gazetteer.toml (9 entries)."""
    path = DATA / "gazetteer.toml"
    return build_gazetteer((record, path.name) for record in read_toml_entries(path))


@pytest.fixture(scope="session")
def builtin_gazetteer() -> Gazetteer:
    """The built-in gazetteer of data/gazetteer/*.toml."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def sample_docs() -> list[Document]:
    """The three article fixtures of tests/data/articles, read and cleaned."""
    from kg.read import iter_sources, read_document

    return [read_document(source) for source in iter_sources([ARTICLES])]


def _mention(text: str, label: str, key: str | None = None) -> Mention:
    return Mention("small-1", 0, len(text), text, label, key)


def make_small_extraction() -> Extraction:
    """A hand-built extraction: 4 entities, one fact of every mapped kind (8 relations)."""
    meta = Meta(title="Brightwater University joins the Northern Lakes Alliance", published="2023-03-12",
                url="https://news.brightwater.edu.cn/2023/nla", domains=("news.brightwater.edu.cn",))
    document = Document("small-1", "Brightwater University joins the Northern Lakes Alliance.", "small.txt", meta,
                        "a" * 64)
    bwu = str(mint_iri("University", "Brightwater University"))
    kstu = str(mint_iri("University", "Kama State Technical University"))
    nla = str(mint_iri("Alliance", "Northern Lakes Alliance"))
    gat = str(mint_iri("Ranking", "Global Academic Table"))
    han = str(mint_iri("Person", "Han Lirong"))
    entities = (
        Entity(bwu, "Brightwater University", "University", (_mention("Brightwater University", "University"),),
               acronyms=("BWU",)),
        Entity(kstu, "Kama State Technical University", "University",
               (_mention("Kama State Technical University", "University"),)),
        Entity(nla, "Northern Lakes Alliance", "Alliance", (_mention("Northern Lakes Alliance", "Alliance"),),
               aliases=("the Lakes Alliance",)),
        Entity(gat, "Global Academic Table", "Ranking", (_mention("Global Academic Table", "Ranking"),)),
        Entity(han, "Han Lirong", "Person", (_mention("Han Lirong", "Person"),)),
    )
    said = "Brightwater University joined the Northern Lakes Alliance as an observer in March 2023."
    relations = (
        Relation(bwu, "memberOf", nla, said, (("role", "observer"), ("since", "2023-03"))),
        Relation(kstu, "memberOf", nla, "KSTU left the alliance in 2021.", (("role", "former"), ("until", "2021"))),
        Relation(nla, "founded", "2012-05-04", "The alliance was founded on 4 May 2012."),
        Relation(nla, "founder", kstu, "KSTU founded the alliance."),
        Relation(bwu, "partnerOf", kstu, "BWU signed an agreement with KSTU."),
        Relation(bwu, "rankedIn", gat, "BWU ranked 88th in the GAT 2024.", (("rank", "88"), ("year", "2024"))),
        Relation(nla, "memberCount", "12", "The alliance has 12 members."),
        Relation(han, "headOf", bwu, "Han Lirong, President of BWU, spoke.", (("role", "president"),)),
        Relation(kstu, "country", "RU", "Russian universities, including KSTU, attended."),
    )
    return Extraction(document, entities, relations, publisher=bwu)


@pytest.fixture
def small_extraction() -> Extraction:
    return make_small_extraction()


@pytest.fixture
def small_graph() -> Graph:
    """The article graph of :func:`make_small_extraction` (mapped with kg.mapping)."""
    from kg.mapping import map_to_graph

    return map_to_graph(make_small_extraction())


@pytest.fixture
def small_entities() -> Graph:
    """The entity descriptions of :func:`make_small_extraction` (for the shared entities graph)."""
    from kg.mapping import map_entities

    return map_entities(make_small_extraction())


@pytest.fixture
def small_union(small_graph, small_entities) -> Graph:
    """What the small article adds to the KB: its graph and its entity descriptions."""
    union = Graph()
    for triple in (*small_graph, *small_entities):
        union.add(triple)
    return union


@pytest.fixture
def kb(tmp_path, small_graph, small_entities):
    """A KB in a temporary folder holding the small article graph and its entities."""
    kb = open_kb(tmp_path / "kb")
    kb.upsert_entities(small_entities)
    kb.replace_graph(small_graph)
    yield kb
    if hasattr(kb, "store"):
        kb.close()


@pytest.fixture
def no_proxy(monkeypatch):
    """Clients (urllib, SPARQLWrapper, rdflib) talk to servers on 127.0.0.1 directly, never via a proxy."""
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def kill_after_writes(code: str, args: list[str], writes: int, timeout: float = 60) -> list[int]:
    """Run Python ``code`` with ``args`` in a child process that prints one number per completed
    write; SIGKILL it once ``writes`` numbers are read (or at ``timeout`` seconds) and return them.
    Fails if the child ended by itself, before it could be killed."""
    import signal
    import subprocess
    import sys
    import time

    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    completed: list[int] = []
    deadline = time.monotonic() + timeout
    while len(completed) < writes and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line or line.strip() == "done":
            break
        completed.append(int(line))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, "the child finished before it could be killed"
    return completed


def parsed_doc(nlp, words, *, heads=None, deps=None, pos=None, lemmas=None, tags=None):
    """A Doc with a hand-written parse, so rules are tested without the statistical model.

    ``heads`` are absolute token indices (a root is its own head); one sentence per "." token.
    """
    from spacy.tokens import Doc

    n = len(words)
    starts = [i == 0 or words[i - 1] == "." for i in range(n)]
    return Doc(nlp.vocab, words=words, heads=heads or list(range(n)), deps=deps or ["dep"] * n,
               pos=pos or ["PROPN" if w[:1].isupper() else "X" for w in words],
               lemmas=lemmas or [w.lower() for w in words], tags=tags or ["NNP"] * n, sent_starts=starts)


@pytest.fixture
def memory_url():
    """A fresh folder of fsspec's in-memory filesystem (``memory://unikg-…``), removed afterwards.

    Write into it with :func:`put_url`. Only this process sees it (not a Dask worker).
    """
    import uuid

    import fsspec

    url = f"memory://unikg-{uuid.uuid4().hex[:12]}"
    yield url
    fs = fsspec.filesystem("memory")
    if fs.exists(url):
        fs.rm(url, recursive=True)


def put_url(url: str, data: bytes | str) -> str:
    """Write ``data`` (text as UTF-8) at the fsspec URL ``url``; returns the URL."""
    import fsspec

    with fsspec.open(url, "wb") as file:
        file.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return url
