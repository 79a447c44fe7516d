"""Scoring against gold annotations (kg/evaluate.py), on hand-made gold/extraction pairs."""

from __future__ import annotations

import json

import pytest

from kg.errors import ExtractionError, InputError
from kg.evaluate import Score, evaluate_dir, load_gold, score_article
from kg.model import Document, Entity, Extraction, Meta
from kg.model import Relation as R

BWU, KSTU, NLA, OAK = (f"https://w3id.org/unikg/resource/org/{k}" for k in
                       ("brightwater-university", "kama-state-technical-university", "northern-lakes-alliance",
                        "oakridge-university"))


def _extraction(relations, entities=None):
    entities = entities or (
        Entity(BWU, "Brightwater University", "University", key="brightwater-university"),
        Entity(KSTU, "KSTU", "University", acronyms=("KSTU",), country="RU"),
        Entity(NLA, "Northern Lakes Alliance", "Alliance"),
    )
    document = Document("d", "text", "d.txt", Meta(), "0" * 64)
    return Extraction(document, tuple(entities), tuple(relations))


GOLD = {
    "article": "d.txt",
    "entities": [
        {"name": "Brightwater University", "type": "University", "aliases": ["BWU"]},
        {"name": "Kama State Technical University", "type": "University", "aliases": ["KSTU"]},
        {"name": "Northern Lakes Alliance", "type": "Alliance"},
        {"name": "Han Lirong", "type": "Person"},
    ],
    "relations": [
        {"s": "Brightwater University", "p": "memberOf", "o": "Northern Lakes Alliance"},
        {"s": "Kama State Technical University", "p": "partnerOf", "o": "Brightwater University"},
        {"s": "Northern Lakes Alliance", "p": "founded", "o": "2012"},
        {"s": "Northern Lakes Alliance", "p": "memberCount", "o": 12},
        {"s": "Kama State Technical University", "p": "country", "o": "ru"},
        {"s": "Brightwater University", "p": "country", "o": "CN"},
    ],
}


@pytest.mark.parametrize("tp, fp, fn, p, r, f1", [
    (0, 0, 0, 0.0, 0.0, 0.0), (2, 0, 1, 1.0, 2 / 3, 0.8), (1, 1, 1, 0.5, 0.5, 0.5), (0, 3, 0, 0.0, 0.0, 0.0),
])
def test_evaluate_score_math(tp, fp, fn, p, r, f1):
    score = Score(tp, fp, fn)
    assert (score.precision, score.recall, score.f1) == pytest.approx((p, r, f1))


def test_evaluate_entities_match_by_alias_and_type(gazetteer):
    entities, _, _, details = score_article(GOLD, _extraction([]), gazetteer)
    assert (entities["University"].tp, entities["University"].fp, entities["University"].fn) == (2, 0, 0)
    assert (entities["Alliance"].tp, entities["Person"].fn) == (1, 1)
    assert details["unmatched_gold_entities"] == ["Han Lirong"]


def test_evaluate_wrong_type_is_not_a_match(gazetteer):
    wrong = (Entity(NLA, "Northern Lakes Alliance", "Organization"),)
    entities, _, _, _ = score_article(GOLD, _extraction([], wrong), gazetteer)
    assert (entities["Organization"].fp, entities["Alliance"].fn) == (1, 1)


def test_evaluate_partner_of_is_symmetric(gazetteer):
    _, relations, _, _ = score_article(GOLD, _extraction([R(BWU, "partnerOf", KSTU, "e")]), gazetteer)
    assert vars(relations["partnerOf"]) == {"tp": 1, "fp": 0, "fn": 0}


def test_evaluate_member_of_is_directed(gazetteer):
    _, relations, _, _ = score_article(GOLD, _extraction([R(NLA, "memberOf", BWU, "e")]), gazetteer)
    assert vars(relations["memberOf"]) == {"tp": 0, "fp": 1, "fn": 1}


@pytest.mark.parametrize("predicate, value", [("founded", "2012-05-04"), ("founded", "2012"), ("memberCount", "12"),
                                              ("memberCount", "012")])
def test_evaluate_literal_normalisation(gazetteer, predicate, value):
    _, relations, _, _ = score_article(GOLD, _extraction([R(NLA, predicate, value, "e")]), gazetteer)
    assert relations[predicate].tp == 1


def test_evaluate_wrong_literal(gazetteer):
    _, relations, _, _ = score_article(GOLD, _extraction([R(NLA, "founded", "2013", "e")]), gazetteer)
    assert vars(relations["founded"]) == {"tp": 0, "fp": 1, "fn": 1}


def test_evaluate_country_accuracy_not_in_relation_f1(gazetteer):
    # KSTU: stated RU (gold "ru", case-folded) -> right; BWU: gazetteer says CN -> right
    extraction = _extraction([R(KSTU, "country", "RU", "e")])
    _, relations, countries, _ = score_article(GOLD, extraction, gazetteer)
    assert countries == (2, 2)
    assert "country" not in relations


def test_evaluate_country_wrong(gazetteer):
    entities = (Entity(KSTU, "KSTU", "University", acronyms=("KSTU",), country="CN"),)
    _, _, countries, _ = score_article(GOLD, _extraction([], entities), gazetteer)
    assert countries == (0, 2)  # KSTU wrong, BWU not predicted


def test_evaluate_dir_sums_articles(tmp_path, gazetteer):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("x")
        (tmp_path / f"{name}.gold.json").write_text(json.dumps({**GOLD, "article": f"{name}.txt"}))
    result = evaluate_dir(tmp_path, lambda path, gold: _extraction([R(BWU, "memberOf", NLA, "e")]), gazetteer)
    assert result.articles == 2
    assert vars(result.relations["memberOf"]) == {"tp": 2, "fp": 0, "fn": 0}  # one per article
    assert result.total(result.entities).tp == 6  # 3 matched entities per article


