"""``kg eval``: precision, recall and F1 of entities and relations against gold files.

Gold format: ``corpus/GOLD_FORMAT.md`` (one ``NAME.gold.json`` beside each article).
Entities match by normalised name or alias and type (one-to-one); relations match by
(subject, predicate, object) over matched entities, ``partnerOf`` in either direction,
literals normalised (dates to the gold's precision, integers, ISO codes). ``country``
facts are scored as accuracy (is the entity's country the gold's?), not in relation F1.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ExtractionError, InputError
from .gazetteer import Gazetteer, normalize_name
from .model import Document, Extraction, Meta
from .schema import relation_types

__all__ = ["Score", "EvalResult", "evaluate_dir", "score_article", "load_gold", "gold_keys", "relation_key", "ENDED", "add_article"]


@dataclass
class Score:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalResult:
    """Scores per entity type and per predicate, summed over articles."""

    entities: dict[str, Score] = field(default_factory=dict)
    relations: dict[str, Score] = field(default_factory=dict)
    country_right: int = 0
    country_total: int = 0
    id_right: int = 0
    id_total: int = 0
    articles: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    details: list[dict] = field(default_factory=list)

    def total(self, table: dict[str, Score]) -> Score:
        total = Score()
        for score in table.values():
            total.add(score)
        return total

    @property
    def country_accuracy(self) -> float:
        return self.country_right / self.country_total if self.country_total else 0.0

    @property
    def id_accuracy(self) -> float:
        return self.id_right / self.id_total if self.id_total else 0.0


def load_gold(path: Path) -> dict:
    """Read and check one gold file.

    Raises:
        InputError: not JSON, or missing keys (named in the message).
    """
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable gold JSON file ({exc})") from exc
    if not isinstance(gold, dict):
        raise InputError(f"{path}: a gold file is a JSON object with article, entities and relations; "
                         "see corpus/GOLD_FORMAT.md")
    for key in ("article", "entities", "relations"):
        if key not in gold:
            raise InputError(f"{path}: gold file lacks {key!r}; see corpus/GOLD_FORMAT.md")
    if not isinstance(gold["article"], str) or not gold["article"].strip():
        raise InputError(f"{path}: 'article' must be the file name of the article beside the gold file")
    _check_items(path, gold, "entities", ("name", "type"))
    _check_items(path, gold, "relations", ("s", "p", "o"))
    return gold


def _check_items(path: Path, gold: dict, key: str, required: tuple[str, ...]) -> None:
    if not isinstance(gold[key], list):
        raise InputError(f"{path}: {key!r} must be a list; see corpus/GOLD_FORMAT.md")
    for number, item in enumerate(gold[key], 1):
        missing = [k for k in required if not isinstance(item, dict) or item.get(k) in (None, "")]
        if missing:
            raise InputError(f"{path}: {key} #{number} lacks {', '.join(map(repr, missing))}; see corpus/GOLD_FORMAT.md")
        if key == "entities" and not all(isinstance(a, str) for a in item.get("aliases") or []):
            raise InputError(f"{path}: entities #{number} ({item['name']!r}): 'aliases' must be a list of names")


def article_of(gold_path: Path, gold: dict) -> Path:
    """The article a gold file annotates: a file in the gold file's own folder.

    Raises:
        InputError: the ``article`` field points outside that folder.
    """
    folder = gold_path.parent.resolve()
    article = (gold_path.parent / gold["article"]).resolve()
    if article.parent != folder and folder not in article.parents:
        raise InputError(f"{gold_path}: 'article' {gold['article']!r} is outside the gold folder; "
                         "gold files annotate articles beside them")
    return gold_path.parent / gold["article"]


def _names_of_entity(entity, gazetteer: Gazetteer) -> set[str]:
    names = {entity.label, *entity.aliases, *entity.acronyms}
    entry = gazetteer.get(entity.key) if entity.key else None
    if entry is not None:  # the names the KB gives it: canonical, aliases, acronyms and labels
        names.update(entry.names)
        names.update(label for _, label in entry.labels)
    return {normalize_name(n) for n in names if n}


def _align(gold: dict, extraction: Extraction, gazetteer: Gazetteer) -> dict[str, str]:
    """Map predicted entity IRIs to gold entity names (one-to-one, by name/alias and type)."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for entity in extraction.entities:
        names = _names_of_entity(entity, gazetteer)
        for item in gold["entities"]:
            if item["name"] in used or item["type"] != entity.kind:
                continue
            gold_names = {normalize_name(n) for n in [item["name"], *item.get("aliases", [])]}
            if names & gold_names:
                mapping[entity.iri] = item["name"]
                used.add(item["name"])
                break
    return mapping


