"""Extraction as spaCy components (kg/extract/components.py): inside nlp.pipe, serialisable."""

from __future__ import annotations

import pytest
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


def _ambiguous_gazetteer(builtin_gazetteer):
    """The built-in gazetteer plus twelve imported namesakes (one name, twelve keys: the PhraseMatcher
    node holding them grows, so the order it reports them in is not the order they were added)."""
    from dataclasses import replace

    from kg.gazetteer import GazEntry, Gazetteer

    entries = dict(builtin_gazetteer.entries)
    for number in range(12):
        key = f"national-university-{number}"
        entries[key] = GazEntry(key, "National University", "University", acronyms=("NU",), country=f"X{number}",
                                sources=("import:test",))
    entries["curated-nu"] = replace(entries[next(iter(entries))], key="curated-nu", aliases=("NU",))
    return Gazetteer(entries, builtin_gazetteer.links)


def test_components_token_table_matches_like_the_phrase_matcher(nlp, builtin_gazetteer):
    """TokenTable reports what spaCy's PhraseMatcher reports for the same patterns, in the same order
    (MentionFinder._choose may keep the first of several keys)."""
    from pathlib import Path

    from kg.extract.components import StoredMatcherFinder
    from kg.extract.mentions import MentionFinder

    gazetteer = _ambiguous_gazetteer(builtin_gazetteer)
    phrase, table = MentionFinder(nlp, gazetteer), StoredMatcherFinder(nlp, gazetteer)
    texts = [path.read_text() for path in sorted(Path("data/articles").glob("*.txt"))]
    texts.append("National University and NU signed with the Saint-Petersburg State University and St. Petersburg "
                 "State University; the London School of Economics, LSE, and National University (NU) too.")
    for text in texts:
        doc = nlp(text)
        for matcher in ("names", "exact"):
            expected = [(phrase._keys[i], start, end) for i, start, end in getattr(phrase, matcher)(doc)]
            assert getattr(table, matcher)(doc) == expected
        assert table.find(doc) == phrase.find(doc)
    keys = [key for key, start, end in table.exact(nlp("NU")) if (start, end) == (0, 1)]
    assert len(keys) == 12 and keys != sorted(keys, key=list(gazetteer.entries).index)  # the node's own order


def test_components_finder_built_once_and_loaded(nlp, gazetteer, tmp_path, monkeypatch):
    """The finder is kept in the cache folder, named by the gazetteer's fingerprint: the next process
    loads it (nothing is tokenised or matched up again); another gazetteer gets its own, replacing it."""
    from dataclasses import replace

    from kg.extract.components import StoredMatcherFinder
    from kg.gazetteer import Gazetteer

    built = StoredMatcherFinder(nlp, gazetteer, tmp_path)
    [stored] = tmp_path.glob("finder-*.marshal")
    monkeypatch.setattr(StoredMatcherFinder, "_add", lambda *args: pytest.fail("built again"))
    loaded = StoredMatcherFinder(nlp, gazetteer, tmp_path)
    doc = nlp(TEXT)
    assert loaded.find(doc) == built.find(doc) and vars(loaded).keys() == vars(built).keys()
    monkeypatch.undo()
    entries = dict(gazetteer.entries)
    entries["zorlan-institute-of-technology"] = replace(entries["zorlan-institute-of-technology"], aliases=("Zorlan Tech",))
    StoredMatcherFinder(nlp, Gazetteer(entries, gazetteer.links), tmp_path)
    assert [p.name for p in tmp_path.glob("finder-*.marshal")] not in ([], [stored.name])


def test_components_damaged_finder_cache_is_rebuilt(nlp, gazetteer, tmp_path):
    from kg.extract.components import StoredMatcherFinder

    StoredMatcherFinder(nlp, gazetteer, tmp_path)
    [stored] = tmp_path.glob("finder-*.marshal")
    stored.write_bytes(b"not marshal")
    assert StoredMatcherFinder(nlp, gazetteer, tmp_path).find(nlp(TEXT))
    assert stored.read_bytes() != b"not marshal"
