"""A large synthetic KB in the shape ``kg.pipeline.ingest`` produces, built fast with ``bulk_load``.

Parsing a million triples' worth of articles with spaCy takes hours, so ``queries.py`` and
``exports.py`` write N-Quads directly, in the three kinds of graph the KB holds:

* one named graph per synthetic article (``map_to_graph``): the article's description,
  ``unikg:mentions`` of every entity it names (gazetteer universities, alliances, rankings,
  programs, countries, plus synthetic people) and its facts -- direct triples plus
  ``Membership`` / ``RankingPlacement`` / ``Headship`` / ``MemberCount`` / ``Assertion``
  nodes with evidence, ``prov:wasDerivedFrom`` and extractor -- but no entity descriptions;
* the shared entities graph (``map_entities`` + ``KnowledgeBase.upsert_entities``): each
  mentioned entity described once -- type and label only for entities the gazetteer does
  not describe (the people), acronyms and country codes for all;
* the real gazetteer graph, written as ``ingest`` writes it (with its fingerprint);
* the fact summary (``kg.summary``), rebuilt after the load as ``kg load`` rebuilds it.

A fact's details are a function of the fact (see :func:`stable`): every article stating that
a university is a member of an alliance gives the same role and year, as news repeat facts; so
the KB has statements of the same fact by many articles, which the library queries group.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import common  # noqa: F401  (puts the project root on sys.path)
import pyoxigraph as ox
from rdflib import Literal

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.mapping import EXTRACTOR, gazetteer_triples
from kg.namespaces import ENTITIES_GRAPH, GAZETTEER_GRAPH, KG, RES, mint_iri
from kg.pipeline import gazetteer_fingerprint
from kg import summary
from kg.store import KnowledgeBase, open_kb

U = str(KG._NS)
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
#: entity names used as query parameters; the generator mentions them often
FOCUS = {"Alliance": "Association of Sino-Russian Technical Universities", "University": "Harbin Institute of Technology",
         "Ranking": "QS World University Rankings", "Program": "Project 985", "Country": "CN"}
ROLES = ["FullMemberRole", "FoundingMemberRole", "ObserverRole", "AssociateMemberRole", "FormerMemberRole"]


def iri(value: str) -> str:
    """An IRI term in N-Quads syntax."""
    return f"<{value}>"


def lit(value: object, datatype: str | None = None) -> str:
    """A literal term in N-Quads syntax (escaped)."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"^^<{XSD}{datatype}>' if datatype else f'"{text}"'


class Entities:
    """Entity IRIs and labels by kind, from the gazetteer plus synthetic people.

    Every entity handed out by :meth:`pick` counts as mentioned by the current article
    (``current``, reset per article) and by the KB (``described``, for the entities graph).
    """

    def __init__(self, gazetteer: Gazetteer, rng: random.Random, people: int = 5000):
        self.by_kind: dict[str, list[tuple[str, str]]] = {}
        self.acronyms: dict[str, tuple[str, ...]] = {}
        for entry in gazetteer.entries.values():
            key = entry.country if entry.kind == "Country" else entry.key
            node = str(mint_iri(entry.kind, key))
            self.by_kind.setdefault(entry.kind, []).append((node, entry.name))
            self.acronyms[node] = entry.acronyms
        self.by_kind["Person"] = [(str(mint_iri("Person", f"person {i}")), f"Person {i}") for i in range(people)]
        self.focus = {kind: self._iri_of(kind, name) for kind, name in FOCUS.items()}
        self.rng = rng
        self.current: dict[str, str] = {}
        self.described: dict[str, tuple[str, str]] = {}

    def _iri_of(self, kind: str, name: str) -> str:
        if kind == "Country":
            return str(mint_iri(kind, name))
        return next(node for node, label in self.by_kind[kind] if label == name)

    def pick(self, kind: str) -> tuple[str, str]:
        """A random entity of ``kind`` (the focus entity one time in ten), recorded as mentioned."""
        if kind in self.focus and self.rng.random() < 0.1:
            node, label = next(e for e in self.by_kind[kind] if e[0] == self.focus[kind])
        else:
            node, label = self.rng.choice(self.by_kind[kind])
        self.current[node] = kind
        self.described.setdefault(node, (kind, label))
        return node, label


def _evidence(node: str, graph: str, text: str) -> Iterator[str]:
    yield f"{node} {iri(U + 'evidence')} {lit(text)} {graph} ."
    yield f"{node} {iri(PROV + 'wasDerivedFrom')} {graph} {graph} ."  # the article is its graph
    yield f"{node} {iri(U + 'extractor')} {lit(EXTRACTOR)} {graph} ."


