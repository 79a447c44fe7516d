"""Stage 6: RDF exports and the NetworkX entity graph (kg/export.py)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from conftest import ONTOLOGY, assert_isomorphic
from networkx.readwrite import json_graph
from rdflib import Dataset, Graph
from rdflib.namespace import SKOS

from kg.errors import KgError
from kg.export import EXPORT_FILES, export, fact_id, read_graphml, read_node_link, role_labels, to_networkx, \
    write_exports, write_graphml, write_node_link
from kg.namespaces import KG
from kg.queries import library_dir

ENTITIES = {  # the 5 entities of conftest.make_small_extraction plus the country RU its country fact adds
    "https://w3id.org/unikg/resource/org/brightwater-university": ("Brightwater University", "University"),
    "https://w3id.org/unikg/resource/org/kama-state-technical-university": ("Kama State Technical University",
                                                                           "University"),
    "https://w3id.org/unikg/resource/org/northern-lakes-alliance": ("Northern Lakes Alliance", "Alliance"),
    "https://w3id.org/unikg/resource/ranking/global-academic-table": ("Global Academic Table", "Ranking"),
    "https://w3id.org/unikg/resource/person/han-lirong": ("Han Lirong", "Person"),
    "https://w3id.org/unikg/resource/country/RU": ("RU", "Country"),  # labelled by its code: no entity names it
}
RU = "https://w3id.org/unikg/resource/country/RU"
BWU = "https://w3id.org/unikg/resource/org/brightwater-university"
KSTU = "https://w3id.org/unikg/resource/org/kama-state-technical-university"
NLA = "https://w3id.org/unikg/resource/org/northern-lakes-alliance"


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


@pytest.mark.parametrize("full", [False, True])
def test_export_networkx_nodes_are_entities(kb, full):
    graph = to_networkx(kb, full=full)
    assert set(graph.nodes) == set(ENTITIES) - ({RU} if not full else set())  # countries: a node attribute
    assert graph.graph["view"] == ("full" if full else "articles")
    for node, (label, kind) in ENTITIES.items():
        if node not in graph:
            continue
        data = graph.nodes[node]
        assert (data.get("label"), data["type"], data["iri"]) == (label, kind, node)
    alliance = graph.nodes["https://w3id.org/unikg/resource/org/northern-lakes-alliance"]
    assert (alliance["foundingDate"], alliance["memberCount"]) == ("2012-05-04", 12)
    assert graph.nodes["https://w3id.org/unikg/resource/org/kama-state-technical-university"]["country"] == "RU"


@pytest.mark.parametrize("full", [False, True])
def test_export_networkx_edges_are_facts(kb, full):
    graph = to_networkx(kb, full=full)
    predicates = sorted(data["predicate"] for _, _, data in graph.edges(data=True))
    # make_small_extraction: 2 memberships, founder, partnerOf, rankedIn, headOf, country (IRI objects only);
    # the country edge only in the full view
    assert predicates == ["country"] * full + ["founder", "headOf", "memberOf", "memberOf", "partnerOf", "rankedIn"]
    [membership] = graph.get_edge_data(BWU, NLA).values()
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
    assert back.number_of_nodes() == len(ENTITIES) - 1  # the articles view: no Country node
    full = read_graphml(export(kb, fmt, tmp_path / f"full.{fmt}", full=True)) if fmt == "graphml" else \
        read_node_link(export(kb, fmt, tmp_path / f"full.{fmt}", full=True))
    assert full.number_of_nodes() == len(ENTITIES)


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


def _graphml_edge_ids(path) -> list[str]:
    return [edge.get("id") for edge in ET.parse(path).getroot().iter("{http://graphml.graphdrawing.org/xmlns}edge")]


@pytest.mark.parametrize("full", [False, True])
def test_export_graphml_edge_ids_unique(kb, tmp_path, full):
    graph = to_networkx(kb, full=full)
    write_graphml(graph, tmp_path / "g.graphml")
    ids = _graphml_edge_ids(tmp_path / "g.graphml")
    assert len(ids) == len(set(ids)) == graph.number_of_edges()  # Gephi drops edges with a repeated id
    assert sorted(read_graphml(tmp_path / "g.graphml").edges(keys=True)) == sorted(graph.edges(keys=True))


def test_export_edge_ids_stable_across_runs_and_views(kb, tmp_path, small_graph, small_entities):
    from kg.store import open_kb

    with open_kb(tmp_path / "again") as again:  # a second KB built from the same facts, in another order
        again.replace_graph(small_graph)
        again.upsert_entities(small_entities)
        rebuilt = set(to_networkx(again).edges(keys=True))
    articles, full = set(to_networkx(kb).edges(keys=True)), set(to_networkx(kb, full=True).edges(keys=True))
    assert articles == rebuilt and articles < full
    [(key, membership)] = to_networkx(kb).get_edge_data(BWU, NLA).items()
    assert key == fact_id(BWU, "memberOf", NLA, {"role": "observer", "startDate": "2023-03"})


def test_export_articles_view_leaves_out_background(kb, gazetteer):
    from kg.mapping import map_gazetteer

    before = to_networkx(kb)
    kb.replace_graph(map_gazetteer(gazetteer))  # tests/data/gazetteer.toml: entities, members, founders
    articles, full = to_networkx(kb), to_networkx(kb, full=True)
    assert set(articles.nodes) == set(before.nodes)
    assert set(articles.edges(keys=True)) == set(before.edges(keys=True))
    assert all("/article/" in s for *_, s in articles.edges(data="sources") for s in s.split())
    assert full.number_of_nodes() > articles.number_of_nodes() and full.number_of_edges() > articles.number_of_edges()
    assert {"country"} <= {p for *_, p in full.edges(data="predicate")}
    assert any("dataset/gazetteer" in s for *_, s in full.edges(data="sources"))


def test_export_node_link_loads_with_plain_networkx(kb):
    path = write_exports(kb)[list(EXPORT_FILES).index("graph.json")]
    graph = to_networkx(kb)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no FutureWarning about "links" either
        with open(path, encoding="utf-8") as handle:
            back = nx.node_link_graph(json.load(handle))
    assert back.is_directed() and back.is_multigraph()
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    assert dict(back.nodes(data="label")) == dict(graph.nodes(data="label"))


def test_export_read_node_link_reads_old_links_files(kb, tmp_path):
    graph = to_networkx(kb)
    path = tmp_path / "old.json"  # as written before the switch to networkx's default key
    path.write_text(json.dumps(json_graph.node_link_data(graph, edges="links")), encoding="utf-8")
    back = read_node_link(path)
    assert sorted(back.edges(keys=True, data="predicate")) == sorted(graph.edges(keys=True, data="predicate"))


def test_export_roles_are_the_ontology_skos_labels(kb):
    ontology = Graph().parse(ONTOLOGY)
    expected = {str(c): str(ontology.value(c, SKOS.prefLabel)) for c in ontology.subjects(SKOS.inScheme, KG.RoleScheme)}
    assert role_labels() == expected and len(expected) == 6  # unikg:RoleScheme has 6 roles
    roles = {(u, v): role for u, v, role in to_networkx(kb).edges(data="role") if role}
    assert roles == {(BWU, NLA): expected[str(KG.ObserverRole)], (KSTU, NLA): expected[str(KG.FormerMemberRole)]}


ROLE_QUERIES = ["alliances-of", "common-members", "facts-about", "member-count-check", "members-of",
                "membership-timeline", "program-participants-in-alliance"]  # those that return a membership role


def test_export_role_queries_are_the_ones_that_read_roles():
    reading = {path.stem for path in library_dir().glob("*.rq") if re.search(r"\b(unikg|fs):role \?", path.read_text())}  # fs: the fact summary's role
    assert reading == set(ROLE_QUERIES)


@pytest.mark.parametrize("name", ROLE_QUERIES)
def test_export_library_queries_use_the_networkx_role_words(name):
    text = (library_dir() / f"{name}.rq").read_text(encoding="utf-8")
    labels = {iri.rsplit("#", 1)[-1]: label for iri, label in role_labels().items()}
    tables = [t for t in re.findall(r"VALUES \(\?\w+ \?\w+\) \{[^}]*\}", text) if '"' in t]  # role -> label
    assert tables
    for table in tables:
        assert dict(re.findall(r'\(unikg:(\w+) "([^"]+)"\)', table)) == labels
    assert not re.search(r"STRAFTER\(STR\(\?\w*[rR]ole\w*\)|STRAFTER\(STR\(\?r\d?\)", text)  # no IRI local names


def test_export_removes_temp_files_of_a_killed_export(kb, tmp_path):
    target = kb.path / "graph.json"
    code = ("import sys, time; from pathlib import Path; from kg.export_files import atomic_file\n"
            "with atomic_file(Path(sys.argv[1])) as tmp:\n"
            "    tmp.write_text('half a fi'); print(tmp, flush=True); time.sleep(60)\n")
    child = subprocess.Popen([sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, text=True)
    leftover = child.stdout.readline().strip()
    running = tmp_path / f".{target.name}.running.tmp"
    with open(running, "w") as handle:  # another export still writing: its file is locked and must stay
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX)
        os.rename(running, kb.path / running.name)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert os.path.exists(leftover)
        write_exports(kb)
        assert [p.name for p in kb.path.iterdir() if p.suffix == ".tmp"] == [running.name]
    write_exports(kb)
    assert [p.name for p in kb.path.iterdir() if p.suffix == ".tmp"] == []


def _second_article(small_graph):
    """A copy of the small article under another article IRI, with its own content hash."""
    from rdflib import Literal, URIRef

    old, new = str(small_graph.identifier), str(small_graph.identifier) + "-copy"
    copy = Graph(identifier=URIRef(new))
    for triple in small_graph:
        s, p, o = (URIRef(str(t).replace(old, new)) if isinstance(t, URIRef) else t for t in triple)
        copy.add((s, p, Literal("another hash") if p == KG.contentHash else o))
    return copy


def _stored_quads(kb) -> set:
    import pyoxigraph as ox

    return {ox.Quad(q.subject, q.predicate, q.object, q.graph_name) for q in kb.quads()}


def _assert_exports_match_store(kb):
    import pyoxigraph as ox

    with open(kb.path / "graph.trig", "rb") as handle:
        assert set(ox.parse(handle, ox.RdfFormat.TRIG)) == _stored_quads(kb)
    with open(kb.path / "graph.ttl", "rb") as handle:
        assert {q.triple for q in ox.parse(handle, ox.RdfFormat.TURTLE)} == set(kb.union_triples())
    assert set(read_node_link(kb.path / "graph.json").edges(keys=True)) == set(to_networkx(kb).edges(keys=True))
    assert set(read_graphml(kb.path / "graph.graphml").nodes) == set(to_networkx(kb).nodes)


def test_export_write_exports_skips_when_nothing_changed(kb):
    assert len(write_exports(kb)) == len(EXPORT_FILES)
    stamps = {name: (kb.path / name).stat().st_mtime_ns for name in EXPORT_FILES}
    assert write_exports(kb) == []  # same store: nothing rewritten
    assert {name: (kb.path / name).stat().st_mtime_ns for name in EXPORT_FILES} == stamps
    (kb.path / "graph.json").unlink()  # a file gone or edited is written again
    assert len(write_exports(kb)) == len(EXPORT_FILES)
    _assert_exports_match_store(kb)


def test_export_write_exports_follow_added_replaced_and_removed_articles(kb, small_graph):
    write_exports(kb)
    copy = _second_article(small_graph)
    kb.replace_graph(copy)
    assert write_exports(kb)
    _assert_exports_match_store(kb)
    incremental = (kb.path / "graph.trig").read_bytes()
    write_exports(kb, force=True)  # reusing the unchanged article's text gives the same file as a full rewrite
    assert (kb.path / "graph.trig").read_bytes() == incremental
    kb.remove_article(str(copy.identifier))
    assert write_exports(kb)
    _assert_exports_match_store(kb)


def test_export_write_exports_follow_merges_and_stale_marks(kb):
    from kg.entities import merge_entities
    from kg.export import mark_exports_stale

    write_exports(kb)
    merge_entities(kb, kb.path, KSTU, BWU)  # rewrites the article graph, not its content hash
    assert write_exports(kb)
    _assert_exports_match_store(kb)
    assert BWU not in read_node_link(kb.path / "graph.json")
    mark_exports_stale(kb.path)
    assert write_exports(kb)


def test_export_graphml_holds_only_xml_characters(tmp_path):
    """A control character in an attribute (say, an imported gazetteer name) cannot block the GraphML export."""
    import networkx as nx

    from kg.export import read_graphml, write_graphml

    graph = nx.MultiDiGraph()
    graph.add_node("res:org/a", label="Alpha\x01 University")
    graph.add_edge("res:org/a", "res:org/b", key="e1", predicate="memberOf", evidence="joined\x0b in 2020")
    write_graphml(graph, tmp_path / "g.graphml")
    back = read_graphml(tmp_path / "g.graphml")
    assert back.nodes["res:org/a"]["label"] == "Alpha University"


def _block_subjects(text: str) -> list[str]:
    """The subject opening each block of a Turtle text, as a full IRI (continuation lines are indented)."""
    from kg.export import TURTLE_PREFIXES

    subjects = []
    for line in text.splitlines():
        if not line or line[0].isspace() or line.startswith("@prefix "):
            continue
        prefix, _, local = line.split(" ", 1)[0].partition(":")
        subjects.append(TURTLE_PREFIXES[prefix] + local)
    return subjects


def test_export_turtle_is_readable(kb, small_graph):
    """graph.ttl: prefixes per kind of resource (no escapes) and each subject in one block per graph."""
    from collections import Counter

    kb.replace_graph(_second_article(small_graph))  # two article graphs: subjects (entities) in several graphs
    write_exports(kb)
    text = (kb.path / "graph.ttl").read_text(encoding="utf-8")
    back = Graph().parse(data=text, format="turtle")
    union = Graph()
    for triple in kb.union_triples():
        union.parse(data=f"{triple} .", format="nt")
    assert_isomorphic(union, back)
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("@prefix "))
    assert "\\/" not in body and "res:" not in body
    assert "org:brightwater-university" in text and "article:" in text and "fact:" in text
    graphs_of = Counter()  # subject -> how many graphs state something about it
    for quad in {(q.subject.value, q.graph_name) for q in kb.quads()}:
        graphs_of[quad[0]] += 1
    assert Counter(_block_subjects(text)) == graphs_of


def test_export_turtle_union_groups_subjects(kb, small_graph, tmp_path):
    from collections import Counter

    kb.replace_graph(_second_article(small_graph))
    text = export(kb, "turtle", tmp_path / "out.ttl").read_text(encoding="utf-8")
    assert "\\/" not in text
    blocks = Counter(_block_subjects(text))
    assert blocks and set(blocks.values()) == {1}  # the union: every subject once
    assert set(blocks) == {t.subject.value for t in kb.union_triples()}


def test_export_trig_uses_readable_prefixes(kb, tmp_path):
    text = export(kb, "trig", tmp_path / "out.trig").read_text(encoding="utf-8")
    assert "\\/" not in text and "org:brightwater-university" in text


def test_export_prefixed_names_of_the_cli_paste_into_sparql(kb):
    """The CLI shows our IRIs as prefixed names; with the export's prefixes declared, they are valid SPARQL."""
    from kg.export import TURTLE_PREFIXES
    from kg.queries import Table, render

    table = Table(("entity",), ((BWU,), (RU,), ("https://w3id.org/unikg/ontology#University",)))
    shown = render(table, "table").splitlines()[2:5]
    assert [line.strip() for line in shown] == ["org:brightwater-university", "country:RU", "unikg:University"]
    declarations = "".join(f"PREFIX {p}: <{n}>\n" for p, n in TURTLE_PREFIXES.items())
    answer = kb.query(declarations + f"ASK {{ {shown[0].strip()} a {shown[2].strip()} }}")
    assert bool(answer)


