"""The composed pipeline (kg/pipeline.py): ingest, idempotence, failures, exports. Needs the model."""

from __future__ import annotations

import shutil

import pytest
from conftest import ARTICLES, assert_isomorphic
from rdflib import Graph

from kg.export import EXPORT_FILES
from kg.namespaces import KG
from kg.pipeline import extract, ingest
from kg.store import open_kb

pytestmark = pytest.mark.slow


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    return folder


def _article_graphs(kb_dir) -> dict[str, Graph]:
    with open_kb(kb_dir) as kb:
        graphs = {}
        for name in kb.graphs():
            graph = Graph()
            for quad in kb.store.quads_for_pattern(None, None, None, __import__("pyoxigraph").NamedNode(name)):
                graph.parse(data=f"{quad.subject} {quad.predicate} {quad.object} .", format="nt")
            graphs[name] = graph
        return graphs


def test_pipeline_ingest_twice_is_idempotent(corpus, tmp_path, gazetteer):
    first = ingest([corpus], tmp_path / "kb", gazetteer=gazetteer)
    assert (first.ingested, first.skipped, first.failed) == (3, 0, [])  # tests/data/articles holds 3 articles
    before = _article_graphs(tmp_path / "kb")
    second = ingest([corpus], tmp_path / "kb", gazetteer=gazetteer)
    assert (second.ingested, second.skipped, second.failed) == (0, 3, [])
    after = _article_graphs(tmp_path / "kb")
    assert before.keys() == after.keys()
    for name in before:
        assert_isomorphic(before[name], after[name])


def test_pipeline_changed_article_replaces_its_graph(corpus, tmp_path, gazetteer):
    ingest([corpus], tmp_path / "kb", gazetteer=gazetteer)
    article = corpus / "bwu-joins-nla.txt"
    article.write_text(article.read_text().replace("as an observer", "as an associate member"))
    report = ingest([corpus], tmp_path / "kb", gazetteer=gazetteer)
    assert (report.ingested, report.skipped) == (1, 2)
    with open_kb(tmp_path / "kb") as kb:
        assert kb.article_count() == 3
        roles = {row["r"].value.rsplit("#", 1)[-1] for row in kb.query(
            "SELECT ?r WHERE { ?m a unikg:Membership ; unikg:member <https://w3id.org/unikg/resource/org/brightwater-university> ; unikg:role ?r ;"
            " prov:wasDerivedFrom ?a . ?a unikg:source ?src FILTER(STRENDS(?src, \"bwu-joins-nla.txt\")) }")}
    assert roles == {"AssociateMemberRole"}


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"  \n", "file is empty or only whitespace"),
    ("scan.txt", b"%PDF-1.5 binary", "this is a PDF document, not text"),
    ("bad.txt", bytes(range(128, 256)) * 20, "not UTF-8 and no text encoding fits"),
])
def test_pipeline_bad_file_is_reported_others_ingested(corpus, tmp_path, gazetteer, name, data, message):
    (corpus / name).write_bytes(data)
    report = ingest([corpus], tmp_path / "kb", gazetteer=gazetteer)
    assert report.ingested == 3
    assert len(report.failed) == 1
    where, text = report.failed[0]
    assert where == str(corpus / name)
    assert message in text


@pytest.mark.parametrize("stage", ["kg.extract.components.find_relations", "kg.pipeline.resolve_document"])
def test_pipeline_fault_on_one_article_is_reported_others_ingested(corpus, tmp_path, gazetteer, monkeypatch, stage):
    """A fault of ours on one article (a rule, resolution or mapping raising) costs that article
    only: it is reported with its path, and the batch goes on and stores the others."""
    import importlib

    module, name = stage.rsplit(".", 1)
    real = getattr(importlib.import_module(module), name)

    def failing(first, *args, **kwargs):
        if name == "find_relations":
            first = list(first)  # the Doc's sentences
        text = first.text if name == "resolve_document" else first[0].doc.text
        if "as an observer" in text:  # only bwu-joins-nla.txt says so
            raise IndexError("list index out of range")
        return real(first, *args, **kwargs)

    monkeypatch.setattr(f"{module}.{name}", failing)
    report = ingest([corpus], tmp_path / "kb", gazetteer=gazetteer)
    assert report.ingested == 2
    assert [where for where, _ in report.failed] == ["bwu-joins-nla.txt"]
    assert "IndexError: list index out of range" in report.failed[0][1] and "fault of unikg" in report.failed[0][1]
    with open_kb(tmp_path / "kb") as kb:
        assert kb.article_count() == 2


