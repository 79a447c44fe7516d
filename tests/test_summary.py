"""The fact summary (kg/summary.py): the library queries that read it give the rows of their
statement-level forms (ontologies/queries/fallback/), and it stays exact through every write."""

from __future__ import annotations

import collections
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import kill_after_writes
from rdflib import Literal, URIRef

from kg import queries, summary
from kg.bulk import load_files
from kg.namespaces import KG
from kg.pipeline import ingest
from kg.store import open_kb

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
SUMMARISED = [item for item in queries.library() if item.fallback_sparql is not None]


@pytest.fixture(scope="module")
def corpus_kb(tmp_path_factory) -> Path:
    """A KB ingested from data/articles (rules only, no model), built once; tests copy it to change it."""
    root = tmp_path_factory.mktemp("summary")
    report = ingest([ARTICLES], root / "kb", model=None)
    assert report.ok and report.ingested > 10, report.failed
    return root / "kb"


@pytest.fixture
def kb_copy(corpus_kb, tmp_path) -> Path:
    shutil.copytree(corpus_kb, tmp_path / "kb")
    return tmp_path / "kb"


def summary_quads(kb) -> list[str]:
    return sorted(str(q) for q in kb.store.quads_for_pattern(None, None, None, ox.NamedNode(summary.SUMMARY_GRAPH)))


def assert_summary_exact(kb) -> None:
    """The summary the writes kept equals one rebuilt from the graphs."""
    assert summary.is_current(kb)
    kept = summary_quads(kb)
    summary.rebuild(kb.store, kb.path)
    assert kept == summary_quads(kb)


#: columns that list items (GROUP_CONCAT): the same items, in the order the engine met them
LISTS = {"roles": ", ", "roles1": ", ", "roles2": ", ", "sources1": " ", "sources2": " ", "programSources": " ",
         "membershipSources": " "}


def rows(kb, text: str) -> collections.Counter:
    """A query's rows, as a multiset (the queries' ORDER BY leaves ties in any order); lists as sets."""
    result = kb.query(text)
    columns = [v.value for v in result.variables]
    cell = lambda c, v: frozenset(v.split(LISTS[c])) if c in LISTS and isinstance(v, str) else v  # noqa: E731
    return collections.Counter(tuple(cell(c, queries._plain(s[c])) for c in columns) for s in result)


def fact_ends(kb) -> list[str]:
    """Every entity at an end of a fact that an article states, and one in ten of the gazetteer's."""
    ends = {}
    for quad in kb.store.quads_for_pattern(None, None, None, ox.NamedNode(summary.SUMMARY_GRAPH)):
        if quad.predicate.value.endswith(("-subject", "-object")) and isinstance(quad.object, ox.NamedNode):
            ends.setdefault(quad.object.value, set()).add(quad.subject)
    articles = ox.NamedNode(summary.FS + "articles")
    stated = sorted(e for e, nodes in ends.items()
                    if any(int(q.object.value) > 0 for n in nodes for q in kb.store.quads_for_pattern(n, articles, None, None)))
    return stated + sorted(set(ends) - set(stated))[::10]


def assert_queries_match_fallback(kb, entities: list[str]) -> int:
    """Each summarised query, for each entity, gives the rows of its statement-level form; returns the rows compared."""
    compared = 0
    for item in SUMMARISED:
        entity_params = [p for p, k in zip(item.params, item.param_kinds) if k == "entity"]
        if len(entity_params) > 1:
            continue  # test_summary_two_entity_queries_give_the_statement_level_rows
        cases = [{entity_params[0]: e} for e in entities] if entity_params else [{"limit": "100000"}]
        for params in cases:
            expected = rows(kb, queries.bind(kb, item, params, sparql=item.fallback_sparql))
            assert rows(kb, queries.bind(kb, item, params)) == expected, (item.name, params)
            compared += sum(expected.values())
    return compared


