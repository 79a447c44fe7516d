"""``kg train``: learn the relation scorer from gold annotations, with out-of-fold scores.

Every gold article is read once with every candidate fact kept (``extract(...,
candidates=True)``); a candidate is a positive example when, mapped to the gold's entities
the way ``kg eval`` maps them, it is one of the gold facts. A logistic regression
(scikit-learn, imported only here) is fitted on the candidates' binary features. Articles
are split into folds: each fold is scored by a model that never saw it, and those
out-of-fold predictions are scored exactly as ``kg eval`` scores, so the number printed is
an honest estimate for unseen articles of the same kind.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .evaluate import EvalResult, _align, add_article, article_of, gold_keys, gold_literal_values, load_gold, relation_key
from .gazetteer import Gazetteer, load_gazetteer
from .model import Extraction
from .pipeline import extract
from .relscore import RelationScorer
from .resolve import select_relations

__all__ = ["Example", "TrainReport", "read_examples", "fit", "cross_validate", "train"]

#: the predicates the scorer decides. Out of fold on the dev set, learning participatesIn, founder, headOf and
#: partnerOf added false facts and no true ones over the rules, so those (and the literal facts:
#: founded, memberCount, country) stay rule-based.
LEARNED = ("memberOf", "rankedIn", "participatesIn")


@dataclass
class Example:
    """One gold article: its gold, its candidate extraction and each candidate's label."""

    name: str
    gold: dict
    candidates: Extraction
    labels: list[int] = field(default_factory=list)  # one per candidates.relations


@dataclass
class TrainReport:
    """What ``kg train`` did: the out-of-fold evaluation and the model it wrote."""

    articles: int
    examples: int
    positives: int
    folds: int
    out_of_fold: EvalResult
    path: Path | None = None


def read_examples(gold_dirs: Iterable[str | Path], *, model: str | None = None,
                  gazetteer: Gazetteer | None = None) -> list[Example]:
    """Read every ``*.gold.json`` of the folders and label each candidate fact.

    Raises:
        InputError: a folder has no gold files.
    """
    gazetteer = gazetteer or load_gazetteer()
    examples = []
    for folder in gold_dirs:
        files = sorted(Path(folder).glob("*.gold.json"))
        if not files:
            raise InputError(f"{folder}: no *.gold.json files here; kg train needs gold annotations (corpus/GOLD_FORMAT.md)")
        for path in files:
            gold = load_gold(path)
            candidates = extract(article_of(path, gold), model=model, gazetteer=gazetteer, candidates=True)
            examples.append(Example(f"{Path(folder).name}/{gold['article']}", gold, candidates,
                                    _labels(gold, candidates, gazetteer)))
    return examples


def _labels(gold: dict, candidates: Extraction, gazetteer: Gazetteer) -> list[int]:
    mapping = _align(gold, candidates, gazetteer)
    wanted = gold_keys(gold)
    literals = gold_literal_values(gold)
    return [int(relation_key(r, mapping, literals) in wanted) for r in candidates.relations]


def _rows(examples: Iterable[Example]) -> tuple[list[dict], list[int]]:
    rows, labels = [], []
    for example in examples:
        for relation, label in zip(example.candidates.relations, example.labels):
            if relation.predicate in LEARNED and relation.features:
                rows.append(dict.fromkeys(relation.features, 1))
                labels.append(label)
    return rows, labels


def fit(examples: Sequence[Example], *, c: float = 0.3, threshold: float = 0.4, meta: dict | None = None) -> RelationScorer:
    """Fit the scorer on the examples' candidates.

    Raises:
        InputError: no positive or no negative candidate to learn from.
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = _rows(examples)
    if len(set(labels)) < 2:
        raise InputError("the gold files give no positive (or no negative) candidate fact to learn from")
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit(matrix, labels)
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-5}
    return RelationScorer(weights, round(float(model.intercept_[0]), 5), threshold, LEARNED, meta or {})


def _folds(examples: Sequence[Example], folds: int, seed: int) -> list[list[Example]]:
    order = list(examples)
    random.Random(seed).shuffle(order)
    return [order[i::folds] for i in range(folds)]


def cross_validate(examples: Sequence[Example], *, folds: int = 5, seed: int = 0, c: float = 0.3,
                   threshold: float = 0.4, gazetteer: Gazetteer | None = None,
                   on_fold: Callable[[int], None] | None = None, extra: Sequence[Example] = ()) -> EvalResult:
    """Out-of-fold evaluation: each article scored by a model trained on the other folds
    (plus ``extra`` articles, which are trained on in every fold and never scored)."""
    gazetteer = gazetteer or load_gazetteer()
    result = EvalResult()
    parts = _folds(examples, folds, seed)
    for index, held_out in enumerate(parts):
        training = [e for part in parts if part is not held_out for e in part]
        scorer = fit([*training, *extra], c=c, threshold=threshold)
        for example in held_out:
            add_article(result, example.name, example.gold, select_relations(example.candidates, scorer), gazetteer)
        if on_fold:
            on_fold(index)
    return result


def train(gold_dirs: Sequence[str | Path], output: str | Path | None, *, folds: int = 5, seed: int = 0,
          c: float = 0.3, threshold: float = 0.4, model: str | None = None,
          on_fold: Callable[[int], None] | None = None, extra_dirs: Sequence[str | Path] = ()) -> TrainReport:
    """Read gold folders, report out-of-fold scores, and write a model trained on all of them.

    Args:
        gold_dirs: folders of ``NAME.gold.json`` beside their articles.
        output: the model folder to write (None: only evaluate).
        folds: folds for the out-of-fold scores (articles are the unit; 0 or 1: none).
        seed: the shuffle of articles into folds.
        c: inverse regularisation strength of the logistic regression.
        threshold: probability from which a candidate is kept.
        model: spaCy model name.
        extra_dirs: more gold folders, trained on in every fold but never scored (e.g. our own
            sample articles when the out-of-fold score should speak of real text only).
    Raises:
        InputError: no gold files, or nothing to learn from.
    """
    gazetteer = load_gazetteer()
    examples = read_examples(gold_dirs, model=model, gazetteer=gazetteer)
    extra = read_examples(extra_dirs, model=model, gazetteer=gazetteer) if extra_dirs else []
    rows, labels = _rows([*examples, *extra])
    out_of_fold = EvalResult()
    if folds > 1:
        if folds > len(examples):
            raise InputError(f"{folds} folds need at least {folds} gold articles; {len(examples)} found")
        out_of_fold = cross_validate(examples, folds=folds, seed=seed, c=c, threshold=threshold, gazetteer=gazetteer,
                                     on_fold=on_fold, extra=extra)
    path = None
    if output is not None:
        total = out_of_fold.total(out_of_fold.relations)
        meta = {"trained_on": sorted(e.name for e in [*examples, *extra]), "c": c, "seed": seed, "folds": folds,
                "candidates": len(rows), "positives": sum(labels),
                "out_of_fold_relation_f1": round(total.f1, 4) if folds > 1 else None}
        path = fit([*examples, *extra], c=c, threshold=threshold, meta=meta).to_disk(output)
    return TrainReport(len(examples) + len(extra), len(rows), sum(labels), folds, out_of_fold, path)