def _fact(node: str, graph: str, kind: str, pairs: list[tuple[str, str]], evidence: str) -> Iterator[str]:
    yield f"{node} {iri(RDF + 'type')} {iri(U + kind)} {graph} ."
    yield from (f"{node} {iri(p)} {o} {graph} ." for p, o in pairs)
    yield from _evidence(node, graph, evidence)


def stable(*key: str) -> random.Random:
    """A generator seeded by the fact's key: every article stating the fact states the same details.

    News repeat facts (a membership with its role and year, a rank of one edition); a role or
    year drawn afresh per statement would make nearly every statement a fact of its own.
    """
    return random.Random("|".join(key))


def _membership(rng: random.Random, ents: Entities, graph: str, node: str) -> Iterator[str]:
    (uni, uname), (alliance, aname) = ents.pick("University"), ents.pick("Alliance")
    fact = stable(uni, alliance)
    role, year = fact.choice(ROLES), str(fact.randint(1990, 2024))
    if role != "FormerMemberRole":
        yield f"{iri(uni)} {iri(U + 'memberOf')} {iri(alliance)} {graph} ."
    pairs = [(U + "member", iri(uni)), (U + "organization", iri(alliance)), (U + "role", iri(U + role)),
             (U + "startDate", lit(year, "gYear"))]
    yield from _fact(node, graph, "Membership", pairs, f"{uname} joined the {aname} in {year}.")


def _placement(rng: random.Random, ents: Entities, graph: str, node: str) -> Iterator[str]:
    (uni, uname), (ranking, rname) = ents.pick("University"), ents.pick("Ranking")
    edition = str(rng.randint(2015, 2025))
    fact = stable(uni, ranking, edition)
    rank, banded = fact.randint(1, 1000), fact.random() >= 0.7
    yield f"{iri(uni)} {iri(U + 'rankedIn')} {iri(ranking)} {graph} ."
    pairs = [(U + "university", iri(uni)), (U + "ranking", iri(ranking)), (U + "edition", lit(edition, "gYear"))]
    pairs.append((U + "rankBand", lit(f"{rank}-{rank + 49}")) if banded else (U + "rank", lit(rank, "integer")))
    yield from _fact(node, graph, "RankingPlacement", pairs, f"{uname} ranked {rank} in the {edition} {rname}.")


def _headship(rng: random.Random, ents: Entities, graph: str, node: str) -> Iterator[str]:
    (person, pname), (uni, uname) = ents.pick("Person"), ents.pick("University")
    title = stable(person, uni).choice(["President", "Rector", "Vice-Chancellor", "Party Secretary"])
    yield f"{iri(person)} {iri(U + 'headOf')} {iri(uni)} {graph} ."
    pairs = [(U + "person", iri(person)), (U + "organization", iri(uni)), (U + "position", lit(title))]
    yield from _fact(node, graph, "Headship", pairs, f"{pname}, {title} of {uname}, spoke.")


def _assertion(rng: random.Random, ents: Entities, graph: str, node: str) -> Iterator[str]:
    (uni, uname), (other, oname) = ents.pick("University"), ents.pick("University")
    (alliance, aname), (program, pname) = ents.pick("Alliance"), ents.pick("Program")
    year, draw = str(stable(uni).randint(1850, 2020)), rng.random()
    if draw < 0.4:
        subject, prop, value, text = uni, U + "partnerOf", iri(other), f"{uname} and {oname} signed an agreement."
    elif draw < 0.6:
        subject, prop, value, text = uni, U + "participatesIn", iri(program), f"{uname} was selected for {pname}."
    elif draw < 0.7:
        subject, prop, value, text = alliance, U + "founder", iri(uni), f"{uname} founded the {aname}."
    elif draw < 0.9:
        subject, prop, value, text = uni, U + "foundingDate", lit(year, "gYear"), f"{uname} was founded in {year}."
    else:
        country, cname = ents.pick("Country")
        subject, prop, value, text = uni, U + "country", iri(country), f"{uname} is a university in {cname}."
    yield f"{iri(subject)} {iri(prop)} {value} {graph} ."
    pairs = [(RDF + "subject", iri(subject)), (RDF + "predicate", iri(prop)), (RDF + "object", value)]
    yield from _fact(node, graph, "Assertion", pairs, text)


def _count(rng: random.Random, ents: Entities, graph: str, node: str) -> Iterator[str]:
    (alliance, aname) = ents.pick("Alliance")
    count = stable(alliance).randint(5, 90) + rng.choice([0, 0, 0, 1, 2])  # a count grows between articles
    yield f"{iri(alliance)} {iri(U + 'memberCount')} {lit(count, 'integer')} {graph} ."
    pairs = [(U + "organization", iri(alliance)), (U + "count", lit(count, "integer"))]
    yield from _fact(node, graph, "MemberCount", pairs, f"The {aname} now has {count} members.")