def _small_article(doc_id: str, content_hash: str, drop: tuple[str, ...] = (), head: str | None = None):
    """The small article under another id and hash, without the relations ``drop`` names (by predicate),
    and with a new person ``head`` heading Kama State Technical University: its graph and its entities."""
    from dataclasses import replace

    from kg.mapping import map_entities, map_to_graph
    from kg.model import Entity, Relation
    from kg.namespaces import mint_iri

    from conftest import _mention, make_small_extraction

    extraction = make_small_extraction()
    entities, relations = extraction.entities, tuple(r for r in extraction.relations if r.predicate not in drop)
    if head is not None:
        person = str(mint_iri("Person", head))
        entities += (Entity(person, head, "Person", (_mention(head, "Person"),)),)
        relations += (Relation(person, "headOf", KSTU, f"{head}, Rector of KSTU, spoke.", (("role", "rector"),)),)
    document = replace(extraction.document, doc_id=doc_id, content_hash=content_hash)
    extraction = replace(extraction, document=document, entities=entities, relations=relations)
    return map_to_graph(extraction), map_entities(extraction)


def _store_article(kb, article) -> str:
    graph, entities = article
    kb.upsert_entities(entities)
    kb.replace_graph(graph)
    return str(graph.identifier)


def _assert_exports_equal_full_rewrite(kb):
    """The files are the store's (TriG, Turtle) and to_networkx's (GraphML, JSON), byte for byte a full rewrite."""
    _assert_exports_match_store(kb)
    expected = to_networkx(kb)
    assert nx.utils.graphs_equal(read_graphml(kb.path / "graph.graphml"), expected)
    assert nx.utils.graphs_equal(read_node_link(kb.path / "graph.json"), expected)
    incremental = {name: (kb.path / name).read_bytes() for name in EXPORT_FILES}
    assert write_exports(kb, force=True)
    for name in EXPORT_FILES:
        assert (kb.path / name).read_bytes() == incremental[name], name


