"""One identity per organisation across articles: what the KB has learned, duplicates, decisions.

Entities that the gazetteer does not know are still remembered: their names, acronyms and
types, read back from the article graphs, join the gazetteer for the next ingest, so an acronym
defined in one article ("Heilongjiang Academy of Sciences (HAS)") resolves in another. A
researcher's decisions (``kg entities merge A B``, ``kg entities split A NAME``) are kept in
``<kb>/decisions.json`` and respected by every later ingest.

Names typed by a researcher (library query parameters, ``kg entities merge/split``, the Python
API) are looked up with :func:`find_entities` and :func:`resolve_name`: only entities of the type
the parameter expects, acronyms the articles use, and an error listing the candidates when a
name fits several entities, instead of a silent first match.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz
from rdflib import RDFS

from .errors import KgError, QueryError
from .gazetteer import Gazetteer, build_gazetteer, normalize_name
from .namespaces import mint_iri, slugify
from .store import KnowledgeBase

__all__ = ["Decisions", "learned_records", "gazetteer_with_kb", "find_duplicates", "merge_entities", "split_name",
           "Candidate", "AmbiguousNameError", "PARAM_TYPES", "param_types", "find_entities", "resolve_name",
           "resolve_params"]

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


def learned_records(kb: KnowledgeBase, decisions: Decisions, merged_only: bool = False) -> list[tuple[dict, str]]:
    """Gazetteer records for entities the articles taught the KB (those not in the gazetteer).

    A merged entity's names become names of the entity it was merged into; split names are left
    out. ``merged_only``: just the entities a researcher's merge decisions name (declared input).
    """
    by_iri: dict[str, dict] = {}
    merged = set(decisions.merges) | set(decisions.merges.values())
    for row in _learned_rows(kb):
        if merged_only and row["e"] not in merged:
            continue
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


def gazetteer_with_kb(base_records: list[tuple[dict, str]], kb: KnowledgeBase, kb_dir: Path,
                      learned: bool = True) -> Gazetteer:
    """The gazetteer for an ingest: built-in and imported records, the entities a researcher merged,
    then (``learned``) everything else the KB learned, with the researcher's split decisions applied
    (a split name no longer names its entity)."""
    decisions = Decisions.load(kb_dir)
    gazetteer = build_gazetteer([*base_records, *learned_records(kb, decisions, merged_only=not learned)])
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


# --- looking up a name typed by a researcher -------------------------------------------------

#: the entity types a library query's parameter expects, by its name (digits dropped: alliance1)
PARAM_TYPES = {
    "alliance": ("Alliance",),
    "university": ("University", "ResearchInstitute"),
    "program": ("Program",),
    "ranking": ("Ranking",),
    "organization": ("University", "ResearchInstitute", "Alliance", "Organization", "Program"),
    "person": ("Person",),
    "country": ("Country",),
}
_ONTOLOGY = "https://w3id.org/unikg/ontology#"
_SHOWN = 12  # candidates listed in an error


@dataclass(frozen=True)
class Candidate:
    """An entity a name may mean: IRI, label, types, articles that mention it, how the name fits."""

    iri: str
    label: str
    types: tuple[str, ...]
    articles: int = 0
    how: str = "name"  # "name" (label, other name or acronym), "acronym in articles", "words of the name", "IRI"

    def describe(self) -> str:
        """One line: label, types, IRI and how many articles mention it.

        >>> Candidate("https://w3id.org/unikg/resource/org/x", "X University", ("University",), 2).describe()
        'X University (University) <https://w3id.org/unikg/resource/org/x>, in 2 articles'
        """
        mentioned = f"in {self.articles} article{'s' if self.articles != 1 else ''}" if self.articles else "in no article"
        return f"{self.label} ({', '.join(self.types) or 'no type'}) <{self.iri}>, {mentioned}"


class AmbiguousNameError(QueryError):
    """A name fits several entities; ``candidates`` lists them, most likely first."""

    def __init__(self, message: str, candidates: list[Candidate]):
        super().__init__(message)
        self.candidates = candidates


def param_types(param: str) -> tuple[str, ...] | None:
    """The entity types a library query parameter expects (None: any entity).

    >>> param_types("alliance2"), param_types("entity")
    (('Alliance',), None)
    """
    return PARAM_TYPES.get(param.rstrip("0123456789"))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _initials(label: str) -> str:
    """The capitals that start the words of a name: what an acronym of it usually is.

    >>> _initials("Harbin Engineering University"), _initials("University of South Australia")
    ('HEU', 'USA')
    """
    return "".join(word[0] for word in re.findall(r"[\w'’]+", label) if word[0].isupper())


def _looks_like_acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9&]{2,12}", name)) and sum(c.isupper() for c in name) >= 2


def _with_needle(sparql: str, name: str) -> str:
    """``sparql`` with ``?needle`` replaced by ``name`` as an escaped string literal."""
    import pyoxigraph as ox

    return sparql.replace("?needle", str(ox.Literal(name)))


def _lookup(kb: KnowledgeBase, sparql: str, name: str, values: str = "", keep=None) -> dict[str, dict]:
    """Rows (?e ?label ?type, optionally ?case) of a lookup query, grouped by entity; ``keep``
    filters rows, ``values`` fills the query's ``#VALUES`` place."""
    found: dict[str, dict] = {}
    with_case = "?case" in sparql
    for row in kb.query(_with_needle(sparql.replace("#VALUES", values), name)):
        if keep is not None and not keep(row):
            continue
        entity = found.setdefault(row["e"].value, {"labels": set(), "types": set(), "case": False})
        if row["label"] is not None:
            entity["labels"].add(row["label"].value)
        if row["type"] is not None and row["type"].value.startswith(_ONTOLOGY):
            entity["types"].add(row["type"].value[len(_ONTOLOGY):])
        case = row["case"] if with_case else None
        entity["case"] = entity["case"] or (case is not None and case.value == "true")
    return found