def test_evaluate_dir_records_unreadable_article(tmp_path, gazetteer):
    (tmp_path / "a.gold.json").write_text(json.dumps(GOLD))

    def fail(path, gold):
        raise InputError(f"{path}: file is empty")

    result = evaluate_dir(tmp_path, fail, gazetteer)
    assert (result.articles, len(result.errors)) == (0, 1)


def test_evaluate_dir_scores_a_crashed_extraction_as_finding_nothing(tmp_path, gazetteer):
    """An extraction that fails (unikg's fault) is reported and counts as missing every gold fact,
    so that a crash can never raise the score by hiding an article."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("x")
        (tmp_path / f"{name}.gold.json").write_text(json.dumps({**GOLD, "article": f"{name}.txt"}))

    def crash_on_b(path, gold):
        if path.name == "b.txt":
            raise ExtractionError(f"{path}: extraction failed (finding relations: ValueError)")
        return _extraction([R(BWU, "memberOf", NLA, "e")])

    result = evaluate_dir(tmp_path, crash_on_b, gazetteer)
    assert (result.articles, len(result.errors)) == (2, 1)
    assert vars(result.relations["memberOf"]) == {"tp": 1, "fp": 0, "fn": 1}  # b's membership missed
    assert result.total(result.entities).fn >= 4  # b's four gold entities, none found


@pytest.mark.parametrize("content, message", [("{not json", "not a readable gold JSON file"),
                                              ('{"article": "a.txt", "entities": []}', "gold file lacks 'relations'")])
def test_evaluate_load_gold_errors(tmp_path, content, message):
    path = tmp_path / "a.gold.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        load_gold(path)


ENDED_GOLD = {**GOLD, "relations": [
    {"s": "Kama State Technical University", "p": "memberOf", "o": "Northern Lakes Alliance", "ended": True,
     "until": "2021"},
]}


@pytest.mark.parametrize("qualifiers, scored_as", [
    ((("role", "former"), ("until", "2021")), "memberOf (ended)"),
    ((("role", "member"), ("until", "2021")), "memberOf (ended)"),  # an end date alone makes it past
    ((("role", "member"),), "memberOf"),
])
def test_evaluate_ended_memberships_scored_apart(gazetteer, qualifiers, scored_as):
    _, relations, _, _ = score_article(ENDED_GOLD, _extraction([R(KSTU, "memberOf", NLA, "e", qualifiers)]), gazetteer)
    if scored_as == "memberOf (ended)":
        assert vars(relations["memberOf (ended)"]) == {"tp": 1, "fp": 0, "fn": 0}
    else:  # a current membership for one that ended is wrong twice: a false current one, a missed past one
        assert vars(relations["memberOf"]) == {"tp": 0, "fp": 1, "fn": 0}
        assert vars(relations["memberOf (ended)"]) == {"tp": 0, "fp": 0, "fn": 1}


def test_evaluate_gold_with_an_end_date_is_ended(gazetteer):
    gold = {**GOLD, "relations": [{"s": "Kama State Technical University", "p": "memberOf",
                                   "o": "Northern Lakes Alliance", "until": "2012"}]}
    _, relations, _, _ = score_article(gold, _extraction([R(KSTU, "memberOf", NLA, "e", (("role", "former"),))]), gazetteer)
    assert vars(relations["memberOf (ended)"]) == {"tp": 1, "fp": 0, "fn": 0}


@pytest.mark.parametrize("content, message", [
    ("not json", "not a readable gold JSON file"),
    ("[]", "a gold file is a JSON object"),
    ('{"article": "../../../etc/passwd", "entities": [], "relations": []}', "is outside the gold folder"),
    ('{"article": "a.txt", "entities": [{"type": "University"}], "relations": []}', "entities #1 lacks 'name'"),
    ('{"article": "a.txt", "entities": [], "relations": [{"s": "A", "p": "memberOf"}]}', "relations #1 lacks 'o'"),
    ('{"article": "a.txt", "entities": {"name": "A"}, "relations": []}', "'entities' must be a list"),
    ('{"article": 7, "entities": [], "relations": []}', "'article' must be the file name"),
])
def test_evaluate_broken_gold_file_is_reported_and_the_rest_scored(tmp_path, runner, content, message):
    from kg.cli import cli

    (tmp_path / "a.txt").write_text("Brightwater University joined the Northern Lakes Alliance.\n", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"article": "a.txt", "entities": [], "relations": []}),
                                          encoding="utf-8")
    (tmp_path / "b.gold.json").write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(tmp_path), "--model", "blank"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "articles scored: 1" in result.output  # the good file is still scored
    assert f"error: {tmp_path / 'b.gold.json'}: " in result.output and message in result.output
    assert "1 of 2 gold files could not be scored" in result.output


def test_evaluate_a_gazetteer_label_names_the_entity():
    """Gold may name an entity by a name the gazetteer keeps as a label only (never matched in text,
    "Aurora"); the KB gives the entity that name, so it aligns."""
    from kg.gazetteer import build_gazetteer

    gazetteer = build_gazetteer([({"name": "Aurora Universities Network", "type": "Alliance",
                                   "labels": {"en": "Aurora"}}, "test")])
    key = next(iter(gazetteer.entries))
    entity = Entity(f"https://w3id.org/unikg/resource/org/{key}", "Aurora Universities Network", "Alliance", key=key)
    gold = {"article": "d.txt", "entities": [{"name": "Aurora", "type": "Alliance"}], "relations": []}
    entities, _, _, _ = score_article(gold, _extraction([], (entity,)), gazetteer)
    assert entities["Alliance"].tp == 1
