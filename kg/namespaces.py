"""Ontology namespace ``KG`` (typo-proof), resource IRIs and the one IRI minter.

``KG`` mirrors ``ontologies/unikg.ttl``; ``tests/test_namespaces.py`` fails when they drift.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["KG", "RES", "PREFIXES", "mint_iri", "slugify", "GAZETTEER_GRAPH", "ENTITIES_GRAPH", "article_graph"]


class KG(DefinedNamespace):
    """Terms of the unikg ontology; an unknown term raises AttributeError.

    >>> KG.University
    rdflib.term.URIRef('https://w3id.org/unikg/ontology#University')
    """

    _NS = Namespace("https://w3id.org/unikg/ontology#")
    _fail = True

    # classes
    University: URIRef
    ResearchInstitute: URIRef
    Alliance: URIRef
    Ranking: URIRef
    Program: URIRef
    Organization: URIRef
    Person: URIRef
    Country: URIRef
    Article: URIRef
    Membership: URIRef
    RankingPlacement: URIRef
    MemberCount: URIRef
    Headship: URIRef
    Assertion: URIRef
    Role: URIRef
    RoleScheme: URIRef
    Dataset: URIRef
    # roles
    FullMemberRole: URIRef
    FoundingMemberRole: URIRef
    AssociateMemberRole: URIRef
    ObserverRole: URIRef
    LeadingRole: URIRef
    FormerMemberRole: URIRef
    # direct facts
    memberOf: URIRef
    founder: URIRef
    foundingDate: URIRef
    partnerOf: URIRef
    participatesIn: URIRef
    rankedIn: URIRef
    country: URIRef
    memberCount: URIRef
    headOf: URIRef
    # qualifiers
    member: URIRef
    organization: URIRef
    role: URIRef
    startDate: URIRef
    endDate: URIRef
    university: URIRef
    ranking: URIRef
    rank: URIRef
    rankBand: URIRef
    edition: URIRef
    count: URIRef
    person: URIRef
    position: URIRef
    evidence: URIRef
    extractor: URIRef
    confidence: URIRef
    # entities and articles
    countryCode: URIRef
    acronym: URIRef
    domain: URIRef
    city: URIRef
    gazetteerSource: URIRef
    mentions: URIRef
    source: URIRef
    title: URIRef
    published: URIRef
    publisher: URIRef
    translator: URIRef
    author: URIRef
    contentHash: URIRef


RES = Namespace("https://w3id.org/unikg/resource/")
GAZETTEER_GRAPH = RES["graph/gazetteer"]
#: one description (type, label, names) of every entity articles mention, shared by all articles
ENTITIES_GRAPH = RES["graph/entities"]

PREFIXES = {
    "unikg": str(KG._NS),
    "res": str(RES),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
#: one prefix per kind of resource, so IRIs read and paste as ``org:idea-league`` (Turtle, CLI, page, queries)
PREFIXES.update({kind: f"{RES}{kind}/" for kind in
                 ("org", "person", "ranking", "program", "country", "article", "fact", "dataset", "graph")})

_KIND_PATH = {
    "University": "org",
    "ResearchInstitute": "org",
    "Alliance": "org",
    "Organization": "org",
    "Program": "program",
    "Ranking": "ranking",
    "Person": "person",
    "Country": "country",
    "Article": "article",
    "Fact": "fact",
    "Dataset": "dataset",
}


# Latin letters that NFKD leaves whole; every other letter without an ASCII form is lost
_TRANSLITERATION = str.maketrans({
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i", "ħ": "h", "Ħ": "H",
})


def slugify(text: str) -> str:
    """Return a lowercase ASCII slug of ``text``, the same in every run and process.

    Accents are dropped (``é`` -> ``e``). When letters or digits with no ASCII form are dropped
    (Cyrillic, Greek, CJK, ...), 12 hex digits of the SHA-256 of the name (case and spacing
    folded) follow the ASCII words, so such names never share a slug by accident.

    >>> slugify("Peter the Great St. Petersburg Polytechnic University")
    'peter-the-great-st-petersburg-polytechnic-university'
    >>> slugify("Université Paris-Saclay")
    'universite-paris-saclay'
    >>> slugify("Мос University")
    'university-e8b9e76e74cd'
    """
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # en and em dashes separate words too
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    ascii_text = decomposed.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not any(not c.isascii() and unicodedata.category(c) != "Lm" and unicodedata.category(c)[0] in "LN"
               for c in decomposed):  # modifier letters (the okina of Hawaiʻi) are marks, like apostrophes
        return slug
    digest = hashlib.sha256(_name_key(text).encode()).hexdigest()[:12]
    return f"{slug}-{digest}" if slug else digest


def _name_key(text: str) -> str:
    """The name with case folded and every run of non-letters (spaces, punctuation) one hyphen."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "-".join("".join(c if unicodedata.category(c)[0] in "LNM" else " " for c in folded).split())


def mint_iri(kind: str, key: str) -> URIRef:
    """Mint the IRI of an entity, article or fact; the only place IRIs are made.

    Organisations share one path so that a University typed Organization elsewhere keeps its IRI.

    >>> mint_iri("University", "Yanshan University")
    rdflib.term.URIRef('https://w3id.org/unikg/resource/org/yanshan-university')
    >>> mint_iri("Country", "cn")
    rdflib.term.URIRef('https://w3id.org/unikg/resource/country/CN')
    """
    path = _KIND_PATH[kind]
    if kind == "Country":
        return RES[f"country/{key.upper()}"]
    if kind in ("Article", "Fact", "Dataset"):
        return RES[f"{path}/{key}"]
    return RES[f"{path}/{slugify(key)}"]


def article_graph(doc_id: str) -> URIRef:
    """Return the named graph IRI of an article (the article's own IRI).

    >>> article_graph("ysu-1")
    rdflib.term.URIRef('https://w3id.org/unikg/resource/article/ysu-1')
    """
    return mint_iri("Article", doc_id)
