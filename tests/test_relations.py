"""Stage 2b: relation rules over parsed sentences (kg/extract/relations.py); needs the model."""

from __future__ import annotations

import pytest

from kg.extract.mentions import MentionFinder
from kg.extract.relations import find_relations, parse_date_phrase

pytestmark = pytest.mark.slow

PUBLISHED = "2023-05-01"


def _facts(nlp, gazetteer, text, published=PUBLISHED):
    doc = nlp(text)
    found = MentionFinder(nlp, gazetteer).find(doc)
    return [
        (f.subject.text, f.predicate, f.object.text if hasattr(f.object, "text") else f.object, dict(f.qualifiers))
        for f in find_relations(doc.sents, found, published, gazetteer, candidates=False)
    ]


def _triples(facts, predicate=None):
    return {(s, p, o) for s, p, o, _ in facts if predicate in (None, p)}


@pytest.mark.parametrize("sentence, role, since", [
    ("Brightwater University joined the Northern Lakes Alliance as an observer in 2020.", "observer", "2020"),
    ("Brightwater University joined the Northern Lakes Alliance in March 2019.", "member", "2019-03"),
    ("Brightwater University became an associate member of the Northern Lakes Alliance in 2021.", "associate", "2021"),
])
def test_relations_membership_with_role_and_year(model_nlp, gazetteer, sentence, role, since):
    facts = _facts(model_nlp, gazetteer, sentence)
    [membership] = [f for f in facts if f[1] == "memberOf"]
    assert membership[:3] == ("Brightwater University", "memberOf", "Northern Lakes Alliance")
    assert membership[3] == {"role": role, "since": since}


def test_relations_membership_list(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "The members of the Northern Lakes Alliance include Brightwater University, "
                                         "Zorlan Institute of Technology and Kama State Technical University.")
    assert _triples(facts, "memberOf") == {
        (member, "memberOf", "Northern Lakes Alliance")
        for member in ("Brightwater University", "Zorlan Institute of Technology", "Kama State Technical University")
    }