def _exact(kb: KnowledgeBase, name: str) -> dict[str, dict]:
    """Entities with ``name`` as label, other name or acronym (any case; ``case``: this case too)."""
    return _lookup(kb, """SELECT ?e ?label ?type ?case WHERE {
        VALUES ?p { rdfs:label skos:altLabel unikg:acronym } ?e ?p ?n .
        FILTER(LCASE(STR(?n)) = LCASE(STR(?needle)))
        BIND(STR(?n) = STR(?needle) AS ?case)
        OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e a ?type } }""", name)


def _acronym_in_articles(kb: KnowledgeBase, name: str) -> dict[str, dict]:
    """Entities whose initials are ``name``, mentioned by an article that uses ``name`` as a word in
    its title or an evidence sentence: "HEU" in a headline about Harbin Engineering University."""
    if not _looks_like_acronym(name):
        return {}
    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    texts = kb.query(_with_needle("""SELECT DISTINCT ?a ?text WHERE {
        { ?a unikg:title ?text } UNION { ?fact prov:wasDerivedFrom ?a ; unikg:evidence ?text }
        FILTER(CONTAINS(STR(?text), STR(?needle))) ?a a unikg:Article }""", name))
    articles = sorted({row["a"].value for row in texts if word.search(row["text"].value)})
    if not articles:
        return {}
    found = _lookup(kb, """SELECT ?e ?label ?type WHERE { VALUES ?a { #VALUES }
        ?a unikg:mentions ?e . ?e rdfs:label ?label . OPTIONAL { ?e a ?type } }""", name,
                    " ".join(f"<{a}>" for a in articles))
    return {iri: entity for iri, entity in found.items()
            if any(_initials(label).lower() == name.lower() for label in entity["labels"])}


