"""The main job on the sample corpus: exports parse, conform to the shapes, are stable; eval scores hold."""

import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.pipeline import ingest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def two_kbs(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("kb1"), tmp_path_factory.mktemp("kb2")
    reports = [ingest([ARTICLES], first), ingest([ARTICLES], second)]
    return first, second, reports


def test_end_to_end_ingests_every_sample_article(two_kbs):
    _, _, (report, _) = two_kbs
    assert report.ok and report.ingested == len([p for p in ARTICLES.iterdir() if not p.name.endswith(".json")])


def _dataset(path: Path) -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    dataset.parse(path, format="trig")
    return dataset


def test_end_to_end_two_runs_give_isomorphic_graphs(two_kbs):
    first, second, _ = two_kbs
    assert isomorphic(rdflib.Graph().parse(first / "graph.ttl"), rdflib.Graph().parse(second / "graph.ttl"))
    a, b = _dataset(first / "graph.trig"), _dataset(second / "graph.trig")
    names = {g.identifier for g in a.graphs()}
    assert names == {g.identifier for g in b.graphs()}
    for name in names:
        assert isomorphic(a.graph(name), b.graph(name)), f"named graph {name} differs between runs"


def test_end_to_end_trig_has_one_named_graph_per_article_and_the_gazetteer(two_kbs):
    first, _, _ = two_kbs
    names = {str(g.identifier) for g in _dataset(first / "graph.trig").graphs() if len(g)}
    articles = {n for n in names if "/article/" in n}
    assert len(articles) == 14  # data/articles holds 14 articles
    assert "https://w3id.org/unikg/resource/graph/gazetteer" in names


def test_end_to_end_turtle_conforms_to_the_shapes(two_kbs):
    pyshacl = pytest.importorskip("pyshacl")
    first, _, _ = two_kbs
    data = rdflib.Graph().parse(first / "graph.ttl")
    data.parse(ROOT / "ontologies" / "unikg.ttl")  # subclass axioms for sh:class checks
    shapes = rdflib.Graph().parse(ROOT / "ontologies" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text[:5000]


def test_end_to_end_networkx_exports_match(two_kbs):
    from kg.export import read_graphml, read_node_link

    first, _, _ = two_kbs
    graphml, node_link = read_graphml(first / "graph.graphml"), read_node_link(first / "graph.json")
    assert graphml.number_of_nodes() == node_link.number_of_nodes() > 100
    assert graphml.number_of_edges() == node_link.number_of_edges() > 100
    predicates = {d["predicate"] for _, _, d in node_link.edges(data=True)}
    assert {"memberOf", "founder", "partnerOf", "participatesIn", "rankedIn", "headOf"} <= predicates
    assert "country" not in predicates  # the files hold the articles view: countries are node attributes
    assert sorted(graphml.edges(keys=True)) == sorted(node_link.edges(keys=True))  # the same stable fact ids


def _scores(folder: Path) -> dict:
    result = CliRunner().invoke(cli, ["eval", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_end_to_end_eval_on_sample_articles_meets_the_targets():
    scores = _scores(ARTICLES)
    assert scores["entity_f1"] >= 0.85 and scores["relation_f1"] >= 0.85, scores  # issue 3 targets


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="needs ../shared/corpus (the real annotated articles)")
def test_end_to_end_eval_on_shared_corpus_meets_the_targets():
    scores = _scores(SHARED_CORPUS)
    assert scores["entity_f1"] >= 0.90 and scores["relation_f1"] >= 0.80, scores  # issue 3 targets


def test_end_to_end_runaway_query_is_stopped(two_kbs):
    first, _, _ = two_kbs
    result = CliRunner().invoke(cli, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                                      "--kb", str(first), "--timeout", "1"])
    assert result.exit_code == 1
    assert "Error: query stopped after 1 s" in result.output