def test_pipeline_missing_path_is_reported(corpus, tmp_path, gazetteer):
    report = ingest([corpus, tmp_path / "nope"], tmp_path / "kb", gazetteer=gazetteer)
    assert report.ingested == 3
    assert report.failed == [(str(tmp_path / "nope"), f"{tmp_path / 'nope'}: no such file or folder; check the path")]


def test_pipeline_exports_written(corpus, tmp_path, gazetteer):
    report = ingest([corpus], tmp_path / "kb", gazetteer=gazetteer)
    assert sorted(p.name for p in report.exports) == sorted(EXPORT_FILES)
    turtle = Graph().parse(tmp_path / "kb" / "graph.ttl")
    assert len(list(turtle.subjects(predicate=None, object=KG.Article))) == 3


def test_pipeline_no_export(corpus, tmp_path, gazetteer):
    report = ingest([corpus], tmp_path / "kb", gazetteer=gazetteer, export=False)
    assert report.exports == []
    assert not (tmp_path / "kb" / "graph.ttl").exists()


def test_pipeline_extract_facts_of_article(gazetteer):
    extraction = extract(ARTICLES / "bwu-joins-nla.txt", gazetteer=gazetteer)
    facts = {(r.subject.rsplit("/", 1)[-1], r.predicate, str(r.object).rsplit("/", 1)[-1], r.qualifier("role"))
             for r in extraction.relations}
    assert ("brightwater-university", "memberOf", "northern-lakes-alliance", "observer") in facts
    assert ("northern-lakes-alliance", "founder", "zorlan-institute-of-technology", None) in facts
    assert ("brightwater-university", "partnerOf", "kama-state-technical-university", None) in facts
    assert extraction.publisher.endswith("/brightwater-university")  # from the image host news.brightwater.edu.cn


def test_pipeline_extract_text_refuses_an_over_long_text():
    from kg.errors import InputError
    from kg.pipeline import extract_text
    from kg.read import MAX_TEXT_CHARS

    with pytest.raises(InputError, match="longer than"):
        extract_text("Brightwater University. " * (MAX_TEXT_CHARS // 20), model="blank")


def test_pipeline_paragraph_marks_of_a_long_text_are_those_of_its_pieces():
    """Sentence starts are written in one array pass (setting them token by token was quadratic):
    the paragraph component marks the same boundaries on a long text as on its pieces."""
    from kg.extract.nlp import load_nlp

    nlp = load_nlp("blank")
    piece = "Brightwater University joined.\\n\\nPresident Prof. Han Jiecai spoke\\n\\n"
    one = [t.is_sent_start for t in nlp(piece)]
    assert [t.is_sent_start for t in nlp(piece * 300)][:len(one)] == one


def test_pipeline_kb_gazetteer_built_once_per_change(tmp_path, monkeypatch):
    """The KB's gazetteer is kept in <kb>/cache and read back while the built-in files, the imports,
    the researcher's decisions and this code stay the same; an import or a split builds it again."""
    import kg.pipeline
    from kg.entities import split_name
    from kg.importers import write_import
    from kg.namespaces import mint_iri
    from kg.pipeline import kb_gazetteer

    kb_dir = tmp_path / "kb"
    build = kg.pipeline.gazetteer_with_kb
    builds = []
    monkeypatch.setattr(kg.pipeline, "gazetteer_with_kb", lambda *args: builds.append(1) or build(*args))
    open_kb(kb_dir).close()
    write_import(kb_dir, [{"name": "Zyx Polytechnic of Qwerty", "type": "University", "country": "FR"}], "extra")
    with open_kb(kb_dir) as kb:
        first = kb_gazetteer(kb, kb_dir)
        again = kb_gazetteer(kb, kb_dir)
        assert len(builds) == 1 and again.entries == first.entries and again is not first
        assert again.lookup("Zyx Polytechnic of Qwerty")
        write_import(kb_dir, [{"name": "Qwerty Academy of Zyx", "type": "University", "country": "FR"}], "more")
        assert kb_gazetteer(kb, kb_dir).lookup("Qwerty Academy of Zyx") and len(builds) == 2
        split_name(kb_dir, str(mint_iri("University", "zyx-polytechnic-of-qwerty")), "Zyx Polytechnic of Qwerty")
        assert not kb_gazetteer(kb, kb_dir).lookup("Zyx Polytechnic of Qwerty") and len(builds) == 3
        assert kb_gazetteer(kb, kb_dir, learned=True) and len(builds) == 4


def test_pipeline_paragraphs_keep_a_list_items_number_with_its_line():
    """"2. Cairo University: Rank 360" is one sentence: the number that opens a list item's line is
    no sentence of its own, while a full stop at the end of a line still ends one."""
    from kg.extract.nlp import load_nlp

    doc = load_nlp("blank")("Egypt's top universities are:\n\n1. Cairo University: Rank 360\n\n"
                            "2. Ain Shams University: Rank 701\n\nThe list ends here. It was long.")
    lines = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert "1. Cairo University: Rank 360" in lines and "2. Ain Shams University: Rank 701" in lines
    assert "It was long." in lines


@pytest.mark.parametrize("style", ["Ir.", "Hon.", "Engr.", "MUDr.", "Assoc. Prof."])
def test_pipeline_no_sentence_ends_after_an_honorific_of_the_lexicon(style):
    """"The Rector of UI, Prof. Dr. Ir. Heri Hermansyah, thanked the team." is one sentence: every
    honorific the lexicon writes with a full stop is one token, after which no sentence ends."""
    from kg.extract.nlp import load_nlp

    doc = load_nlp("blank")(f"The Rector of UI, Prof. Dr. {style} Heri Hermansyah, thanked the team. It was a good year.")
    assert [s.text.strip() for s in doc.sents][0] == f"The Rector of UI, Prof. Dr. {style} Heri Hermansyah, thanked the team."


def test_pipeline_paragraph_marks_equal_a_token_by_token_reading():
    """The array version of the paragraph component marks what reading token by token marks."""
    from kg.extract.nlp import _ABBREVIATIONS, _LIST_NUMBER, _SENTENCE_END, load_nlp, mark_paragraphs

    def token_by_token(doc):
        marks, line_start = [True], 0
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if previous.is_space and "\n" in previous.text:
                marks.append(True)
                line_start = token.i
            elif previous.text in _ABBREVIATIONS or not (previous.text in _SENTENCE_END or previous.text.endswith(".")) \
                    or _LIST_NUMBER.fullmatch(doc[line_start:token.i].text):
                marks.append(False)
            else:
                marks.append(None)
        return marks

    nlp = load_nlp("blank")
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.iterdir())]
    texts.append("Top 3:\n\n1. Volga University  (tie)\n*2 Kama University\t(2)\n3) Oka. Prof. Lee said so!\n\n\nEnd")
    for text in texts:
        assert [t.is_sent_start for t in mark_paragraphs(nlp.make_doc(text))] == token_by_token(nlp.make_doc(text))


