"""External SPARQL stores (kg/remote.py): `kg push` to a real `oxigraph serve`, `kg query --endpoint`.

The servers run on 127.0.0.1 on free ports, started here from the `oxigraph` package's binary
(a test extra); the tests skip when it is missing. The KB is built from tests/data/articles with
the blank pipeline and the test gazetteer, plus the hand-built small article: no model.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from conftest import ARTICLES, assert_isomorphic, make_small_extraction
from rdflib import Graph

from kg import queries
from kg.cli import cli
from kg.mapping import map_entities, map_to_graph
from kg.pipeline import ingest
from kg.remote import Endpoint, push
from kg.store import open_kb

NLA = "https://w3id.org/unikg/resource/org/northern-lakes-alliance"


def _oxigraph() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def start_server(tmp_path_factory):
    """Start `oxigraph serve` on 127.0.0.1 (in memory); returns its base URL; all are stopped at the end."""
    binary = _oxigraph()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph, a test extra)")
    started = []

    def start(*options: str) -> str:
        port = _free_port()
        log = tmp_path_factory.mktemp("oxigraph") / "server.log"
        process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}", *options],
                                   stdout=log.open("wb"), stderr=subprocess.STDOUT)
        started.append(process)
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1)
                return url
            except requests.ConnectionError:
                time.sleep(0.1)
        pytest.fail(f"oxigraph serve did not answer on port {port}: {log.read_text()}")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(start_server) -> str:
    """An Oxigraph server whose default graph is the union of its graphs, as the query library expects."""
    return start_server("--union-default-graph")


@pytest.fixture
def kb_dir(tmp_path, gazetteer):
    """A KB of the three test articles and the small article (its Northern Lakes Alliance members)."""
    ingest([ARTICLES], tmp_path / "kb", model="blank", gazetteer=gazetteer, export=False)
    extraction = make_small_extraction()
    with open_kb(tmp_path / "kb") as kb:
        kb.upsert_entities(map_entities(extraction))
        kb.replace_graph(map_to_graph(extraction))
    return tmp_path / "kb"


def _server_graph(server: str, name: str) -> Graph:
    response = requests.get(f"{server}/store", params={"graph": name}, headers={"Accept": "application/n-triples"})
    response.raise_for_status()
    return Graph().parse(data=response.text, format="nt")


def _kb_graphs(kb_dir) -> dict[str, Graph]:
    with open_kb(kb_dir, create=False, read_only=True) as kb:
        graphs = {}
        for name in kb.graphs():
            quads = kb.store.quads_for_pattern(None, None, None, ox.NamedNode(name))
            data = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
            graphs[name] = Graph().parse(data=data.decode(), format="nt")
    return graphs


def test_remote_push_then_query_the_library_through_the_endpoint(server, kb_dir, runner):
    result = runner.invoke(cli, ["push", "--kb", str(kb_dir), "--endpoint", f"{server}/store"])
    assert result.exit_code == 0, result.output
    graphs = _kb_graphs(kb_dir)
    assert f"{len(graphs)} graphs sent" in result.output
    for name, graph in graphs.items():
        assert_isomorphic(graph, _server_graph(server, name))
    args = ["query", "members-of", "--param", f"alliance={NLA}", "--format", "json"]
    remote = runner.invoke(cli, [*args, "--endpoint", f"{server}/query"])
    local = runner.invoke(cli, [*args, "--kb", str(kb_dir)])
    assert remote.exit_code == 0, remote.output
    rows = sorted(json.dumps(row, sort_keys=True) for row in json.loads(remote.output))
    assert rows == sorted(json.dumps(row, sort_keys=True) for row in json.loads(local.output))
    assert any("Brightwater University" in row for row in rows)


@pytest.mark.parametrize("query", [
    "articles",  # a full-scan library query with its page
    "SELECT ?a ?t WHERE { ?a a unikg:Article ; unikg:title ?t } ORDER BY ?a",
    "ASK { ?a a unikg:Article }",
    "CONSTRUCT { ?a a unikg:Article } WHERE { ?a a unikg:Article }",
])
def test_remote_endpoint_answers_as_the_kb(server, kb_dir, query):
    with open_kb(kb_dir, create=False, read_only=True) as kb:
        push(kb, f"{server}/store")
        expected = queries.run(kb, query)
    actual = queries.run(Endpoint(f"{server}/query"), query)
    assert actual.columns == expected.columns
    assert sorted(map(repr, actual.rows)) == sorted(map(repr, expected.rows))


def test_remote_push_sends_only_what_changed(start_server, kb_dir):
    server = start_server("--union-default-graph")  # its own: the record of what was pushed is per URL
    with open_kb(kb_dir, create=False, read_only=True) as kb:
        first = push(kb, f"{server}/store")
        again = push(kb, f"{server}/store")
        forced = push(kb, f"{server}/store", force=True)
        total = len(kb.graphs())
    assert (first.sent, again.sent, again.unchanged, forced.sent) == (total, 0, total, total)
    # an article id ends in a digest of the file's absolute path: find it by its slug, wherever the checkout is
    article = next(name for name in _kb_graphs(kb_dir) if name.rsplit("/", 1)[-1].startswith("bwu-joins-nla-"))
    with open_kb(kb_dir) as kb:
        assert kb.remove_article(article)
        after = push(kb, f"{server}/store")
    assert after.deleted == 1
    assert after.sent <= 1  # the entities graph, when the article was the only one to mention an entity
    assert not bool(Endpoint(f"{server}/query").query(f"ASK {{ GRAPH <{article}> {{ ?s ?p ?o }} }}"))


def test_remote_endpoint_without_union_default_graph_is_explained(start_server, kb_dir, runner):
    server = start_server()
    with open_kb(kb_dir, create=False, read_only=True) as kb:
        push(kb, f"{server}/store")
    result = runner.invoke(cli, ["query", "articles", "--endpoint", f"{server}/query"])
    assert result.exit_code == 1
    assert f"Error: {server}/query: the default graph is empty but the named graphs are not" in result.output
    assert "--union-default-graph" in result.output


@pytest.mark.parametrize("args, message", [
    (["query", "SELECT * WHERE {{ ?s ?p ", "--endpoint", "{server}/query"], "Error: SPARQL syntax error: error at 1:24"),
    (["query", "articles", "--endpoint", "http://127.0.0.1:{closed}/query"],
     "Error: http://127.0.0.1:{closed}/query: cannot reach the SPARQL endpoint"),
    (["push", "--kb", "{kb}", "--endpoint", "http://127.0.0.1:{closed}/store"],
     "Error: http://127.0.0.1:{closed}/store: cannot reach the Graph Store endpoint"),
    (["push", "--kb", "{kb}", "--endpoint", "{server}/query"],
     "Error: {server}/query refused PUT of graph https://w3id.org/unikg/resource/graph/gazetteer (HTTP 404)"),
    (["push", "--kb", "{missing}", "--endpoint", "{server}/store"], "Error: {missing}: no KB here"),
])
def test_remote_bad_input_is_a_clear_error(server, kb_dir, runner, tmp_path, args, message):
    values = {"server": server, "closed": _free_port(), "kb": kb_dir, "missing": tmp_path / "none"}
    result = runner.invoke(cli, [arg.format(**values) for arg in args])
    assert result.exit_code == 1
    assert message.format(**values) in result.output


def test_remote_query_endpoint_takes_no_kb(runner, tmp_path):
    result = runner.invoke(cli, ["query", "articles", "--endpoint", "http://127.0.0.1:9/query", "--kb", str(tmp_path)])
    assert result.exit_code == 2
    assert "Invalid value for --kb: names a KB; with --endpoint the query runs on the server" in result.output
