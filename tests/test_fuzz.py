"""Property-based fuzzing of ``kg ingest`` (issue 12): any Unicode text under any file name.

Each example writes one article and ingests it, with the blank spaCy pipeline, into a KB shared
by all examples (as a long-lived KB collects odd articles). The run either succeeds or fails
with our one-line error (exit 1, ``Error: ...`` or the bad article named on stderr, never a
traceback), and afterwards every export parses and they agree with each other.
The example count is bounded so the default test run stays fast.
"""

from __future__ import annotations

import json
import os

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import cli

SUFFIXES = (".txt", ".md", ".html", ".htm", "")


def _file_name(stem: str, suffix: str) -> str | None:
    name = stem.replace("/", "_").replace("\x00", "_") + suffix
    if not _encodable(name) or name in ("", ".", "..") or len(os.fsencode(name)) > 200:
        return None
    return name


def _encodable(name: str) -> bool:
    try:
        os.fsencode(name)
    except UnicodeEncodeError:  # lone surrogates: no file system name
        return False
    return True


names = st.builds(_file_name, st.text(min_size=1, max_size=40), st.sampled_from(SUFFIXES)).filter(bool)
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(["ASRTU", "Harbin Institute of Technology", "joined", "the", "\u0001", "\ufffe",
                              "Université", "東北大学", "\n\n", "<p>", "</p>", "&amp;", "#", "\\", '"', "2021"]),
             max_size=60).map(" ".join),
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


def _assert_exports_agree(kb) -> None:
    union = {(q.subject, q.predicate, q.object) for q in ox.parse(path=kb / "graph.ttl", format=ox.RdfFormat.TURTLE)}
    named = {(q.subject, q.predicate, q.object) for q in ox.parse(path=kb / "graph.trig", format=ox.RdfFormat.TRIG)}
    assert len(union) == len(named), "graph.ttl and graph.trig hold different triples"
    graphml = nx.read_graphml(kb / "graph.graphml")
    node_link = json.loads((kb / "graph.json").read_text(encoding="utf-8"))
    assert graphml.number_of_nodes() == len(node_link["nodes"])
    assert graphml.number_of_edges() == len(node_link["edges"] if "edges" in node_link else node_link["links"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(name=names, text=texts, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "raw"]))
def test_fuzz_ingest_any_text_and_name(shared, runner, name, text, encoding):
    folder = shared / "in"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    path = folder / name
    if encoding == "raw":
        data = text.encode("utf-8", errors="surrogatepass")
    else:
        data = text.encode(encoding, errors="replace" if encoding == "latin-1" else "surrogatepass")
    path.write_bytes(data)
    result = runner.invoke(cli, ["ingest", str(path), "--kb", str(shared / "kb"), "--model", "blank"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stderr.strip(), "failed without saying why"
    _assert_exports_agree(shared / "kb")