def test_summary_queries_give_the_statement_level_rows(corpus_kb):
    with open_kb(corpus_kb, create=False, read_only=True) as kb:
        entities = fact_ends(kb)
        assert len(entities) > 100
        assert assert_queries_match_fallback(kb, entities) > 1000  # every query has rows for some entity


def _ends(kb, kind: str, side: str) -> list[str]:
    prop = summary.end_property(kind, side)
    return sorted({q.object.value for q in kb.store.quads_for_pattern(None, prop, None, None)})


def test_summary_two_entity_queries_give_the_statement_level_rows(corpus_kb):
    with open_kb(corpus_kb, create=False, read_only=True) as kb:
        alliances = _ends(kb, str(KG.Membership), "object")
        programs = _ends(kb, str(KG.participatesIn), "object")
        cases = {"common-members": [{"alliance1": a, "alliance2": b} for a in alliances[:12] for b in alliances if a != b],
                 "program-participants-in-alliance": [{"program": p, "alliance": a} for p in programs for a in alliances]}
        compared = 0
        for item in SUMMARISED:
            for params in cases.get(item.name, ()):
                expected = rows(kb, queries.bind(kb, item, params, sparql=item.fallback_sparql))
                assert rows(kb, queries.bind(kb, item, params)) == expected, (item.name, params)
                compared += sum(expected.values())
        assert compared > 100 and all(name in {q.name for q in SUMMARISED} for name in cases)


def test_summary_of_an_ingest_is_the_rebuilt_one(kb_copy):
    with open_kb(kb_copy, create=False) as kb:
        assert_summary_exact(kb)


def test_summary_stays_exact_after_reingest_and_removal(tmp_path):
    corpus = tmp_path / "articles"
    shutil.copytree(ARTICLES, corpus)
    assert ingest([corpus], tmp_path / "kb", model=None).ok
    changed = corpus / "russell-group-welcomes-four-universities.txt"
    text = changed.read_text(encoding="utf-8")
    assert "Durham" in text and "2012" in text
    changed.write_text(text.replace("Durham", "Aalborg").replace("2012", "2013"), encoding="utf-8")
    with open_kb(tmp_path / "kb", create=False) as kb:
        before = summary_quads(kb)
    report = ingest([changed], tmp_path / "kb", model=None)  # the same file: its graph is replaced
    assert report.ok and report.ingested == 1
    with open_kb(tmp_path / "kb", create=False) as kb:
        assert summary_quads(kb) != before
        assert_summary_exact(kb)
        for stem in ("hit-hosts-asrtu-forum", "tsinghua-hosts-aua-presidents-forum"):
            assert kb.remove_article(str(corpus / f"{stem}.{'html' if stem.startswith('tsinghua') else 'txt'}"))
        assert_summary_exact(kb)
        assert_queries_match_fallback(kb, fact_ends(kb)[::3])


def test_summary_read_graph_is_the_facts_of_all_its_statements(corpus_kb):
    """A stored graph read property by property gives the facts of all its statements."""
    with open_kb(corpus_kb, create=False, read_only=True) as kb:
        graphs = [g for g in kb.store.named_graphs() if summary.summarised(g.value)]
        assert len(graphs) > 10
        for graph in graphs:
            statements = (q.triple for q in kb.store.quads_for_pattern(None, None, None, graph))
            assert summary.read_graph(kb.store, graph) == summary.graph_facts(statements, graph), graph


