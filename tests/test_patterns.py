"""The relation rules' patterns (kg/extract/patterns.py and patterns.toml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract.patterns import find_patterns, TOKEN_PATTERNS

ARTICLES = Path(__file__).parent.parent / "data" / "articles"


def test_patterns_every_set_of_the_lexicon_compiles_and_is_found(nlp):
    text = ("Members include A. It consists of B. The league, led by C, such as D: E. "
            "The three selected are F. A network of G. The club, presided over by H. They signed an MoU with I. "
            "J, together with K.")
    found = find_patterns(nlp(text))
    assert set(found) == set(TOKEN_PATTERNS)  # each set matched something here, so each compiled


def test_patterns_companion_cues_are_found_with_their_ids(nlp):
    doc = nlp("A is joined by B, a status it shares with C, as do D and E, alongside F.")
    assert [(m.pattern, doc[m.start:m.end].text) for m in find_patterns(doc)["companion"]] == [
        ("joined_by", "joined by"), ("shares_with", "shares with"), ("as_do", "as do"), ("together_with", "alongside")]


def test_patterns_matches_come_in_text_order_with_their_ids(nlp):
    doc = nlp("Its members are A and B, such as C: D.")
    assert [(m.pattern, doc[m.start:m.end].text) for m in find_patterns(doc)["member_list"]] == [
        ("are", "are"), ("such_as", "such as"), ("colon", ":")]


def test_patterns_longer_patterns_need_their_opening_word(nlp):
    doc = nlp("It brings together A and B; together they bring C.")
    assert [(m.pattern, doc[m.start:m.end].text) for m in find_patterns(doc)["member_list"]] == [
        ("bring_together", "brings together")]


def test_patterns_are_case_insensitive_and_whole_words(nlp):
    doc = nlp("CHAIRED BY Ann Lee; unchaired by Bo.")
    assert [doc[m.start:m.end].text for m in find_patterns(doc)["led_by"]] == ["CHAIRED BY"]


def test_patterns_dependency_matches_give_their_nodes(nlp):
    from conftest import parsed_doc

    # "Volga University set up the Lakes Alliance and joined it ."
    words = ["Volga", "University", "set", "up", "the", "Lakes", "Alliance", "and", "joined", "it", "."]
    heads = [1, 2, 2, 2, 6, 6, 2, 2, 2, 8, 2]
    deps = ["compound", "nsubj", "ROOT", "prt", "det", "compound", "dobj", "cc", "conj", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "ADP", "DET", "PROPN", "PROPN", "CCONJ", "VERB", "PRON", "PUNCT"]
    lemmas = ["volga", "university", "set", "up", "the", "lakes", "alliance", "and", "join", "it", "."]
    found = find_patterns(parsed_doc(nlp, words, heads=heads, deps=deps, pos=pos, lemmas=lemmas))
    assert [(m.pattern, m.nodes) for m in found["founding_verb"]] == [("set_up", {"up": 3, "verb": 2})]
    assert [(m.pattern, m.nodes) for m in found["membership_verb"]] == [("join", {"verb": 8})]


def test_patterns_dependency_patterns_need_a_parse(nlp):
    assert "membership_verb" not in find_patterns(nlp("Volga University joined the Lakes Alliance."))


@pytest.mark.slow
def test_patterns_find_what_spacys_matchers_find(model_nlp):
    """The index, the walk along the parse and spaCy's Matcher for longer patterns together find
    exactly what spaCy's Matcher and DependencyMatcher find with the same patterns."""
    from spacy.matcher import DependencyMatcher, Matcher

    from kg.extract.patterns import DEPENDENCY_PATTERNS

    matcher, dependency_matcher = Matcher(model_nlp.vocab), DependencyMatcher(model_nlp.vocab)
    for name, entries in TOKEN_PATTERNS.items():
        for pattern_id, patterns in entries:
            matcher.add(f"{name}/{pattern_id}", patterns, greedy="LONGEST")
    for name, entries in DEPENDENCY_PATTERNS.items():
        for pattern_id, patterns in entries:
            dependency_matcher.add(f"{name}/{pattern_id}", patterns)
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    strings = model_nlp.vocab.strings
    with model_nlp.select_pipes(enable=[n for n in model_nlp.pipe_names if not n.startswith("kg_")]):
        docs = list(model_nlp.pipe(texts))
    compared = 0
    for doc in docs:
        for sent in doc.sents:
            expected = {(strings[k], s + sent.start, e + sent.start) for k, s, e in matcher(sent)}
            expected |= {(strings[k], tuple(sorted(t + sent.start for t in tokens)))
                         for k, tokens in dependency_matcher(sent)}
            ours = {(f"{name}/{m.pattern}", *((m.start, m.end) if not m.nodes else (tuple(sorted(m.nodes.values())),)))
                    for name, matches in find_patterns(sent).items() for m in matches}
            assert ours == expected, sent.text
            compared += len(expected)
    assert compared > 100


def test_patterns_text_patterns_expand_lexicon_word_lists():
    from kg.extract.lexicon import LEXICON
    from kg.extract.patterns import TEXT_PATTERNS

    kinds = [kind for kind, _ in TEXT_PATTERNS["rank"]]
    assert set(kinds) == {"rank", "band", "ranks"} and kinds[0] == "band"  # bands first: "top 20" is no rank 20
    placing = [regex for _, regex in TEXT_PATTERNS["rank"] if "eighth" in regex.pattern and "respectively" not in regex.pattern]
    assert placing and all("{@" not in regex.pattern for _, regex in TEXT_PATTERNS["rank"])
    assert placing[0].search("It came eighth.").group(1) == "eighth"
    assert set(LEXICON.ordered["ordinals"]) <= set(re.findall(r"[a-z]+", placing[0].pattern))


def test_patterns_ordinal_words_before_respectively_give_a_rank_each():
    from kg.extract.relations.ranking import ranks_in

    assert ranks_in("A, B and C came fifth, ninth and twelfth, respectively.") == [("rank", "5"), ("rank", "9"), ("rank", "12")]
    assert ranks_in("A was the second university to sign.") == []


def test_patterns_a_plural_with_several_numbers_gives_a_rank_each():
    from kg.extract.relations.ranking import ranks_in

    assert ranks_in("A, B and C occupied positions 5, 14 and 38 respectively.") == [("rank", "5"), ("rank", "14"), ("rank", "38")]
    assert ranks_in("It moved to position 12.") == [("rank", "12")]
