"""The learned relation scorer: which candidate facts to keep.

A logistic-regression model over the candidates' features (see :mod:`kg.extract.candidates`),
trained from gold annotations by ``kg train`` (:mod:`kg.train`). It is stored as plain JSON
(feature weights, bias, threshold and how it was trained), so loading and scoring need
neither scikit-learn nor pickle, and a model file can be read and diffed.

>>> scorer = RelationScorer({"memberOf|rule": 3.0}, bias=-1.0, threshold=0.5, predicates=("memberOf",))
>>> from kg.model import Relation
>>> scorer(Relation("a", "memberOf", "b", "", (), ("memberOf|rule",)))
True
>>> scorer(Relation("a", "memberOf", "b", "", (), ("memberOf|btw=and",)))
False
>>> scorer(Relation("a", "memberOf", "b", "", (), ("memberOf|rule", "memberOf|btw=and")))  # a rule's fact is kept
True
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import ConfigError
from .model import Relation

__all__ = ["RelationScorer", "FORMAT", "load_scorer", "default_scorer_path"]

#: the model file's format name and version; a file of another version is refused
FORMAT = "unikg.relation_scorer.v1"
_FILE = "relation_scorer.json"


@dataclass(frozen=True)
class RelationScorer:
    """Keeps a candidate when its probability reaches ``threshold``. With ``keep_rules`` a
    fact a hand-written rule found is kept whatever its score (the model adds recall; out of
    fold on the dev set this beat the model alone, 0.586 vs 0.529 relation F1). Facts of
    predicates the model was not trained on are left to the rules."""

    weights: dict[str, float]
    bias: float
    threshold: float
    predicates: tuple[str, ...]
    meta: dict = field(default_factory=dict)
    keep_rules: bool = True

    def probability(self, features: Iterable[str]) -> float:
        """P(the candidate is a stated fact) under the model."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def __call__(self, relation: Relation) -> bool:
        by_rule = not relation.features or any(f.endswith("|rule") for f in relation.features)
        if relation.predicate not in self.predicates or not relation.features or (by_rule and self.keep_rules):
            return by_rule
        return self.probability(relation.features) >= self.threshold

    def to_disk(self, path: str | Path) -> Path:
        """Write the model to the folder ``path`` (created), atomically."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / _FILE
        data = {"format": FORMAT, "bias": self.bias, "threshold": self.threshold, "predicates": list(self.predicates),
                "keep_rules": self.keep_rules, "meta": self.meta, "weights": dict(sorted(self.weights.items()))}
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, target)
        return target

    @classmethod
    def from_disk(cls, path: str | Path) -> RelationScorer:
        """Read a model folder written by :meth:`to_disk` (or ``kg train``).

        Raises:
            ConfigError: no model there, or not one this version reads.
        """
        folder = Path(path)
        target = folder / _FILE if folder.is_dir() else folder
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{target}: not a relation scorer ({exc}); train one with `kg train GOLD_DIR -o DIR`") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ConfigError(f"{target}: format {data.get('format') if isinstance(data, dict) else None!r} "
                              f"is not {FORMAT!r}; retrain it with this version's `kg train`")
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   float(data["threshold"]), tuple(data["predicates"]), data.get("meta", {}),
                   bool(data.get("keep_rules", True)))


def default_scorer_path() -> Path:
    """The model shipped with the package (built by ``scripts/train-default-model.sh``)."""
    return Path(str(resources.files("kg").joinpath("models", "relation_scorer")))


def load_scorer(name: str | None) -> RelationScorer | None:
    """The scorer for ``--extractor``: a model folder, ``"rules"`` (None: rules only), or the default.

    Raises:
        ConfigError: the named model cannot be read.
    """
    if name == "rules":
        return None
    if name is None:
        default = default_scorer_path()
        return RelationScorer.from_disk(default) if (default / _FILE).exists() else None
    return RelationScorer.from_disk(name)
