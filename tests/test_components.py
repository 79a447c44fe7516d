"""Extraction as spaCy components (kg/extract/components.py): inside nlp.pipe, serialisable."""

from __future__ import annotations

import spacy

from kg.extract.components import MENTIONS, RELATIONS, SPANS_KEY, add_extraction, facts_of, mentions_of
from kg.extract.nlp import load_nlp

TEXT = "Brightwater University joined the Northern Lakes Alliance in 2019. BWU signed an agreement with ZIT."


def _pipeline(gazetteer):
    nlp = load_nlp("blank").__class__.from_config(load_nlp("blank").config)  # a fresh blank pipeline
    return add_extraction(nlp, gazetteer)


def _summary(doc):
    return ([(s.text, s.label_, s.kb_id_) for s in doc.spans[SPANS_KEY]],
            sorted((f.subject.text, f.predicate, getattr(f.object, "text", f.object)) for f in facts_of(doc)))


def test_components_write_spans_and_facts(gazetteer):
    doc = _pipeline(gazetteer)(TEXT)
    spans, facts = _summary(doc)
    assert ("Brightwater University", "University", "brightwater-university") in spans
    assert ("Northern Lakes Alliance", "Alliance", "northern-lakes-alliance") in spans
    assert ("Brightwater University", "memberOf", "Northern Lakes Alliance") in facts
    assert [m.text for m in mentions_of(doc)] == [s[0] for s in spans]


def test_components_round_trip_with_the_pipeline(gazetteer, tmp_path):
    nlp = _pipeline(gazetteer)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names[-2:] == [MENTIONS, RELATIONS]
    assert len(loaded.get_pipe(MENTIONS).gazetteer) == len(gazetteer)  # the gazetteer travels with it
    assert _summary(loaded(TEXT)) == _summary(nlp(TEXT))


def test_components_run_in_worker_processes(gazetteer):
    nlp = _pipeline(gazetteer)
    texts = [TEXT, "ZIT joined the Northern Lakes Alliance as an observer."] * 2
    alone = [_summary(doc) for doc in nlp.pipe(texts)]
    assert [_summary(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=1)] == alone


def test_components_added_once_even_while_disabled(gazetteer):
    nlp = _pipeline(gazetteer)
    with nlp.select_pipes(disable=[MENTIONS, RELATIONS]):
        add_extraction(nlp, gazetteer)  # already there, only switched off: no second copy, no error
    assert nlp.pipe_names.count(MENTIONS) == 1 and nlp.pipe_names.count(RELATIONS) == 1


def test_components_refers_to_survives_the_doc(gazetteer):
    """An acronym's full name travels in the Doc (doc._.kg_refers_to), so worker processes keep it."""
    doc = _pipeline(gazetteer)("The Lakeside Technical Universities Network (LTUN) met. LTUN grew.")
    assert {m.text: m.refers_to for m in mentions_of(doc) if m.text == "LTUN"} == \
        {"LTUN": "Lakeside Technical Universities Network"}
    restored = spacy.tokens.Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert [m.refers_to for m in mentions_of(restored)] == [m.refers_to for m in mentions_of(doc)]
