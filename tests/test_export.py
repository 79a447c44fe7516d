"""Stage 6: RDF exports and the NetworkX entity graph (kg/export.py)."""

from __future__ import annotations

import pytest
from conftest import assert_isomorphic
from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.export import EXPORT_FILES, export, read_graphml, read_node_link, to_networkx, write_exports, write_graphml, \
    write_node_link

ENTITIES = {  # the 5 entities of conftest.make_small_extraction plus the country RU its country fact adds
    "https://w3id.org/unikg/resource/org/brightwater-university": ("Brightwater University", "University"),
    "https://w3id.org/unikg/resource/org/kama-state-technical-university": ("Kama State Technical University",
                                                                           "University"),
    "https://w3id.org/unikg/resource/org/northern-lakes-alliance": ("Northern Lakes Alliance", "Alliance"),
    "https://w3id.org/unikg/resource/ranking/global-academic-table": ("Global Academic Table", "Ranking"),
    "https://w3id.org/unikg/resource/person/han-lirong": ("Han Lirong", "Person"),
    "https://w3id.org/unikg/resource/country/RU": ("RU", "Country"),  # labelled by its code: no entity names it
}


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_export_triples_round_trip(kb, small_union, tmp_path, fmt):
    path = export(kb, fmt, tmp_path / "out")
    back = Graph().parse(path, format="nt" if fmt == "ntriples" else "turtle")
    assert_isomorphic(small_union, back)  # the union of the article graph and the entities graph


@pytest.mark.parametrize("fmt, parse_as", [("trig", "trig"), ("nquads", "nquads")])
def test_export_quads_round_trip(kb, small_graph, tmp_path, fmt, parse_as):
    path = export(kb, fmt, tmp_path / "out")
    dataset = Dataset()
    dataset.parse(path, format=parse_as)
    graph = dataset.graph(small_graph.identifier)
    assert_isomorphic(small_graph, Graph() + graph)


def test_export_jsonld_round_trip(kb, small_graph, tmp_path):
    path = export(kb, "jsonld", tmp_path / "out.jsonld")
    dataset = Dataset()
    dataset.parse(path, format="json-ld")
    assert_isomorphic(small_graph, Graph() + dataset.graph(small_graph.identifier))


def test_export_unknown_format(kb, tmp_path):
    with pytest.raises(KgError, match="unknown export format 'xml'"):
        export(kb, "xml", tmp_path / "out")
    assert list(tmp_path.glob("out*")) == []


def test_export_networkx_nodes_are_entities(kb):
    graph = to_networkx(kb)
    assert set(graph.nodes) == set(ENTITIES)
    for node, (label, kind) in ENTITIES.items():
        data = graph.nodes[node]
        assert (data.get("label"), data["type"], data["iri"]) == (label, kind, node)
    alliance = graph.nodes["https://w3id.org/unikg/resource/org/northern-lakes-alliance"]
    assert (alliance["foundingDate"], alliance["memberCount"]) == ("2012-05-04", 12)
    assert graph.nodes["https://w3id.org/unikg/resource/org/kama-state-technical-university"]["country"] == "RU"


def test_export_networkx_edges_are_facts(kb):
    graph = to_networkx(kb)
    predicates = sorted(data["predicate"] for _, _, data in graph.edges(data=True))
    # make_small_extraction: 2 memberships, founder, partnerOf, rankedIn, headOf, country (IRI objects only)
    assert predicates == ["country", "founder", "headOf", "memberOf", "memberOf", "partnerOf", "rankedIn"]
    bwu = "https://w3id.org/unikg/resource/org/brightwater-university"
    nla = "https://w3id.org/unikg/resource/org/northern-lakes-alliance"
    [membership] = graph.get_edge_data(bwu, nla).values()
    assert (membership["role"], membership["startDate"]) == ("observer", "2023-03")
    assert membership["sources"] == "https://w3id.org/unikg/resource/article/small-1"
    assert membership["evidence"].startswith("Brightwater University joined")


def test_export_networkx_graphml_round_trip(kb, tmp_path):
    graph = to_networkx(kb)
    write_graphml(graph, tmp_path / "g.graphml")
    back = read_graphml(tmp_path / "g.graphml")
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert back.nodes["https://w3id.org/unikg/resource/org/brightwater-university"]["label"] == "Brightwater University"


def test_export_networkx_node_link_round_trip(kb, tmp_path):
    graph = to_networkx(kb)
    write_node_link(graph, tmp_path / "g.json")
    back = read_node_link(tmp_path / "g.json")
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert sorted(back.edges(data="predicate")) == sorted(graph.edges(data="predicate"))


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_export_graph_formats_through_export(kb, tmp_path, fmt):
    path = export(kb, fmt, tmp_path / f"g.{fmt}")
    back = read_graphml(path) if fmt == "graphml" else read_node_link(path)
    assert back.number_of_nodes() == len(ENTITIES)


def test_export_write_exports_atomic_no_temp_files(kb):
    written = write_exports(kb)
    assert sorted(p.name for p in written) == sorted(EXPORT_FILES)
    assert [p.name for p in kb.path.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"] == []
    for path in written:
        assert path.stat().st_size > 0


def test_export_failed_write_keeps_old_file_and_no_temp(kb, tmp_path, monkeypatch):
    target = tmp_path / "graph.graphml"
    target.write_text("old content")

    def broken(graph, path):
        open(path, "w").write("half a fi")
        raise OSError("disk full")

    monkeypatch.setattr("kg.export.write_graphml", broken)
    with pytest.raises(OSError, match="disk full"):
        export(kb, "graphml", target)
    assert target.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.graphml", "kb"]