def test_summary_rebuild_in_batches_keeps_blank_node_values(tmp_path, monkeypatch):
    """A rebuild written in many bulk loads is the one written in one, and a blank node value (an
    evidence here) keeps its label: the bulk loader would rename it, so such quads are added as terms."""
    u, fact = "https://w3id.org/unikg/ontology#", "https://w3id.org/unikg/resource/fact/"
    graph = ox.NamedNode("https://w3id.org/unikg/resource/article/blank")
    org = [ox.NamedNode(f"https://w3id.org/unikg/resource/org/o{i}") for i in range(4)]
    quads = [ox.Quad(graph, ox.NamedNode(u + "title"), ox.Literal("A title"), graph)]
    for i in range(3):
        node = ox.NamedNode(f"{fact}m{i}")
        quads += [ox.Quad(node, ox.NamedNode(u + "member"), org[i], graph),
                  ox.Quad(node, ox.NamedNode(u + "organization"), org[3], graph),
                  ox.Quad(node, ox.NamedNode(u + "evidence"), ox.BlankNode("e0") if i == 0 else ox.Literal(f"s{i}"), graph)]
    with open_kb(tmp_path / "kb") as kb:
        kb.store.extend(quads)
        summary.rebuild(kb.store, kb.path)
        whole = summary_quads(kb)
        monkeypatch.setattr(summary, "_BATCH", 2)
        summary.rebuild(kb.store, kb.path)
        assert summary_quads(kb) == whole
        evidence = kb.store.quads_for_pattern(None, ox.NamedNode(summary.FS + "evidence"), None, None)
        assert ox.BlankNode("e0") in {q.object for q in evidence}
        # 3 memberships x (kind, 2 ends, sampleGraph, sample, evidence, title, statedIn, articles, graphs), the marker
        assert len(whole) == 3 * 10 + 1


def test_summary_missing_or_outdated_falls_back_then_rebuilds(kb_copy):
    item = next(q for q in SUMMARISED if q.name == "members-of")
    with open_kb(kb_copy, create=False) as kb:
        params = {"alliance": "ASRTU"}
        assert queries.bind(kb, item, params) != queries.bind(kb, item, params, sparql=item.fallback_sparql)
        expected = queries.run(kb, "members-of", params)
        assert expected.rows
        kb.store.update(summary.drop_marker_text())
        assert not summary.is_current(kb)
        assert queries.bind(kb, item, params) == queries.bind(kb, item, params, sparql=item.fallback_sparql)
        # the web page sends the library's text back unedited: it is the text for this KB too
        assert queries.bind(kb, item, params, sparql=item.sparql) == queries.bind(kb, item, params)
        assert queries.run(kb, "members-of", params) == expected
        assert kb.ensure_summary() and summary.is_current(kb) and not kb.ensure_summary()
        assert queries.run(kb, "members-of", params) == expected
    (kb_copy / "decisions.json").write_text('{"merges": {}, "splits": {}}\n')  # a merge rewrites facts in place
    with open_kb(kb_copy, create=False) as kb:
        assert not summary.is_current(kb)
        assert queries.run(kb, "members-of", params) == expected


def test_summary_is_outside_graphs_exports_and_counts(kb_copy):
    with open_kb(kb_copy, create=False) as kb:
        assert summary.SUMMARY_GRAPH not in kb.graphs()
        assert all(q.graph_name.value != summary.SUMMARY_GRAPH for q in kb.quads())
        assert len(kb) == len(kb.store) - len(summary_quads(kb))
        facts = {q.predicate.value for q in kb.store.quads_for_pattern(None, None, None, ox.NamedNode(summary.SUMMARY_GRAPH))}
        assert all(p.startswith(summary.FS) for p in facts)  # no fact property of the ontology: queries never meet it


def test_summary_kg_load_of_a_dump_rebuilds_it(kb_copy, tmp_path):
    dump = tmp_path / "kb.nq"
    with open_kb(kb_copy, create=False) as kb:
        kb.store.dump(str(dump), ox.RdfFormat.N_QUADS)  # `kg export --format nquads`: the summary graph too
        expected = summary_quads(kb)
    with open_kb(tmp_path / "loaded") as kb:
        load_files(kb, [dump])
        assert summary_quads(kb) == expected
        assert_summary_exact(kb)