def test_relations_membership_is_a_member_of(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Kama State Technical University is a founding member of the NLA.")
    assert [(s, p, o, q["role"]) for s, p, o, q in facts if p == "memberOf"] == \
        [("Kama State Technical University", "memberOf", "NLA", "founding")]


def test_relations_membership_leaving_has_end_date(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Volga Polytechnic University left the Northern Lakes Alliance in 2022.")
    [membership] = [f for f in facts if f[1] == "memberOf"]
    assert membership == ("Volga Polytechnic University", "memberOf", "Northern Lakes Alliance",
                          {"role": "former", "until": "2022"})


@pytest.mark.parametrize("sentence, date", [
    ("The Northern Lakes Alliance was established in March 2012 by Brightwater University and "
     "Kama State Technical University.", "2012-03"),
    ("Brightwater University and Kama State Technical University founded the Northern Lakes Alliance in 2012.",
     "2012"),
])
def test_relations_founding_date_and_founders(model_nlp, gazetteer, sentence, date):
    facts = _facts(model_nlp, gazetteer, sentence)
    assert ("Northern Lakes Alliance", "founded", date) in _triples(facts)
    assert _triples(facts, "founder") == {
        ("Northern Lakes Alliance", "founder", "Brightwater University"),
        ("Northern Lakes Alliance", "founder", "Kama State Technical University"),
    }


def test_relations_singular_relative_clause_after_a_pair_is_about_the_nearest_name(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Brightwater University and Kama State Technical University, which was "
                                         "founded by missionaries in 1955, took part in the first meeting.")
    assert _triples(facts, "founded") == {("Kama State Technical University", "founded", "1955")}


@pytest.mark.parametrize("sentence, date", [
    ("Brightwater University and Kama State Technical University announced the establishment of the Northern Lakes "
     "Alliance on 4 June 2012.", "2012-06-04"),
    ("Brightwater University and Kama State Technical University signed a declaration on the founding of the "
     "Northern Lakes Alliance in 2012.", "2012"),
])
def test_relations_founding_told_by_a_noun(model_nlp, gazetteer, sentence, date):
    facts = _facts(model_nlp, gazetteer, sentence)
    assert ("Northern Lakes Alliance", "founded", date) in _triples(facts)
    assert _triples(facts, "founder") == {("Northern Lakes Alliance", "founder", "Brightwater University"),
                                          ("Northern Lakes Alliance", "founder", "Kama State Technical University")}


def test_relations_counted_founders_and_weekday_date(model_nlp, gazetteer):
    """"Seven universities on Wednesday announced the establishment of X", in an article of
    Thursday 2011-10-20: seven founding members, founded on Wednesday 2011-10-19."""
    facts = _facts(model_nlp, gazetteer, "Seven universities on Wednesday announced the establishment of the Northern "
                                         "Lakes Alliance.", published="2011-10-20")
    assert ("Northern Lakes Alliance", "founded", "2011-10-19") in _triples(facts)
    assert [(o, q) for s, p, o, q in facts if p == "memberCount"] == [("7", {"role": "founding"})]


@pytest.mark.parametrize("sentence", [
    "The rector of Brightwater University Maria Lindqvist and the rector of Kama State Technical University Ilsur "
    "Gafarov signed a memorandum of understanding.",
    "Brightwater University, Lakeside has signed an agreement with Kama State Technical University, Russia to "
    "collaborate in joint research.",
])
def test_relations_partnership_signed_by_heads_or_misparsed_subject(model_nlp, gazetteer, sentence):
    facts = _facts(model_nlp, gazetteer, sentence)
    assert {frozenset((s, o)) for s, p, o, _ in facts if p == "partnerOf"} == \
        {frozenset(("Brightwater University", "Kama State Technical University"))}


@pytest.mark.parametrize("sentence", [
    "Brightwater University signed an agreement with Kama State Technical University.",
    "Brightwater University and Kama State Technical University signed a memorandum of understanding.",
    "A cooperation agreement between Brightwater University and Kama State Technical University was renewed.",
])
def test_relations_partnership(model_nlp, gazetteer, sentence):
    facts = _facts(model_nlp, gazetteer, sentence)
    assert _triples(facts, "partnerOf") == {("Brightwater University", "partnerOf", "Kama State Technical University")}


def test_relations_no_partnership_between_countries(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "The rectors praised the diplomatic relations between China and Russia.")
    assert _triples(facts, "partnerOf") == set()


def test_relations_participation_selected_for_program(model_nlp, builtin_gazetteer):
    facts = _facts(model_nlp, builtin_gazetteer, "Tomsk Polytechnic University was selected for Priority 2030.")
    assert _triples(facts, "participatesIn") == {("Tomsk Polytechnic University", "participatesIn", "Priority 2030")}


def test_relations_no_participation_for_a_count_of_universities(model_nlp, builtin_gazetteer):
    facts = _facts(model_nlp, builtin_gazetteer, "Tsinghua University is one of the 16 universities of Project 985.")
    assert ("16 universities", "participatesIn", "Project 985") not in _triples(facts)
    assert all(s != "Project 985" and o != "Project 985" for s, _, o in _triples(facts, "memberOf"))


@pytest.mark.parametrize("sentence, university, qualifiers", [
    ("In the QS World University Rankings 2024, Tsinghua University ranked 25th.", "Tsinghua University",
     {"rank": "25", "year": "2024"}),
    ("In the QS World University Rankings 2024, Yanshan University was placed in the 801-1000 band.",
     "Yanshan University", {"band": "801-1000", "year": "2024"}),
    ("Peking University entered the top 20 of the QS World University Rankings 2023.", "Peking University",
     {"band": "top 20", "year": "2023"}),
])
def test_relations_ranking_rank_band_edition(model_nlp, builtin_gazetteer, sentence, university, qualifiers):
    facts = [f for f in _facts(model_nlp, builtin_gazetteer, sentence) if f[1] == "rankedIn"]
    assert [(s, q) for s, _, _, q in facts] == [(university, qualifiers)]
    assert "QS World University Rankings" in facts[0][2]


def test_relations_member_counts_total_and_per_role(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "The Northern Lakes Alliance now counts 80 universities, of which 64 are "
                                         "full members and 16 are observers.")
    counts = {(o, q.get("role")) for s, p, o, q in facts if p == "memberCount" and s == "Northern Lakes Alliance"}
    assert counts == {("80", None), ("64", "member"), ("16", "observer")}


@pytest.mark.parametrize("sentence", [
    "Brightwater University is one of 23 research-led universities in the Northern Lakes Alliance.",
    "Brightwater University is one of the 23 members of the Northern Lakes Alliance.",
])
def test_relations_member_count_from_one_of_n(model_nlp, gazetteer, sentence):
    facts = _facts(model_nlp, gazetteer, sentence)
    assert ("Northern Lakes Alliance", "memberCount", "23") in _triples(facts)


def test_relations_welcome_to_alliance_makes_the_objects_members(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "I am delighted to welcome Brightwater University and Kama State Technical "
                                         "University to the Northern Lakes Alliance.")
    assert _triples(facts, "memberOf") == {("Brightwater University", "memberOf", "Northern Lakes Alliance"),
                                           ("Kama State Technical University", "memberOf", "Northern Lakes Alliance")}


def test_relations_leaving_with_elided_verb_covers_every_leaver(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Brightwater University has decided to leave the Northern Lakes Alliance, as "
                                         "will – as announced earlier – Kama State Technical University.")
    leavers = {s for s, p, o, q in facts if p == "memberOf" and q.get("role") == "former"}
    assert leavers == {"Brightwater University", "Kama State Technical University"}


def test_relations_the_other_n_members_is_no_member_count(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Brightwater University will join the other seven members of the Northern "
                                         "Lakes Alliance.")
    assert _triples(facts, "memberCount") == set()


def test_relations_member_count_of_network(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "The Northern Lakes Alliance is a network of twelve universities.")
    assert ("Northern Lakes Alliance", "memberCount", "12") in _triples(facts)


@pytest.mark.parametrize("sentence, person, org, role", [
    ("Han Jiecai, President of Brightwater University, opened the forum.", "Han Jiecai", "Brightwater University",
     "president"),
    ("Brightwater University President Han Jiecai opened the forum.", "Han Jiecai", "Brightwater University",
     "president"),
    ("Ilsur Gafarov, Rector of Kama State Technical University, welcomed the guests.", "Ilsur Gafarov",
     "Kama State Technical University", "rector"),
])
def test_relations_heads(model_nlp, gazetteer, sentence, person, org, role):
    facts = [f for f in _facts(model_nlp, gazetteer, sentence) if f[1] == "headOf"]
    assert facts == [(person, "headOf", org, {"role": role})]


@pytest.mark.parametrize("sentence", [
    "Professor Maria Lindqvist opened the forum. Lindqvist also acts as chairman of the Northern Lakes Alliance.",
    "Professor Maria Lindqvist opened the forum. Lindqvist, who now serves as chairman of the Northern Lakes Alliance, "
    "spoke first.",
])
def test_relations_head_named_by_surname_after_full_name(model_nlp, gazetteer, sentence):
    """A person named in full, then by surname with a linking verb: the surname stands for the person."""
    doc = model_nlp(sentence)
    found = MentionFinder(model_nlp, gazetteer).find(doc)
    heads = [f for f in find_relations(doc.sents, found, PUBLISHED, gazetteer, candidates=False) if f.predicate == "headOf"]
    assert [(f.subject.text, f.subject.refers_to, f.object.text, dict(f.qualifiers)) for f in heads] == \
        [("Lindqvist", "Maria Lindqvist", "Northern Lakes Alliance", {"role": "chairman"})]


def test_relations_heads_title_and_organisation_before_the_name(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Speaking at the ceremony, rector of Kama State Technical University, Prof "
                                         "Ilsur Gafarov and president of Brightwater University, Prof Maria Lindqvist "
                                         "praised the agreement.")
    assert _triples(facts, "headOf") == {("Ilsur Gafarov", "headOf", "Kama State Technical University"),
                                         ("Maria Lindqvist", "headOf", "Brightwater University")}


def test_relations_heads_every_title_of_an_apposition(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Dr Maria Lindqvist, newly appointed Chair of the Northern Lakes Alliance "
                                         "network and President of Brightwater University, welcomed the decision.")
    assert _triples(facts, "headOf") == {("Maria Lindqvist", "headOf", "Northern Lakes Alliance"),
                                         ("Maria Lindqvist", "headOf", "Brightwater University")}


def test_relations_head_by_a_bare_title_of_the_one_organisation_named(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Writing in the Northern Lakes Alliance's annual report, Maria Lindqvist, the "
                                         "secretary general, described the withdrawals as disturbing.")
    assert _triples(facts, "headOf") == {("Maria Lindqvist", "headOf", "Northern Lakes Alliance")}


def test_relations_head_with_a_title_on_each_side_of_the_name(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Northern Lakes Alliance Chair Maria Lindqvist, Rector of Brightwater "
                                         "University, stressed that the network will stay small.")
    assert _triples(facts, "headOf") == {("Maria Lindqvist", "headOf", "Northern Lakes Alliance"),
                                         ("Maria Lindqvist", "headOf", "Brightwater University")}


def test_relations_the_next_persons_title_is_not_the_first_persons(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "It was signed by Brightwater University President Prof. Maria Lindqvist, "
                                         "Zorlan Institute of Technology President Prof. Ilsur Gafarov and guests.")
    assert ("Maria Lindqvist", "headOf", "Zorlan Institute of Technology") not in _triples(facts, "headOf")


@pytest.mark.parametrize("sentence, count", [
    ("The rectors voted to admit Brightwater University, raising the number of member universities in the Northern "
     "Lakes Alliance to 23.", {"23"}),
    ("The Northern Lakes Alliance will welcome two new members in January.", set()),
])
def test_relations_member_count_raised_to_and_new_members(model_nlp, gazetteer, sentence, count):
    facts = _facts(model_nlp, gazetteer, sentence)
    assert {o for s, p, o, _ in facts if p == "memberCount"} == count


def test_relations_vice_president_is_not_head(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Han Jiecai, Vice President of Brightwater University, opened the forum.")
    assert _triples(facts, "headOf") == set()


def test_relations_countries_from_demonym_list(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Russian universities, including Kama State Technical University and "
                                         "Volga Polytechnic University, sent delegations.")
    assert _triples(facts, "country") == {("Kama State Technical University", "country", "RU"),
                                          ("Volga Polytechnic University", "country", "RU")}


def test_relations_country_in_parentheses(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Delegates from Oakridge University (Russia) attended the forum.")
    assert ("Oakridge University", "country", "RU") in _triples(facts)


@pytest.mark.parametrize("phrase, iso", [
    ("in March 2011", "2011-03"), ("on 5 May 2011", "2011-05-05"), ("2019", "2019"), ("May 5th, 2011", "2011-05-05"),
    ("a few days ago", None),
])
def test_relations_parse_date_phrase(phrase, iso):
    assert parse_date_phrase(phrase) == iso


@pytest.mark.parametrize("text, founders", [
    ("The Northern Lakes Alliance grew fast. The founding three universities were: Brightwater University, "
     "Kama State Technical University and Volga Polytechnic University.",
     {"Brightwater University", "Kama State Technical University", "Volga Polytechnic University"}),
    ("Brightwater University, one of the Northern Lakes Alliance's founding universities, as well as "
     "Volga Polytechnic University, sent delegates.", {"Brightwater University"}),
])
def test_relations_founding_members_are_founders(model_nlp, gazetteer, text, founders):
    facts = _facts(model_nlp, gazetteer, text)
    assert {o for s, p, o, _ in facts if p == "founder"} == founders
    assert {s for s, p, o, q in facts if p == "memberOf" and q.get("role") == "founding"} == founders


@pytest.mark.parametrize("text, count", [
    ("Overall Northern Lakes Alliance membership has fallen slightly to about 450.", "450"),
    ("Brightwater University joined the Northern Lakes Alliance, bringing the membership of the network to 24.", "24"),
    ("The Northern Lakes Alliance met in May. Today, there are 25 member schools.", "25"),
])
def test_relations_member_totals(model_nlp, gazetteer, text, count):
    facts = _facts(model_nlp, gazetteer, text)
    assert ("Northern Lakes Alliance", "memberCount", count) in _triples(facts, "memberCount")


@pytest.mark.parametrize("text", ["Russia's top universities are Brightwater University and Kama State Technical University.",
                                  "Brightwater University is ranked fourth in Russia."])
def test_relations_country_of_a_national_ranking(model_nlp, gazetteer, text):
    facts = _facts(model_nlp, gazetteer, text)
    # Brightwater is a Chinese university in the gazetteer: a national list does not move it
    assert ("Brightwater University", "country", "RU") not in _triples(facts, "country")
    if "Kama" in text:
        assert ("Kama State Technical University", "country", "RU") in _triples(facts, "country")


def test_relations_country_of_an_unknown_university_in_a_national_ranking(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "Ilmenau Polytechnic University is ranked fourth in Russia.")
    assert ("Ilmenau Polytechnic University", "country", "RU") in _triples(facts, "country")


def test_relations_leavers_listed_before_the_parsed_subject(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "The Northern Lakes Alliance changed. These additions were balanced as first "
                                         "Brightwater University (2008) and then Kama State Technical University (2014) "
                                         "left the group.")
    left = {(s, q.get("until")) for s, p, o, q in facts if p == "memberOf" and q.get("role") == "former"}
    assert left == {("Brightwater University", "2008"), ("Kama State Technical University", "2014")}


def test_relations_founding_date_opening_the_sentence(model_nlp, gazetteer):
    facts = _facts(model_nlp, gazetteer, "In 2003, a group of universities sharing common origins established the "
                                         "Northern Lakes Alliance as a collaborative network.")
    assert ("Northern Lakes Alliance", "founded", "2003") in _triples(facts, "founded")