#: weights from the 14 sample articles' graphs (100 Membership, 106 Assertion, 22 Headship, 19 RankingPlacement,
#: 15 MemberCount nodes: about 19 facts and 180 quads per article)
FACT_WRITERS = [(_membership, 8), (_placement, 2), (_assertion, 8), (_headship, 2), (_count, 1)]


def article_quads(rng: random.Random, ents: Entities, index: int) -> Iterator[str]:
    """The N-Quads lines of one synthetic article graph (about 180 quads, like a real article's)."""
    doc_id = f"synth-{index:07d}"
    article = iri(str(mint_iri("Article", doc_id)))
    graph = article
    ents.current = {}
    yield f"{article} {iri(RDF + 'type')} {iri(U + 'Article')} {graph} ."
    yield f"{article} {iri(U + 'source')} {lit(f'/corpus/{doc_id}.txt')} {graph} ."
    yield f"{article} {iri(U + 'contentHash')} {lit(hashlib.sha256(doc_id.encode()).hexdigest())} {graph} ."
    yield f"{article} {iri(U + 'title')} {lit(f'Synthetic news item {index}')} {graph} ."
    yield f"{article} {iri(U + 'published')} {lit(f'{rng.randint(2010, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}', 'date')} {graph} ."
    publisher, _ = ents.pick("University")
    yield f"{article} {iri(U + 'publisher')} {iri(publisher)} {graph} ."
    for kind in rng.choices(["University", "Alliance", "Ranking", "Program", "Country"], [6, 2, 1, 1, 1], k=rng.randint(4, 10)):
        ents.pick(kind)
    writers, weights = zip(*FACT_WRITERS)
    for number, writer in enumerate(rng.choices(writers, weights, k=rng.randint(10, 21))):
        node = iri(f"{RES}fact/{hashlib.sha1(f'{doc_id}|{number}'.encode()).hexdigest()[:20]}")
        yield from writer(rng, ents, graph, node)
    yield from (f"{article} {iri(U + 'mentions')} {iri(entity)} {graph} ." for entity in ents.current)


def entity_quads(ents: Entities) -> Iterator[str]:
    """The shared entities graph: what ``upsert_entities`` keeps of every mentioned entity.

    The gazetteer already gives its entities a type and a label, so only the people get
    them here; acronyms (as found in the articles) and country codes are added for all.
    """
    graph = iri(str(ENTITIES_GRAPH))
    for node, (kind, label) in ents.described.items():
        if kind == "Person":
            yield f"{iri(node)} {iri(RDF + 'type')} {iri(U + kind)} {graph} ."
            yield f"{iri(node)} {iri(RDFS + 'label')} {lit(label)} {graph} ."
        yield from (f"{iri(node)} {iri(U + 'acronym')} {lit(a)} {graph} ." for a in ents.acronyms.get(node, ()))
        if kind == "Country":
            yield f"{iri(node)} {iri(U + 'countryCode')} {lit(node.rsplit('/', 1)[-1].upper())} {graph} ."


def write_nquads(path: Path, triples: int, seed: int = 1) -> int:
    """Write synthetic article graphs until about ``triples`` quads; return the article count."""
    rng = random.Random(seed)
    ents = Entities(load_gazetteer(), rng)
    written, index = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while written < triples:
            lines = list(article_quads(rng, ents, index))
            out.write("\n".join(lines) + "\n")
            written += len(lines)
            index += 1
        out.write("\n".join(entity_quads(ents)) + "\n")
    return index


def write_gazetteer(kb: KnowledgeBase) -> None:
    """The built-in gazetteer graph with its fingerprint, as ``kg.pipeline.ingest`` stores it."""
    gazetteer = load_gazetteer()
    triples = gazetteer_triples(gazetteer)
    triples.append((mint_iri("Dataset", "gazetteer"), KG.contentHash, Literal(gazetteer_fingerprint(gazetteer))))
    kb.replace_triples(str(GAZETTEER_GRAPH), triples)


def build_kb(kb_dir: Path, triples: int, seed: int = 1) -> tuple[KnowledgeBase, int]:
    """Create a KB with the gazetteer graph and about ``triples`` synthetic quads (open; caller closes)."""
    kb = open_kb(kb_dir)
    write_gazetteer(kb)
    data = kb_dir.parent / f"{kb_dir.name}-synthetic.nq"
    articles = write_nquads(data, triples, seed)
    kb.store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    data.unlink()
    summary.rebuild(kb.store, kb.path)  # the fact summary of the loaded graphs, as `kg load` makes it
    return kb, articles