def _literal(predicate: str, value: str, gold_value: str | None = None) -> str:
    value = str(value).strip()
    if predicate == "founded" and gold_value is not None:
        return value[:len(gold_value)]
    if predicate == "country":
        return value.upper()
    if predicate == "memberCount":
        return str(int(value)) if value.isdigit() else value
    return value


def _is_literal(predicate: str) -> bool:
    types = relation_types()
    return predicate in types and types[predicate].literal


def _triple(predicate: str, subject: str, obj: str) -> tuple:
    if predicate in relation_types() and relation_types()[predicate].symmetric:
        return (predicate, frozenset((subject, obj)))
    return (predicate, subject, obj)


#: the scored name of ended memberships (left, expelled, dissolved): scored apart from current ones
ENDED = "memberOf (ended)"


def gold_keys(gold: dict) -> set[tuple]:
    """The gold facts as comparable keys (``country`` is scored as accuracy, not here)."""
    return {_triple(ENDED if r["p"] == "memberOf" and (r.get("ended") or r.get("until")) else r["p"], r["s"],
                    _literal(r["p"], r["o"]) if _is_literal(r["p"]) else r["o"])
            for r in gold["relations"] if r["p"] != "country"}


def relation_key(relation, mapping: dict[str, str], gold_literals: dict | None = None) -> tuple:
    """A predicted fact as a key comparable with :func:`gold_keys` (IRIs mapped to gold names)."""
    subject = mapping.get(relation.subject, relation.subject)
    predicate = relation.predicate
    if predicate == "memberOf" and (relation.qualifier("role") == "former" or relation.qualifier("until")):
        predicate = ENDED
    if _is_literal(predicate):
        obj = _literal(predicate, relation.object, (gold_literals or {}).get((subject, predicate)))
    else:
        obj = mapping.get(relation.object, relation.object)
    return _triple(predicate, subject, obj)


def gold_literal_values(gold: dict) -> dict:
    """(subject, predicate) -> the gold's literal, to compare dates at the gold's precision."""
    return {(r["s"], r["p"]): str(r["o"]) for r in gold["relations"] if r["p"] in ("founded",)}


def score_article(gold: dict, extraction: Extraction, gazetteer: Gazetteer) -> tuple[dict, dict, tuple[int, int], dict]:
    """Score one article: (entity scores by type, relation scores by predicate, (country right, total), details)."""
    mapping = _align(gold, extraction, gazetteer)
    entity_scores: dict[str, Score] = {}
    matched_gold = set(mapping.values())
    for item in gold["entities"]:
        score = entity_scores.setdefault(item["type"], Score())
        score.tp += item["name"] in matched_gold
        score.fn += item["name"] not in matched_gold
    for entity in extraction.entities:
        if entity.iri not in mapping:
            entity_scores.setdefault(entity.kind, Score()).fp += 1
    gold_literals = gold_literal_values(gold)
    gold_triples = gold_keys(gold)
    predicted = set()
    for relation in extraction.relations:
        if relation.predicate == "country":
            continue
        predicted.add(relation_key(relation, mapping, gold_literals))
    relation_scores: dict[str, Score] = {}
    for triple in gold_triples | predicted:
        score = relation_scores.setdefault(triple[0], Score())
        score.tp += triple in gold_triples and triple in predicted
        score.fp += triple in predicted and triple not in gold_triples
        score.fn += triple in gold_triples and triple not in predicted
    countries = _country_score(gold, extraction, mapping, gazetteer)
    details = {"missed": sorted(map(str, gold_triples - predicted)), "spurious": sorted(map(str, predicted - gold_triples)),
               "unmatched_gold_entities": sorted(e["name"] for e in gold["entities"] if e["name"] not in matched_gold),
               "unmatched_predicted_entities": sorted(f"{e.label} ({e.kind})" for e in extraction.entities if e.iri not in mapping)}
    return entity_scores, relation_scores, countries, details


