"""Stage 4, ontology mapping: extractions and the gazetteer -> rdflib graphs.

Every fact gets its direct triple (what most queries use) and a qualified node holding
its qualifiers, the evidence sentence and ``prov:wasDerivedFrom`` the article. Fact IRIs
are hashes of the fact and its article, so the same input always gives the same graph.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from .gazetteer import Gazetteer, GazEntry
from .model import Entity, Extraction, Relation
from .schema import relation_types
from .namespaces import ENTITIES_GRAPH, GAZETTEER_GRAPH, KG, PREFIXES, article_graph, mint_iri

__all__ = ["map_to_graph", "map_entities", "article_triples", "entity_triples", "map_gazetteer", "gazetteer_triples", "date_literal", "EXTRACTOR"]

EXTRACTOR = "kg.rules.v1"
_ROLES = {
    "member": KG.FullMemberRole,
    "founding": KG.FoundingMemberRole,
    "observer": KG.ObserverRole,
    "associate": KG.AssociateMemberRole,
    "leading": KG.LeadingRole,
    "former": KG.FormerMemberRole,
}


def new_graph(identifier: URIRef | None = None) -> Graph:
    """An empty graph with our prefixes bound."""
    graph = Graph(identifier=identifier)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def date_literal(value: str) -> Literal:
    """A date literal typed by its precision.

    >>> date_literal("2011").datatype == XSD.gYear, date_literal("2011-05").datatype == XSD.gYearMonth
    (True, True)
    >>> date_literal("2011-05-04").datatype == XSD.date
    True
    """
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value[:10], datatype=XSD.date)


def _fact_iri(doc_id: str, relation: Relation) -> URIRef:
    key = "|".join([doc_id, str(relation.subject), relation.predicate, str(relation.object),
                    *sorted(f"{k}={v}" for k, v in relation.qualifiers)])
    return mint_iri("Fact", hashlib.sha1(key.encode()).hexdigest()[:20])


class _Triples(list):
    """A list that takes ``add((s, p, o))`` like a graph: building 200k triples without rdflib's indexes."""

    add = list.append


def map_to_graph(extraction: Extraction) -> Graph:
    """Map one article's extraction onto the ontology, as the article's named graph.

    Args:
        extraction: the resolved entities and relations of one document.
    Returns:
        An rdflib ``Graph`` whose identifier is the article's IRI (``res:article/<id>``).
    """
    graph = new_graph(article_graph(extraction.document.doc_id))
    graph.addN((s, p, o, graph) for s, p, o in article_triples(extraction))
    return graph


def article_triples(extraction: Extraction) -> list[tuple]:
    """The triples of :func:`map_to_graph` as a plain list (the ingest path: no rdflib indexes)."""
    document = extraction.document
    article = article_graph(document.doc_id)
    graph = _Triples()
    _describe_article(graph, article, extraction)
    for entity in extraction.entities:
        graph.add((article, KG.mentions, URIRef(entity.iri)))
    for relation in extraction.relations:
        _map_relation(graph, article, document.doc_id, relation)
        if relation.predicate == "country":
            graph.add((article, KG.mentions, mint_iri("Country", relation.object)))
    return list(dict.fromkeys(graph))


def map_entities(extraction: Extraction) -> Graph:
    """Descriptions (type, label, other names) of the entities an article mentions.

    They go to the shared entities graph (``res:graph/entities``), not the article's graph, so
    that an entity mentioned by a thousand articles is described once; the store keeps the
    first type and label it receives for an entity (or the gazetteer's) and adds new names.
    """
    graph = new_graph(ENTITIES_GRAPH)
    graph.addN((s, p, o, graph) for s, p, o in entity_triples(extraction))
    return graph


def entity_triples(extraction: Extraction) -> list[tuple]:
    """The triples of :func:`map_entities` as a plain list."""
    graph = _Triples()
    for entity in extraction.entities:
        _describe_entity(graph, entity)
    described = {URIRef(e.iri) for e in extraction.entities}
    for relation in extraction.relations:
        country = mint_iri("Country", relation.object) if relation.predicate == "country" else None
        if country is not None and country not in described:
            _add_country(graph, relation.object)
            graph.add((country, RDFS.label, Literal(relation.object.upper())))  # no entity names it: its code
    return list(dict.fromkeys(graph))