def _words_of_names(kb: KnowledgeBase, name: str) -> dict[str, dict]:
    """Entities with a name that holds ``name`` as whole words: "QS" in "QS World University Rankings"."""
    wanted = _words(name)
    if not wanted:
        return {}
    return _lookup(kb, """SELECT ?e ?label ?type ?n WHERE {
        VALUES ?p { rdfs:label skos:altLabel } ?e ?p ?n .
        FILTER(CONTAINS(LCASE(STR(?n)), LCASE(STR(?needle))))
        OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e a ?type } }""", name,
                   keep=lambda row: _holds(_words(row["n"].value), wanted))


def _holds(words: list[str], wanted: list[str]) -> bool:
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


def _article_counts(kb: KnowledgeBase, iris: list[str]) -> dict[str, int]:
    if not iris:
        return {}
    values = " ".join(f"<{iri}>" for iri in iris)
    rows = kb.query(f"SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE {{ VALUES ?e {{ {values} }} "
                    "?a unikg:mentions ?e } GROUP BY ?e")
    return {row["e"].value: int(row["n"].value) for row in rows}


def find_entities(kb: KnowledgeBase, name: str, types: tuple[str, ...] | None = None) -> list[Candidate]:
    """The entities a name may mean, most likely first.

    A label, other name or acronym equal to ``name`` (any case) fits, and so does an entity whose
    initials are ``name`` where an article mentioning it uses ``name`` ("HEU"); only when nothing
    fits so, entities with a name holding ``name`` as whole words ("QS" for "QS World University
    Rankings"). The same case, then more articles mentioning the entity, come first.

    Args:
        kb: an open knowledge base.
        name: what the researcher typed.
        types: ontology class names (``"University"`` ...) the entity must have one of; None: any.
    Returns:
        The :class:`Candidate` entities; empty when nothing fits.

    >>> import tempfile
    >>> from kg.store import open_kb
    >>> find_entities(open_kb(tempfile.mkdtemp()), "QS", ("Ranking",))
    []
    """
    name = name.strip()
    tiers = [("name", _exact(kb, name)), ("acronym in articles", _acronym_in_articles(kb, name))]
    found: dict[str, tuple[str, dict]] = {}
    for how, entities in tiers:
        for iri, entity in entities.items():
            if (types is None or entity["types"] & set(types)) and iri not in found:
                found[iri] = (how, entity)
    if not found:
        found = {iri: ("words of the name", entity) for iri, entity in _words_of_names(kb, name).items()
                 if types is None or entity["types"] & set(types)}
    counts = _article_counts(kb, sorted(found))
    candidates = [(not entity["case"], how != "name", -counts.get(iri, 0),
                   Candidate(iri, min(entity["labels"], default=iri), tuple(sorted(entity["types"])),
                             counts.get(iri, 0), how))
                  for iri, (how, entity) in found.items()]
    return [c for *_, c in sorted(candidates, key=lambda t: (*t[:3], t[3].label.lower(), t[3].iri))]


