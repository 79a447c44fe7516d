"""The relation schema: each relation type defined once.

A relation type's name is the one gold files, :class:`~kg.model.Relation` and ``kg eval`` use
(``memberOf``, ``founded``, ...). Its direct property, domain and range are read from the
ontology (``ontologies/unikg.ttl``: ``rdfs:domain`` / ``rdfs:range``, unions included), so the
code and the ontology cannot disagree; what the ontology does not say (the qualifiers, the
qualified class, whether a learned scorer decides it) is in :data:`_EXTRA`, one row per type.
Resolution type-checks with it, candidate generation pairs mentions with it, mapping and
evaluation dispatch on it. Adding a relation type: a property in the ontology, a row here,
and a rules module.

>>> member_of = relation_types()["memberOf"]
>>> sorted(member_of.domain), sorted(member_of.range)
(['Alliance', 'ResearchInstitute', 'University'], ['Alliance'])
>>> relation_types()["founded"].literal, str(relation_types()["founded"].prop)
(True, 'https://w3id.org/unikg/ontology#foundingDate')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from rdflib import OWL, RDFS, Graph, URIRef
from rdflib.collection import Collection

from .namespaces import KG

__all__ = ["RelationType", "relation_types", "ENTITY_KINDS"]

#: the entity classes of the contract, by local name
ENTITY_KINDS = frozenset({"University", "ResearchInstitute", "Alliance", "Ranking", "Program", "Organization", "Person",
                          "Country"})


@dataclass(frozen=True, slots=True)
class RelationType:
    """One relation type: its property and signature (from the ontology) and how facts of it are kept."""

    name: str
    prop: URIRef
    domain: frozenset[str]
    range: frozenset[str]  # entity kinds; empty for a literal-valued type
    literal: bool
    qualifiers: tuple[str, ...]
    qualified_class: URIRef | None  # the n-ary node that holds the qualifiers
    symmetric: bool = False

    def accepts(self, subject_kind: str | None, object_kind: str | None) -> bool:
        """Whether a fact between entities of these kinds fits the signature (object ignored for literals).

        >>> relation_types()["rankedIn"].accepts("University", "Ranking")
        True
        >>> relation_types()["rankedIn"].accepts("Alliance", "Ranking")
        False
        """
        return subject_kind in self.domain and (self.literal or object_kind in self.range)


#: name -> (property local name, qualifiers, qualified class, symmetric)
_EXTRA: dict[str, tuple[str, tuple[str, ...], URIRef | None, bool]] = {
    "memberOf": ("memberOf", ("role", "since", "until"), KG.Membership, False),
    "founder": ("founder", (), KG.Assertion, False),
    "founded": ("foundingDate", (), KG.Assertion, False),
    "partnerOf": ("partnerOf", (), KG.Assertion, True),
    "participatesIn": ("participatesIn", (), KG.Assertion, False),
    "rankedIn": ("rankedIn", ("rank", "band", "year", "subject", "category"), KG.RankingPlacement, False),
    "country": ("country", (), KG.Assertion, False),
    "memberCount": ("memberCount", ("role",), KG.MemberCount, False),
    "headOf": ("headOf", ("role", "since", "until"), KG.Headship, False),
}


def _kinds(graph: Graph, node) -> tuple[frozenset[str], bool]:
    """Entity kinds of a domain/range node (a class or an owl:unionOf); literal=True for datatypes."""
    members = list(Collection(graph, graph.value(node, OWL.unionOf))) if graph.value(node, OWL.unionOf) else [node]
    names = {str(m).rsplit("#", 1)[-1] for m in members}
    literal = any(str(m).startswith("http://www.w3.org/2001/XMLSchema#") for m in members)
    return frozenset(names & ENTITY_KINDS), literal


@functools.cache
def relation_types() -> dict[str, RelationType]:
    """Every relation type, keyed by name, read from the packaged ontology once per process."""
    graph = Graph()
    graph.parse(data=resources.files("kg").joinpath("data", "unikg.ttl").read_text(encoding="utf-8"), format="turtle")
    types = {}
    for name, (local, qualifiers, qualified, symmetric) in _EXTRA.items():
        prop = KG[local]
        domain, _ = _kinds(graph, graph.value(prop, RDFS.domain))
        range_, literal = _kinds(graph, graph.value(prop, RDFS.range))
        literal = literal or name == "country"  # a country fact's object is its ISO code in a Relation
        types[name] = RelationType(name, prop, domain, frozenset() if name == "country" else range_, literal,
                                   qualifiers, qualified, symmetric)
    return types