def _describe_article(graph: Graph, article: URIRef, extraction: Extraction) -> None:
    document, meta = extraction.document, extraction.document.meta
    graph.add((article, RDF.type, KG.Article))
    graph.add((article, KG.source, Literal(meta.url or document.source)))
    graph.add((article, KG.contentHash, Literal(document.content_hash)))
    if meta.title:
        graph.add((article, KG.title, Literal(meta.title)))
    if meta.published:
        graph.add((article, KG.published, Literal(meta.published, datatype=XSD.date)))
    if extraction.publisher:
        graph.add((article, KG.publisher, URIRef(extraction.publisher)))
    for entity in extraction.entities:
        for mention in entity.mentions:
            if mention.source.startswith("credit:"):
                role = mention.source.split(":", 1)[1]
                graph.add((article, KG.translator if role == "translator" else KG.author, URIRef(entity.iri)))


def _describe_entity(graph: Graph, entity: Entity) -> None:
    node = URIRef(entity.iri)
    graph.add((node, RDF.type, KG[entity.kind]))
    graph.add((node, RDFS.label, Literal(entity.label)))
    for alias in entity.aliases:
        if alias.lower() not in ("our university", "the university"):
            graph.add((node, SKOS.altLabel, Literal(alias)))
    for acronym in entity.acronyms:
        graph.add((node, KG.acronym, Literal(acronym)))
    if entity.kind == "Country" and entity.key:
        graph.add((node, KG.countryCode, Literal(entity.key.upper())))


def _add_country(graph: Graph, code: str) -> URIRef:
    country = mint_iri("Country", code)
    graph.add((country, RDF.type, KG.Country))
    graph.add((country, KG.countryCode, Literal(code.upper())))
    return country


def _evidence(graph: Graph, node: URIRef, article: URIRef, evidence: str) -> None:
    graph.add((node, KG.evidence, Literal(evidence)))
    graph.add((node, PROV.wasDerivedFrom, article))
    graph.add((node, KG.extractor, Literal(EXTRACTOR)))


def _map_relation(graph: Graph, article: URIRef, doc_id: str, relation: Relation) -> None:
    node = _fact_iri(doc_id, relation)
    subject = URIRef(relation.subject)
    predicate = relation.predicate
    if predicate == "memberOf":
        _membership(graph, node, subject, URIRef(relation.object), relation.qualifier("role"),
                    relation.qualifier("since"), relation.qualifier("until"))
    elif predicate == "rankedIn":
        _placement(graph, node, subject, URIRef(relation.object), relation)
    elif predicate == "memberCount":
        graph.add((node, RDF.type, KG.MemberCount))
        graph.add((node, KG.organization, subject))
        graph.add((node, KG.count, Literal(int(relation.object))))
        role = relation.qualifier("role")
        if role:
            graph.add((node, KG.role, _ROLES[role]))
        else:
            graph.add((subject, KG.memberCount, Literal(int(relation.object))))
    elif predicate == "headOf":
        _headship(graph, node, subject, URIRef(relation.object), relation)
    else:
        _assertion(graph, node, subject, predicate, relation.object)
    _evidence(graph, node, article, relation.evidence)


def _headship(graph: Graph, node: URIRef, person: URIRef, organization: URIRef, relation: Relation) -> None:
    """A Headship node; the ``unikg:headOf`` shortcut only while the post is held (a predecessor's
    headship keeps its node, with ``unikg:endDate`` when the text dates its end)."""
    ended = relation.qualifier("ended") or relation.qualifier("until")
    if not ended:
        graph.add((person, KG.headOf, organization))
    graph.add((node, RDF.type, KG.Headship))
    graph.add((node, KG.person, person))
    graph.add((node, KG.organization, organization))
    if relation.qualifier("role"):
        graph.add((node, KG.position, Literal(relation.qualifier("role"))))
    if relation.qualifier("since"):
        graph.add((node, KG.startDate, date_literal(relation.qualifier("since"))))
    if relation.qualifier("until"):
        graph.add((node, KG.endDate, date_literal(relation.qualifier("until"))))


def _membership(graph: Graph, node: URIRef, member: URIRef, group: URIRef, role: str | None,
                since: str | None, until: str | None) -> None:
    if role != "former" and until is None:  # an ended membership (left, or of a dissolved alliance) is no current one
        graph.add((member, KG.memberOf, group))
    graph.add((node, RDF.type, KG.Membership))
    graph.add((node, KG.member, member))
    graph.add((node, KG.organization, group))
    graph.add((node, KG.role, _ROLES.get(role or "member", KG.FullMemberRole)))
    if since:
        graph.add((node, KG.startDate, date_literal(since)))
    if until:
        graph.add((node, KG.endDate, date_literal(until)))


