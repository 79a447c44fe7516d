"""Candidate facts for the learned scorer (kg/extract/candidates.py), on hand-parsed Docs."""

from __future__ import annotations

import pytest

from conftest import parsed_doc
from kg.extract.mentions import Found
from kg.extract.relations import find_relations


def _alliance_doc(nlp):
    # "Brightwater University and Kama University joined the Northern Lakes Alliance .
    #  Volga University is listed ."
    words = ["Brightwater", "University", "and", "Kama", "University", "joined", "the", "Northern", "Lakes",
             "Alliance", ".", "Volga", "University", "is", "listed", "."]
    heads = [1, 5, 1, 4, 1, 5, 9, 9, 9, 5, 5, 12, 14, 14, 14, 14]
    deps = ["compound", "nsubj", "cc", "compound", "conj", "ROOT", "det", "compound", "compound", "dobj", "punct",
            "compound", "nsubjpass", "auxpass", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "DET", "PROPN", "PROPN", "PROPN", "PUNCT",
           "PROPN", "PROPN", "AUX", "VERB", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[5], lemmas[13], lemmas[14] = "join", "be", "list"
    tags = ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", "DT", "NNP", "NNP", "NNP", ".", "NNP", "NNP", "VBZ", "VBN", "."]
    doc = parsed_doc(nlp, words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)
    found = [Found(0, 2, "University", None, "pattern", "Brightwater University"),
             Found(3, 5, "University", None, "pattern", "Kama University"),
             Found(7, 10, "Alliance", None, "pattern", "Northern Lakes Alliance"),
             Found(11, 13, "University", None, "pattern", "Volga University")]
    return doc, found


def _facts(nlp, candidates=True):
    doc, found = _alliance_doc(nlp)
    return {(f.subject.text, f.predicate, getattr(f.object, "text", f.object)): f
            for f in find_relations(doc.sents, found, None, None, candidates=candidates)}


def test_candidates_every_compatible_pair_is_a_candidate(nlp):
    facts = _facts(nlp)
    assert ("Brightwater University", "memberOf", "Northern Lakes Alliance") in facts
    assert ("Kama University", "memberOf", "Northern Lakes Alliance") in facts
    # partnerOf is left to the rules: no candidate pairs for it (nor for founder, headOf)
    assert not [key for key, f in facts.items() if key[1] == "partnerOf" and "partnerOf|rule" not in f.features]


def test_candidates_rule_facts_carry_the_rule_feature(nlp):
    facts = _facts(nlp)
    joined = facts[("Brightwater University", "memberOf", "Northern Lakes Alliance")]
    assert "memberOf|rule" in joined.features
    assert "memberOf|cue=True" in joined.features
    assert dict(joined.qualifiers)["role"] == "member"


def test_candidates_object_from_the_discourse(nlp):
    """A sentence without an alliance pairs its university with the alliance spoken of before."""
    facts = _facts(nlp)
    listed = facts[("Volga University", "memberOf", "Northern Lakes Alliance")]
    assert "memberOf|ctx" in listed.features
    assert "memberOf|rule" not in listed.features


def test_candidates_off_gives_the_rules_alone(nlp):
    facts = _facts(nlp, candidates=False)
    assert ("Volga University", "memberOf", "Northern Lakes Alliance") not in facts
    assert all(not f.features for f in facts.values())


def test_candidates_ordinals_of_events_are_no_ranks():
    from kg.extract.relations.ranking import ranks_in

    assert ranks_in("celebrating the 100th anniversary of the university") == []
    assert ranks_in("it ranked 23rd, up from 401st") == [("rank", "23"), ("rank", "401")]


def test_candidates_ordinals_in_the_range_of_years_are_ranks():
    """"1,530th" and "1530th" are places, "in 1530" a year (long lists reach past 1,500)."""
    from kg.extract.relations.ranking import ranks_in

    assert ranks_in("placed 1,076th, 1,412th and 1,530th respectively") == [("rank", "1076"), ("rank", "1412"), ("rank", "1530")]
    assert ranks_in("it came 1530th") == [("rank", "1530")]
    assert ranks_in("founded in 1530") == []


@pytest.mark.parametrize("text, ranks", [
    ("Volga University came eighth, the best in Asia", [("rank", "8")]),
    ("it placed joint fifth in the table", [("rank", "5")]),
    ("it rose to third place", [("rank", "3")]),
    ("for the first time, the first university of the region", []),  # no verb of placing
    ("it came second in the country", []),  # a placement within a country is no rank
    ("it was first to sign", []),
    ("Volga University retained first place, Oka University took second place", [("rank", "1"), ("rank", "2")]),
])
def test_candidates_ordinal_words_after_verbs_of_placing_are_ranks(text, ranks):
    from kg.extract.relations.ranking import ranks_in

    assert ranks_in(text) == ranks


def test_candidates_an_item_beside_a_count_is_not_counted(nlp):
    """"include 4 universities of the Lakes Alliance and Volga University": Volga University is
    listed beside the alliance's four, so it is no candidate member of that alliance."""
    words = ["They", "include", "4", "universities", "of", "Lakes", "Alliance", "and", "Volga", "University", "."]
    heads = [1, 1, 3, 1, 3, 6, 4, 3, 9, 3, 1]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "prep", "compound", "pobj", "cc", "compound", "conj", "punct"]
    pos = ["PRON", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT"]
    doc = parsed_doc(nlp, words, heads=heads, deps=deps, pos=pos)
    found = [Found(5, 7, "Alliance", None, "pattern", "Lakes Alliance"),
             Found(8, 10, "University", None, "pattern", "Volga University")]
    facts = {(f.subject.text, f.predicate) for f in find_relations(doc.sents, found, None, None)}
    assert ("Volga University", "memberOf") not in facts