def _count_full_builds(monkeypatch) -> list:
    """Record each time write_exports builds the entity graph from scratch (not incrementally)."""
    import kg.export

    calls, build = [], kg.export._all_entity_elements
    monkeypatch.setattr("kg.export._all_entity_elements", lambda kb, rows: calls.append(1) or build(kb, rows))
    return calls


def test_export_incremental_refresh_equals_full_rewrite(kb, monkeypatch):
    """Article A, then B added, changed (replaced graph: facts dropped, a new person) and removed."""
    hal = "https://w3id.org/unikg/resource/person/hal-rector"
    write_exports(kb)
    full_builds = _count_full_builds(monkeypatch)
    second = _store_article(kb, _small_article("small-2", "b" * 64))  # the same facts from a second source
    assert write_exports(kb) and full_builds == []  # incremental
    _assert_exports_equal_full_rewrite(kb)
    [membership] = read_node_link(kb.path / "graph.json").get_edge_data(BWU, NLA).values()
    assert membership["sources"].split() == ["https://w3id.org/unikg/resource/article/small-1", second]
    _store_article(kb, _small_article("small-2", "c" * 64, drop=("partnerOf", "memberOf"), head="Hal Rector"))
    assert write_exports(kb) and len(full_builds) == 1  # incremental (the one full build: the comparison's)
    _assert_exports_equal_full_rewrite(kb)
    graph = read_graphml(kb.path / "graph.graphml")
    assert graph.nodes[hal]["label"] == "Hal Rector" and graph.has_edge(hal, KSTU)
    assert [d["sources"] for d in graph.get_edge_data(BWU, NLA).values()] == ["https://w3id.org/unikg/resource/article/small-1"]
    assert kb.remove_article(second)
    assert write_exports(kb) and len(full_builds) == 2
    _assert_exports_equal_full_rewrite(kb)
    assert hal not in read_node_link(kb.path / "graph.json")  # no article mentions the person any more
    assert write_exports(kb) == []