def _placement(graph: Graph, node: URIRef, university: URIRef, ranking: URIRef, relation: Relation) -> None:
    graph.add((university, KG.rankedIn, ranking))
    graph.add((node, RDF.type, KG.RankingPlacement))
    graph.add((node, KG.university, university))
    graph.add((node, KG.ranking, ranking))
    if relation.qualifier("rank"):
        graph.add((node, KG.rank, Literal(int(relation.qualifier("rank")))))
    elif relation.qualifier("band"):
        graph.add((node, KG.rankBand, Literal(relation.qualifier("band"))))
    if relation.qualifier("year"):
        graph.add((node, KG.edition, Literal(relation.qualifier("year")[:4], datatype=XSD.gYear)))


def _assertion(graph: Graph, node: URIRef, subject: URIRef, predicate: str, obj: str) -> None:
    prop = relation_types()[predicate].prop
    if predicate == "founded":
        value = date_literal(obj)
    elif predicate == "country":
        value = mint_iri("Country", obj)
    else:
        value = URIRef(obj)
    graph.add((subject, prop, value))
    graph.add((node, RDF.type, KG.Assertion))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, prop))
    graph.add((node, RDF.object, value))


def _entry_iri(entry: GazEntry) -> URIRef:
    return mint_iri(entry.kind, entry.country if entry.kind == "Country" else entry.key)


def map_gazetteer(gazetteer: Gazetteer) -> Graph:
    """The gazetteer as background knowledge, in its own named graph (``res:graph/gazetteer``)."""
    graph = new_graph(GAZETTEER_GRAPH)
    graph.addN((s, p, o, graph) for s, p, o in gazetteer_triples(gazetteer))
    return graph


def gazetteer_triples(gazetteer: Gazetteer) -> list[tuple]:
    """The triples of :func:`map_gazetteer`, as a plain list (fast for large imported gazetteers)."""
    graph = _Triples()
    dataset = mint_iri("Dataset", "gazetteer")
    graph.add((dataset, RDF.type, KG.Dataset))
    graph.add((dataset, RDFS.label, Literal("unikg gazetteer")))
    iris = {key: _entry_iri(entry) for key, entry in gazetteer.entries.items()}
    for key, entry in gazetteer.entries.items():
        _describe_entry(graph, iris[key], entry)
    for link in gazetteer.links:
        subject, obj = iris[link.subject], iris[link.object]
        if link.predicate == "memberOf":
            node = mint_iri("Fact", hashlib.sha1(f"gaz|{link.subject}|{link.object}".encode()).hexdigest()[:20])
            _membership(graph, node, subject, obj, link.role, link.since, None)
            graph.add((node, KG.evidence, Literal(f"listed as {link.role} in the gazetteer file {link.source}")))
            graph.add((node, PROV.wasDerivedFrom, dataset))
        else:
            graph.add((subject, relation_types()[link.predicate].prop, obj))
    return list(dict.fromkeys(graph))


def _describe_entry(graph: Graph, node: URIRef, entry: GazEntry) -> None:
    graph.add((node, RDF.type, KG[entry.kind]))
    graph.add((node, RDFS.label, Literal(entry.name)))
    for alias in entry.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias)))
    for acronym in entry.acronyms:
        graph.add((node, KG.acronym, Literal(acronym)))
        graph.add((node, SKOS.altLabel, Literal(acronym)))
    for lang, value in entry.labels:
        graph.add((node, SKOS.altLabel, Literal(value, lang=lang)))
    if entry.kind == "Country":
        graph.add((node, KG.countryCode, Literal(entry.country)))
    elif entry.country:
        graph.add((node, KG.country, _add_country(graph, entry.country)))
    if entry.founded and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", entry.founded):
        graph.add((node, KG.foundingDate, date_literal(entry.founded)))
    for qid in entry.wikidata:
        graph.add((node, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{qid}")))
    for ror in entry.ror:
        graph.add((node, OWL.sameAs, URIRef(f"https://ror.org/{ror}")))
    for domain in entry.domains:
        graph.add((node, KG.domain, Literal(domain)))
    if entry.city:
        graph.add((node, KG.city, Literal(entry.city)))
    for source in entry.sources:
        graph.add((node, KG.gazetteerSource, Literal(source)))
