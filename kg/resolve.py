"""Stage 3, resolution: mentions -> entities with stable IRIs; relations between IRIs.

Links every mention to one entity: gazetteer entries (by key, name, alias, acronym),
acronyms defined in the article, the publisher ("our university", found from
``--publisher``, the page's web host or the headline), anaphors ("the association" =
the alliance named last), and unknown organisations by normalised name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .extract.lexicon import LEXICON
from .extract.lexicon import places as known_places
from .extract.mentions import HEAD_NOUNS, internal_unit
from .gazetteer import GazEntry, Gazetteer, generic_word, normalize_name, unqualified_name
from .model import Document, Entity, Extraction, Mention, Relation
from .namespaces import mint_iri
from .schema import relation_types

__all__ = ["resolve_document", "find_publisher", "rules_only", "select_relations"]

#: types a gazetteer entry may have when linking a name found with this type by fuzzy matching
_FUZZY_KINDS = {
    "University": ("University", "ResearchInstitute"),
    "ResearchInstitute": ("ResearchInstitute", "University"),
    "Alliance": ("Alliance",),
    "Organization": ("Organization", "Alliance", "University", "ResearchInstitute"),
    "Program": ("Program",),
    "Ranking": ("Ranking",),
}
#: words that refer to an entity but never name it: never a label or alias
PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "this", "that", "these", "those", "which", "who",
                      "whom", "he", "she", "him", "her", "we", "us", "our"})
_ROLE_RANK = {"former": 5, "founding": 4, "observer": 3, "associate": 3, "leading": 2, "member": 1}


@dataclass
class _Draft:
    iri: str
    label: str
    kind: str
    key: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    #: the kind of its full name where short forms of it were typed apart ("Biblical Institute" a research
    #: institute by its head noun, "Pontifical Biblical Institute" a university)
    full_kind: str | None = None


def find_publisher(document: Document, mentions: list[Mention], gazetteer: Gazetteer) -> GazEntry | str | None:
    """The publishing organisation: ``--publisher``, a web host of the page, or the headline's subject.

    Returns a gazetteer entry, a plain name (not in the gazetteer), or None.
    """
    if document.meta.publisher:
        found = [e for e in gazetteer.lookup(document.meta.publisher) if e.kind != "Country"]
        return found[0] if found else document.meta.publisher
    for host in document.meta.domains:
        entry = gazetteer.by_host(host)
        if entry is not None:
            return entry
    if not any(m.label == "PUBLISHER" or m.label == "University" and m.is_anaphor and m.text.split()[-1] == "University"
               for m in mentions):
        return None  # no "our university", no house-style "the University": the text may be about no publisher
    headline = _headline_subject(document, mentions, gazetteer)
    if headline is not None:
        return headline
    counts = Counter((m.key or m.refers_to or m.text) for m in mentions
                     if m.label == "University" and not m.is_anaphor).most_common(2)  # "the University" names none
    if counts and counts[0][1] >= 2 and (len(counts) == 1 or counts[0][1] > counts[1][1]):
        top = counts[0][0]  # the university the article is plainly about; in a list of equals, none
        return gazetteer.get(top) or top
    return None


def _headline_subject(document: Document, mentions: list[Mention], gazetteer: Gazetteer) -> GazEntry | str | None:
    """The organisation the headline is about: its first university, institute or alliance."""
    title_end = len(document.meta.title or "")
    in_title = [m for m in mentions if m.end_char <= title_end and m.label in ("University", "ResearchInstitute", "Alliance")]
    if not in_title:
        return None
    first = in_title[0]
    if first.key:
        return gazetteer.get(first.key)
    return first.refers_to or first.text


def _clean_label(text: str) -> str:
    """A mention's text as an entity's label: no opening "the", no quotes or punctuation around it,
    but the closing quote of a quoted part kept.

    >>> _clean_label('the "Top-100" programme,'), _clean_label('Sofia University "St. Kliment Ohridski"')
    ('Top-100" programme', 'Sofia University "St. Kliment Ohridski"')
    """
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    label = text.strip(" \"'“”‘’,.;:")
    closing = text.rstrip(" ,.;:")[-1:]
    if closing == '"' and label.count('"') % 2 or closing == "”" and label.count("“") > label.count("”"):
        label += closing  # 'University of Shkodra "Luigj Gurakuqi"': the quotes close the name
    return label


#: a quoted name of honour closing a university's name ('Sofia University "St. Kliment Ohridski"')
_EPITHET = re.compile(r'\s+["“„][^"”“]+["”“]$')


def _loose(norm: str) -> str:
    """A normalised name without "of"/"the" inside: "European University Cyprus" and "European
    University of Cyprus" in one article are one organisation (the word order must agree); the
    Romance "Université de X", "Università di X", "Universidade do X" are the "University of X".

    >>> _loose("european university of cyprus") == _loose("european university cyprus")
    True
    >>> _loose("universite de sfax") == _loose("university of sfax"), _loose("universita di bari")
    (True, 'university bari')
    """
    norm = _ROMANCE_UNIVERSITY.sub("university ", norm)
    return re.sub(r"\s+(?:of|the|of the)\s+", " ", norm)


#: "Université de", "Università di", "Universidad de", "Universidade do/da", "Universitat de" (normalised)
_ROMANCE_UNIVERSITY = re.compile(r"^(?:universite|universita|universidad|universidade|universitat)\s+(?:de la|de|di|do|da|del|des|du)\s+")


class _Resolver:
    def __init__(self, document: Document, gazetteer: Gazetteer):
        self.document = document
        self.gazetteer = gazetteer
        self.drafts: dict[str, _Draft] = {}
        self.by_name: dict[str, str] = {}  # normalised name -> iri
        self.iri_of: dict[Mention, str] = {}
        self.countries: set[str] = set()  # the countries the article names (set by resolve_document)

    def entity_for_entry(self, entry: GazEntry) -> _Draft:
        iri = str(mint_iri(entry.kind, entry.country if entry.kind == "Country" else entry.key))
        if iri not in self.drafts:
            self.drafts[iri] = _Draft(iri, entry.name, entry.kind, entry.key)
        return self.drafts[iri]

    def entity_for_name(self, text: str, kind: str) -> _Draft:
        label = _clean_label(text)
        found = [e for e in self.gazetteer.lookup(label) if e.kind == kind or kind == "Organization" or e.kind != "Country"]
        if not found and kind == "Ranking" and re.search(r"\b(?:ranking|rankings)$", label, re.I):
            other = label[:-1] if label.endswith("s") else label + "s"  # "the QS ranking" is the "QS rankings" alias
            found = [e for e in self.gazetteer.lookup(other) if e.kind == "Ranking"]
        found = [e for e in found if not self._elsewhere(e, label)]
        if found and found[0].kind != "Country" or (found and kind == "Country"):
            return self.entity_for_entry(found[0])
        if kind in _FUZZY_KINDS:
            entry = self.gazetteer.fuzzy(label, _FUZZY_KINDS[kind])
            if entry is not None and not self._elsewhere(entry, label) and not _other_place(label, entry.name):
                return self.entity_for_entry(entry)
        norm = _loose(normalize_name(label))
        if norm in self.by_name:
            draft = self.drafts[self.by_name[norm]]
            if draft.key is None and draft.label.isupper() and not label.isupper() and len(label.split()) > 1:
                draft.label = label  # "COUNCIL OF ONTARIO UNIVERSITIES" of a page's header, then written properly
            return draft
        turned = _turned(norm)
        if turned in self.by_name and self.drafts[self.by_name[turned]].kind == kind:
            return self.drafts[self.by_name[turned]]
        placed = self._placed(label)
        if placed in self.by_name and self.drafts[self.by_name[placed]].kind == kind:
            return self.drafts[self.by_name[placed]]
        bare = _loose(normalize_name(_EPITHET.sub("", label)))  # 'University of Shkodra "Luigj Gurakuqi"' and
        if bare != norm:  # "University of Shkodra": one university, named with and without its name of honour
            if bare in self.by_name:
                draft = self.drafts[self.by_name[bare]]
                draft.label = label if draft.key is None else draft.label
                self.by_name[norm] = draft.iri
                return draft
        longer = self._named_in_full(norm, kind) or self._spelt_otherwise(norm, kind)
        if longer is not None:
            return longer
        same = self._named_with_place(norm, kind)
        if same is not None:
            if same.key is None and len(label) > len(same.label):
                same.label = label  # the name in full, the short form named first
                same.full_kind = kind
            elif same.full_kind is None:
                same.full_kind = same.kind
            self.by_name[norm] = same.iri
            return same
        iri = str(mint_iri(kind, label))
        draft = self.drafts.setdefault(iri, _Draft(iri, label, kind))
        self.by_name[norm] = iri
        self.by_name.setdefault(bare, iri)
        if placed is not None:
            self.by_name.setdefault(placed, iri)
        return draft

    def _placed(self, label: str) -> str | None:
        """A name whose last words are a country, keyed with the country's code for them: the
        "Rectors' Conference of Bosnia and Herzegovina" and "of BiH" are one organisation, as are
        the "Ministry of Education of the Republic of Belarus" and "of Belarus"."""
        words = label.split()
        for size in range(min(5, len(words) - 2), 0, -1):
            code = self.gazetteer.country_code(" ".join(words[-size:]))
            if code:
                prefix = words[:-size]
                while prefix and prefix[-1].lower() in ("of", "in", "the"):
                    prefix = prefix[:-1]
                return _loose(normalize_name(" ".join(prefix))) + " @" + code if len(prefix) >= 2 else None
        return None

    def _elsewhere(self, entry: GazEntry, label: str) -> bool:
        """A national programme named alike in an article about other countries only: "Research
        University Programme" where the text names Ethiopia is not Turkey's (its own name still is);
        a public body named without the country its gazetteer name has in brackets, in an article
        that does not name that country ("Ministry of Higher Education" in Benin is not Malaysia's)."""
        bare = unqualified_name(entry.name) if entry.kind == "Organization" and entry.country else None
        if bare:  # "Ministry of Higher Education": Malaysia's where the article names Malaysia
            return normalize_name(label) == normalize_name(bare) and entry.country not in self.countries
        return entry.kind == "Program" and bool(entry.country) and bool(self.countries) \
            and entry.country not in self.countries and normalize_name(label) != normalize_name(entry.name)

    def _named_in_full(self, norm: str, kind: str) -> _Draft | None:
        """"Aurora" after "Aurora Universities Network": the short form of an alliance, programme
        or ranking this article already named in full (the first words of one name only); and a
        name that leaves words out of, or adds words to, one the article named, opening with the
        same word ("Network of Macrouniversities", "Network of Public Macrouniversities of Latin
        America and the Caribbean"): one organisation named fully and briefly. An organisation's name
        that another one named continues with "and" ("Ministry of Education" after "Ministry of
        Education and Science": the portfolios named in part) is that organisation too."""
        if kind == "Organization":
            fuller = {self.by_name[n] for n in self.by_name if n.startswith(norm + " and ")
                      and self.drafts[self.by_name[n]].kind == kind}
            return self.drafts[fuller.pop()] if len(fuller) == 1 else None
        if kind not in ("Alliance", "Program", "Ranking"):
            return None
        fuller = {self.by_name[n] for n in self.by_name if n.startswith(norm + " ") and self.drafts[self.by_name[n]].kind == kind}
        if not fuller and kind == "Ranking":  # "Financial Times European Business School Rankings" after the headline's
            fuller = {self.by_name[n] for n in self.by_name if self.drafts[self.by_name[n]].kind == kind  # "European
                      and len(n.split()) >= 3 and len(norm.split()) >= 3  # Business School Rankings": its publisher's name
                      and (norm.endswith(" " + n) or n.endswith(" " + norm))}  # before it, or not
        if not fuller:
            words = norm.split()
            fuller = {self.by_name[n] for n in self.by_name if self.drafts[self.by_name[n]].kind == kind
                      and _variant_words(words, n.split())}
        return self.drafts[fuller.pop()] if len(fuller) == 1 else None

    def _named_with_place(self, norm: str, kind: str) -> _Draft | None:
        """One university named with and without its seat or a leading word, before or after:
        "Adam Barka University" and "Adam Barka University of Abéché", "Biblical Institute" and
        "Pontifical Biblical Institute" (:func:`_place_added`); the one such name only."""
        if kind not in _INSTITUTIONS:
            return None
        same = {self.by_name[n] for n in self.by_name if self.drafts[self.by_name[n]].kind in _INSTITUTIONS
                and (_place_added(norm, n) or _place_added(n, norm))}
        return self.drafts[same.pop()] if len(same) == 1 else None

    def _spelt_otherwise(self, norm: str, kind: str) -> _Draft | None:
        """"Saule Rakhmetullina" after "Saule Rahmatullina": a person this article already named,
        with the same given name and a surname transliterated differently (rapidfuzz ratio >= 80);
        "Kaunas Universtity of Technology" after "Kaunas University of Technology": an organisation
        it already named, misspelt (:func:`_misspelt`)."""
        words = norm.split()
        from rapidfuzz import fuzz

        if kind != "Person" and len(words) >= 2:
            same = {self.by_name[n] for n in self.by_name if self.drafts[self.by_name[n]].kind == kind
                    and _misspelt(n.split(), words)}
            return self.drafts[same.pop()] if len(same) == 1 else None
        if kind != "Person" or len(words) != 2:
            return None

        same = {self.by_name[n] for n in self.by_name if self.drafts[self.by_name[n]].kind == "Person"
                and len(n.split()) == 2 and n.split()[0] == words[0] and fuzz.ratio(n.split()[1], words[1]) >= 80}
        return self.drafts[same.pop()] if len(same) == 1 else None

    def link(self, mention: Mention) -> _Draft | None:
        if mention.key and self.gazetteer.get(mention.key):
            draft = self.entity_for_entry(self.gazetteer.get(mention.key))
        elif mention.label == "PUBLISHER" or mention.is_anaphor:
            return None
        elif mention.refers_to:  # an acronym, pronoun or surname: the entity of the name it stands for
            draft = self.entity_for_name(mention.refers_to, mention.label)
        else:
            draft = self.entity_for_name(mention.text, mention.label)
        self.attach(draft, mention)
        return draft

    def attach(self, draft: _Draft, mention: Mention) -> None:
        draft.mentions.append(mention)
        if not mention.is_anaphor:
            draft.kinds[mention.label] += 1
        self.iri_of[mention] = draft.iri


_INSTITUTIONS = frozenset({"University", "ResearchInstitute"})
_SUBJECTS = frozenset(w.lower() for w in LEXICON.words["portfolio_words"])
_HEADS = frozenset(w.lower() for w in HEAD_NOUNS)
_MODIFIERS = frozenset(LEXICON.generic_modifiers) | {"free", "catholic", "open", "central", "royal", "imperial",
                                                     "technological", "polytechnic", "pedagogical", "medical",
                                                     "agricultural", "metropolitan", "city", "autonomous"}


def _place_added(short: str, full: str) -> bool:
    """Whether ``full`` (a loose normalised name) is ``short`` with its seat after it ("adam barka
    university abeche", "mohammed v university in rabat") or one word before it ("pontifical
    biblical institute"); not with a subject after it ("tallinn university technology" is another
    university than "tallinn university").

    >>> _place_added("adam barka university", "adam barka university abeche")
    True
    >>> _place_added("biblical institute", "pontifical biblical institute")
    True
    >>> _place_added("tallinn university", "tallinn university technology"), _place_added("university", "university abeche")
    (False, False)
    >>> _place_added("university puerto rico", "university puerto rico at mayaguez")
    False
    >>> _place_added("university sarajevo", "international university sarajevo")
    False
    >>> _place_added("technological university", "technological university dublin")
    False
    """
    words, fuller = short.split(), full.split()
    if len(words) < 2 or len(fuller) <= len(words) or all(w in _MODIFIERS or w in _HEADS for w in words):
        return False  # "Technological University", "Open University": a kind of university, not a name
    if fuller[:len(words)] == words:  # "X University of Y", not "University of X at Y" (a campus of a system)
        tail = fuller[len(words):]
        if tail[0] == "in":
            tail = tail[1:]
        return words[-1] in _HEADS and 1 <= len(tail) <= 2 and not any(w in _SUBJECTS or w in _HEADS or w == "at" for w in tail)
    return len(fuller) == len(words) + 1 and fuller[1:] == words and words[0] not in _HEADS \
        and fuller[0] not in _SUBJECTS and fuller[0] not in _MODIFIERS  # not "International University of Sarajevo"


def _turned(norm: str) -> str | None:
    """The other order of a university named for one place, as :func:`_loose` writes names:
    "tripoli university" for the University of Tripoli ("university tripoli") and back (related-news
    lines write "Tripoli Univ." for the University of Tripoli).

    >>> _turned("tripoli university"), _turned("university tripoli"), _turned("lagos state university")
    ('university tripoli', 'tripoli university', None)
    """
    words = norm.split()
    if len(words) != 2 or "university" not in words or words[0] == words[1]:
        return None
    return " ".join(reversed(words))


def _misspelt(first: list[str], second: list[str]) -> bool:
    """Two names of as many words that differ by a typo or two in one word ("Universtity",
    "Tehnical"), not by another word ("Technical" and "Technological" universities are two), and
    not in a short distinctive word ("Chonnam" and "Chungnam").

    >>> _misspelt("kaunas universtity of technology".split(), "kaunas university of technology".split())
    True
    >>> _misspelt("volga state technical university".split(), "volga state technological university".split())
    False
    >>> _misspelt("chonnam national university".split(), "chungnam national university".split())
    False
    """
    from rapidfuzz.distance import Levenshtein

    if len(first) != len(second):
        return False
    differ = [(a, b) for a, b in zip(first, second) if a != b]
    if len(differ) != 1 or min(map(len, differ[0])) < 7:
        return False
    a, b = differ[0]
    return Levenshtein.distance(a, b) <= (2 if generic_word(a) and generic_word(b) else 1)


def _by_rule(relation: Relation) -> bool:
    return any(f.endswith("|rule") for f in relation.features)


def rules_only(relation: Relation) -> bool:
    """The default relation filter without a learned scorer: facts a hand-written rule found."""
    return not relation.features or any(f.endswith("|rule") for f in relation.features)


def resolve_document(document: Document, mentions: list[Mention], relations: list[Relation],
                     gazetteer: Gazetteer, keep: Callable[[Relation], bool] | None = rules_only) -> Extraction:
    """Link mentions to entities and relations to IRIs; check relation signatures.

    Args:
        document: the article.
        mentions: its mentions, in text order.
        relations: candidate relations between mentions.
        gazetteer: background knowledge.
        keep: which candidate facts to keep (:func:`rules_only`, or a learned
            :class:`~kg.relscore.RelationScorer`); kept facts lose their features. None keeps
            every candidate with its features and derives nothing (for training).
    Returns:
        The article's :class:`~kg.model.Extraction`.
    """
    resolver = _Resolver(document, gazetteer)
    resolver.countries = {gazetteer.get(m.key).country for m in mentions
                          if m.label == "Country" and m.key and gazetteer.get(m.key) is not None} - {None, ""}
    publisher = _publisher_draft(resolver, find_publisher(document, mentions, gazetteer), mentions)
    topic = publisher if publisher is not None and publisher.kind in ("University", "Alliance") else \
        _publisher_draft(resolver, _headline_subject(document, mentions, gazetteer), mentions)
    last: dict[str, _Draft] = {}
    alliances: list[_Draft] = []  # most recent last
    organizations: list[_Draft] = []  # most recent last: what "the Ministry" refers to
    programs: list[_Draft] = []  # most recent last: "the programme" is the last named one, else the last of all
    institutes: list[_Draft] = []  # universities and institutes, most recent last: what "the Institute" is
    waiting: dict[str, list[Mention]] = {}  # "the alliance" before any alliance is named: the next one named
    for mention in mentions:
        draft = resolver.link(mention)
        if draft is None:
            if mention.is_anaphor and mention.label == "Alliance":
                draft = (topic if _generic_alliance(mention) and topic is not None and topic.kind == "Alliance"
                         and topic in alliances else None) \
                    or _alliance_anaphor(mention, alliances) or _reference(mention, publisher, last, topic)
            elif mention.is_anaphor and mention.label == "Organization":
                draft = _organization_anaphor(mention, organizations, publisher)
            elif mention.is_anaphor and mention.label == "Program" and programs:
                draft = _named_with_head(mention, reversed(programs)) or programs[-1]
            elif mention.is_anaphor and mention.label == "University" and mention.text.split()[-1].lower() == "institute" \
                    and (named := _named_with_head(mention, reversed(institutes))):
                draft = named  # "the Institute": the institute named last
            else:
                draft = _reference(mention, publisher, last, topic, _opens_sentence(document.text, mention))
            if draft is not None:
                resolver.attach(draft, mention)
            elif mention.is_anaphor and mention.label in ("Alliance", "Ranking", "Program"):
                waiting.setdefault(mention.label, []).append(mention)
        if draft is not None and not mention.is_anaphor and not _compared(document.text, mention):
            last[draft.kind] = draft
            for early in waiting.pop(draft.kind, []):  # "the founding universities of the Alliance, ..., the 4EU Alliance"
                if _named_with_head(early, [draft]) or "\n" not in document.text[early.end_char:mention.start_char]:
                    resolver.attach(draft, early)  # not "the consortium" of one paragraph for an association named
                    # in a later one
            if draft.kind == "Alliance" or mention.label == "Alliance":  # (a draft a header's capitals began as an
                alliances = [a for a in alliances if a is not draft] + [draft]  # organisation: "COUNCIL OF ONTARIO ...")
            elif draft.kind == "Organization":
                organizations = [o for o in organizations if o is not draft] + [draft]
            elif draft.kind == "Program":
                programs = [p for p in programs if p is not draft] + [draft]
            if draft.kind in ("University", "ResearchInstitute"):
                institutes = [i for i in institutes if i is not draft] + [draft]
            if draft.kind in ("University", "ResearchInstitute", "Alliance"):
                last["Any"] = draft
    for role, name in document.meta.credits:
        if 1 <= len(name.split()) <= 4 and not re.search(r"\d", name):
            kind = "Organization" if role == "source" else "Person"  # "Source: Forbes Mexico" is a publication
            if internal_unit(name.split()) and not gazetteer.lookup(name):
                continue  # "Prepared by: KTU Communication Department", "Contact: Office of Communications": a unit
            draft = resolver.entity_for_name(name, kind)
            resolver.attach(draft, Mention(document.doc_id, -1, -1, name, kind, None, f"credit:{role}"))
    for relation in relations:  # a stated country is an entity of the article, with its name
        if relation.predicate == "country" and gazetteer.get(str(relation.object).lower()):
            entry = gazetteer.get(str(relation.object).lower())
            if not _country_outside_name(relation, entry):
                continue  # "University of Iceland": the name's country is an attribute, not a country the text names
            draft = resolver.entity_for_entry(entry)
            if not draft.mentions:
                resolver.attach(draft, Mention(document.doc_id, -1, -1, entry.name, "Country", entry.key, "implicit"))
    published = (document.meta.published or "")[:4]
    if published:  # "by the year 2029": a founding after the article's own date is none
        relations = [r for r in relations if not (r.predicate == "founded" and str(r.object)[:4] > published)]
    entities = _finish_entities(resolver, relations)
    kinds = {e.iri: e.kind for e in entities}
    candidates = Extraction(document, tuple(entities), tuple(_resolve_relations(resolver, relations, kinds)),
                            publisher.iri if publisher else None)
    return candidates if keep is None else select_relations(candidates, keep)


def select_relations(extraction: Extraction, keep: Callable[[Relation], bool] = rules_only) -> Extraction:
    """Keep the candidate facts ``keep`` accepts (features dropped) and derive what follows from them."""
    kinds = {e.iri: e.kind for e in extraction.entities}
    kept = _derive([replace(r, features=()) for r in extraction.relations if keep(r)], kinds)
    in_facts = {r.subject for r in kept} | {r.object for r in kept}
    entities = tuple(e for e in extraction.entities if e.iri in in_facts or not _ner_guess(e))
    return replace(extraction, entities=entities, relations=tuple(kept))


#: a name only compared with ("the same indicators as the THE World University Rankings", "more than
#: Harvard", "unlike the Excellence Initiative"): not what a later "the ranking" or "the university" means
_COMPARISON = re.compile(r"(?i:\bsame\b[^.;:]{0,80}\bas|\bthan|\bunlike|\bcompared (?:to|with)|\bsimilar to)"
                         r"\s+(?:in\s+|that of\s+)?(?:the\s+)?(?:[A-Z]\S*\s+)?$")


def _compared(text: str, mention: Mention) -> bool:
    return mention.start_char > 0 and _COMPARISON.search(text[max(0, mention.start_char - 120):mention.start_char]) is not None


def _ner_guess(entity: Entity) -> bool:
    """An organisation only the statistical NER proposed, with no head noun, gazetteer entry or
    context cue to type it ("Higher Education", "Think Tank"), perhaps with the acronym the text
    defines for it ("Sustainable Development Goals (SDGs)"): kept only when a fact needs it."""
    return entity.kind == "Organization" and entity.key is None and all(m.source in ("ner", "acronym") for m in entity.mentions)


def _publisher_draft(resolver: _Resolver, publisher: GazEntry | str | None, mentions: list[Mention]) -> _Draft | None:
    if publisher is None:
        return None
    if isinstance(publisher, GazEntry):
        return resolver.entity_for_entry(publisher)
    return resolver.entity_for_name(publisher, _kind_of_name(publisher, mentions))


def _kind_of_name(name: str, mentions: list[Mention]) -> str:
    """The type the text gave a name, else a guess from its words ("... Universities" is a group)."""
    typed = Counter(m.label for m in mentions if not m.is_anaphor and m.label != "PUBLISHER"
                    and name in (m.text, m.refers_to))
    if typed:
        return typed.most_common(1)[0][0]
    if re.search(r"\bUniversities\b", name):
        return "Alliance"
    return "University" if "Universit" in name else "Organization"


def _generic_alliance(mention: Mention) -> bool:
    """"the alliance", "the alliance's": the generic word, which any alliance is, not a head noun
    of some names only ("the league", "the network")."""
    return mention.text.split()[-1].lower().removesuffix("'s").removesuffix("’s") == "alliance"


def _alliance_anaphor(mention: Mention, alliances: list[_Draft]) -> _Draft | None:
    """"the league" is the last alliance whose name has "League" in it, else the last alliance."""
    return _named_with_head(mention, reversed(alliances)) or (alliances[-1] if alliances else None)


def _named_with_head(mention: Mention, drafts: Iterable[_Draft]) -> _Draft | None:
    """The first of ``drafts`` whose name has the anaphor's head noun ("the league", "this ministry";
    "the program" in either spelling: not the "Strategic Plan" named after the programme)."""
    noun = _SPELLINGS.get(mention.text.split()[-1].lower(), mention.text.split()[-1].lower())
    return next((draft for draft in drafts if noun in (_SPELLINGS.get(w, w) for w in draft.label.lower().split())), None)


_SPELLINGS = {"programme": "program", "programmes": "program", "programs": "program", "institut": "institute",
              "instituto": "institute", "istituto": "institute"}


def _reference(mention: Mention, publisher: _Draft | None, last: dict[str, _Draft], topic: _Draft | None,
               opens: bool = False) -> _Draft | None:
    """What "the university", "the alliance" or a bare "it" stands for: the publisher, the
    organisation the article is about, or the one of that kind named last. ``opens``: the mention
    opens its sentence ("The university is also a member of ..."), where a new paragraph's subject
    is the article's topic more often than the last name of the paragraph before."""
    if mention.label == "PUBLISHER":
        return publisher
    kind = mention.label
    if kind == "Any":
        return topic or last.get("Any") or publisher
    if kind == "University" and publisher is not None and publisher.kind == "University":
        return publisher
    if opens and publisher is None and topic is not None and topic.kind == kind == "University":
        return topic
    if kind == "Alliance" and "Alliance" not in last and publisher is not None and publisher.kind == "Alliance":
        return publisher
    return last.get(kind)


def _opens_sentence(text: str, mention: Mention) -> bool:
    """Whether the mention is the first words of its sentence or line."""
    before = text[max(0, mention.start_char - 3):mention.start_char].rstrip(" ")
    return mention.start_char >= 0 and (not before or before[-1] in ".!?\n")


def _organization_anaphor(mention: Mention, organizations: list[_Draft], publisher: _Draft | None) -> _Draft | None:
    """"the Ministry", "this ministry": the organisation named last whose name has that word, else
    the publisher if its name has it; no other organisation (a bank is no ministry)."""
    return _named_with_head(mention, [*reversed(organizations), *([publisher] if publisher is not None else [])])


def _country_outside_name(relation: Relation, country: GazEntry) -> bool:
    """Whether the evidence names the country outside the organisation's name ("Niigata
    University, Japan"), not only inside it ("University of Iceland")."""
    names = [n for n in (country.name, *country.aliases, *country.acronyms, *country.demonyms) if n]  # "(UK)"
    def count(text: str) -> int:
        return sum(len(re.findall(rf"(?<!\w){re.escape(n)}(?!\w)", text)) for n in names)
    return count(relation.evidence) > count(getattr(relation.subject, "text", ""))


#: words that make an institute's name a research body's whatever ranks it ("Institute for Cancer Research")
_RESEARCH_NAME = re.compile(r"\b(?:Research|Laborator\w*|Observator\w*|Scien\w* Park|Academy of Sciences?)\b")


def _finish_entities(resolver: _Resolver, relations: list[Relation]) -> list[Entity]:
    stated = defaultdict(list)
    for relation in relations:
        if relation.predicate == "country" and relation.subject in resolver.iri_of:
            stated[resolver.iri_of[relation.subject]].append(relation.object)
    # an institute a rule places in a ranking is a school the ranking ranks ("INSG is ranked 14th in the ranking
    # of African business schools"), not a research institute: rankings rank teaching institutions
    ranked = {resolver.iri_of[r.subject] for r in relations if r.predicate == "rankedIn" and r.subject in resolver.iri_of
              and _by_rule(r)}
    entities = []
    for draft in resolver.drafts.values():
        if not draft.mentions:
            continue
        kind = draft.kind if draft.key else _majority_kind(draft)
        if kind == "ResearchInstitute" and not draft.key and draft.iri in ranked and not _RESEARCH_NAME.search(draft.label):
            kind = "University"
        surface = [m.text for m in draft.mentions if m.text and (m.source != "reference" or m.label == "PUBLISHER")
                   and m.text.lower() not in PRONOUNS]
        acronyms = tuple(dict.fromkeys(t for t in surface if re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,11}", t)))
        aliases = tuple(dict.fromkeys(_clean_label(t) for t in [*surface, *_seated_names(resolver.document.text, draft)]
                                      if _clean_label(t) != draft.label))
        country = Counter(stated[draft.iri]).most_common(1)[0][0] if stated[draft.iri] else None
        entities.append(Entity(draft.iri, draft.label, kind, tuple(draft.mentions), 1.0, aliases, acronyms, country, draft.key))
    return entities


#: a city right after a university's name: "Adam Mickiewicz University in Poznań"
_SEAT_AFTER = re.compile(r" in ([A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?)")


def _folded(word: str) -> str:
    """A place's name without its accents, as places.toml may write it ("Poznan" for "Poznań")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _seated_names(text: str, draft: _Draft) -> list[str]:
    """The university's name with the city written after it ("Adam Mickiewicz University in Poznań",
    "Mohammed V University in Rabat"): many universities' official names have it, so it is kept as
    another name of the entity (the label stays the name without it)."""
    if draft.kind not in ("University", "ResearchInstitute"):
        return []
    names = []
    for mention in draft.mentions:
        if mention.source in ("reference", "pronoun") or mention.text.split()[-1:] not in (["University"], ["College"], ["Institute"]):
            continue
        seat = _SEAT_AFTER.match(text, mention.end_char)
        if seat is not None and (seat.group(1) in known_places().names or _folded(seat.group(1)) in known_places().names):
            names.append(f"{mention.text} in {seat.group(1)}")
    return names


def _variant_words(first: list[str], second: list[str]) -> bool:
    """Two names (loosely normalised: :func:`_loose`) of which one is the other with words left out,
    both opening with the same word, the shorter one of two words or more ("network macrouniversities")."""
    short, long = sorted((first, second), key=len)
    if len(short) < 2 or len(short) == len(long) or short[0] != long[0]:
        return False
    rest = iter(long)
    return all(word in rest for word in short)  # a subsequence


def _majority_kind(draft: _Draft) -> str:
    if draft.full_kind is not None:
        return draft.full_kind
    kinds = Counter({k: v for k, v in draft.kinds.items() if k != "PUBLISHER"})
    return kinds.most_common(1)[0][0] if kinds else draft.kind


def _resolve_relations(resolver: _Resolver, relations: Iterable[Relation], kinds: dict[str, str]) -> list[Relation]:
    best: dict[tuple, Relation] = {}
    for relation in relations:
        subject = resolver.iri_of.get(relation.subject)
        obj = resolver.iri_of.get(relation.object) if isinstance(relation.object, Mention) else relation.object
        if subject is None or obj is None or subject == obj:
            continue
        if not relation_types()[relation.predicate].accepts(kinds.get(subject), kinds.get(obj)):
            continue
        if relation.qualifier("role") == "minister" and kinds.get(obj) != "Organization":
            continue  # "Minister A said" in a university's news: the minister heads no university
        if relation.predicate == "partnerOf" and obj < subject:
            subject, obj = obj, subject
        resolved = Relation(subject, relation.predicate, obj, relation.evidence, relation.qualifiers, relation.features)
        key = (subject, relation.predicate, obj) + _distinct_by(relation)
        previous = best.get(key)
        if previous is not None and _by_rule(resolved) and not _by_rule(previous):
            previous, resolved = resolved, previous  # a rule's qualifiers (rank, role) beat a candidate's guesses
        kept = _prefer(previous, resolved)
        if previous is not None:  # one fact, seen in several sentences: the scorer sees all its evidence
            kept = replace(kept, features=tuple(sorted(set(previous.features) | set(resolved.features))))
        best[key] = kept
    dated = {(r.subject, r.object) for r in best.values() if r.predicate == "rankedIn" and r.qualifier("year") and _by_rule(r)}
    return [r for r in best.values()  # an undated placement of a pair that has a dated one is that one, unstated
            if not (r.predicate == "rankedIn" and not r.qualifier("year") and (r.subject, r.object) in dated)]


def _distinct_by(relation: Relation) -> tuple:
    """What besides subject and object makes two relations of a type two facts: a member count's
    role; a placement's edition, subject table and category ("380th in 2025, up from 401st in 2024")."""
    if relation.predicate == "memberCount":
        return (relation.qualifier("role"),)
    if relation.predicate == "rankedIn":  # undated: two places are two editions ("rose to 45th from 58th")
        return tuple(relation.qualifier(name) for name in ("year", "subject", "category")) + \
            ((relation.qualifier("rank") or relation.qualifier("band"),) if not relation.qualifier("year") else ())
    return ()




def _prefer(old: Relation | None, new: Relation) -> Relation:
    """Keep one relation per fact: the more specific role, any stated date, body text over headline."""
    if old is None:
        return new
    if old.evidence != new.evidence and len(new.evidence) > len(old.evidence) and not old.evidence.endswith((".", "!", "?")):
        old = Relation(old.subject, old.predicate, old.object, new.evidence, old.qualifiers)  # a headline has no full stop
    if new.predicate != "memberOf":
        return old
    rank_old = _ROLE_RANK.get(old.qualifier("role") or "", 0)
    rank_new = _ROLE_RANK.get(new.qualifier("role") or "", 0)
    keep, other = (new, old) if rank_new > rank_old else (old, new)
    merged = dict(keep.qualifiers)
    for name in ("since", "until"):
        theirs = other.qualifier(name)
        if theirs and (name not in merged or (merged[name][:4] not in keep.evidence and theirs[:4] in other.evidence)):
            merged[name] = theirs  # a date the sentence states beats one taken from the publication date
    return Relation(keep.subject, keep.predicate, keep.object, keep.evidence, tuple(merged.items()))


def _counted_founders(relations: list[Relation]) -> list[Relation]:
    """"Eleven universities founded X" and eleven members of X listed (none of them admitted after
    the founding), or X's founding members listed: those are its founders (the article names no
    other founder)."""
    derived = []
    for count in (r for r in relations if r.predicate == "memberCount" and r.qualifier("role") == "founding"):
        if any(r.predicate == "founder" and r.subject == count.subject for r in relations):
            continue
        current = [r for r in relations if r.predicate == "memberOf" and r.object == count.subject
                   and not r.qualifier("until") and r.qualifier("role") != "former"]
        founded = next((r.object[:4] for r in relations if r.predicate == "founded" and r.subject == count.subject), None)
        if founded and any((r.qualifier("since") or "")[:4] > founded for r in current):
            current = []  # members admitted since the founding: the members listed are not the founding ones
        members = list(dict.fromkeys(r.subject for r in current))
        founding = list(dict.fromkeys(r.subject for r in relations if r.predicate == "memberOf"
                                      and r.object == count.subject and r.qualifier("role") == "founding"))
        if str(len(members)) == count.object:
            derived += [Relation(count.subject, "founder", member, count.evidence) for member in members]
        elif founding and count.object.isdigit() and len(founding) <= int(count.object):
            # "set up by 18 universities; its founding members include A, B and C": some of the 18, named
            derived += [Relation(count.subject, "founder", member, count.evidence) for member in founding]
    return derived


def _derive(relations: list[Relation], kinds: dict[str, str]) -> list[Relation]:
    """A university that founded an alliance is its founding member, since the founding date. (A
    founding member is not by that alone a founder: GOLD_FORMAT.md gives ``founder`` only where the
    text says who founded it, as "the four founding universities, A, B, C and D" does.)"""
    relations = relations + _counted_founders(relations)
    founded = {r.subject: r.object for r in relations if r.predicate == "founded"}
    existing = {(r.subject, r.object): r for r in relations if r.predicate == "memberOf"}
    derived = list(relations)
    for relation in relations:
        if relation.predicate != "founder" or kinds.get(relation.subject) != "Alliance":
            continue
        if kinds.get(relation.object) not in ("University", "ResearchInstitute"):
            continue
        qualifiers = [("role", "founding")]
        if relation.subject in founded:
            qualifiers.append(("since", founded[relation.subject]))
        membership = Relation(relation.object, "memberOf", relation.subject, relation.evidence, tuple(qualifiers))
        key = (relation.object, relation.subject)
        if key in existing:
            derived[derived.index(existing[key])] = _prefer(existing[key], membership)
        else:
            derived.append(membership)
    return derived


def _other_place(label: str, name: str) -> bool:
    """A name that differs from a gazetteer name in a word that is a place of its own, not a
    misspelling: "University of Sousse" (a Tunisian city) is not the University of Sussex.

    >>> _other_place("University of Sousse", "University of Sussex"), _other_place("Tsinghau University", "Tsinghua University")
    (True, False)
    """
    theirs = set(normalize_name(name).split())
    return any(word in known_places().names for word in label.split() if word.lower() not in theirs and word[:1].isupper())