def resolve_name(kb: KnowledgeBase, name: str, types: tuple[str, ...] | None = None, pick: int | None = None,
                 what: str = "entity", choose: str = "choose one with --pick N or give its IRI") -> Candidate:
    """The one entity a name means, of the expected types; an IRI is taken as it is.

    Args:
        kb: an open knowledge base.
        name: a label, other name, acronym or IRI.
        types: ontology class names the entity must have one of; None: any.
        pick: when the name fits several entities, take the ``pick``-th candidate (from 1).
        what: what the name is for, in messages (``"--param ranking"``).
        choose: how to choose among candidates, in the message of an ambiguous name.
    Returns:
        The :class:`Candidate`.
    Raises:
        AmbiguousNameError: the name fits several entities and no ``pick`` is given; lists them.
        QueryError: no entity of those types has that name (the message names any of other types),
            or ``pick`` is out of range.

    >>> import tempfile
    >>> from kg.store import open_kb
    >>> resolve_name(open_kb(tempfile.mkdtemp()), "https://w3id.org/unikg/resource/org/x").how
    'IRI'
    """
    name = name.strip()
    if name.startswith(("http://", "https://")):
        return _described(kb, name)
    candidates = find_entities(kb, name, types)
    kinds = " or ".join(types) if types else "entity"
    if not candidates:
        raise QueryError(_unknown_name(kb, name, types, what))
    if len(candidates) == 1:
        return candidates[0]
    if pick is not None:
        if not 1 <= pick <= len(candidates):
            raise QueryError(f"{what}: {name!r} has {len(candidates)} candidates; --pick takes 1 to {len(candidates)}")
        return candidates[pick - 1]
    lines = [f"  {i}. {c.describe()}" for i, c in enumerate(candidates[:_SHOWN], 1)]
    if len(candidates) > _SHOWN:
        lines.append(f"  ... and {len(candidates) - _SHOWN} more")
    raise AmbiguousNameError(f"{what}: {name!r} fits {len(candidates)} entities ({kinds}); {choose}:\n"
                             + "\n".join(lines), candidates)


def _described(kb: KnowledgeBase, iri: str) -> Candidate:
    """An entity given by IRI, with its label and types when the KB has them."""
    import pyoxigraph as ox

    try:
        node = ox.NamedNode(iri)
    except ValueError as exc:
        raise QueryError(f"{iri!r} is not a valid IRI ({exc})") from exc
    labels, types = set(), set()
    for row in kb.query(f"SELECT ?p ?o WHERE {{ VALUES ?p {{ rdfs:label rdf:type }} {node} ?p ?o }}"):  # also on an endpoint
        if row["p"].value == str(RDFS.label):
            labels.add(row["o"].value)
        elif row["o"].value.startswith(_ONTOLOGY):
            types.add(row["o"].value[len(_ONTOLOGY):])
    return Candidate(iri, min(labels, default=iri), tuple(sorted(types)), _article_counts(kb, [iri]).get(iri, 0), "IRI")


def _unknown_name(kb: KnowledgeBase, name: str, types: tuple[str, ...] | None, what: str) -> str:
    if types:
        others = find_entities(kb, name, None)
        if others:
            listed = "; ".join(c.describe() for c in others[:3])
            return (f"{what}: no {' or '.join(types)} in the KB is named {name!r}; it names {listed}. "
                    "Give an IRI to use another entity anyway")
    return f"{what}: no entity in the KB is named {name!r}; try `kg query entities` or an IRI"


def resolve_params(kb: KnowledgeBase, item, params: dict[str, str], picks: dict[str | None, int] | None = None,
                   choose: str = "choose one with --pick N or give its IRI") -> tuple[dict[str, str], list[str]]:
    """A library query's entity parameters resolved to IRIs, each among the types it expects.

    Args:
        kb: an open knowledge base.
        item: the :class:`~kg.queries.LibraryQuery`.
        params: parameter values as typed.
        picks: the candidate to take for an ambiguous name, by parameter (``None``: any parameter).
        choose: how to choose among candidates, in the message of an ambiguous name.
    Returns:
        The parameters (entity names replaced by IRIs; other values as they are) and one note per
        name that was not an exact name or IRI, saying which entity it was taken as.
    Raises:
        AmbiguousNameError, QueryError: as :func:`resolve_name`.
    """
    picks = picks or {}
    resolved, notes = dict(params), []
    for param, kind in zip(item.params, item.param_kinds):
        if kind != "entity" or param not in params:
            continue
        pick = picks.get(param, picks.get(None))
        candidate = resolve_name(kb, params[param], param_types(param), pick, f"--param {param}", choose)
        resolved[param] = candidate.iri
        if candidate.how not in ("name", "IRI") or pick is not None:
            how = f", {candidate.how}" if candidate.how not in ("name", "IRI") else ""
            notes.append(f"--param {param}={params[param]}: {candidate.describe()}{how}")
    return resolved, notes
