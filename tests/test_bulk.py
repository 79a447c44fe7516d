"""Bulk loading (kg/bulk.py, `kg load`): round trips of exports, the KB's invariants, bad files.

The KBs are built from tests/data/articles with the blank pipeline and the test gazetteer: no model.
"""

from __future__ import annotations

import gzip
import shutil

import pyoxigraph as ox
import pytest
from conftest import ARTICLES, assert_same_graphs, named_graphs

from kg import bulk
from kg.bulk import load_files
from kg.cli import cli
from kg.export import EXPORT_FILES, export
from kg.namespaces import ENTITIES_GRAPH
from kg.pipeline import ingest
from kg.store import open_kb

ARTICLE_COUNT = 3  # tests/data/articles holds 3 articles
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@pytest.fixture(scope="module")
def source_kb(tmp_path_factory, gazetteer):
    """A KB of the three test articles, and its N-Quads and TriG exports."""
    folder = tmp_path_factory.mktemp("source")
    report = ingest([ARTICLES], folder / "kb", model="blank", gazetteer=gazetteer, export=False)
    assert report.ingested == ARTICLE_COUNT
    with open_kb(folder / "kb") as kb:
        for fmt, name in (("nquads", "kb.nq"), ("trig", "kb.trig")):
            export(kb, fmt, folder / name)
    return folder


@pytest.mark.parametrize("name", ["kb.nq", "kb.trig", "kb.nq.gz"])
def test_bulk_load_round_trip_of_an_export(source_kb, tmp_path, runner, name):
    if name.endswith(".gz"):
        with open(source_kb / "kb.nq", "rb") as plain, gzip.open(source_kb / name, "wb") as packed:
            shutil.copyfileobj(plain, packed)
    result = runner.invoke(cli, ["load", str(source_kb / name), "--kb", str(tmp_path / "kb")])
    assert result.exit_code == 0, result.output
    assert f"{ARTICLE_COUNT} article graphs, 0 graphs replaced" in result.output
    assert_same_graphs(named_graphs(source_kb / "kb"), tmp_path / "kb")
    assert all((tmp_path / "kb" / file).is_file() for file in EXPORT_FILES)  # exports refreshed
    with open_kb(tmp_path / "kb") as kb:
        assert kb.article_count() == ARTICLE_COUNT


def test_bulk_load_again_replaces_graphs(source_kb, tmp_path):
    kb_dir = tmp_path / "kb"
    with open_kb(kb_dir) as kb:
        load_files(kb, [source_kb / "kb.nq"])
        size = len(kb)
        report = load_files(kb, [source_kb / "kb.nq"])
        assert len(kb) == size  # replaced, not doubled
    assert report.replaced == ARTICLE_COUNT + 1  # the articles and the gazetteer graph
    text = (source_kb / "kb.nq").read_text(encoding="utf-8")
    article = next(name for name in named_graphs(source_kb / "kb") if "/article/" in name)
    lines = [line for line in text.splitlines() if line.endswith(f"<{article}> .")]
    changed = tmp_path / "changed.nq"  # the article's graph with one statement less, as a shard
    changed.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    with open_kb(kb_dir) as kb:
        load_files(kb, [changed])
        assert len(kb) == size - 1
        assert kb.article_count() == ARTICLE_COUNT


def test_bulk_load_keeps_the_kbs_entity_labels(source_kb, tmp_path):
    entity = next(s for s, p, _ in named_graphs(source_kb / "kb")[str(ENTITIES_GRAPH)] if str(p) == RDFS_LABEL)
    shard = tmp_path / "shard.nq"
    graph = f"<{ENTITIES_GRAPH}>"
    shard.write_text(f'<{entity}> <{RDFS_LABEL}> "Another Name" {graph} .\n'
                     f'<{entity}> <http://www.w3.org/2004/02/skos/core#altLabel> "Another Name" {graph} .\n',
                     encoding="utf-8")
    with open_kb(tmp_path / "kb") as kb:
        load_files(kb, [source_kb / "kb.nq"])
        before = {q.object.value for q in kb.store.quads_for_pattern(ox.NamedNode(str(entity)), ox.NamedNode(RDFS_LABEL), None, None)}
        load_files(kb, [shard])
        labels = {q.object.value for q in kb.store.quads_for_pattern(ox.NamedNode(str(entity)), ox.NamedNode(RDFS_LABEL), None, None)}
        names = {q.object.value for q in kb.store.quads_for_pattern(ox.NamedNode(str(entity)), None, None, None)}
    assert labels == before and len(labels) == 1  # the label it had
    assert "Another Name" in names  # as another name


