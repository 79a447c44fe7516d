"""One identity per organisation across articles: what the KB has learned, duplicates, decisions.

Entities that the gazetteer does not know are still remembered: their names, acronyms and
types, read back from the article graphs, join the gazetteer for the next ingest, so an acronym
defined in one article ("Heilongjiang Academy of Sciences (HAS)") resolves in another. A
researcher's decisions (``kg entities merge A B``, ``kg entities split A NAME``) are kept in
``<kb>/decisions.json`` and respected by every later ingest.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz

from .errors import KgError
from .gazetteer import Gazetteer, build_gazetteer, normalize_name
from .namespaces import mint_iri, slugify
from .store import KnowledgeBase

__all__ = ["Decisions", "learned_records", "gazetteer_with_kb", "find_duplicates", "merge_entities", "split_name"]

DECISIONS_FILE = "decisions.json"
_LEARNED_TYPES = ("University", "ResearchInstitute", "Alliance", "Organization", "Program", "Ranking")


@dataclass
class Decisions:
    """Merges (other IRI -> kept IRI) and splits (IRI -> names that must not link to it)."""

    merges: dict[str, str]
    splits: dict[str, list[str]]

    @classmethod
    def load(cls, kb_dir: Path) -> Decisions:
        path = Path(kb_dir) / DECISIONS_FILE
        if not path.exists():
            return cls({}, {})
        try:
            data = json.loads(path.read_text())
        except ValueError as exc:
            raise KgError(f"{path}: not valid JSON ({exc}); fix or remove it") from exc
        return cls(dict(data.get("merges", {})), {k: list(v) for k, v in data.get("splits", {}).items()})

    def save(self, kb_dir: Path) -> None:
        path = Path(kb_dir) / DECISIONS_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"merges": self.merges, "splits": self.splits}, indent=2, sort_keys=True) + "\n")
        os.replace(tmp, path)


def _learned_rows(kb: KnowledgeBase) -> list[dict]:
    types = " ".join(f"unikg:{t}" for t in _LEARNED_TYPES)
    sparql = f"""SELECT ?e ?type ?label ?name ?acronym ?cc WHERE {{
        GRAPH <https://w3id.org/unikg/resource/graph/entities> {{
            VALUES ?type {{ {types} }} ?e a ?type ; rdfs:label ?label .
            OPTIONAL {{ ?e skos:altLabel ?name }} OPTIONAL {{ ?e unikg:acronym ?acronym }} }}
        OPTIONAL {{ ?e unikg:country/unikg:countryCode ?cc }}
        FILTER NOT EXISTS {{ GRAPH <https://w3id.org/unikg/resource/graph/gazetteer> {{ ?e a ?any }} }} }}"""
    rows = []
    for solution in kb.query(sparql):
        rows.append({name: solution[name].value if solution[name] is not None else None
                     for name in ("e", "type", "label", "name", "acronym", "cc")})
    return rows


def _label_of(kb: KnowledgeBase, iri: str) -> tuple[str, str] | None:
    for solution in kb.query(f"SELECT ?label ?type WHERE {{ <{iri}> rdfs:label ?label ; a ?type }} LIMIT 1"):
        return solution["label"].value, solution["type"].value.rsplit("#", 1)[-1]
    return None


def learned_records(kb: KnowledgeBase, decisions: Decisions) -> list[tuple[dict, str]]:
    """Gazetteer records for entities the articles taught the KB (those not in the gazetteer).

    A merged entity's names become names of the entity it was merged into; split names are left out.
    """
    by_iri: dict[str, dict] = {}
    for row in _learned_rows(kb):
        iri = decisions.merges.get(row["e"], row["e"])
        if iri not in by_iri:
            kept = _label_of(kb, iri) if iri != row["e"] else None
            name, kind = kept or (row["label"], row["type"].rsplit("#", 1)[-1])
            by_iri[iri] = {"name": name, "type": kind, "acronyms": [], "aliases": [], "country": row["cc"] or ""}
        record = by_iri[iri]
        for field, value in (("aliases", row["label"]), ("aliases", row["name"]), ("acronyms", row["acronym"])):
            if value and value != record["name"] and value not in record[field] and value not in decisions.splits.get(iri, []):
                record[field].append(value)
    return [(record, "kb") for record in by_iri.values()]


def gazetteer_with_kb(base_records: list[tuple[dict, str]], kb: KnowledgeBase, kb_dir: Path) -> Gazetteer:
    """The gazetteer for an ingest: built-in and imported records, then what the KB learned,
    with the researcher's split decisions applied (a split name no longer names its entity)."""
    decisions = Decisions.load(kb_dir)
    gazetteer = build_gazetteer([*base_records, *learned_records(kb, decisions)])
    for iri, names in decisions.splits.items():
        for key, entry in list(gazetteer.entries.items()):
            if str(mint_iri(entry.kind, entry.key)) == iri:
                for name in names:
                    gazetteer.blocked.setdefault(normalize_name(name), set()).add(key)
                gazetteer.entries[key] = replace(entry, aliases=tuple(a for a in entry.aliases if a not in names),
                                                 acronyms=tuple(a for a in entry.acronyms if a not in names))
    gazetteer._index()
    return gazetteer


@dataclass(frozen=True)
class Duplicate:
    """Two entities that may be one organisation, with the evidence."""

    first: str
    second: str
    first_label: str
    second_label: str
    kind: str
    score: float
    reason: str


def find_duplicates(kb: KnowledgeBase, threshold: float = 85.0) -> list[Duplicate]:
    """Pairs of entities of the same type whose names are alike (or one is the other's acronym),
    that were not merged; never pairs whose types or stated countries differ."""
    entities: dict[str, dict] = {}
    for row in _learned_rows(kb):
        entity = entities.setdefault(row["e"], {"label": row["label"], "kind": row["type"].rsplit("#", 1)[-1],
                                                "names": set(), "countries": set()})
        entity["names"].update(n for n in (row["label"], row["name"], row["acronym"]) if n)
        if row["cc"]:
            entity["countries"].add(row["cc"])
    found = []
    by_kind = defaultdict(list)
    for iri, entity in entities.items():
        by_kind[entity["kind"]].append((iri, entity))
    for kind, items in by_kind.items():
        for i, (iri_a, a) in enumerate(items):
            for iri_b, b in items[i + 1:]:
                if a["countries"] and b["countries"] and not a["countries"] & b["countries"]:
                    continue
                duplicate = _compare(iri_a, a, iri_b, b, kind, threshold)
                if duplicate:
                    found.append(duplicate)
    return sorted(found, key=lambda d: -d.score)


def _compare(iri_a: str, a: dict, iri_b: str, b: dict, kind: str, threshold: float) -> Duplicate | None:
    shared = {normalize_name(n) for n in a["names"]} & {normalize_name(n) for n in b["names"]}
    if shared:
        return Duplicate(iri_a, iri_b, a["label"], b["label"], kind, 100.0, f"share the name {sorted(shared)[0]!r}")
    score = fuzz.token_sort_ratio(normalize_name(a["label"]), normalize_name(b["label"]))
    if score >= threshold:
        return Duplicate(iri_a, iri_b, a["label"], b["label"], kind, score, f"names {score:.0f}% alike")
    return None


def merge_entities(kb: KnowledgeBase, kb_dir: Path, keep: str, other: str) -> int:
    """Record that ``other`` is ``keep`` and rewrite the stored facts; returns triples changed."""
    if keep == other:
        raise KgError("merge needs two different entities")
    decisions = Decisions.load(kb_dir)
    decisions.merges[other] = keep
    decisions.save(kb_dir)
    kept = _label_of(kb, keep)
    before = len(kb)
    for position in ("?s", "?o"):
        pattern = "<OTHER> ?p ?o" if position == "?s" else "?s ?p <OTHER>"
        replaced = "<KEEP> ?p ?o" if position == "?s" else "?s ?p <KEEP>"
        update = f"DELETE {{ GRAPH ?g {{ {pattern} }} }} INSERT {{ GRAPH ?g {{ {replaced} }} }} WHERE {{ GRAPH ?g {{ {pattern} }} }}"
        kb.store.update(update.replace("OTHER", other).replace("KEEP", keep))
    if kept is not None:  # the merged entity's label becomes an alternative label: one rdfs:label each
        label = json.dumps(kept[0])
        kb.store.update(f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            DELETE {{ GRAPH ?g {{ <{keep}> rdfs:label ?l }} }} INSERT {{ GRAPH ?g {{ <{keep}> skos:altLabel ?l }} }}
            WHERE {{ GRAPH ?g {{ <{keep}> rdfs:label ?l }} FILTER(STR(?l) != {label}) }}""")
    return before - len(kb)


def split_name(kb_dir: Path, iri: str, name: str) -> None:
    """Record that ``name`` must no longer resolve to ``iri`` in later ingests."""
    decisions = Decisions.load(kb_dir)
    names = decisions.splits.setdefault(iri, [])
    if name not in names:
        names.append(name)
    decisions.merges = {k: v for k, v in decisions.merges.items() if not (v == iri and k.endswith("/" + slugify(name)))}
    decisions.save(kb_dir)
