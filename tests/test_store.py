"""Stage 5: the persistent KB (kg/store.py), including crash safety."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from conftest import kill_after_writes, ROOT
from rdflib import Graph, Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.namespaces import KG, article_graph
from kg.store import KB_MARKER, open_kb


def _article(doc_id: str, title: str = "A title", content_hash: str = "h1") -> Graph:
    iri = article_graph(doc_id)
    graph = Graph(identifier=iri)
    graph.add((iri, KG.title, Literal(title)))
    graph.add((iri, KG.contentHash, Literal(content_hash)))
    graph.add((iri, KG.source, Literal(f"/corpus/{doc_id}.txt")))
    return graph


@pytest.mark.parametrize("make", [lambda p: None, lambda p: p.mkdir()])
def test_store_missing_or_empty_folder_becomes_kb(tmp_path, make):
    path = tmp_path / "kb"
    make(path)
    with open_kb(path) as kb:
        assert kb.article_count() == 0
    assert json.loads((path / KB_MARKER).read_text())["format"] == "unikg-kb"
    with open_kb(path) as kb:  # and opens again as a KB
        assert len(kb) == 0


def test_store_file_is_store_error(tmp_path):
    path = tmp_path / "kb.txt"
    path.write_text("not a folder")
    with pytest.raises(StoreError) as info:
        open_kb(path)
    assert str(info.value) == f"{path}: --kb must be a folder, but this is a file; choose another path"


def test_store_non_empty_non_kb_folder_is_store_error(tmp_path):
    (tmp_path / "thesis.docx").write_text("x")
    with pytest.raises(StoreError) as info:
        open_kb(tmp_path)
    assert str(info.value) == (f"{tmp_path}: folder is not empty and is not a unikg KB (no kb.json); "
                               "use an empty or new folder for --kb")
    assert not (tmp_path / KB_MARKER).exists()


def test_store_no_create(tmp_path):
    with pytest.raises(StoreError, match="no KB here"):
        open_kb(tmp_path / "kb", create=False)


def test_store_path_under_a_file_is_store_error(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    path = tmp_path / "notes.txt" / "kb"
    with pytest.raises(StoreError) as info:
        open_kb(path)
    assert str(info.value) == (f"{path}: cannot create or open a KB here (Not a directory); "
                               "choose a folder you can write to for --kb")


@pytest.mark.parametrize("version", [99, 0, "1", None, True])
def test_store_other_format_version_is_store_error(tmp_path, version):
    open_kb(tmp_path / "kb").close()
    marker = tmp_path / "kb" / KB_MARKER
    marker.write_text(json.dumps({"format": "unikg-kb", "version": version}))
    with pytest.raises(StoreError) as info:
        open_kb(tmp_path / "kb")
    assert str(info.value) == (f"{marker}: this KB has format version {version!r}, but this unikg reads version 1; "
                               "open it with the unikg that wrote it, or choose another folder for --kb")


def test_store_replace_graph_replaces(tmp_path):
    with open_kb(tmp_path / "kb") as kb:
        kb.replace_graph(_article("a1", "Old title"))
        kb.replace_graph(_article("a2"))
        kb.replace_graph(_article("a1", "New title"))
        titles = {str(row["t"].value) for row in kb.query("SELECT ?t WHERE { GRAPH ?g { ?a unikg:title ?t } }")}
        assert titles == {"New title", "A title"}
        assert kb.article_count() == 2
        assert len(kb) == 6  # 2 articles x 3 triples


def test_store_stored_hash(tmp_path):
    with open_kb(tmp_path / "kb") as kb:
        assert kb.stored_hash(article_graph("a1")) is None
        kb.replace_graph(_article("a1", content_hash="abc"))
        assert kb.stored_hash(article_graph("a1")) == "abc"


@pytest.mark.parametrize("ref", ["a1", str(article_graph("a1")), "/corpus/a1.txt"])
def test_store_remove_article(tmp_path, ref):
    with open_kb(tmp_path / "kb") as kb:
        kb.replace_graph(_article("a1"))
        kb.replace_graph(_article("a2"))
        assert kb.remove_article(ref)
        assert kb.graphs() == [str(article_graph("a2"))]
        assert not kb.remove_article(ref)


def test_store_query_syntax_error_is_query_error(kb):
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        kb.query("SELEC ?x WHERE {")


def test_store_query_is_over_union_of_graphs(kb, small_graph, small_entities):
    [row] = list(kb.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    [facts] = list(kb.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/unikg/resource/graph/facts> { ?s ?p ?o } }"))
    assert int(facts["n"].value) > 0
    # article graph + entities graph + the fact summary (kg.summary), each triple once
    assert int(row["n"].value) == len(small_graph) + len(small_entities) + int(facts["n"].value)


def test_store_keeps_literal_types(kb):
    rows = list(kb.query("SELECT ?d WHERE { ?m unikg:startDate ?d }"))
    assert [(r["d"].value, r["d"].datatype.value) for r in rows] == \
        [("2023-03", "http://www.w3.org/2001/XMLSchema#gYearMonth")]


def test_store_to_rdflib(kb, small_graph):
    dataset = kb.to_rdflib()
    assert (URIRef(small_graph.identifier), KG.title, None) in dataset


CHILD = textwrap.dedent("""
    import sys
    from rdflib import Graph, Literal
    from kg.namespaces import KG, article_graph
    from kg.store import open_kb

    kb = open_kb(sys.argv[1])
    for i in range(int(sys.argv[2])):
        iri = article_graph(f"doc-{i}")
        if kb.stored_hash(iri) == f"hash-{i}":
            continue
        graph = Graph(identifier=iri)
        for j in range(200):
            graph.add((iri, KG.title, Literal(f"title {i} part {j} " + "x" * 200)))
        graph.add((iri, KG.contentHash, Literal(f"hash-{i}")))
        kb.replace_graph(graph)
        print(i, flush=True)
    kb.close()
    print("done", flush=True)
