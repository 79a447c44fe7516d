"""Plain, frozen values passed between pipeline stages.

Nothing here holds a spaCy object, so every value can be pickled, compared and sent
to a worker process.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Meta", "Document", "Mention", "Entity", "Relation", "Extraction"]

#: The entity types of the contract, in the order used for reporting.
ENTITY_TYPES = (
    "University",
    "ResearchInstitute",
    "Alliance",
    "Ranking",
    "Program",
    "Organization",
    "Person",
    "Country",
)
#: Types that are organisations (may have a country, head, partners).
ORG_TYPES = frozenset({"University", "ResearchInstitute", "Alliance", "Organization", "Program"})


@dataclass(frozen=True, slots=True)
class Meta:
    """What is known about an article besides its text."""

    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None
    domains: tuple[str, ...] = ()  # web hosts seen in the page (URL, links, image sources)
    credits: tuple[tuple[str, str], ...] = ()  # (role, person name), e.g. ("translator", "Lv Bo")
    publisher: str | None = None  # a name given by the user (--publisher)
    media_type: str = "text/plain"


@dataclass(frozen=True, slots=True)
class Document:
    """One cleaned article.

    >>> Document("a1", "YSU joins ASRTU.", "a1.txt", Meta(), "0" * 64).doc_id
    'a1'
    """

    doc_id: str
    text: str
    source: str
    meta: Meta
    content_hash: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document's text that names (or refers to) an entity.

    ``label`` is a contract type (``University`` ...), ``PUBLISHER`` ("our university") or, for
    a pronoun whose antecedent extraction could not tell, ``Any``. An anaphor ("the
    association") has its type as label and ``source == "reference"`` (see :attr:`is_anaphor`).
    ``key`` is the gazetteer key when the span matched the gazetteer.
    """

    doc_id: str
    start_char: int
    end_char: int
    text: str
    label: str
    key: str | None = None
    source: str = "gazetteer"  # gazetteer | pattern | ner | acronym | pronoun | name-part | credit | reference | implicit
    #: the name the span stands for when it is not itself the name: an acronym's full name, a
    #: pronoun's antecedent, a surname's person
    refers_to: str | None = None

    @property
    def is_anaphor(self) -> bool:
        """A definite description or pronoun that names nothing itself ("the alliance", "it")."""
        return self.source == "reference" and self.label != "PUBLISHER"


@dataclass(frozen=True, slots=True)
class Relation:
    """A fact: ``subject predicate object`` plus qualifiers and the sentence it came from.

    Before resolution ``subject`` and ``object`` are :class:`Mention`; after it they are
    entity IRIs (``str``). Literal objects (years, counts, country codes) are ``str``.
    """

    subject: object
    predicate: str
    object: object
    evidence: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    #: what the learned scorer weighs (``"memberOf|rule"``, ``"rankedIn|btw=ranked"``, ...); empty once scored
    features: tuple[str, ...] = ()

    def qualifier(self, name: str) -> str | None:
        """Return the qualifier ``name`` or None.

        >>> Relation("a", "memberOf", "b", "...", (("role", "observer"),)).qualifier("role")
        'observer'
        """
        return dict(self.qualifiers).get(name)


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved real-world entity as seen in one article."""

    iri: str
    label: str
    kind: str
    mentions: tuple[Mention, ...] = ()
    score: float = 1.0
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    country: str | None = None  # country stated in the text (ISO alpha-2)
    key: str | None = None  # gazetteer key when linked


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one document: its entities and facts."""

    document: Document
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    publisher: str | None = None  # IRI
    warnings: tuple[str, ...] = field(default=())
