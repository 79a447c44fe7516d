"""``kg train``: learning the relation scorer from gold files (kg/train.py); needs the model."""

from __future__ import annotations

import json
import re

import pytest

from kg.cli import cli
from kg.relscore import RelationScorer
from kg.train import read_examples, train

pytestmark = pytest.mark.slow

# Made-up articles: three state memberships, three only mention the alliance beside a university.
_MEMBERS = ["Alder University and Birch University are members of the Orion Alliance.",
            "Cedar University and Dogwood University are members of the Orion Alliance.",
            "Elm University and Fir University are members of the Orion Alliance."]
_OTHERS = ["Gum University hosted a concert about the Orion Alliance.",
           "Hazel University hosted a concert about the Orion Alliance.",
           "Ivy University hosted a concert about the Orion Alliance."]


def _corpus(folder):
    folder.mkdir()
    for i, text in enumerate(_MEMBERS + _OTHERS):
        (folder / f"a{i}.txt").write_text(f"News {i}\n\n{text}\n", encoding="utf-8")
        universities = re.findall(r"\w+ University", text)
        relations = [{"s": u, "p": "memberOf", "o": "Orion Alliance", "role": "member"} for u in universities] \
            if text in _MEMBERS else []
        gold = {"article": f"a{i}.txt", "entities": [{"name": u, "type": "University"} for u in universities]
                + [{"name": "Orion Alliance", "type": "Alliance"}], "relations": relations}
        (folder / f"a{i}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_train_labels_candidates_as_kg_eval_aligns_them(tmp_path):
    examples = read_examples([_corpus(tmp_path / "gold")])
    labelled = {(r.subject.rsplit("/", 1)[-1], r.predicate): y for e in examples
                for r, y in zip(e.candidates.relations, e.labels)}
    assert labelled[("alder-university", "memberOf")] == 1
    assert labelled[("gum-university", "memberOf")] == 0


def test_train_learns_and_reports_out_of_fold_scores(tmp_path):
    report = train([_corpus(tmp_path / "gold")], tmp_path / "model", folds=3, c=1.0)
    assert report.articles == 6 and report.positives == 6  # six gold memberships, each a candidate
    assert report.out_of_fold.articles == 6  # every article scored once, by a model that did not see it
    scorer = RelationScorer.from_disk(report.path.parent)
    positive = next(r for e in read_examples([tmp_path / "gold"]) for r in e.candidates.relations
                    if r.subject.endswith("alder-university") and r.predicate == "memberOf")
    negative = next(r for e in read_examples([tmp_path / "gold"]) for r in e.candidates.relations
                    if r.subject.endswith("gum-university") and r.predicate == "memberOf")
    assert scorer.probability(positive.features) > scorer.probability(negative.features)
    assert scorer.meta["trained_on"] == [f"gold/a{i}.txt" for i in range(6)]


def test_train_cli_writes_a_model_that_ingest_uses(tmp_path, runner):
    gold = _corpus(tmp_path / "gold")
    result = runner.invoke(cli, ["train", str(gold), "-o", str(tmp_path / "model"), "--folds", "2"])
    assert result.exit_code == 0, result.output
    assert "out-of-fold scores (2 folds" in result.output and "model written to" in result.output
    for extractor in (str(tmp_path / "model"), "rules"):
        result = runner.invoke(cli, ["eval", str(gold), "--extractor", extractor])
        assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["ingest", str(gold), "--kb", str(tmp_path / "kb"), "--no-export",
                                 "--extractor", str(tmp_path / "model")])
    assert result.exit_code == 0, result.output


def test_train_cli_errors(tmp_path, runner):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["train", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "no *.gold.json files here" in result.output
    result = runner.invoke(cli, ["eval", str(_corpus(tmp_path / "gold")), "--extractor", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "not a relation scorer" in result.output
