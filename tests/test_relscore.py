"""The learned relation scorer's model file and decisions (kg/relscore.py)."""

from __future__ import annotations

import json

import pytest

from kg.errors import ConfigError
from kg.model import Relation
from kg.relscore import FORMAT, RelationScorer, default_scorer_path, load_scorer


def _relation(predicate, *features):
    return Relation("s", predicate, "o", "", (), tuple(features))


@pytest.fixture
def scorer():
    return RelationScorer({"memberOf|cue=True": 2.0, "memberOf|ctx": -3.0}, bias=-0.5, threshold=0.5,
                          predicates=("memberOf",))


def test_relscore_keeps_by_probability(scorer):
    assert scorer(_relation("memberOf", "memberOf|cue=True"))
    assert not scorer(_relation("memberOf", "memberOf|cue=True", "memberOf|ctx"))
    assert scorer.probability(["memberOf|cue=True"]) > scorer.probability([]) > scorer.probability(["memberOf|ctx"])


def test_relscore_rule_facts_are_kept_unless_told(scorer):
    ruled = _relation("memberOf", "memberOf|rule", "memberOf|ctx")
    assert scorer(ruled)
    strict = RelationScorer(scorer.weights, scorer.bias, scorer.threshold, scorer.predicates, keep_rules=False)
    assert not strict(ruled)


def test_relscore_unlearned_predicates_follow_the_rules(scorer):
    assert scorer(_relation("headOf", "headOf|rule"))
    assert not scorer(_relation("headOf", "headOf|cue=True"))
    assert scorer(_relation("founded"))  # a fact without features (derived, literal) is never dropped


def test_relscore_round_trip(scorer, tmp_path):
    path = scorer.to_disk(tmp_path / "model")
    assert json.loads(path.read_text())["format"] == FORMAT
    again = RelationScorer.from_disk(tmp_path / "model")
    assert again == scorer
    assert load_scorer(str(tmp_path / "model")) == scorer


@pytest.mark.parametrize("content, message", [
    ("not json", "not a relation scorer"),
    ('{"format": "unikg.relation_scorer.v0", "weights": {}}', "is not 'unikg.relation_scorer.v1'"),
])
def test_relscore_bad_model_file_is_refused(tmp_path, content, message):
    (tmp_path / "relation_scorer.json").write_text(content)
    with pytest.raises(ConfigError, match=message):
        RelationScorer.from_disk(tmp_path)


def test_relscore_rules_and_default(tmp_path):
    assert load_scorer("rules") is None
    with pytest.raises(ConfigError, match="kg train"):
        load_scorer(str(tmp_path / "missing"))
    shipped = load_scorer(None)
    assert shipped is not None and (default_scorer_path() / "relation_scorer.json").exists()
    assert set(shipped.predicates) >= {"memberOf", "rankedIn"}
