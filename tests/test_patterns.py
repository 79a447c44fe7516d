"""The relation rules' patterns (kg/extract/patterns.py and patterns.toml)."""

from __future__ import annotations

from kg.extract.patterns import find_patterns, TOKEN_PATTERNS


def test_patterns_every_set_of_the_lexicon_compiles_and_is_found(nlp):
    text = ("Members include A. It consists of B. The league, led by C, such as D: E. "
            "The three selected are F. A network of G. The club, presided over by H.")
    found = find_patterns(nlp(text))
    assert set(found) == set(TOKEN_PATTERNS)  # each set matched something here, so each compiled


def test_patterns_matches_come_in_text_order_with_their_ids(nlp):
    doc = nlp("Its members are A and B, such as C: D.")
    assert [(m.pattern, doc[m.start:m.end].text) for m in find_patterns(doc)["member_list"]] == [
        ("are", "are"), ("such_as", "such as"), ("colon", ":")]


def test_patterns_take_the_longest_match(nlp):
    doc = nlp("the IDEA League, a strategic research alliance of Delft and Aachen")
    assert [doc[m.start:m.end].text for m in find_patterns(doc)["collective_of"]] == [
        "a strategic research alliance of"]


def test_patterns_are_case_insensitive_and_whole_words(nlp):
    doc = nlp("CHAIRED BY Ann Lee; unchaired by Bo.")
    assert [doc[m.start:m.end].text for m in find_patterns(doc)["led_by"]] == ["CHAIRED BY"]