def _id_score(gold: dict, extraction: Extraction, mapping: dict[str, str], gazetteer: Gazetteer) -> tuple[int, int]:
    """Gold entities with a ROR ID or QID whose predicted entity is linked to an entry with that ID."""
    linked = {}
    for entity in extraction.entities:
        entry = gazetteer.get(entity.key) if entity.key else None
        if entity.iri in mapping and entry is not None:
            linked[mapping[entity.iri]] = entry
    right = total = 0
    for item in gold["entities"]:
        wanted = [("ror", item["ror"])] if item.get("ror") else []
        wanted += [("wikidata", item["wikidata"])] if item.get("wikidata") else []
        if not wanted:
            continue
        total += 1
        entry = linked.get(item["name"])
        right += entry is not None and all(value in getattr(entry, field) for field, value in wanted)
    return right, total


def _country_score(gold: dict, extraction: Extraction, mapping: dict[str, str], gazetteer: Gazetteer) -> tuple[int, int]:
    country_of = {}
    for entity in extraction.entities:
        entry = gazetteer.get(entity.key) if entity.key else None
        code = entity.country or (entry.country if entry else None)
        if entity.iri in mapping and code:
            country_of[mapping[entity.iri]] = code
    facts = [r for r in gold["relations"] if r["p"] == "country"]
    right = sum(1 for r in facts if country_of.get(r["s"]) == str(r["o"]).upper())
    return right, len(facts)


def evaluate_dir(gold_dir: Path, run: Callable[[Path, dict], Extraction], gazetteer: Gazetteer) -> EvalResult:
    """Score every ``*.gold.json`` of ``gold_dir`` with ``run(article_path, gold) -> Extraction``.

    Raises:
        InputError: the folder holds no gold files.
    """
    gold_files = sorted(Path(gold_dir).glob("*.gold.json"))
    if not gold_files:
        raise InputError(f"{gold_dir}: no *.gold.json files here; point kg eval at a folder of gold annotations")
    result = EvalResult()
    for gold_path in gold_files:
        try:
            gold = load_gold(gold_path)
            article = article_of(gold_path, gold)
            extraction = run(article, gold)
        except InputError as exc:  # one bad gold file or unreadable article is reported, not scored; the others are
            result.errors.append((str(gold_path), str(exc)))
            continue
        except ExtractionError as exc:  # unikg's fault (only ``run`` raises it): reported, and scored as finding
            # nothing (a crash never helps)
            result.errors.append((str(gold_path), str(exc)))
            extraction = Extraction(Document(str(gold["article"]), "", str(article), Meta(), ""), (), ())
        add_article(result, gold["article"], gold, extraction, gazetteer)
        id_right, id_total = _id_score(gold, extraction, _align(gold, extraction, gazetteer), gazetteer)
        result.id_right += id_right
        result.id_total += id_total
    return result


def add_article(result: EvalResult, name: str, gold: dict, extraction: Extraction, gazetteer: Gazetteer) -> None:
    """Score one article and add its counts to ``result`` (``kg eval`` and ``kg train``'s folds)."""
    entities, relations, (right, total), details = score_article(gold, extraction, gazetteer)
    for table, scores in ((result.entities, entities), (result.relations, relations)):
        for kind, score in scores.items():
            table.setdefault(kind, Score()).add(score)
    result.country_right += right
    result.country_total += total
    result.articles += 1
    result.details.append({"article": name, **details})


def format_table(result: EvalResult) -> str:
    """The per-type and per-predicate table ``kg eval`` prints."""
    lines = [f"articles scored: {result.articles}", "",
             f"{'entity type':<20}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    lines += _score_lines(result.entities)
    lines += ["", f"{'relation':<20}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    lines += _score_lines(result.relations)
    lines += ["", f"country accuracy: {result.country_accuracy:.3f} ({result.country_right}/{result.country_total})"]
    if result.id_total:
        lines += [f"ROR/Wikidata linking accuracy: {result.id_accuracy:.3f} ({result.id_right}/{result.id_total})"]
    lines += [f"error: {message}" for _, message in result.errors]  # messages name their file
    return "\n".join(lines)


def _score_lines(table: dict[str, Score]) -> list[str]:
    total = Score()
    lines = []
    for name in sorted(table):
        score = table[name]
        total.add(score)
        lines.append(f"{name:<20}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}{score.tp:>6}{score.fp:>6}{score.fn:>6}")
    lines.append(f"{'ALL (micro)':<20}{total.precision:>7.3f}{total.recall:>7.3f}{total.f1:>7.3f}{total.tp:>6}{total.fp:>6}{total.fn:>6}")
    return lines


def counts(result: EvalResult) -> Counter:
    """Totals for tests: entity and relation F1 as numbers."""
    return Counter({"entity_f1": result.total(result.entities).f1, "relation_f1": result.total(result.relations).f1})