def test_summary_failed_swap_keeps_graph_and_summary(kb_copy, monkeypatch):
    """A write whose one update (graph swap + summary) fails leaves the old graph and its summary."""
    with open_kb(kb_copy, create=False) as kb:
        [iri] = [g for g in kb.graphs() if "/article/russell-group-welcomes-four-universities-" in g]
        before = summary_quads(kb)
        store_update = kb.store.update

        class Killed(Exception):
            pass

        def update(sparql, *args, **kwargs):
            if iri in sparql:  # the one update that swaps the graph in and updates the summary
                raise Killed("killed before the swap")
            return store_update(sparql, *args, **kwargs)

        monkeypatch.setattr(kb, "store", _Proxy(kb.store, update))
        with pytest.raises(Killed):
            kb.replace_triples(iri, [(URIRef(iri), KG.title, Literal("only a title"))])
        monkeypatch.undo()
        assert summary_quads(kb) == before
        assert_summary_exact(kb)


class _Proxy:
    def __init__(self, store, update):
        self._store, self.update = store, update

    def __getattr__(self, name):
        return getattr(self._store, name)

    def __contains__(self, quad) -> bool:
        return quad in self._store


CHILD = """
import sys
from rdflib import Graph, Literal, URIRef
from kg.namespaces import KG, article_graph
from kg.store import open_kb

kb = open_kb(sys.argv[1])
org = "https://w3id.org/unikg/resource/org/"
for i in range(int(sys.argv[2])):
    for version in (1, 2):  # each article is written, then replaced by another version
        iri = article_graph(f"doc-{i}")
        graph = Graph(identifier=iri)
        graph.add((iri, KG.title, Literal(f"title {i} v{version}")))
        graph.add((iri, KG.published, Literal(f"2020-01-{1 + (i + version) % 28:02d}")))
        for j in range(20):
            node = URIRef(f"https://w3id.org/unikg/resource/fact/{i}-{version}-{j}")
            graph.add((node, KG.member, URIRef(f"{org}u{(i * version + j) % 7}")))
            graph.add((node, KG.organization, URIRef(f"{org}a{j % 3}")))
            graph.add((node, KG.role, KG.FullMemberRole if (i + j) % 2 else KG.ObserverRole))
            graph.add((node, KG.evidence, Literal(f"sentence {i} {version} {j}")))
            graph.add((URIRef(f"{org}u{(i + j) % 7}"), KG.partnerOf, URIRef(f"{org}u{(j + version) % 5}")))
        kb.replace_graph(graph)
    print(i, flush=True)
kb.close()
print("done", flush=True)
"""


def test_summary_exact_after_sigkill_mid_writes(tmp_path):
    path, total = tmp_path / "kb", 400
    completed = kill_after_writes(CHILD, [str(path), str(total)], writes=8)
    with open_kb(path) as kb:
        assert kb.article_count() >= len(completed) >= 8
        assert_summary_exact(kb)
        memberships = kb.store.quads_for_pattern(None, summary.end_property(str(KG.Membership), "object"), None, None)
        assert next(memberships, None) is not None


def test_summary_kept_through_a_served_update(kb_copy):
    """`kg serve --allow-update`: an update that adds a membership statement shows in members-of at once."""
    from kg.serve import make_server

    with open_kb(kb_copy, create=False) as kb:
        before = {row[0]: row for row in queries.run(kb, "members-of", {"alliance": "ASRTU"}).rows}
        [graph] = [g for g in kb.graphs() if "/article/hit-hosts-asrtu-forum-" in g]
        asrtu = queries.resolve_entity(kb, "ASRTU").value
    member = "https://w3id.org/unikg/resource/org/aalborg-university"
    server = make_server(kb_copy, port=0, allow_update=True, workers=1)
    try:
        reply = server.run_update(f"""INSERT DATA {{ GRAPH <{graph}> {{
            <https://w3id.org/unikg/resource/fact/served> unikg:member <{member}> ; unikg:organization <{asrtu}> ;
                unikg:role unikg:ObserverRole ; unikg:evidence "Aalborg observes ASRTU." }} }}""")
        assert reply.status == 204
    finally:
        server.server_close()
    with open_kb(kb_copy, create=False) as kb:
        assert_summary_exact(kb)
        after = {row[0]: row for row in queries.run(kb, "members-of", {"alliance": "ASRTU"}).rows}
    assert set(after) - set(before) == {member}
    assert after[member][2] == "observer" and after[member][5] == 1  # role, articles