""")


def test_store_crash_safety_sigkill_mid_ingest(tmp_path):
    path, total = tmp_path / "kb", 80
    completed = kill_after_writes(CHILD, [str(path), str(total)], writes=5)
    assert len(completed) >= 5
    with open_kb(path) as kb:  # the KB opens after the crash
        for i in completed:  # every write that reported completion is there, whole
            assert kb.stored_hash(article_graph(f"doc-{i}")) == f"hash-{i}"
            [row] = list(kb.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{article_graph(f'doc-{i}')}> {{ ?s ?p ?o }} }}"))
            assert int(row["n"].value) == 201  # 200 titles + the content hash
        assert kb.article_count() < total
    rerun = subprocess.run([sys.executable, "-c", CHILD, str(path), str(total)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert not set(completed) & {int(x) for x in rerun.stdout.split() if x.isdigit()}  # finished ones are skipped
    with open_kb(path) as kb:
        assert kb.article_count() == total


def _html_article(tmp_path):
    """An HTML article read from ``tmp_path`` whose stored source is its page URL, in a new KB."""
    from kg.read import Source, read_document

    page = tmp_path / "pages" / "news.html"
    page.parent.mkdir()
    page.write_text("<html><head><title>HIT joins ASRTU</title>"
                    '<link rel="canonical" href="https://news.example.edu/2024/hit-asrtu">'
                    '<meta property="og:url" content="https://news.example.edu/2024/hit-asrtu"></head>'
                    "<body><article><h1>HIT joins ASRTU</h1><p>Harbin Institute of Technology joined the "
                    "Association of Sino-Russian Technical Universities in 2011, the university said on Monday."
                    "</p></article></body></html>")
    document = read_document(Source(str(page), page))
    assert document.meta.url == "https://news.example.edu/2024/hit-asrtu"  # so the source is the URL
    iri = article_graph(document.doc_id)
    graph = Graph(identifier=iri)
    graph.add((iri, KG.source, Literal(document.meta.url)))
    graph.add((iri, KG.contentHash, Literal(document.content_hash)))
    return page, iri, graph


@pytest.mark.parametrize("how", ["path", "relative path", "url", "iri", "id"])
def test_store_remove_html_article_by_path_url_or_iri(tmp_path, monkeypatch, how):
    page, iri, graph = _html_article(tmp_path)
    monkeypatch.chdir(tmp_path)
    ref = {"path": str(page), "relative path": "pages/news.html", "url": "https://news.example.edu/2024/hit-asrtu",
           "iri": str(iri), "id": str(iri).rsplit("/", 1)[1]}[how]
    with open_kb(tmp_path / "kb") as kb:
        kb.replace_graph(graph)
        kb.replace_graph(_article("a2"))
        assert kb.remove_article(ref)
        assert kb.graphs() == [str(article_graph("a2"))]
        assert not kb.remove_article(ref)


def test_store_article_id_of_path_is_the_readers():
    from kg.read import Source, _doc_id
    from kg.store import article_id_of_path

    for name in ("data/articles/uq-qs-2024-go8.html", "東北大学.md", "a b/Ψ University.txt", "x" * 90 + ".txt"):
        path = ROOT / name
        assert article_id_of_path(path) == _doc_id(Source(str(path), path), "0" * 64)


def test_store_write_article_from_triples_or_from_nquads_is_the_same(tmp_path):
    """The local path hands the writer triples, a Dask worker N-Quads: both store the same graphs."""
    from rdflib import Literal, URIRef

    from kg.namespaces import ENTITIES_GRAPH
    from kg.store import open_kb, to_nquads

    article, entity = "https://example.org/article/a1", URIRef("https://example.org/org/x")
    graphs = {article: [(URIRef(article), URIRef("https://example.org/p"), entity)],
              str(ENTITIES_GRAPH): [(entity, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("X"))]}
    stored = []
    for name, data in (("triples", graphs), ("nquads", to_nquads(graphs))):
        with open_kb(tmp_path / name) as kb:
            assert kb.write_article(data) == article
            stored.append(sorted(str(q) for q in kb.quads()))  # not the fact summary (its marker)
    assert stored[0] == stored[1] and len(stored[0]) == 2