def test_bulk_load_first_label_in_the_files_wins(tmp_path):
    graph, entity = f"<{ENTITIES_GRAPH}>", "<https://w3id.org/unikg/resource/org/new-university>"
    first, second = tmp_path / "a.nq", tmp_path / "b.nq"
    first.write_text(f'{entity} <{RDFS_LABEL}> "New University" {graph} .\n', encoding="utf-8")
    second.write_text(f'{entity} <{RDFS_LABEL}> "new university" {graph} .\n', encoding="utf-8")
    with open_kb(tmp_path / "kb") as kb:
        load_files(kb, [first, second])
        labels = [q.object.value for q in kb.store.quads_for_pattern(None, ox.NamedNode(RDFS_LABEL), None, None)]
    assert labels == ["New University"]


def test_bulk_load_cut_over_threads_is_the_same(source_kb, tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "_SPLIT_FROM", 1)  # cut even this small file
    assert len(list(bulk._line_ranges(source_kb / "kb.nq", 3))) == 3
    with open_kb(tmp_path / "kb") as kb:
        load_files(kb, [source_kb / "kb.nq"], threads=3)
    assert_same_graphs(named_graphs(source_kb / "kb"), tmp_path / "kb")


def test_bulk_load_keeps_blank_nodes_of_a_file_together(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "_SPLIT_FROM", 1)
    graph = "<https://w3id.org/unikg/resource/article/b>"
    shard = tmp_path / "blank.nq"
    shard.write_text("".join(f'_:n <https://w3id.org/unikg/ontology#rank> "{i}" {graph} .\n' for i in range(50)))
    with open_kb(tmp_path / "kb") as kb:
        load_files(kb, [shard], threads=4)
        subjects = {q.subject for q in kb.store.quads_for_pattern(None, None, None, ox.NamedNode(graph[1:-1]))}
    assert len(subjects) == 1  # one blank node, not one per cut


@pytest.mark.parametrize("name, text, message", [
    ("kb.ttl", "<http://x/s> <http://x/p> <http://x/o> .\n",
     "kb.ttl: kg load reads N-Quads (.nq) and TriG (.trig) files, maybe gzipped (.nq.gz)"),
    ("broken.nq", "<https://w3id.org/unikg/resource/article/a> <http://x/p> \"unterminated <https://w3id.org/unikg/resource/article/a> .\n",
     "broken.nq: not valid N-Quads (Parser error between line 1 column 58"),
    ("default.nq", "<http://x/s> <http://x/p> <http://x/o> .\n",
     "default.nq: the statement <http://x/s> <http://x/p> <http://x/o> is in no named graph"),
    ("foreign.trig", "<http://x/g> { <http://x/s> <http://x/p> <http://x/o> . }\n",
     "foreign.trig: graph <http://x/g> is not one of the KB's graphs"),
])
def test_bulk_load_bad_file_is_a_clear_error_and_changes_nothing(source_kb, tmp_path, runner, name, text, message):
    kb_dir = tmp_path / "kb"
    assert runner.invoke(cli, ["load", str(source_kb / "kb.nq"), "--kb", str(kb_dir)]).exit_code == 0
    before = named_graphs(kb_dir)
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["load", str(source_kb / "kb.nq"), str(bad), "--kb", str(kb_dir)])
    assert result.exit_code == 1
    assert f"Error: {bad.parent}/{message}" in result.output
    assert_same_graphs(before, kb_dir)


def test_bulk_load_missing_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["load", str(tmp_path / "nope.nq"), "--kb", str(tmp_path / "kb")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