def test_pipeline_new_kb_from_the_template_equals_one_made_from_scratch(corpus, tmp_path, monkeypatch):
    """The first new KB is saved as a template (gazetteer graph, marker, caches); a later new KB
    starts as its copy, writes no gazetteer graph, and ends up with the same graphs as a KB made
    from scratch with the template cache off."""
    import kg.pipeline
    from conftest import assert_same_graphs, named_graphs

    monkeypatch.setenv("UNIKG_CACHE", str(tmp_path / "cache"))
    ingest([corpus], tmp_path / "first", export=False)
    templates = list((tmp_path / "cache" / "templates").iterdir())
    assert len(templates) == 1 and (templates[0] / "store").is_dir() and list((templates[0] / "cache").iterdir())
    written = []
    build = kg.pipeline.gazetteer_triples
    monkeypatch.setattr(kg.pipeline, "gazetteer_triples", lambda *args: written.append(1) or build(*args))
    ingest([corpus], tmp_path / "copied", export=False)
    assert written == []  # the gazetteer graph came with the template
    monkeypatch.setenv("UNIKG_CACHE", "")
    ingest([corpus], tmp_path / "scratch", export=False)
    assert written == [1]
    assert_same_graphs(named_graphs(tmp_path / "scratch"), tmp_path / "copied")


def test_pipeline_template_is_only_for_a_new_kb(corpus, tmp_path, monkeypatch):
    from kg.pipeline import new_kb_template

    monkeypatch.setenv("UNIKG_CACHE", str(tmp_path / "cache"))
    assert new_kb_template(tmp_path / "missing") is not None
    assert new_kb_template(tmp_path / "missing") == new_kb_template(tmp_path / "other")  # one per unikg version
    ingest([corpus], tmp_path / "kb", export=False)
    assert new_kb_template(tmp_path / "kb") is None  # a KB already
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("x")
    assert new_kb_template(tmp_path / "notes") is None  # a folder with files is never replaced
    monkeypatch.setenv("UNIKG_CACHE", "")
    assert new_kb_template(tmp_path / "missing") is None  # caching off