def test_export_incremental_refresh_after_an_interrupted_one(kb, monkeypatch):
    """Files replaced but the state not written (a crash between them): the next refresh rewrites it all."""
    write_exports(kb)
    _store_article(kb, _small_article("small-2", "b" * 64, drop=("rankedIn",), head="Hal Rector"))

    def crash(*args):
        raise OSError("killed")

    with monkeypatch.context() as patched:
        patched.setattr("kg.export._write_state", crash)
        with pytest.raises(OSError, match="killed"):
            write_exports(kb)
    kb.remove_article("https://w3id.org/unikg/resource/article/small-1")
    full_builds = _count_full_builds(monkeypatch)
    assert write_exports(kb) and full_builds == [1]  # the state does not describe the files: built from scratch
    _assert_exports_equal_full_rewrite(kb)


def test_export_node_link_file_is_json_dumps_of_the_sorted_graph(kb):
    """graph.json is what ``json.dumps(indent=1, sort_keys=True)`` writes, nodes by IRI and edges by fact id."""
    write_exports(kb)
    graph = to_networkx(kb)
    data = json_graph.node_link_data(graph, edges="edges")
    data["nodes"].sort(key=lambda node: node["id"])
    data["edges"].sort(key=lambda edge: edge["key"])
    assert (kb.path / "graph.json").read_text(encoding="utf-8") == json.dumps(data, ensure_ascii=False, indent=1,
                                                                               sort_keys=True)
