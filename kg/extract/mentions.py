"""Finding entity mentions in a parsed spaCy ``Doc``.

Four sources, in order of trust; a later one never overlaps an earlier one:

1. the gazetteer (phrase matching on names and aliases, exact matching on acronyms,
   country names and demonyms);
2. capitalised names headed by an organisation noun ("... University", "Association of ...",
   "... Committee"), typed by that head noun: this finds organisations the gazetteer lacks;
3. acronyms defined in the text ("... Universities (ASRTU)") and their later uses;
4. the statistical NER for people and for other organisations.

References ("our university", "the association") are found too; :mod:`kg.resolve` links them.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
import hashlib
import json
import itertools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..gazetteer import Gazetteer, normalize_name, same_distinctive_words
from .lexicon import LEXICON, places as known_places

__all__ = ["Found", "MINISTRY_PREFIXES", "MentionFinder", "head_type", "name_after_fronted_clause"]

#: capitalised head nouns and the type of the organisation they head
HEAD_NOUNS = {
    "University": "University", "Univ.": "University", "College": "University", "Polytechnic": "University",
    "Conservatory": "University", "Conservatoire": "University", "School": "University",
    "Universidad": "University", "Université": "University", "Universität": "University",
    "Universiteit": "University", "Università": "University", "Hochschule": "University",
    "Universitat": "University", "Universitas": "University", "Universidade": "University",
    "Uniwersytet": "University", "Universiti": "University", "Univerzita": "University",
    "École": "University", "Ecole": "University", "Escuela": "University", "Politecnico": "University",
    "Instituto": "ResearchInstitute", "Institut": "ResearchInstitute", "Istituto": "ResearchInstitute",
    "Institute": "ResearchInstitute", "Inst.": "ResearchInstitute", "Academy": "ResearchInstitute", "Laboratory": "ResearchInstitute",
    "Laboratories": "ResearchInstitute", "Observatory": "ResearchInstitute",
    "Association": "Alliance", "Alliance": "Alliance", "League": "Alliance", "Network": "Alliance",
    "Consortium": "Alliance", "Federation": "Alliance", "Coalition": "Alliance",
    "Ministry": "Organization", "Committee": "Organization", "Commission": "Organization",
    "Council": "Organization", "Foundation": "Organization", "Agency": "Organization",
    "Department": "Organization", "Government": "Organization", "Bureau": "Organization",
    "Corporation": "Organization", "Company": "Organization", "Bank": "Organization",
    "Society": "Organization", "Fund": "Program", "Authority": "Organization",
    "Office": "Organization", "Union": "Organization", "Group": "Organization",
    "Secretariat": "Organization", "Organization": "Organization", "Organisation": "Organization",
    # a company's legal form: "Tata Consultancy Services Ltd", "Infineon Technologies AG"
    "Inc": "Organization", "Inc.": "Organization", "Ltd": "Organization", "Ltd.": "Organization",
    "Limited": "Organization", "GmbH": "Organization", "LLC": "Organization", "plc": "Organization",
    "PLC": "Organization", "Corp.": "Organization",
    "Centre": "ResearchInstitute", "Center": "ResearchInstitute",
    "Ranking": "Ranking", "Rankings": "Ranking", "Guide": "Ranking",
    "Index": "Ranking",  # "Entrepreneurial and Innovative University Index", "Nature Index"
    "Program": "Program", "Programme": "Program", "Project": "Program", "Initiative": "Program", "Initiatives": "Program",
    "Plan": "Program", "Strategy": "Program", "Scheme": "Program",
    # programmes named for what they fund, in the plural: "ERA Chairs", "Canada Research Chairs", "Chevening Scholarships"
    "Chairs": "Program", "Fellowships": "Program", "Scholarships": "Program", "Professorships": "Program",
    # the same heads in the names of Spanish, Portuguese, French, Italian and German organisations
    "Consorcio": "Alliance", "Consórcio": "Alliance", "Asociación": "Alliance", "Associação": "Alliance",
    "Associazione": "Alliance", "Alianza": "Alliance", "Aliança": "Alliance", "Federación": "Alliance",
    "Federação": "Alliance", "Réseau": "Alliance", "Verbund": "Alliance",
    "Ministerio": "Organization", "Ministério": "Organization", "Ministère": "Organization",
    "Fundación": "Organization", "Fundação": "Organization", "Fondation": "Organization", "Stiftung": "Organization",
    "Consejo": "Organization", "Conselho": "Organization", "Conseil": "Organization", "Agencia": "Organization",
    "Agência": "Organization", "Agence": "Organization", "Comisión": "Organization", "Comissão": "Organization",
    "Unión": "Organization", "União": "Organization",
}
#: head nouns that open a name in their language, the rest following them ("Universidade Eduardo Mondlane",
#: "Pontificia Universidad Católica del Ecuador", "Universitas Indonesia", "Université Félix Houphouët-Boigny")
_HEAD_FIRST = frozenset({"Universidad", "Universidade", "Université", "Università", "Universitat", "Universitas",
                         "Universiti", "Univerzita", "Uniwersytet", "Instituto", "Istituto", "École", "Ecole", "Escuela",
                         "Politecnico"})
#: organisation head nouns that, "of ... Universities", name an association of universities
_COLLECTIVE_HEADS = frozenset({"Union", "Council", "Group", "Society", "Organization", "Organisation",
                               "Consejo", "Conselho", "Conseil", "Unión", "União"})
#: nouns that, after "Universities", name an association of them ("Regional Universities Forum")
_ASSOCIATION_HEADS = frozenset({"Forum", "Council", "Union"})
#: the plural "universities" in the names _COLLECTIVE_HEADS make associations of
_UNIVERSITIES_WORDS = frozenset({"Universities", "Colleges", "Universidades", "Universités", "Università", "Universitäten"})
_PLURAL_HEADS = frozenset({"Universities", "Colleges", "Institutes", "Academies", "Schools"})
_CONNECTORS = frozenset({"of", "and", "the", "for", "de", "des", "du", "del", "di", "da", "la", "le", "&", "-", "für", "y",
                         "i",  # "Universitat Rovira i Virgili" (Catalan "and")
                         "van", "voor", "der", "do", "dos", "das", "della", "degli", "delle", "dei", "dello", "el", "al"})
# ("Anton de Kom Universiteit van Suriname", "Universidade do Porto", "Università degli Studi di Milano", "University
# of Bahr el Ghazal")
TITLE_WORDS = frozenset({
    "President", "Vice", "Rector", "Chancellor", "Professor", "Prof", "Prof.", "Dr", "Dr.", "Mr", "Mr.",
    "Mrs", "Ms", "Ms.", "Secretary", "Director", "Chair", "Chairman", "Chairwoman", "Chairperson",
    "Dean", "Minister", "Provost", "Principal", "Head", "CEO", "Academician", "Party",
})
_MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_PUBLISHER_REF = re.compile(r"\b(?:our|this) (?:university|institute|college|school|alliance|association|league|network)\b", re.I)
_ANAPHORS = {
    "association": "Alliance", "alliance": "Alliance", "league": "Alliance", "network": "Alliance",
    "consortium": "Alliance", "university": "University", "institution": "University", "Group": "Alliance", "Guild": "Alliance",
    "Federation": "Alliance", "Institute": "University", "institute": "University",  # "The Institute" of an
    # institute of technology's news, or the institute named last (resolve.py)
    "College": "University",  # where the text names a college (_reference_spans)
    "program": "Program", "programme": "Program", "project": "Program", "initiative": "Program",
    "ranking": "Ranking", "rankings": "Ranking",
    "ministry": "Organization",  # "launched by the Ministry in 2019": the ministry named before, or the publisher
    "Foundation": "Organization", "Agency": "Organization",  # "the Director General of the Foundation": capitalised only
}
#: capital letters beyond ASCII that acronyms are written with ("İTÜ", "ŁUT", "ČVUT")
_EXTENDED_CAPITALS = "À-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_ACRONYM = re.compile(rf"[A-Z{_EXTENDED_CAPITALS}][A-Za-z{_EXTENDED_CAPITALS}à-öø-ÿ\u0100-\u017F0-9&\-]{{1,11}}")
#: an acronym-like word that could name an organisation on its own: "NORDTEK", "CESAER"
_BARE_ACRONYM = re.compile(r"[A-Z][A-Z&\-]{2,11}")
_NER_STOP = frozenset({"News", "News Center", "News Centre", "Class A", "Class B", "Home", "Content"})
_INTERNAL_UNITS = LEXICON.words["internal_units"]
_PUBLIC_BODIES = LEXICON.words["public_bodies"]
_ADDRESS_WORDS = LEXICON.words["address_words"]
#: address words that open a street's name ("Avenida da Universidade", "Rua da Universidade")
_STREETS = _ADDRESS_WORDS - {"box", "campus", "square", "district", "po", "gpo", "st", "drive"}


def internal_unit(words: list[str]) -> bool:
    """"Public Relations Office", "Office of Global Engagement", "KTU Communication Department":
    a unit of an organisation (lexicon internal_units), not one itself; "National Research,
    Development and Innovation Office" is a state body (lexicon public_bodies).

    A body named only by what it is ("Steering Committee", "Rectors' Council", "Council of
    Rectors", "Council Session": lexicon bodies, body_modifiers, office titles) is the body of an
    organisation the text names elsewhere, not a name either.

    >>> internal_unit("Office of Public Affairs".split()), internal_unit("U.S. Department of Education".split())
    (True, False)
    >>> internal_unit("Rectors' Council".split()), internal_unit("Federal Council".split())
    (True, False)
    >>> internal_unit("Faculty of Medical Sciences".split())  # a university's faculty
    True
    """
    lowered = [w.lower() for w in words]
    unit = lowered[-1] in _INTERNAL_UNITS or len(lowered) > 2 and lowered[0] in ("office", "faculty") and lowered[1] in ("of", "for")
    return (unit or _unnamed_body(lowered)) and not any(w in _PUBLIC_BODIES for w in lowered)


_BODY_WORDS = LEXICON.words["bodies"] | LEXICON.words["body_modifiers"] | {"session", "meeting", "of", "the"}


def _unnamed_body(lowered: list[str]) -> bool:
    """Whether every word is a body's, a modifier's or an office holder's ("rectors'"), one a body's."""
    words = [w.rstrip("'’").removesuffix("'s").removesuffix("’s") for w in lowered]
    return any(w in _BODIES for w in words) and all(w in _BODY_WORDS or w.removesuffix("s") in _HEAD_TITLE_WORDS for w in words)


def _address(span: Span) -> bool:
    """"Zhongda Rd", "P. O. Box LG", "Meiring Naudé Road": a street or box of an address (lexicon
    address_words), in the span or right after it."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return any(t.lower_.strip(".") in _ADDRESS_WORDS for t in span) or \
        (after is not None and after.lower_.strip(".") in _ADDRESS_WORDS and after.text[:1].isupper())


@dataclass(frozen=True, slots=True)
class Found:
    """A mention while still inside extraction: a token span plus what it names."""

    start: int  # token index
    end: int
    #: contract type; "PUBLISHER" for "our university"; "Any" for a pronoun no antecedent was found for
    label: str
    key: str | None
    source: str  # how it was found: gazetteer | pattern | ner | acronym | pronoun | name-part | reference | implicit
    text: str
    #: the name this span stands for when it is not itself the name: an acronym's or short
    #: form's full name, a pronoun's antecedent, a surname's person ("Wang" -> "Wang Yajie")
    refers_to: str | None = None

    @property
    def is_anaphor(self) -> bool:
        """A definite description or pronoun that names nothing itself ("the alliance", "it");
        resolution finds what it stands for (see :func:`kg.resolve.resolve_document`)."""
        return self.source == "reference" and self.label != "PUBLISHER"


def head_type(words: list[str]) -> str | None:
    """Type of a capitalised name from its head noun; None if no head noun.

    The head is the last head noun before the first "of"/"for", else the last one.

    >>> head_type("Association of Sino-Russian Technical Universities".split())
    'Alliance'
    >>> head_type("Harbin Institute of Technology".split())
    'University'
    >>> head_type("Max Planck Institute for Chemistry".split()), head_type("Institute of Chemical Technology".split())
    ('ResearchInstitute', 'University')
    >>> head_type("Glion Institute of Higher Education".split()), head_type("Northern Marianas Technical Institute".split())
    ('University', 'University')
    >>> head_type("Pontifical Biblical Institute".split()), head_type("Institute of Tropical Medicine Antwerp".split())
    ('University', 'ResearchInstitute')
    >>> head_type("International Institute for Water and Environmental Engineering".split())  # 2iE teaches
    'University'
    >>> head_type("QS World University Rankings".split())
    'Ranking'
    >>> head_type("Union of Latin American Universities".split()), head_type("Ministry of Universities".split())
    ('Alliance', 'Organization')
    >>> head_type("Consorcio de Universidades".split()), head_type("Ministerio de Educación".split())
    ('Alliance', 'Organization')
    >>> head_type("Association of Southeast Asian Nations".split()), head_type("Association of Arab Universities".split())
    ('Organization', 'Alliance')
    >>> head_type("Czech Rectors' Conference".split()), head_type("Joint Science Conference".split())
    ('Alliance', None)
    >>> head_type("Rectors' Conference of Bosnia and Herzegovina".split())
    'Alliance'
    >>> head_type("Regional Universities Forum for Capacity Building in Agriculture".split())
    'Alliance'
    >>> head_type("Presidents' Forum".split()) is None
    True
    >>> head_type("Network of Macrouniversities".split()), head_type("Golden League".split())
    ('Alliance', None)
    >>> head_type("Annual Network Meeting".split()), head_type("University Alliance Summit of Rectors".split())
    (None, None)
    >>> head_type("National Fund for Innovation and Development".split())  # a funding programme (GOLD_FORMAT)
    'Program'
    >>> head_type("Ibero-American University Association for Postgraduate Studies".split())  # "for": its purpose
    'Alliance'
    """
    if "Conference" in words and any(w.startswith("Rector") for w in (words if "of" in words else words[1:])):
        return "Alliance"  # "Czech Rectors' Conference", "Conference of Italian University Rectors"
    if len(words) >= 2 and words[0] in _TIER_WORDS and words[1] == "League":
        return None  # "the Golden League of the Round University Ranking": a ranking's tier, no alliance
    cut = next((i for i, w in enumerate(words) if w in ("of", "for", "für", "de")), len(words))
    if cut and words[cut - 1] in _EVENT_NOUNS:
        return None  # "Annual Network Meeting", "Alliance Summit": an event, whatever organisation names it
    if len(words) >= 2 and words[-1] in _COMPANY_HEADS and not any(w in HEAD_NOUNS for w in words):
        return "Organization"  # "Lao Telecom", "Varichem Pharmaceuticals": a company
    heads = [w for w in words[:cut] if w in HEAD_NOUNS or _misspelt_university(w)] or \
        [w for w in words if w in HEAD_NOUNS or _misspelt_university(w)]
    if any(w in _UNIVERSITIES_WORDS and v in _ASSOCIATION_HEADS for w, v in zip(words[:cut], words[1:cut])):
        return "Alliance"  # "Regional Universities Forum for Capacity Building in Agriculture"
    if not heads:
        return "Alliance" if any(w == "Associated" and v in _UNIVERSITIES_WORDS for w, v in zip(words, words[1:])) else None  # "Oak Ridge
        # Associated Universities", "Associated Colleges of the Midwest": a consortium
    kind = HEAD_NOUNS.get(heads[-1], "University")
    if heads[-1] in _COLLECTIVE_HEADS and any(w in _UNIVERSITIES_WORDS for w in words[cut:]):
        return "Alliance"  # "Union of Latin American Universities", "Council of Ontario Universities"
    if kind == "Alliance" and cut < len(words) and words[cut] in ("of", "de") and _members_named_not_institutions(words[cut:]):
        return "Organization"  # "Association of Southeast Asian Nations", "Russian Association of Rating Makers"
    joined = " ".join(words)
    if kind == "ResearchInstitute" and re.search(r"Institute of [\w ]*(?:Technology|Management|Social Sciences)\b|"
                                                 r"Institute of Science$|Technological Institute|Polytechnic Institute|Instituto Tecnol|Instituto Polit|"
                                                 r"Institut Polytechnique|Institut National Polytechnique|Institut (?:für )?Technolog|"
                                                 r"Academy of (Fine )?Arts|Academy of Music|(?:Academy|Institute) of Higher Education|"
                                                 r"Technical Institute|Institute of Sciences and Techniques|Higher (?:National )?Institute|"
                                                 r"Institute of (?:Teacher )?Education\b|Institute (?:of|for) [\w ]*Engineer(?:ing|s)\b|"
                                                 r"Medical Education|National Institute of Agriculture|Instituto Superior|"
                                                 r"Institut Supérieur|^Pontifical (?:\w+ )?Institute",
                                                 joined):
        return "University"  # degree-granting: institutes of technology and management (IIT, MIT, ICT, IIM), of higher
        # education, teacher education and engineering, higher (national) institutes, pontifical institutes
    return kind


#: plural nouns for the members of an association of universities or institutes
_INSTITUTION_PLURALS = _UNIVERSITIES_WORDS | _PLURAL_HEADS | frozenset({
    "Institutions", "Centres", "Centers", "Faculties", "Polytechnics", "Laboratories", "Universidades", "Universidad",
    # their heads, who stand for them: "Associação Brasileira de Reitores", "Conference of Rectors"
    "Rectors", "Reitores", "Rectores", "Recteurs", "Rektoren", "Presidents", "Chancellors", "Vice-Chancellors"})


_EVENT_NOUNS = LEXICON.words["event_nouns"]
_COMPANY_HEADS = LEXICON.words["company_heads"]
_TIER_WORDS = LEXICON.words["ranking_tiers"]  # "Diamond League", "Golden League": a ranking's tiers


def _members_named_not_institutions(tail: list[str]) -> bool:
    """"... of Rating Makers", "... of Southeast Asian Nations": after its "of", an association's name
    calls its members by a plural noun that is no institution's."""
    plurals = [w for w in tail if len(w) > 3 and w[:1].isupper() and w.endswith("s") and not w.endswith("ss")]
    return bool(plurals) and not any(w in _INSTITUTION_PLURALS or w in HEAD_NOUNS or w.lower().endswith("universities")
                                     for w in tail)  # "Network of Macrouniversities"


@functools.lru_cache(maxsize=4096)
def _misspelt_university(word: str) -> bool:
    """"Univeristy", "Unversity": the head noun misspelt (one or two letters off), which
    resolution then links to the gazetteer's spelling by fuzzy matching.

    >>> _misspelt_university("Univeristy"), _misspelt_university("Universal"), _misspelt_university("Diversity")
    (True, False, False)
    """
    from rapidfuzz import fuzz

    return word[:1] == "U" and 8 <= len(word) <= 12 and word not in HEAD_NOUNS and fuzz.ratio(word, "University") >= 88


def is_curated(entry) -> bool:
    """Entries we curated (built-in TOML) or the KB learned; imported ones (ROR, Hipo, CSV) are not."""
    return any(source.endswith(".toml") or source == "kb" for source in entry.sources)


class _TokenCache:
    """Tokenised pattern texts, kept in the KB folder so a large gazetteer is tokenised once."""

    def __init__(self, nlp: Language, folder: Path | None):
        self.nlp = nlp
        # the tokenizer's special cases are in the name: tokens cached before one was added are not reused
        rules = hashlib.sha1("\n".join(sorted(nlp.tokenizer.rules or {})).encode()).hexdigest()[:10]
        self.path = folder / f"patterns-{nlp.meta.get('name', 'x')}-{nlp.meta.get('version', '0')}-{rules}.json" \
            if folder else None
        self.known: dict[str, list] = {}
        if self.path is not None and self.path.exists():
            try:
                self.known = json.loads(self.path.read_text(encoding="utf-8"))
            except ValueError:
                self.known = {}  # a damaged cache is rebuilt
        self.added = False

    def docs(self, texts: Iterable[str]) -> list[Doc]:
        texts = list(texts)
        missing = [t for t in texts if t not in self.known]
        for text, doc in zip(missing, self.nlp.tokenizer.pipe(missing)):
            self.known[text] = [[t.text for t in doc], [bool(t.whitespace_) for t in doc]]
            self.added = True
        return [Doc(self.nlp.vocab, words=self.known[t][0], spaces=self.known[t][1]) for t in texts]

    def save(self) -> None:
        if self.path is None or not self.added:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.known, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)


class MentionFinder:
    """Finds :class:`Found` mentions in docs; built once per (pipeline, gazetteer).

    Curated names match case-insensitively; imported names (thousands of ROR and Hipo
    records), acronyms, country names and demonyms match exactly, so that a generic imported
    name never fires on ordinary lower-case words.
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer, cache_dir: Path | None = None):
        self.gazetteer = gazetteer
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._keys: dict[int, str] = {}
        names: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        for entry in gazetteer.entries.values():
            if not entry.active or (entry.kind == "Country" and entry.country in ("HK", "MO")):
                continue  # inactive records; regions reported as China, whose names are not country mentions
            target = names if is_curated(entry) and entry.kind != "Country" else exact
            target.setdefault(entry.key, []).extend((entry.name, *entry.aliases))
            exact.setdefault(entry.key, []).extend((*entry.acronyms, *entry.demonyms))
        self.dictionary = _dictionary(nlp)
        _add_case_variants(gazetteer, exact, self.dictionary)
        self.short_names = _short_name_index(gazetteer)
        self.campus_prefixes = _campus_prefixes(gazetteer)
        tokens = _TokenCache(nlp, cache_dir)
        self._add(nlp, self.names, names, tokens)
        self._add(nlp, self.exact, exact, tokens)
        tokens.save()

    def _add(self, nlp: Language, matcher: PhraseMatcher, patterns: dict[str, list[str]], tokens: _TokenCache) -> None:
        for key, texts in patterns.items():
            matcher.add(key, tokens.docs(dict.fromkeys(_variants(texts))))
            self._keys[nlp.vocab.strings[key]] = key

    def find(self, doc: Doc, extra_names: Iterable[str] = ()) -> list[Found]:
        """All mentions of ``doc``, non-overlapping, in text order."""
        words = [t.text for t in doc]  # once: the rules below look tokens up by text, not by Token
        lowers = [w.lower() for w in words]
        names = _name_spans(doc, words, self.gazetteer.country_code)
        gazetteer = self._gazetteer_spans(doc, names)
        names = _cut_titles(doc, names, gazetteer)
        titles = _titles_by_token(names)
        chosen = _cued_rankings(doc, [f for f in gazetteer if f.label != "Country" and not _inside_title(f, titles)], self.gazetteer)
        chosen = _full_names(doc, _merge(chosen, names))
        chosen = _merge(chosen, _described_organisations(doc, chosen, words, self.gazetteer.country_code))
        chosen = _merge(chosen, _described_alliances(doc, chosen, words, self.gazetteer.country_code))
        chosen = _merge(chosen, _national_associations(doc, chosen, words, self.gazetteer.country_code))
        chosen = _merge(chosen, (f for f in gazetteer if f.label == "Country" and not _inside_place_name(doc, f)))
        chosen = _merge(chosen, _reference_spans(doc, words, lowers, chosen))
        chosen = _spelt_across_commas(doc, chosen, words)
        chosen = _split_at_acronym(chosen, words)
        chosen = self._with_defined_acronyms(chosen, _acronym_spans(doc, chosen, words))
        chosen = self._named_by_known_acronym(chosen, words)
        chosen = _merge(chosen, _short_forms(doc, chosen, self.gazetteer, words))
        chosen = _merge(chosen, _shared_head_names(doc, chosen, self.gazetteer, lowers))
        chosen = _merge(chosen, _titled_persons(doc, words))
        chosen = _merge(chosen, _appositive_persons(doc))
        chosen = _merge(chosen, _predecessor_persons(doc))
        chosen = _merge(chosen, _persons_after_titled_org(doc, chosen))
        chosen = _merge(chosen, _persons_after_plural_title(doc, chosen))
        chosen = _merge(chosen, _persons_after_portfolio(doc, chosen))
        ner = _ner_spans(doc, self.gazetteer.country_code, self._known)
        chosen = _cued_rankings(doc, _merge(_country_opening_names(chosen, ner), ner), self.gazetteer)
        chosen = _compound_rankings(doc, _listed_best(doc, chosen))
        chosen = _names_before_acronyms(doc, chosen, words)
        chosen = _full_names(doc, chosen)
        ner_names = [f for f in chosen if f.source == "ner"]
        chosen = _merge(chosen, _short_forms(doc, ner_names, self.gazetteer, words))  # of names only the NER found
        chosen = _merge(chosen, _name_parts(doc, chosen, words))
        chosen = _merge(chosen, _campus_names(doc, chosen, self.campus_prefixes, words))
        chosen = _merge(chosen, _gazetteer_short_names(doc, chosen, self.short_names, words, self.gazetteer))
        chosen = _merge(chosen, _clipped_names(chosen, words, self._known))
        chosen = _merge(chosen, _brand_words(chosen, words, self.gazetteer))
        chosen = _merge(chosen, _initialisms(chosen, words, self._known))
        chosen = _apposed_names(doc, chosen, words)
        quoted = _quoted_programmes(doc, lowers)  # 'the programme "University Top-1000"': a programme, not a university
        chosen = [f for f in chosen if f.key is not None or not any(q.start <= f.start and f.end <= q.end for q in quoted)]
        chosen = _merge(_hyphenated_cued_names(doc, chosen, lowers), _cued_names(doc, chosen, lowers))
        chosen = _country_led_programmes(doc, chosen)
        chosen = _described_brands(doc, chosen)
        chosen = _merge(chosen, _named_after_description(doc, chosen, lowers))
        chosen = _merge(chosen, _state_programmes(doc, chosen, words, lowers))
        chosen = _extended_by_acronym(doc, chosen, self.gazetteer.country_code)
        chosen = _merge(chosen, _acronym_spans(doc, [f for f in chosen if f.source == "pattern"], words))  # of cued names
        chosen = _acronym_and_cue(_merge(chosen, _spelt_acronyms(doc, chosen, words)))  # of names only the model found
        chosen = self._with_defined_acronyms(chosen, _acronyms_over_gazetteer(doc, chosen, words))
        chosen = _bracketed_other_names(chosen, words)
        chosen = _bodies_of_named(chosen, words)
        openings = _name_openings(doc, chosen, words)
        spans = {(f.start, f.end) for f in openings}
        chosen = _merge([f for f in chosen if (f.start, f.end) not in spans], openings)
        chosen = _merge(chosen, self._bare_acronyms(doc, chosen, words))
        chosen = _governing_bodies(chosen, words)
        chosen = _cut_at_headline_verb(doc, chosen)
        chosen = _retype_by_context(doc, chosen)
        chosen = _one_type_per_name(chosen, words)
        chosen = _former_names(doc, chosen)
        chosen = _ranking_subtitles(doc, chosen, self.gazetteer.country_code)
        chosen = _owned_programme_tails(chosen)
        chosen = [f for f in chosen if f.key is not None or f.label in ("Person", "Country", "PUBLISHER")
                  or f.source == "reference" or not internal_unit(f.text.split())]  # "KTU Communication Department"
        chosen = [f for f in chosen if not self._common_words_centre(f)]
        units = {f.text for f in chosen if _hosted_centre(doc, f, chosen)}  # and their acronyms
        chosen = [f for f in chosen if f.text not in units and not (f.source == "acronym" and f.refers_to in units)]
        chosen = _country_tails(doc, chosen, self.gazetteer)
        chosen = [f for f in chosen if not self._demonym_of_no_organisation(doc, f, chosen)]
        chosen = _joined_persons(doc, _hyphenated_given_names(doc, chosen))
        chosen = [f for f in chosen if not _headline_only_person(doc, f)]
        chosen = [replace(f, label="University") if _university_short_form(doc, f) else f for f in chosen]
        chosen = _names_through_bracketed_city(doc, chosen)
        chosen = [f for f in chosen if f.label != "Person" or not _office_or_address(doc[f.start:f.end])]
        chosen = _surnames_of_persons([_without_degree_letter(doc, f) for f in chosen])
        chosen = _merge(chosen, self._status_mentions(doc, chosen, lowers))
        chosen = _merge(chosen, self._lowercase_acronyms(chosen, words))
        chosen = _merge(chosen, _lowercase_repeats(doc, chosen, lowers))
        chosen = _merge(chosen, _head_references(doc, chosen, lowers))
        chosen = sorted(_merge(chosen, _pronoun_spans(doc, lowers)), key=lambda f: f.start)
        return _link_pronouns(doc, chosen)

    def _lowercase_acronyms(self, chosen: list[Found], words: list[str]) -> list[Found]:
        """An organisation's acronym of three letters or more written in lower case, as tags and
        related-news lines do ("umsa in the QS ranking", "squ and gutech sign agreement"), where the
        text names the organisation by that acronym and the lower-case form is no English word."""
        acronyms: dict[str, Found] = {}
        for found in chosen:
            if found.label in _ORGANISATIONS and found.end - found.start == 1 and len(found.text) >= 3 \
                    and found.text.isupper() and found.text.isalpha() and (found.key or found.refers_to):
                acronyms.setdefault(found.text.lower(), found)
        if not acronyms:
            return []
        return [Found(i, i + 1, full.label, full.key, full.source, word, full.refers_to)
                for i, word in enumerate(words) if word in acronyms and not _in_dictionary(word, self.dictionary)
                for full in (acronyms[word],)]

    def _bare_acronyms(self, doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
        """An organisation that the text names only by an acronym it never spells out, where the
        words around one of its uses say what it is: "it will leave NORDTEK", "NORDTEK members". The
        word is in capitals, three letters or more, used twice or more outside other names ("the
        NORDTEK Annual Meeting" aside), never after a name in brackets (there it is the acronym of
        that name: "(Junta de Dirección Universitaria, JDU)"), and no English word ("ABOUT"), place
        or name the gazetteer knows; the context's kind types it (see :func:`_retype_by_context`). A
        word a pattern already found as a name elsewhere is that name at every use."""
        taken = {i for f in chosen for i in range(f.start, f.end)}
        uses: dict[str, list[int]] = {}
        for i, word in enumerate(words):
            if _BARE_ACRONYM.fullmatch(word) and i not in taken:
                uses.setdefault(word, []).append(i)
        found = []
        named = {f.text: f for f in chosen if f.end - f.start == 1 and f.label in _ORGANISATIONS | {"Program"}
                 and not f.is_anaphor and _BARE_ACRONYM.fullmatch(f.text)}
        for word, positions in uses.items():
            if word in named:  # "the Nordic network VALDORIA ... has chaired VALDORIA": the name found once, used again
                first = named[word]
                found.extend(Found(i, i + 1, first.label, first.key, first.source, word, first.refers_to) for i in positions)
                continue
            if len(positions) < 2 or self._known(word) or any(_bracketed(doc, i) and words[i - 1] == "," for i in positions) \
                    or self.gazetteer.country_code(word) is not None or _in_dictionary(word, self.dictionary):
                continue
            mentions = [Found(i, i + 1, "Organization", None, "pattern", word) for i in positions]
            if any(_context_kind(doc, m) for m in mentions):
                found.extend(mentions)
        return found

    def _common_words_centre(self, found: Found) -> bool:
        """A centre or laboratory named only in common English words ("Centre for Advanced Materials",
        "Energy and Environment Center": every word in the model's dictionary, none a nationality),
        or a school, faculty or college so named ("School of Life Sciences"), is a university's unit,
        not an organisation of its own; a known one is kept."""
        words = [w for w in found.text.split() if w not in _CONNECTORS]
        school = found.label == "University" and words[:1] in (["School"], ["Faculty"], ["College"]) \
            and found.text.split()[1:2] in (["of"], ["for"])  # "School of Humanities": a university's school
        if found.key is not None or not (found.label == "ResearchInstitute" and any(w in _UNIT_HEADS for w in words)
                                         or school) or not self.dictionary or len(words) < 2:
            return False
        return all(_in_dictionary(w, self.dictionary) and self.gazetteer.country_code(w) is None and w not in _WORLD_REGIONS
                   for w in words)  # "College of Europe" is named for a place

    def _status_mentions(self, doc: Doc, chosen: list[Found], lowers: list[str]) -> list[Found]:
        """A status a national programme gives ("research university", ``[programme_statuses]``)
        stands for that programme in an article about its country: the country the article's
        country names and known universities name most often, if one of the status's programmes
        is that country's."""
        if not any(tuple(lowers[i:i + 2]) in LEXICON.statuses for i in range(len(lowers) - 1)):
            return []
        countries = Counter()
        for found in chosen:
            entry = self.gazetteer.get(found.key) if found.key else None
            if found.label == "Country" and entry is None:
                code = self.gazetteer.country_code(found.text)
            else:
                code = entry.country if entry is not None and found.label in ("Country", "University") else None
            if code:
                countries[code] += 1
        if not countries:
            return []
        country = countries.most_common(1)[0][0]
        found = []
        for i in range(len(lowers) - 1):
            if i and lowers[i - 1] in _NOT_YET:
                continue  # "the status of candidate research university": not the programme's
            keys = LEXICON.statuses.get(tuple(lowers[i:i + 2]))
            programme = next((k for k in keys or () if (e := self.gazetteer.get(k)) is not None and e.country == country), None)
            if programme is not None:
                found.append(Found(i, i + 2, "Program", programme, "gazetteer", doc[i:i + 2].text))
        return found

    def _known(self, name: str) -> bool:
        return bool(self.gazetteer.lookup(name))

    def _with_defined_acronyms(self, chosen: list[Found], acronyms: list[Found]) -> list[Found]:
        """Merge the uses of acronyms the text defines ("Universidad Autónoma Metropolitana (UAM)").
        A definition in the article beats a gazetteer entry with the same acronym (there are six
        UAMs in ROR) unless that entry is the defined name itself, in spelling variants ("King
        Abdul Aziz University (KAU)"); then the long form is linked to the entry too."""
        at = {f.start: f for f in chosen if f.end - f.start == 1 and f.source == "gazetteer"}
        keep_key: dict[str, str] = {}
        replaced: set[Found] = set()
        for acronym in acronyms:
            held = at.get(acronym.start)
            if held is None or held.key == acronym.key or held.text != acronym.text:
                continue
            if acronym.key is None and self._same_organisation(acronym.refers_to, held.key):
                keep_key[acronym.refers_to] = held.key
            else:
                replaced.add(held)
        kept = [f for f in chosen if f not in replaced]
        kept = [replace(f, key=keep_key[f.text]) if f.key is None and f.text in keep_key else f for f in kept]
        return _merge(kept, (a for a in acronyms if a.refers_to not in keep_key))

    def _named_by_known_acronym(self, chosen: list[Found], words: list[str]) -> list[Found]:
        """"Excellence Initiatives (Idex)": a name the gazetteer does not know, followed by the
        bracketed acronym of an entry of the same type whose name it translates or respells,
        is that entry."""
        known = {f.start: f for f in chosen if f.end - f.start == 1 and f.source == "gazetteer" and f.key}
        named = {}
        for found in chosen:
            acronym = known.get(found.end + 1)
            if found.key is None and acronym is not None and acronym.label == found.label \
                    and words[found.end:found.end + 3:2] == ["(", ")"] and self._same_organisation(found.text, acronym.key):
                named[(found.text, found.label)] = acronym.key
        if not named:
            return chosen
        return [replace(f, key=named[(f.text, f.label)]) if f.key is None and (f.text, f.label) in named else f
                for f in chosen]  # and wherever else the text writes the name

    def _same_organisation(self, name: str | None, key: str) -> bool:
        from rapidfuzz import fuzz

        entry = self.gazetteer.entries[key]
        norm = normalize_name(name or "")
        names = [normalize_name(n) for n in (entry.name, *entry.aliases)]
        # the same spelling, or a translation that keeps the distinctive words of one of the entry's
        # names ("Association of Universities Montevideo Group (AUGM)": "Montevideo Group")
        return any(fuzz.ratio(norm, n) >= 90 or same_distinctive_words(norm, n) for n in names)

    def _demonym_of_no_organisation(self, doc: Doc, found: Found, chosen: list[Found]) -> bool:
        """"Armenian missionaries", "the Turkish President": a nationality that is not an
        organisation's (GOLD_FORMAT: countries only as an organisation's location or nationality)."""
        if found.label != "Country" or found.key is None or found.end - found.start != 1:
            return False
        entry = self.gazetteer.entries[found.key]
        if found.text not in entry.demonyms:
            return False
        token = doc[found.start]
        while token.dep_ == "conj" and token.head is not token:  # "American and Canadian universities"
            token = token.head
        if token.dep_ in ("acomp", "attr"):  # "three are Nigerian": said of the subject, the universities counted
            return False
        head = token.head
        if head.i == token.i or any(m.start <= head.i < m.end for m in chosen if m.label != "Country"):
            return False
        return head.lemma_.lower() not in _ORGANISATION_NOUNS and head.text not in HEAD_NOUNS

    def _gazetteer_spans(self, doc: Doc, names: list[Found]) -> list[Found]:
        """Gazetteer matches, longest first. Imported names cut out of a longer name are not
        mentions ("Federal University of Technology", an alias of one record, inside "Federal
        University of Technology Akure"): the longer name is kept and linked as a whole. A name
        with a comma that runs into the next name of a list is not a mention either ("China
        University of Petroleum, Beijing" in "..., China University of Petroleum, Beijing
        Forestry University, ..."), whoever curated it."""
        candidates: dict[tuple[int, int], list[str]] = {}
        for match_id, start, end in [*self.names(doc), *self.exact(doc)]:
            candidates.setdefault((start, end), []).append(self._keys[match_id])
        countries = {self.gazetteer.entries[k].country for keys in candidates.values() for k in keys
                     if self.gazetteer.entries[k].kind == "Country"}
        named = {keys[0] for (start, end), keys in candidates.items()  # organisations the text names in full
                 if end - start >= 2 and len(set(keys)) == 1}
        spans = []
        for (start, end), keys in candidates.items():
            key = self._choose(keys, countries, doc[start:end].text, named)
            if key is None:
                continue
            listed = any(t.text == "," for t in doc[start:end])  # "A, Beijing" may be two names of a list
            curated = is_curated(self.gazetteer.entries[key])
            if not any((listed and _crosses(start, end, name)) or (not curated and _inside(start, end, name))
                       or (curated and _inside(start, end, name) and self._inside_other_name(doc, start, end, name, key))
                       for name in names):
                spans.append(Span(doc, start, end, label=self.gazetteer.entries[key].kind, kb_id=key))
        found = []
        for span in filter_spans(spans):
            start = span.start + 1 if span[0].lower_ == "the" and len(span) > 1 else span.start
            if _not_inside_word(span) and not _in_region_name(span):
                found.append(Found(start, span.end, span.label_, span.kb_id_, "gazetteer", doc[start:span.end].text))
        return found

    def _inside_other_name(self, doc: Doc, start: int, end: int, name: Found, key: str) -> bool:
        """A university's name (``start:end``) that a longer one continues with "of" and a name
        ("Tehran University" in "Tehran University of Medical Sciences"; an alliance's, "Coimbra
        Group" in "Coimbra Group of Brazilian Universities"), or a programme's,
        ranking's or alliance's name inside a longer name that adds a proper name of its own: "Excellence Initiative" inside "Wallenberg Excellence Initiative" or
        "Swiss Excellence Initiative" (another country's) is another programme; inside "New
        Excellence Initiative" (a generic word) it is the same one."""
        entry = self.gazetteer.entries[key]
        if entry.kind == "University" and name.label == "University" and name.end == end and name.start < start \
                and doc[start - 1].text in _KIND_MODIFIERS and not entry.name.startswith(doc[start - 1].text):
            return True  # "University of Havana" in "Technological University of Havana": another university
        if entry.kind in ("University", "ResearchInstitute") and name.label in ("University", "ResearchInstitute") \
                and name.start == start and end + 1 < name.end and doc[end].lower_ in _OF_WORDS \
                and any(t.text[:1].isupper() for t in doc[end + 1:name.end]) \
                and (doc[end].lower_ in ("of", "for") or entry.city and normalize_name(doc[end + 1:name.end].text) != normalize_name(entry.city)):
            return True  # "Tehran University" (University of Tehran) in "Tehran University of Medical Sciences";
            # "Institut Pasteur" in "Institut Pasteur de Bangui", an institute of its own
        if entry.kind == "University" and name.label == "University" and name.start == start and end < name.end:
            for place in (doc[name.end - k:name.end].text for k in (1, 2) if name.end - k >= end):
                country = self.gazetteer.country_code(place)
                if country is not None and entry.country is not None and country != entry.country \
                        or place in _WORLD_REGIONS:
                    return True  # "Carnegie Mellon University Africa", "Monash University Malaysia": a campus abroad
        if entry.kind not in _TITLED_KINDS or name.label != entry.kind:
            return False
        if entry.kind == "Alliance" and name.start == start and end + 1 < name.end and doc[end].lower_ == "of" \
                and any(t.text in _UNIVERSITIES_WORDS or t.text in _PLURAL_HEADS for t in doc[end + 1:name.end]):
            return True  # "Coimbra Group" in "Coimbra Group of Brazilian Universities": another alliance
        own = {w for n in (entry.name, *entry.aliases, *entry.acronyms) for w in n.lower().split()}
        added = [*doc[name.start:start], *doc[end:name.end]]  # "U.S. News Best Global Universities": its publisher
        for token in added:
            if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.lower_ in LEXICON.generic_modifiers \
                    or token.lower_ in own:
                continue
            country = self.gazetteer.country_code(token.text)
            if country is None or entry.country is not None and country != entry.country:
                return True
        return False

    def _choose(self, keys: list[str], countries: set[str], text: str = "", named: frozenset[str] | set[str] = frozenset()) -> str | None:
        """One entry for a matched name: the only one the text also names in full ("NTU" in an
        article that names Nanyang Technological University), a curated one, else the only one (or
        the only one in a country the article names); an ambiguous imported name stays unlinked (None)."""
        keys = list(dict.fromkeys(keys))
        in_full = [k for k in keys if k in named]
        if len(keys) > 1 and len(in_full) == 1:
            return in_full[0]
        entries = [self.gazetteer.entries[k] for k in keys]
        if not any(is_curated(e) for e in entries) and all(text in e.acronyms for e in entries) \
                and not any(e.country in countries for e in entries):
            return None  # "DU" in an article about India: imported acronyms are too ambiguous without their country
        pool = [e for e in entries if is_curated(e)] or entries
        if len(pool) == 1:
            return pool[0].key
        local = [e for e in pool if e.country in countries]
        if len(local) == 1:  # "Northeastern University" in an article about China
            return local[0].key
        canonical = [e for e in pool if normalize_name(e.name) == normalize_name(text)]
        if len(canonical) == 1:  # no country context: the entry whose own name this is
            return canonical[0].key
        return pool[0].key if pool is not entries and len({e.kind for e in pool}) == 1 else None


def _add_case_variants(gazetteer: Gazetteer, exact: dict[str, list[str]], dictionary: frozenset[str]) -> None:
    """A programme's or ranking's acronym written in mixed case ("IdEx", "MosIUR") is also matched
    as news writes it, in capitals or with one capital ("IDEX", "Idex"), unless that form is another
    entry's or an English word ("PrInt": not "Print"). Universities' and alliances' are not: their
    capitals tell them apart ("UniSA" is not "UNISA", "USAf" not "USAF")."""
    taken = {text for texts in exact.values() for text in texts}
    for key, texts in exact.items():
        if gazetteer.entries[key].kind not in ("Program", "Ranking"):
            continue
        for text in list(texts):
            if len(text) >= 4 and text.isalpha() and not text.isupper() and sum(c.isupper() for c in text) >= 2:
                texts.extend(form for form in (text.upper(), text.capitalize())
                             if form not in taken and form.lower() not in dictionary)


def _variants(texts: Iterable[str]) -> Iterable[str]:
    """Spelling variants matched alike: Saint/St./St, hyphen or space."""
    for text in texts:
        yield text
        if re.search(r"\b(Saint|St\.?)[- ]", text):
            for form in ("Saint ", "St. ", "Saint-"):
                yield re.sub(r"\b(?:Saint|St\.?)[- ]", form, text)
        if re.search(r"[a-z]-[A-Za-z]", text):  # "Saint-Petersburg", not "THE-QS"
            yield text.replace("-", " ")
        if _CAMPUS_NAME.fullmatch(text):  # "IIT Bombay" written "IIT, Bombay"
            yield text.replace(" ", ", ", 1)
        if "'" in text or "’" in text:  # "Côte d'Azur" as typeset: "Côte d’Azur"
            yield text.replace("'", "’")
            yield text.replace("’", "'")
        acronym, _, rest = text.partition(" ")
        if acronym in _SPELLED_OUT and rest:  # "Times Higher Education (THE) Asia University Rankings"
            yield f"{_SPELLED_OUT[acronym]} ({acronym}) {rest}"
            yield f"{_SPELLED_OUT[acronym]} {rest}"


#: ranking publishers whose acronym opens their rankings' names, and how news writes them out
_SPELLED_OUT = {"THE": "Times Higher Education", "QS": "Quacquarelli Symonds"}


#: nouns a nationality may qualify and still be an organisation's: "Chinese universities", "the Russian ministry"
_ORGANISATION_NOUNS = LEXICON.words["count_nouns"] | LEXICON.words["collective"] | frozenset({
    "ministry", "government", "institute", "college", "academy", "school", "agency", "council", "foundation",
    "organisation", "organization", "body", "system", "sector", "campus", "side", "delegation", "counterpart"})
_REGION_WORDS = frozenset({"South", "North", "Latin", "Central", "Sub-Saharan", "Southeast", "East", "West"})


def _names_through_bracketed_city(doc: Doc, chosen: list[Found]) -> list[Found]:
    """"Technological University Dublin (TU Dublin)": a university's name found short of the city
    that its bracketed short form ends with goes on to that city."""
    result = []
    for found in chosen:
        i = found.end
        if found.label == "University" and found.key is None and i + 3 < len(doc) and doc[i].text[:1].isupper() \
                and doc[i].is_alpha and doc[i + 1].text == "(":
            close = next((j for j in range(i + 2, min(i + 6, len(doc))) if doc[j].text == ")"), None)
            if close is not None and close > i + 2 and doc[close - 1].text == doc[i].text:
                found = replace(found, end=i + 1, text=doc[found.start:i + 1].text)
        result.append(found)
    return result


def _hosted_centre(doc: Doc, found: Found, chosen: list[Found]) -> bool:
    """"the Centre for Ocean Carbon Processes (OCEAN) at the University of Bergen", "Centre for
    Behavioural Economics (BEP) – NHH": a centre or laboratory (``_UNIT_HEADS``) that a university
    hosts is a unit of it, no organisation of its own (a centre named alone, "the Centre for Research
    and Technology Hellas", is)."""
    if found.key is not None or found.label != "ResearchInstitute" or doc[found.start].text not in _UNIT_HEADS:
        return False
    i = found.end
    if i + 2 < len(doc) and doc[i].text == "(":
        i = next((j + 1 for j in range(i, min(i + 6, len(doc))) if doc[j].text == ")"), i)
    if i < len(doc) and doc[i].lower_ in ("at", "of", "–", "—", "-", "hosted"):
        i += 1 + (doc[i].lower_ == "hosted" and i + 1 < len(doc) and doc[i + 1].lower_ == "by")
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        return any(m.start == i and m.label == "University" for m in chosen)
    return False


def _university_short_form(doc: Doc, found: Found) -> bool:
    """"TU Dublin", "WU Vienna", "KU Leuven": a university's initials ending in U and its city, which
    the statistical model takes for a person's or a company's name."""
    return found.label in ("Person", "Organization") and found.key is None and found.end - found.start == 2 \
        and re.fullmatch(r"[A-Z]{1,3}U", doc[found.start].text) is not None \
        and doc[found.start + 1].text[:1].isupper()


def _inside_place_name(doc: Doc, found: Found) -> bool:
    """A country's name that ends the name of another place: "New Jersey", "New Mexico" (states)."""
    return found.start > 0 and f"{doc[found.start - 1].text} {found.text}" in known_places().names


def _in_region_name(span: Span) -> bool:
    """"South American", "Latin America": a region, not the country ("American", "America")."""
    return span.label_ == "Country" and span.start > 0 and span.doc[span.start - 1].text in _REGION_WORDS \
        and span[0].text.startswith("America")


def _not_inside_word(span: Span) -> bool:
    """Reject matches glued to letters (tokenizer splits such as "C9-style")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    return not (before is not None and before.text == "-" and not before.whitespace_ and span.label_ != "Country")


def _country_opening_names(chosen: list[Found], ner: list[Found]) -> list[Found]:
    """Countries that open an organisation's name the statistical model found ("Japan Advanced
    Semiconductor Manufacturing", three words or more, nothing else found inside it) give way to
    that name."""
    owner = {}
    for name in ner:
        if name.label == "Person" and name.end - name.start == 2 and not name.text.split()[-1] in HEAD_NOUNS:
            inside = [f for f in chosen if f.start < name.end and name.start < f.end]  # "Chad Gaffield", "Jordan
            if len(inside) == 1 and inside[0].label == "Country" and (inside[0].start, inside[0].end) == (name.start, name.start + 1):
                owner[inside[0]] = name  # Peterson": a given name that is a country's
            continue
        if name.label == "Person" or name.end - name.start < 3:
            continue
        inside = [f for f in chosen if f.start < name.end and name.start < f.end]
        if len(inside) == 1 and inside[0].label == "Country" and inside[0].start == name.start and inside[0].end < name.end:
            owner[inside[0]] = name
    return [f for f in chosen if f not in owner] if owner else chosen


def _merge(chosen: list[Found], new: Iterable[Found]) -> list[Found]:
    taken = {i for f in chosen for i in range(f.start, f.end)}
    merged = list(chosen)
    for found in new:
        if not taken.intersection(range(found.start, found.end)):
            merged.append(found)
            taken.update(range(found.start, found.end))
    return merged


def _is_name_word(text: str) -> bool:
    if text in TITLE_WORDS or text in _MONTHS:
        return False
    return text[:1].isupper() or (text[:1].isdigit() and any(c.isalpha() for c in text)) \
        or bool(_ELIDED.match(text)) or bool(_CAMEL.fullmatch(text))  # "Côte d’Azur", "l'Aquila"; "uniRank"


#: a brand written with a lower-case first letter and a capital inside: "uniRank", "eLearning"
_CAMEL = re.compile(r"[a-z]{1,5}[A-Z][a-z]+[A-Za-z]*")


_ELIDED = re.compile(r"^[dlDL]['’][A-ZÀ-Ý]")


_POSSESSIVE = frozenset({"'s", "’s"})


def _runs(doc: Doc, first: int, last: int, words: list[str]) -> Iterable[tuple[int, int]]:
    """Maximal runs of capitalised tokens joined by connectors, within one sentence (tokens
    ``first`` to ``last``; ``words`` are the Doc's token texts)."""
    start = None
    for i in range(first, last):
        word = words[i]
        joinable = False
        if start is not None and not _is_name_word(word):
            if word in _CONNECTORS:
                joinable = not (word == "-" and doc[i].whitespace_) \
                    and not (word == "and" and i + 1 < last and words[i + 1] == "of"
                             and not _second_complement(words, start, i, last))  # "the X Network and of the Y"
            elif word in _POSSESSIVE:
                joinable = not doc[i - 1].whitespace_ and i + 1 < last and words[i + 1][:1].isupper()
            elif word == "at":  # "University of Texas at Austin"
                joinable = i + 1 < last and words[i + 1][:1].isupper() and any(
                    words[j] == "University" and words[j + 1] == "of" for j in range(start, i - 1))
            elif word == "in":  # "American University in Cairo": no name without its place
                since = max((j + 1 for j in range(start, i) if words[j] in _CONNECTORS), default=start)
                joinable = i + 1 < last and words[i + 1][:1].isupper() and (
                    words[i - 1] in HEAD_NOUNS and _is_description(words[since:i])
                    or words[i - 1] in _PORTFOLIO_WORDS and (words[i + 1] in _PORTFOLIO_WORDS or _region_at(words, i + 1))
                    and any(w in ("of", "for") for w in words[start:i]))  # "Fund for Excellence in Education and
                # Research", "Network for Excellence in Higher Education in West Africa"
            elif word == "on":  # "Global Alliance of Universities on Climate (GAUC)"
                joinable = _spelt_out(words, start, i, last)
            elif word == ",":
                joinable = _portfolio_comma(doc, start, i)
            elif word == "/":  # "the UNITWIN/UNESCO Chairs Programme", "In-Country/In-Region Scholarship Programme"
                joinable = not doc[i - 1].whitespace_ and not doc[i].whitespace_ and i + 1 < last \
                    and _is_name_word(words[i + 1]) and _is_name_word(words[i - 1])
            elif word in ("'", "’"):  # "Ca' Foscari University of Venice"
                joinable = not doc[i - 1].whitespace_ and i + 1 < last and words[i + 1][:1].isupper()
            elif word in _MONTHS:  # "The Times and The Sunday Times Good University Guide": a weekday inside a name
                joinable = i + 1 < last and _is_name_word(words[i + 1]) and words[i - 1][:1].isupper()
            elif word.isalpha() and word.islower():
                joinable = _inside_hyphenated(doc, words, i, last)
        if joinable or _is_name_word(word) or start is None and _numbered_name(words, i, last):
            start = i if start is None else start
            continue
        if start is not None:
            yield start, i
        start = None
    if start is not None:
        yield start, last


#: first parts of a hyphenated word whose second part is lower case: "Co-operative", "Inter-disciplinary"
_HYPHEN_PREFIXES = frozenset({"Co", "Non", "Inter", "Intra", "Multi", "Post", "Pre", "Socio", "Agro", "Bio", "Eco",
                              "Geo", "Self", "Cross", "Pan", "Trans", "Sub", "Re"})


def _second_complement(words: list[str], start: int, i: int, last: int) -> bool:
    """Whether "and of ..." at ``i`` goes on a name's "of" complement rather than naming a second
    organisation: "the Conference of Rectors of the Francophone Universities of Africa and of the
    Indian Ocean", "the Association of Universities of Asia and of the Pacific" (capitalised words,
    no head noun among them, after a name that has one and an "of"); not "a member of the EAU and
    of the Network University of the CIS"."""
    if not head_type(words[start:i]) or "of" not in words[start:i]:
        return False
    j = i + 2 + (i + 2 < last and words[i + 2] == "the")
    end = j
    while end < last and (_is_name_word(words[end]) or words[end] in ("-", "for", "of") and end > j
                          and end + 1 < last and _is_name_word(words[end + 1])):
        end += 1  # "and of the Inter-University Council for East Africa": a name with its own head noun
    return end > j and not head_type(words[j:end]) and not any(w.isupper() for w in words[j:end])


def _inside_hyphenated(doc: Doc, words: list[str], i: int, last: int) -> bool:
    """The lower-case word ``i`` is a part of one hyphenated name word, the hyphens written
    tight: between two hyphens before a capital ("Trás-os-Montes", "Stoke-on-Trent",
    "Aix-en-Provence"), or after a prefix before a name word ("Co-operative Studies"); not
    "Harvard-led Consortium"."""
    if i < 2 or words[i - 1] != "-" or doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
        return False
    if i + 2 < last and words[i + 1] == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        return _is_name_word(words[i + 2])
    return words[i - 2] in _HYPHEN_PREFIXES and i + 1 < last and _is_name_word(words[i + 1])


def _spelt_out(words: list[str], start: int, i: int, last: int) -> bool:
    """The lower-case word ``i`` ("on") is inside a name that an acronym in brackets spells out
    with the words after it: "Global Alliance of Universities on Climate (GAUC)" (the acronym's
    capitals begin the name's words, in order, and the last one begins the word before the bracket)."""
    j = i + 1
    while j < last and (_is_name_word(words[j]) or words[j] in _CONNECTORS):
        j += 1
    if not (j > i + 1 and j + 2 < last and words[j] == "(" and words[j + 2] == ")" and _ACRONYM.fullmatch(words[j + 1])):
        return False
    initials = [w[0] for w in words[start:j] if w[:1].isupper()]
    capitals = [c for c in words[j + 1] if c.isupper()]
    if len(capitals) < 3 or capitals[-1] != words[j - 1][:1]:
        return False
    it = iter(initials)
    return all(c in it for c in capitals)  # the acronym's capitals, in order, among the words' initials


#: heads that a number can open a name with: "1994 Group", "2020 Network"
_NUMBERED_HEADS = frozenset({"Group", "League", "Alliance", "Network", "Club", "Consortium"})


def _numbered_name(words: list[str], i: int, last: int) -> bool:
    """A number that opens a name: "the 1994 Group" (an alliance named after its founding year)."""
    return words[i].isdigit() and len(words[i]) <= 4 and i + 1 < last and words[i + 1] in _NUMBERED_HEADS


_PORTFOLIO_HEADS = frozenset({"Ministry", "Department", "Minister", "Secretariat"})


def _portfolio_comma(doc: Doc, start: int, comma: int) -> bool:
    """A comma inside a ministry's list of portfolios: "Ministry of Higher Education, Research
    and Innovation" (each part one to three capitalised words without a head noun, the last
    after "and"); inside another body's name only if every part is a field (lexicon
    portfolio_words): "Malta College of Arts, Science and Technology"."""
    if "of" not in [t.text for t in doc[start:comma]]:
        return False
    ministry = any(t.text in _PORTFOLIO_HEADS for t in doc[start:comma])
    if not ministry and not (any(t.text in HEAD_NOUNS for t in doc[start:comma]) and doc[comma - 1].text in _PORTFOLIO_WORDS):
        return False  # another body: "Malta College of Arts, Science and Technology", its fields only (not "of A, B and C")
    parts = []
    i = comma + 1
    while True:
        j = _portfolio_end(doc, i)
        if j == i or j == len(doc):
            return False
        parts.append(doc[i:j])
        if doc[j].text != ",":
            break
        i = j + 1
    if doc[j].text != "and":
        return False
    k = _portfolio_end(doc, j + 1)
    parts.append(doc[j + 1:k])
    return k > j + 1 and (k == len(doc) or not doc[k].text[:1].isupper()) and (ministry or all(map(_portfolio, parts)))


def _portfolio_end(doc: Doc, i: int) -> int:
    """The end of one portfolio from token ``i``: one to three capitalised words, no head noun."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].text[:1].isupper() and doc[j].text not in HEAD_NOUNS:
        j += 1
    return j


def _name_spans(doc: Doc, words: list[str] | None = None, places=lambda name: None) -> list[Found]:
    words = [t.text for t in doc] if words is None else words
    found = []
    persons = {i for ent in doc.ents if ent.label_ == "PERSON" and not any(t.text in HEAD_NOUNS for t in ent)
               for i in range(ent.start, ent.end)}  # "Universitat Rovira I Virgili" tagged PERSON is no person
    for sent in doc.sents:
        for start, end in _runs(doc, sent.start, sent.end, words):
            for piece in _split_on_and(doc, start, end, places):
                for part in _split_possessive(doc, *_without_for_country(doc, *piece, places)):
                    candidate = _trim(doc, *part)
                    if candidate:
                        found.extend(_split_tail(doc, candidate, persons))
    return found


def _without_for_country(doc: Doc, start: int, end: int, places) -> tuple[int, int]:
    """A name that a list item's country follows with "for": "the University of Antsiranana for
    Madagascar" ends before "for" (a name "X of Y" is whole without it; "Agency for Korea" is not)."""
    for i in range(end - 2, start + 2, -1):
        if doc[i].text == "for":
            if places(doc[i + 1:end].text) is not None and "of" in [t.text for t in doc[start:i - 1]]:
                return start, i
            break
    return start, end


def _split_possessive(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """"Maclean's University Rankings" is one name (a ranking's publisher and title), and so are
    "Queen's University" and "St. Stephen's College" (a head noun right after the possessive: a
    name, not something of a named owner); in "Harvard's Kennedy School" the possessor and the
    possessed are two."""
    cut = next((i for i in range(start, end) if doc[i].text in _POSSESSIVE), None)
    if cut is None or head_type([t.text for t in doc[start:end]]) == "Ranking":
        return [(start, end)]
    if cut + 1 < end and doc[cut + 1].text in HEAD_NOUNS and not any(t.text in HEAD_NOUNS for t in doc[start:cut]):
        return [(start, end)]
    return [(start, cut), *_split_possessive(doc, cut + 1, end)]


def _split_tail(doc: Doc, found: Found, persons: set[int]) -> list[Found]:
    """Cut a name after its head noun when what follows is a person ("... University Darkhan
    Bilyalov") or a one-word alias ("... University Network HeKKSaGOn", found as an alias)."""
    words = [t.text for t in doc[found.start:found.end]]
    if any(w in ("of", "for", "für", "de") for w in words):
        return [found]
    heads = [i for i, w in enumerate(words) if w in HEAD_NOUNS or w in _PLURAL_HEADS]
    if not heads or heads[-1] == len(words) - 1 or words[heads[-1]] in _HEAD_FIRST:
        return [found]  # "Universidade Eduardo Mondlane": a Romance head noun opens the name, a person may close it
    cut = found.start + heads[-1] + 1
    tail = doc[cut:found.end]
    if found.end + 2 < len(doc) and doc[found.end].text == "(" and doc[found.end + 2].text == ")" \
            and _spells(doc[found.end + 1].text, words):
        return [found]  # "Universiti Teknologi Brunei (UTB)": the acronym spells the whole name
    if any(t.i in persons for t in tail):
        return [Found(found.start, cut, found.label, None, found.source, doc[found.start:cut].text)]
    if len(tail) == 1 and sum(c.isupper() for c in tail.text) >= 2 and cut - found.start >= 2:
        full = Found(found.start, cut, found.label, None, found.source, doc[found.start:cut].text)
        return [full, Found(cut, found.end, found.label, None, "acronym", tail.text, full.text)]
    return [found]


def _split_on_and(doc: Doc, start: int, end: int, places=lambda name: None) -> list[tuple[int, int]]:
    """Split "Harbin Institute of Technology and Bauman ... University" in two names, not a country
    whose name has "and" ("Rectors' Conference of Bosnia and Herzegovina"; ``places`` gives a
    name's country code)."""
    for i in range(start + 1, end - 1):
        if doc[i].text in ("and", "&") and places(doc[i - 1:i + 2].text) is None:
            left = [t.text for t in doc[start:i]]
            after = i + 2 if doc[i + 1].lower_ == "the" and i + 2 < end else i + 1  # "A and the University of B"
            right = [t.text for t in doc[after:end]]
            first = right[:right.index("and")] if "and" in right else right
            if "," in left and not any(w in HEAD_NOUNS for w in first):
                continue  # "Ministry of Higher Education, Research and Innovation": the last portfolio
            if (left[1:] if left[0] in ("The", "the") and len(left) > 1 else left)[0] in _PORTFOLIO_HEADS \
                    and after == i + 1 and first and first[-1] in _PORTFOLIO_WORDS:  # (not "... and the National ...")
                continue  # "Ministry of Higher and University Education": university education is a portfolio
            if "and" in right and "of" in left and len(first) == 1 and not head_type(first):
                continue  # "Institute of Science and Technology and the Petroleum Institute": the name's own "and"
            if head_type(right) and head_type(left) and not right[0] in _CONNECTORS:
                return [(start, i), *_split_on_and(doc, after, end, places)]
            if len(right) > 2 and right[0] in HEAD_NOUNS and right[1] == "of" and not head_type(left):
                return _split_on_and(doc, after, end, places)  # "Memorial and Univ. of Aberdeen": no name opens with a
                # head noun and its "of" after an "and"; the words before it are a short name, found as one elsewhere
            if _place_before(doc, i, places) and ("of" in left or "for" in left) and doc[after:end].text and (all(
                    t.ent_type_ in ("GPE", "LOC") for t in doc[after:end]) and not _short_name(right)
                    or places(doc[after:end].text) is not None):
                continue  # "... of Latin America and the Caribbean", "... for Asia and the Pacific": two places in one name
            if head_type(left) and not head_type(right) and len(right) <= 2 and not (
                    any(w in ("of", "for", "in") for w in left) and all(w in _PORTFOLIO_WORDS for w in right)) and (
                    doc[after].ent_iob_ == "B" or _short_name(right)):
                return [(start, i), (after, end)]  # "University of North Carolina and Vanderbilt", "Univ. of X and UTech"
            if head_type(right) and not head_type(left) and all(t.ent_type_ in ("GPE", "LOC") for t in doc[start:i]):
                return [(start, i), *_split_on_and(doc, i + 1, end, places)]  # "(in) Kosovo and American University"
            bare = left[1:] if left[0] in ("The", "the") else left
            if head_type(right) and len(bare) == 1 and _ACRONYM.fullmatch(bare[0]) and sum(c.isupper() for c in bare[0]) >= 2:
                return [(start, i), *_split_on_and(doc, after, end, places)]  # "UWI and North-West University": an acronym, a name
    return [(start, end)]


def _short_name(words: list[str]) -> bool:
    """One word of three letters or more in capitals or with two capitals: "UCLA", "UTech"."""
    return len(words) == 1 and len(words[0]) >= 3 and words[0][0].isupper() and (
        words[0].isupper() or sum(c.isupper() for c in words[0]) >= 2)


def _place_before(doc: Doc, i: int, places) -> bool:
    """A place's name ends before token ``i``: a country, a world region ("Central America"), or
    what the tagger calls a place."""
    before = doc[i - 1]
    return before.ent_type_ in ("GPE", "LOC") or before.text in _WORLD_REGIONS or places(before.text) is not None \
        or i >= 2 and places(doc[i - 2:i].text) is not None


#: fields a name is for: "... of Higher Education and Scientific Research" ends with them (lexicon portfolio_words)
_PORTFOLIO_WORDS = LEXICON.words["portfolio_words"]


#: words before a world region that make a part of it ("West Africa", "Southeast Asia")
_COMPASS = frozenset({"West", "East", "North", "South", "Western", "Eastern", "Northern", "Southern", "Central",
                      "Southeast", "Sub-Saharan"})


def _region_at(words: list[str], i: int) -> bool:
    """A world region's name opens at word ``i`` ("Africa", "West Africa", "Southeast Asia")."""
    return words[i] in _WORLD_REGIONS or words[i] in _COMPASS and i + 1 < len(words) and words[i + 1] in _WORLD_REGIONS


def _portfolio(tokens) -> bool:
    """Words that are all fields of a ministry's portfolio ("Scientific Research" in "Minister of
    Higher Education and Scientific Research, Dr A"): no person's name."""
    return all(t.text in _PORTFOLIO_WORDS for t in tokens)


#: a name written as one token with a dot before its head noun: "3TU.Federation", "4TU.Federation"
_DOTTED = re.compile(r"[A-Z0-9][A-Za-z0-9]*\.[A-Z][a-z]+")


def _trim(doc: Doc, start: int, end: int) -> Found | None:
    while start < end and (doc[start].text in _CONNECTORS or doc[start].lower_ == "the"
                           or doc[start].pos_ in ("ADV", "VERB", "AUX", "PRON", "SCONJ", "ADP", "DET", "PART", "INTJ")):
        if start + 1 < end and doc[start + 1].text in ("'", "’") and not doc[start].whitespace_ and doc[start].text[:1].isupper():
            break  # "Ca' Foscari University of Venice": an elided word opens the name
        start += 1
    while end > start and (doc[end - 1].text in _CONNECTORS or doc[end - 1].pos_ in ("PUNCT", "ADP", "CCONJ", "AUX", "VERB")):
        end -= 1  # "University Is Announced" in a title-case headline
    if end < len(doc) and end - start > 2 and doc[end - 1].pos_ == "ADJ" and doc[end].is_lower and doc[end].pos_ in ("NOUN", "ADJ"):
        return None  # "the Rectors' Conference of the Swiss higher education institutions": a description cut short
    words = [t.text for t in doc[start:end]]
    if words and words[0].lower() in _STREETS:
        return None  # "Avenida da Universidade": a street of an address
    of = next((i for i, w in enumerate(words) if w == "of"), None)
    if of and not any(w in HEAD_NOUNS or w in _PLURAL_HEADS for w in words[:of]) and head_type(words[of + 1:]):
        return _trim(doc, start + of + 1, end)  # "Launch of African Research Universities Alliance"
    words = [part for w in words for part in (w.split(".") if _DOTTED.fullmatch(w) else [w])]
    kind = head_type(words)
    if not kind or len(words) < 2:
        return None
    cut = next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))
    if any(w in _PLURAL_HEADS for w in words[:cut]) and not any(w in HEAD_NOUNS or w in _ASSOCIATION_HEADS for w in words[:cut]):
        return None  # "Russian Universities": a generic plural, not a name
    if _is_description(words):
        return None  # "Research University", "Top Universities": a description, not a name
    if words[0] in ("School", "Department", "Faculty", "College") and len(words) > 2 and words[1] == "of" \
            and not _state_department(doc, end, words):
        return None  # "School of Foreign Languages": a unit of a university, not an organisation
    return Found(start, end, kind, None, "pattern", doc[start:end].text)


def _state_department(doc: Doc, end: int, words: list[str]) -> bool:
    """"Department of Higher Education, Research, Science and Technology (DHERST)": a government
    department, named only for portfolios (lexicon portfolio_words), at least three of them or
    with its acronym after it (a university's "Department of Physics" is a unit)."""
    fields = [w for w in words[2:] if w not in (",", "and", "&", "of")]
    if words[0] != "Department" or not fields or not all(w in _PORTFOLIO_WORDS for w in fields):
        return False
    acronym = end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].text.isupper()
    return len(fields) >= 3 or acronym


def _is_description(words: list[str]) -> bool:
    """A head noun with at most one generic modifier: "Research University", "Top Universities"
    (longer names of generic words are names: "Asian Universities Alliance"); an award
    ("University of the Year")."""
    if words[-1:] == ["Year"] and "of" in words[-3:-1]:
        return True  # "University of the Year": an award
    return len(words) <= 2 and all(w in HEAD_NOUNS or w in _PLURAL_HEADS or w.lower() in LEXICON.generic_modifiers for w in words)


def _reference_spans(doc: Doc, words: list[str], lowers: list[str], named: Iterable[Found] = ()) -> list[Found]:
    """"Our university", "the university", "the Alliance", "this organisation": references to an
    organisation named elsewhere. "The College" is one only where the text names a college (else it
    may be a university's own college)."""
    colleges = any(f.label == "University" and f.text.split()[-1] == "College" for f in named)
    found = []
    for match in _PUBLISHER_REF.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            found.append(Found(span.start, span.end, "PUBLISHER", None, "reference", span.text))
    for i in range(1, len(words)):
        kind = _ANAPHORS.get(words[i]) or _ANAPHORS.get(lowers[i])  # "Group", "Guild": capitalised only
        if kind and (lowers[i - 1] == "the" or lowers[i - 1] == "this" and kind == "Organization") \
                and (i + 1 == len(words) or lowers[i + 1] != "of"):
            if kind == "University" and words[i] not in ("University", "university", "Institute", "institute", "institution") \
                    and not (colleges and words[i] == "College"):
                continue
            found.append(Found(i - 1, i + 1, kind, None, "reference", doc[i - 1:i + 1].text))
    return found


#: head nouns of names that "the council" or "the plan" may stand for only where the text names such an
#: organisation or programme before
_HEAD_REFERENCES = {
    "Alliance": frozenset({"council", "federation", "consortium"}),  # not "the conference", "the forum": events
    "Program": frozenset({"plan", "scheme"}),  # "the Strong Base Plan ... the universities in the plan"
    "Ranking": frozenset({"survey", "framework", "index", "guide"}),  # "the NIRF ... The framework was started in 2016"
}


def _head_references(doc: Doc, chosen: list[Found], lowers: list[str]) -> list[Found]:
    """"will withdraw from the council", "the other universities in the plan": "the" and the head
    noun of an alliance or programme named before it ("Pacific Postsecondary Education Council",
    "Strong Base Plan") refer to it; without one ("the council of the faculty", "the plan" of a
    text that names no such programme) the words name nothing."""
    heads: dict[str, tuple[str, int]] = {}
    for found in chosen:
        if found.label in _HEAD_REFERENCES and not found.is_anaphor:
            for word in found.text.split():
                if word.lower() in _HEAD_REFERENCES[found.label] and word[:1].isupper():
                    heads.setdefault(word.lower(), (found.label, found.start))
    taken = {i for f in chosen for i in range(f.start, f.end)}
    return [Found(i - 1, i + 1, heads[lowers[i]][0], None, "reference", doc[i - 1:i + 1].text)
            for i in range(1, len(lowers)) if lowers[i] in heads and heads[lowers[i]][1] < i and lowers[i - 1] == "the"
            and doc[i].text.islower() and i not in taken and i - 1 not in taken
            and (i + 1 == len(lowers) or lowers[i + 1] not in ("of", "for"))]


_PERSON_TITLES = LEXICON.words["person_titles"]


_HONORIFICS = LEXICON.words["honorifics"]
_NAME_STYLES = LEXICON.words["name_styles"]
_PARTICLES = LEXICON.words["name_particles"]


#: words before a programme's status that say it is not held: "candidate research university"
_NOT_YET = LEXICON.words["not_yet"]


#: a word of a personal name: a capital then small letters, any script's accents ("Nazaré", "Lévy")
_NAME_WORD = re.compile(r"[^\W\d_a-z\u00DF-\u00FF][^\W\d_A-Z\u00C0-\u00DE]+(?:['\-][^\W\d_][^\W\d_A-Z]*)?|[A-Z]\."
                        r"|[DLNOd]['’][A-Z][a-z]+|Ma?c[A-Z][a-z]+")  # "O'Reilly", "D’Souza", "d'Abreu", "McGrath"


def _name_end(doc: Doc, start: int, most: int = 4) -> int:
    """End of the personal name starting at ``start``: capitalised tokens, initials, particles."""
    end = start
    while end < len(doc) and end - start < most + 2:
        text = doc[end].text
        if text in _PARTICLES and end > start:
            after = end
            while after < len(doc) and doc[after].text in _PARTICLES:
                after += 1
            if after < len(doc) and doc[after].text[:1].isupper():  # "Bert van der Zwaan"
                end = after
                continue
            if after + 1 < len(doc) and doc[after].text == "-" and not doc[after - 1].whitespace_ \
                    and not doc[after].whitespace_ and doc[after + 1].text[:1].isupper():
                end = after + 2  # "Nabil Hamdan al-Khatib": a particle joined by a hyphen
                continue
            break
        if end > start and _split_hyphen(doc, end):
            end += 2  # "Hong Won-hwa": a hyphenated given name the tokenizer split
            continue
        if end > start and text in ("St.", "Ste.") and end + 1 < len(doc) and _NAME_WORD.fullmatch(doc[end + 1].text):
            end += 1  # "Keith St. Rose": a surname with a saint's name
            continue
        if not _NAME_WORD.fullmatch(text) or text in HEAD_NOUNS \
                or text in _PERSON_TITLES or text in _MONTHS:
            break
        end += 1
    while end < len(doc) and doc[end].text in ("II", "III", "IV", "Jr", "Jr."):
        end += 1
    return end


def _titled_persons(doc: Doc, words: list[str]) -> list[Found]:
    """"President Han Jiecai", "Rector Prof. Dr. Bernhard Eitel", "Director V. Ramgopal Rao":
    a title (and honorifics), then 2-4 name tokens; "Uppsala University's rector, Anders Hagfeldt,":
    a title owned by a name, a comma, the name."""
    found = []
    for i in range(len(words) - 2):
        apposed = words[i + 1] == "," and i >= 2 and (words[i - 1] in _POSSESSIVE or words[i - 1].lower() in (
            "its", "their", "our")) and words[i].capitalize() in _PERSON_TITLES  # "Its president, A,"
        styled = words[i] in _NAME_STYLES and (i == 0 or words[i - 1] in (",", "(") or not words[i - 1][:1].isupper())
        if words[i] not in _PERSON_TITLES and not apposed and not styled:
            continue
        token = doc[i]
        start = token.i + 2 if apposed else token.i + 1
        while start < len(doc) - 1 and doc[start].text in _HONORIFICS:
            start += 1
        end = _name_end(doc, start)
        names = end - start
        if styled and names < 2:
            continue  # "Don Nutbeam": a given name, not a style
        if apposed and (names < 2 or end < len(doc) and doc[end].text not in (",", ".", ";", "(")):
            continue
        if names >= 2 or (names == 1 and start > token.i + 1 and doc[start].pos_ == "PROPN"):
            if doc[start].text in ("of", "the"):
                continue
            found.append(Found(start, end, "Person", None, "pattern", doc[start:end].text))
    return found


#: how a ministry's name begins ("Ministry of Education", "Union Ministry of ...", "Department of Science ...")
MINISTRY_PREFIXES = ("ministry ", "federal ministry ", "union ministry ", "department ")
_ORGANISATIONS = frozenset({"University", "ResearchInstitute", "Alliance", "Organization"})


def _national_associations(doc: Doc, chosen: list[Found], words: list[str], places) -> list[Found]:
    """"Universities Estonia", "Universities Canada", "Universities South Africa": "Universities"
    then a country's name is the association of that country's universities (an alliance)."""
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for i, word in enumerate(words[:-1]):
        if word != "Universities" or i in taken or i and words[i - 1][:1].isupper() and words[i - 1].lower() != "the":
            continue  # "Russian Universities", "Top Universities": a description
        for end in (i + 3, i + 2):
            if end <= len(words) and not taken.intersection(range(i + 1, end)) and places(doc[i + 1:end].text) \
                    and (end == len(words) or not words[end][:1].isupper()):
                found.append(Found(i, end, "Alliance", None, "pattern", doc[i:end].text))
                break
    return found


_DESCRIPTORS = LEXICON.words["organisation_descriptors"]
#: lower-case words inside a company's name ("Companhia de Telecomunicações de Macau")
_NAME_PARTICLES = frozenset({"de", "da", "do", "das", "dos", "des", "du", "di", "del", "of", "&"})


def _described_organisations(doc: Doc, chosen: list[Found], words: list[str], places) -> list[Found]:
    """The name right after a lower-case noun that says what kind of business it is ("the
    telecommunications company MTN Rwanda", "the operator Sonatel", "the Canadian mining company
    First Quantum Minerals (FQM)", lexicon organisation_descriptors): an organisation, whatever the
    statistical model made of it (a person, a place, nothing). Names found already stay."""
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for noun in doc[:-1]:
        if noun.lower_ not in _DESCRIPTORS or not noun.is_lower or not _is_name_word(words[noun.i + 1]) \
                or noun.i + 1 in taken:
            continue
        end = noun.i + 1
        while end < len(doc) and end - noun.i <= 6 and end not in taken and (
                _is_name_word(words[end]) and doc[end].is_alpha or doc[end].lower_ in _NAME_PARTICLES
                and end + 1 < len(doc) and _is_name_word(words[end + 1])):
            end += 1
        if end > noun.i + 1 and places(doc[noun.i + 1:end].text) is None and doc[noun.i + 1:end].text not in known_places().names:
            found.append(Found(noun.i + 1, end, "Organization", None, "pattern", doc[noun.i + 1:end].text))
    return found


#: lower-case nouns that, after "NAME, the" or "NAME, a", say the name is a group of institutions
_GROUP_NOUNS = frozenset({"alliance", "association", "consortium", "group", "league", "network", "partnership"})


def _described_alliances(doc: Doc, chosen: list[Found], words: list[str], places) -> list[Found]:
    """A name that an apposition right after it calls a group of institutions: "Midlands
    Innovation, the research partnership it formed in 2015 with ...", "Nordic Five Tech, a network of
    five technical universities" (one to five capitalised words before the comma, no place; the
    apposition's noun after at most three lower-case words): an alliance, whatever the statistical
    model made of it. Names found already stay.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Loughborough is a founding member of Midlands Innovation, the research partnership it formed in 2015.")
    >>> [(f.text, f.label) for f in _described_alliances(doc, [], [t.text for t in doc], lambda w: None)]
    [('Midlands Innovation', 'Alliance')]
    """
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for comma in doc[1:-2]:
        if comma.text != "," or doc[comma.i + 1].lower_ not in ("the", "a", "an"):
            continue
        k = comma.i + 2
        while k < len(doc) and k - comma.i <= 5 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in _GROUP_NOUNS:
            k += 1
        if k >= len(doc) or doc[k].lower_ not in _GROUP_NOUNS or not doc[k].is_lower \
                or any(t.head.i != k for t in doc[comma.i + 2:k]) or k + 1 < len(doc) and doc[k + 1].text in ("'s", "’s"):
            continue  # ("A, a member of the network", "A, the association's president": no group's name)
        start = comma.i
        while start > 0 and comma.i - start < 5 and _is_name_word(words[start - 1]) and doc[start - 1].is_alpha \
                and doc[start - 1].pos_ == "PROPN" and start - 1 not in taken and doc[start - 1].ent_type_ not in ("GPE", "DATE"):
            start -= 1  # (proper nouns: not "Moreover, the network", "Including Prairie View, the consortium")
        if start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start:
            continue  # a longer name the words end: "Including Prairie View, the consortium ..." at a sentence's start
        name = doc[start:comma.i].text
        if start == comma.i or start - 1 in taken or places(name) is not None or name in known_places().names \
                or any(w in HEAD_NOUNS for w in words[start:comma.i]) or name.isupper():
            continue  # ("University of X, the network's host": a name the head nouns type already; "Next to JU, the
            # group of research universities ...": an acronym, which its definition types)
        found.append(Found(start, comma.i, "Alliance", None, "pattern", name))
    return found


def _persons_after_portfolio(doc: Doc, chosen: list[Found]) -> list[Found]:
    """"Minister of Science and Higher Education Valery Falkov": after a minister's portfolio, as
    the text's ministry names it ("Ministry of Science and Higher Education ..."), the name."""
    ministries = [set(re.findall(r"[\w'&]+", f.text.lower())) for f in chosen if f.label == "Organization"
                  and f.text.lower().startswith(MINISTRY_PREFIXES)]
    if not ministries:
        return []
    found = []
    for token in doc[:-3]:
        if token.lower_ != "minister" or doc[token.i + 1].lower_ not in ("of", "for"):
            continue
        i = token.i + 2
        while i < len(doc) and (doc[i].text[:1].isupper() or doc[i].lower_ in ("and", "of", "the", "for")) \
                and any(doc[i].lower_ in words for words in ministries) \
                or i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].text[:1].isupper() \
                and any(doc[i + 1].lower_ in words for words in ministries):
            i += 1  # the portfolio: words of a ministry's name ("Education, Culture and Science")
        if i > token.i + 2 and i + 2 < len(doc) and doc[i].text == ",":
            i += 1  # "Minister of Education, Higher Education and Research, A B"
            while i + 1 < len(doc) and (doc[i].text in _HONORIFICS or doc[i].text in _NAME_STYLES):
                i += 1  # "Minister of Education, Honourable A B"
        end = _name_end(doc, i)
        if i > token.i + 2 and 2 <= end - i <= 4 and doc[i].text not in ("of", "the", "and"):
            found.append(Found(i, end, "Person", None, "pattern", doc[i:end].text))
    return found


def _name_parts(doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
    """A person named in full, then by one part of the name: "Wang Yajie ... Wang also acts as
    chairman", "Linda Doyle ... Linda said". The part refers to the nearest person before it
    with that first or last name; a part followed by another capitalised word is another name."""
    parts: dict[str, list[Found]] = {}  # word -> persons named with it, in text order
    for person in sorted((f for f in chosen if f.label == "Person" and f.end - f.start >= 2 and not f.refers_to),
                         key=lambda f: f.start):
        names = [t for t in doc[person.start:person.end] if t.text not in _HONORIFICS and t.text not in _PARTICLES]
        for token in {names[0].text, names[-1].text} if len(names) >= 2 else ():
            if len(token) >= 2 and token[0].isupper() and not token.isupper() and "." not in token:
                parts.setdefault(token, []).append(person)
    if not parts:
        return []
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for token in (doc[i] for i, word in enumerate(words) if word in parts):
        persons = [p for p in parts[token.text] if p.end <= token.i]
        if not persons or token.i in taken or token.pos_ not in ("PROPN", "NOUN", ""):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 1] if token.i > 0 else None
        if after is not None and after.text[:1].isupper() and not after.is_punct \
                or before is not None and (before.text[:1].isupper() and not before.is_sent_start
                                           and before.text not in _PERSON_TITLES and before.text not in _HONORIFICS):
            continue  # part of another name: "Wang Xiaoming", "Trinity's Prof. Jane Ohlmeyer"
        person = persons[-1]
        found.append(Found(token.i, token.i + 1, "Person", None, "name-part", token.text, person.text))
    return found


_SHORT_FORM = re.compile(r"^(?:The )?([A-Z][\w'\-]+(?: [A-Z][\w'\-]+)?) (?:University|College)(?: of Technology| of Science and Technology)?$"
                         r"|^(?:University of|Université de|Universidad de|Universidade de|Università di|Universitat de|"
                         r"Universität) ([A-Z][\w'\-]+)$"
                         r"|^(?:The )?([A-Z][\w'\-]+(?: [A-Z][\w'\-]+)?) University of [A-Z][a-z]+$"  # "Queen Mary University of London",
                         # "Memorial University of Newfoundland"
                         r"|^(?:The )?([A-Z][\w'\-]+) College [A-Z][a-z]+$")  # "Trinity College Dublin", "Imperial College London"
_NOT_BEFORE_SHORT = frozenset({"in", "at", "from", "to", "near", "of", "into", "outside"})


def _of_a_title(words: list[str], i: int) -> bool:
    """Token ``i`` follows a head's title and "of" or "at" ("then Principal of Queen Mary", "Rector
    at Heidelberg"): the name is the institution the title is of, not a place."""
    return i >= 2 and words[i - 1] in ("of", "at") and (words[i - 2] in _PERSON_TITLES or words[i - 2] in TITLE_WORDS)


def _short_forms(doc: Doc, chosen: list[Found], gazetteer: Gazetteer, words: list[str]) -> list[Found]:
    """"Heidelberg University ... Heidelberg comes 52nd": a university's short name, used alone."""
    forms: dict[tuple[str, ...], Found] = {}
    for mention in chosen:
        match = _SHORT_FORM.match(mention.text) if mention.label == "University" and not mention.is_anaphor else None
        if match:
            short = next(group for group in match.groups() if group)
            if not gazetteer.country_code(short) and short.split()[0] not in _KIND_MODIFIERS | _GENERIC_NAME_WORDS \
                    and short not in _WORLD_REGIONS and short not in _PORTFOLIO_WORDS:
                # "Africa University": "Southern Africa" is no short form of it; "University of Technology":
                # "Technology" is a field ("the College of Arts, Science and Technology"), no short form
                forms.setdefault(tuple(short.split()), mention)
    found = []
    if not forms:
        return found
    starts: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        starts.setdefault(word, []).append(i)
    for short, full in forms.items():
        for start in starts.get(short[0], ()):
            token = doc[start]
            stop = token.i + len(short)
            if tuple(words[token.i:stop]) != short or (stop < len(doc) and words[stop][:1].isupper()
                                                       and words[stop] not in TITLE_WORDS
                                                       and words[stop].split("-")[0] not in _PERSON_TITLES):
                continue  # part of a longer name, unless a title follows: "Sydney Vice-Chancellor Mark Scott"
            if token.i > 0 and words[token.i - 1].lower() in _NOT_BEFORE_SHORT and not _of_a_title(words, token.i):
                continue  # "in Heidelberg": the city (but "President of Heidelberg": the university)
            if words[stop:stop + 1] in (["'s"], ["’s"]) and any(w in HEAD_NOUNS for w in words[stop + 1:stop + 5]):
                continue  # "Istanbul's famed Boğaziçi University": the city whose university it is
            if token.i > 0 and f"{words[token.i - 1]} {' '.join(short)}" in known_places().names:
                continue  # "New Delhi": the end of a place's name, not the University of Delhi
            if token.i > 0 and words[token.i - 1][:1].isupper() and doc[token.i - 1].is_alpha and not words[token.i - 1].isupper() \
                    and not doc[token.i - 1].is_sent_start and words[token.i - 1] not in TITLE_WORDS \
                    and words[token.i - 1].split("-")[0] not in _PERSON_TITLES and words[token.i - 1] not in _MONTHS:
                continue  # "Grupo Coimbra de Universidades Brasileiras": the end of another name
            if token.i > 1 and words[token.i - 1] == "," and any(f.end == token.i - 1 and f.key == full.key and f.text == full.text
                                                                 for f in chosen):
                continue  # "University of Hyderabad, Hyderabad": its seat after its name
            found.append(Found(token.i, stop, full.label, full.key, "gazetteer" if full.key else "acronym",
                               doc[token.i:stop].text, None if full.key else full.text))
    return found


#: "of" and "for" in the languages names are written in, joining a longer name to a known one (after "de",
#: "di", ... only another city than the known one's: "Université Cheikh Anta Diop de Dakar" is the same university)
_OF_WORDS = frozenset({"of", "for", "de", "di", "da", "do", "du", "del"})


#: a plural head noun shared by coordinated names, and the singular names it stands for, the
#: likelier form first: "the universities of Zurich and Geneva", "Zurich and Geneva universities"
_SHARED_HEADS = {"universities": ("University of {}", "{} University"), "colleges": ("{} College", "College of {}")}


def _coordinated_names(doc: Doc, start: int, step: int) -> list[tuple[int, int]]:
    """Capitalised names of at most three words joined by commas, "and" or "&", read from
    ``start`` forward (``step`` 1) or backward (-1); empty unless "and"/"&" joins two of them."""
    names, joined, i = [], False, start
    while 0 <= i < len(doc):
        end = i
        while 0 <= end < len(doc) and abs(end - i) < 3 and doc[end].text[:1].isupper() and doc[end].is_alpha \
                and doc[end].lower_ not in _SHARED_HEADS:
            end += step
        if end == i:
            break
        if step == 1 and end < len(doc) and doc[end].is_digit and len(doc[end].text) <= 2:
            end += 1  # "Lyon 1", "Paris 8": a numbered university of a city
        names.append((min(i, end - step), max(i, end - step) + 1))
        if step == 1 and end < len(doc) and doc[end].lower_ == "in":
            place = end + 1  # "the universities Kyoto, Osaka and Tohoku in Japan and Heidelberg, ... in Germany":
            while place < len(doc) and place - end <= 3 and doc[place].text[:1].isupper() and doc[place].is_alpha:
                place += 1  # each group's country, then the list goes on
            if place > end + 1 and place + 1 < len(doc) and doc[place].text == "and" and doc[place + 1].text[:1].isupper() \
                    and doc[end + 1].ent_type_ in ("GPE", "LOC"):
                joined, i = True, place + 1
                continue
        if not 0 <= end < len(doc) or doc[end].text not in (",", "and", "&"):
            break
        joined = joined or doc[end].text != ","
        i = end + step
        if doc[end].text == "," and 0 <= i < len(doc) and doc[i].text in ("and", "&"):
            joined, i = True, i + step
    return names if joined and len(names) >= 2 else []


_FOUNDING_VERBS = LEXICON.words["found"] | {"set", "open", "start", "know", "bear"}  # "when the university was known as Y"


def _former_names(doc: Doc, chosen: list[Found]) -> list[Found]:
    """"The AIU, which was founded in 1925 as the Inter-University Board", "UT was established
    as the University College of X", "Founded in 1986 under the name of Y, X is ...": the name after
    "as" or "under the name (of)" is a former name of the subject, so it names the same organisation
    (an alias), not another one."""
    by_token = {i: f for f in chosen for i in range(f.start, f.end)}
    renamed = {}
    for former in chosen:
        if former.label not in _ORGANISATIONS or former.start < 1:
            continue
        before = doc[former.start - 1]
        if before.lower_ == "the" and former.start >= 2:
            before = doc[former.start - 2]
        if before.lower_ == "of" and before.i >= 1 and doc[before.i - 1].lower_ == "name":
            before = doc[before.i - 1]  # "under the name of Y"
        named = before.lower_ == "name" and before.head.lower_ in ("under", "with")
        if named:
            before = before.head  # "founded in 1986 under the name (of) Y"
        verb = before.head
        fronted = verb.i == verb.sent.start and (verb.tag_ == "VBN" or verb.lower_ in _FRONTED_PARTICIPLES)
        if not (before.lower_ == "as" or named) or before.dep_ != "prep" or not (
                verb.lemma_.lower() in _FOUNDING_VERBS or fronted):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subject = verb.head  # "X, which was founded ... as Y"
        elif subjects:
            subject = subjects[0]
        elif verb.dep_ == "acl":
            subject = verb.head  # "X, founded in 1925 as Y"
        elif fronted:  # "Founded in 1986 as Y, X is ...": the name after
            subject = name_after_fronted_clause(doc, former.end, verb.sent.end, by_token)  # the comma
            if subject is None:
                continue
        else:
            continue
        current = next((by_token[t.i] for t in subject.subtree if t.i in by_token
                        and by_token[t.i].label in _ORGANISATIONS | {"PUBLISHER"}), None)
        if current is not None and current is not former and current.is_anaphor and former.key is None:
            renamed[former] = replace(former, label=current.label, source=current.source)  # "The university, founded
            # in 1969 as Taylor's College, ...": what the description stands for, once resolved
        elif current is not None and current is not former and (former.key is None or former.key == current.key):
            renamed[former] = replace(former, label=current.label, key=current.key,
                                      refers_to=current.refers_to or (None if current.is_anaphor else current.text))
    if not renamed:
        return chosen
    # the short forms and acronyms of a former name ("Brazzaville" for the University of Brazzaville) stand
    # for the organisation too, or for nothing where only an anaphor names it ("the institution")
    formers = {f.text: new for f, new in renamed.items()}
    kept = []
    for found in chosen:
        new = renamed.get(found)
        if new is None and found.refers_to in formers:
            target = formers[found.refers_to]
            if target.is_anaphor:
                continue
            new = replace(found, label=target.label, key=target.key, refers_to=target.refers_to)
        kept.append(new or found)
    return kept


_FRONTED_PARTICIPLES = LEXICON.words["fronted_participles"]  # "Founded in 1925 as Y", tagged a proper noun


def name_after_fronted_clause(doc: Doc, start: int, end: int, named) -> Token | None:
    """The first token of the name that follows a sentence's fronted participle clause: after its
    comma, or after the comma that closes an apposition ("Founded in 1925 as Y, a memorial to ...,
    X became ..."); at most three commas on from token ``start``, the name within two tokens of one,
    before token ``end``. ``named``: the tokens that are in names (the former name Y here, what was
    founded in kg.extract.relations.founding)."""
    commas = [t.i for t in doc[start:end] if t.text == ","][:3]
    for comma in commas:
        found = next((i for i in range(comma + 1, min(comma + 3, end)) if i in named), None)
        if found is not None:
            return doc[found]
    return None


def _shared_head_names(doc: Doc, chosen: list[Found], gazetteer: Gazetteer, lowers: list[str]) -> list[Found]:
    """Universities named through one plural head noun: "the universities of Zurich and Geneva"
    are the University of Zurich and the University of Geneva, "Lille and Nancy colleges" two
    colleges. Each name is linked to the gazetteer by the singular forms; a name it does not
    know is kept (as "University of X") only in a list where another is known, and no country,
    region or name already found is taken for a university."""
    taken = {i for f in chosen if f.label != "University" for i in range(f.start, f.end)}
    universities = {(f.start, f.end) for f in chosen if f.label == "University"}  # "Sheffield" known already: its
    elsewhere = {f.text for f in chosen if f.label == "University"}
    found = []  # list goes on ("the universities of Bristol, Leeds, Sheffield and York")
    for head in (i for i, word in enumerate(lowers) if word in _SHARED_HEADS):
        forms = _SHARED_HEADS[lowers[head]]
        if head + 2 < len(doc) and lowers[head + 1] == "of":
            names = _coordinated_names(doc, head + 2, 1)
        elif head + 1 < len(doc) and doc[head + 1].text[:1].isupper():  # "the universities Kyoto, Osaka and Tohoku"
            names = _coordinated_names(doc, head + 1, 1)
        else:
            names, forms = _coordinated_names(doc, head - 1, -1)[::-1], forms[::-1]
        if not names or any(taken.intersection(range(s, e)) or gazetteer.country_code(doc[s:e].text)
                            or doc[s].ent_type_ in ("LOC", "NORP") and doc[s:e].text not in known_places().names
                            for s, e in names):
            continue
        entries = []
        for s, e in names:
            linked = (entry for form in forms for entry in gazetteer.lookup(form.format(doc[s:e].text))
                      if entry.kind == "University")
            entries.append(next(linked, None))
        places = sum(doc[s:e].text.rsplit(" ", 1)[0] in known_places().names for s, e in names)
        if not any(entries) and not (places == len(names) or len(names) >= 3 and places == len(names) - 1):
            continue  # unknown names are universities only beside a known one, or where (all but one of three or more) are
            # cities ("the Universities of Carthage, Sousse and Gabès")
        for (s, e), entry in zip(names, entries):
            text = doc[s:e].text
            if (s, e) in universities:
                continue
            named = next((form.format(text) for form in forms if form.format(text) in elsewhere), forms[0].format(text))
            found.append(Found(s, e, "University", entry and entry.key, "gazetteer" if entry else "pattern", text,
                               entry.name if entry else named))  # "the universities of Saarland and Trier" after
    return found  # "Saarland University": the form the text uses


_NAME_TOKEN = _NAME_WORD


def _appositive_persons(doc: Doc) -> list[Found]:
    """"Han Jiecai, President of HIT", "Han Jiecai becomes President of HIT", "Petra De Sutter took
    office as rector of Ghent University": two to four name tokens (a lower-case particle inside:
    "Mirjam van Praag"), then a comma or a verb of taking office ("became", "took office as", "was
    appointed", ...), then a head's title (and, after a verb, "of" or "at")."""
    found = []
    for token in doc[2:-2]:
        if token.text == ",":
            if doc[token.i + 1].text.split("-")[0] not in _PERSON_TITLES and \
                    not (doc[token.i + 1].text in ("Vice", "Executive", "Deputy") and doc[token.i + 2].text in _PERSON_TITLES):
                continue
        elif not _takes_office(doc, token.i):
            continue
        start = token.i
        while start > 0 and token.i - start < 4 and (_NAME_TOKEN.fullmatch(doc[start - 1].text) or doc[start - 1].text
                                                      in _PARTICLES and start - 1 < token.i - 1) \
                and doc[start - 1].text not in HEAD_NOUNS and doc[start - 1].text not in _PERSON_TITLES:
            start -= 1
        while start < token.i and doc[start].text in _PARTICLES:
            start += 1
        if token.i - start >= 2 and doc[start].pos_ == "PROPN" and not _portfolio(doc[start:token.i]):
            found.append(Found(start, token.i, "Person", None, "pattern", doc[start:token.i].text))
    return found


#: what a new head does, between the name and the title: "became", "took office as", "was appointed"
_TAKING_OFFICE = [words.split() for words in LEXICON.ordered["taking_office"]]
_TAKING_OFFICE_FIRST = frozenset(words[0] for words in _TAKING_OFFICE)
_HEAD_TITLE_WORDS = LEXICON.words["office_titles"]


def _inflections(verb: str) -> tuple[str, ...]:
    """A regular verb's forms: "replace" -> replace, replaces, replaced, replacing."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return verb, verb + "s", stem + "ed", stem + "ing"


#: words after which a name is a predecessor's: "succeeded Rik Van de Walle", "took over from Rosario Rizzuto"
#: (the forms of the lexicon's verbs of succession, as the blank pipeline has no lemmas)
_SUCCESSION_CUES = frozenset(form for verb in LEXICON.words["succeed"] for form in _inflections(verb)) | {"predecessor"}


def _predecessor_persons(doc: Doc) -> list[Found]:
    """The name after a verb of succession ("She succeeded Rik Van de Walle", "when he took over
    from Rosario Rizzuto", "succeeding Prof. Dr. Bundhit Eua-arporn"): honorifics and a title
    skipped, then two to four name tokens (particles inside)."""
    found = []
    for token in doc[:-2]:
        if token.lower_ not in _SUCCESSION_CUES and not (token.lower_ == "from" and doc[token.i - 1].lower_ == "over"):
            continue
        start = token.i + 1
        while start < len(doc) - 1 and (doc[start].text in _HONORIFICS or doc[start].text in _PERSON_TITLES):
            start += 1
        end = _name_end(doc, start)
        if end - start >= 2 and doc[start].pos_ == "PROPN" and not any(t.text in HEAD_NOUNS for t in doc[start:end]):
            found.append(Found(start, end, "Person", None, "pattern", doc[start:end].text))
    return found


def _takes_office(doc: Doc, i: int) -> bool:
    """Token ``i`` begins a verb of taking office followed by a head's title and "of"/"at":
    "became rector of", "took office as President at", "was appointed the vice-chancellor of"."""
    if doc[i].lower_ not in _TAKING_OFFICE_FIRST:
        return False  # most tokens: no phrase starts here
    for words in _TAKING_OFFICE:
        end = i + len(words)
        if [t.lower_ for t in doc[i:end]] != words:
            continue
        if end < len(doc) and doc[end].lower_ in ("the", "new"):
            end += 1
        title = end
        while end < len(doc) and (doc[end].lower_ in _HEAD_TITLE_WORDS or doc[end].text == "-"
                                  or doc[end].lower_ in ("vice", "secretary", "general")):
            end += 1
        titled = doc[title:end].text.replace(" - ", "-").replace(" ", "-").lower()
        return end > title and titled in _HEAD_TITLE_WORDS and end < len(doc) and doc[end].lower_ in ("of", "at")
    return False


_TITLE_LEMMAS = frozenset(t.lower() for t in _PERSON_TITLES) | {"head", "chief", "secretary-general", "ceo", "secretary"}


def _persons_after_titled_org(doc: Doc, chosen: list[Found]) -> list[Found]:
    """"the president of the Vrije Universiteit Amsterdam, Mirjam van Praag", "director of IIT
    (BHU) Varanasi, Prof Pramod Kumar Jain": the name after a head's title and organisation."""
    found = []
    for org in chosen:
        if org.label not in _ORGANISATIONS or org.is_anaphor \
                or org.end + 2 >= len(doc):
            continue
        comma = _past_brackets(doc, org.end)  # "the president of the National Council (CNU), Lic. A"
        if comma >= len(doc) - 2 or doc[comma].text != ",":
            continue
        before = [t.lower_ for t in doc[max(org.start - 4, 0):org.start]]
        if not any(w in ("of", "at") for w in before[-2:]) or not set(before) & _TITLE_LEMMAS:
            continue
        start = comma + 1
        while start < len(doc) - 1 and (doc[start].text in _HONORIFICS or doc[start].text in ("His", "Her")
                                         and doc[start + 1].text in _HONORIFICS):
            start += 1  # "..., His Highness Dr. A"
        end = _name_end(doc, start)
        if end - start >= 2:
            found.append(Found(start, end, "Person", None, "pattern", doc[start:end].text))
    return found


def _persons_after_plural_title(doc: Doc, chosen: list[Found]) -> list[Found]:
    """"the rectors A of X, B of Y and C of Z": each name that a plural title lists with "of" and
    an organisation after it is a person's."""
    orgs = {f.start: f for f in chosen if f.label in _ORGANISATIONS}
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for token in doc:
        if token.tag_ != "NNS" or not token.lower_.endswith("s") or token.lower_[:-1] not in _TITLE_LEMMAS:
            continue
        i = token.i + 1
        while i < len(doc) and not doc[i].is_sent_start:
            end = _name_end(doc, i) if doc[i].text[:1].isupper() and i not in taken else i
            at = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
            if end - i >= 2 and end < len(doc) and doc[end].lower_ == "of" and at in orgs:
                found.append(Found(i, end, "Person", None, "pattern", doc[i:end].text))
                i = orgs[at].end
            elif i in orgs or doc[i].lower_ in (",", "and", "of", "the", "(", ")") or doc[i - 1].text == "(" or i in taken:
                i = orgs[i].end if i in orgs else i + 1
            else:
                break
    return found


def _split_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen the tokenizer split out of a name word: a given name with a
    small-letter part ("Won-hwa": "Won", "-", "hwa") or a double name ("Abdel-Sadek", "Durand-Morel")."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i + 1].is_alpha and (doc[i + 1].text.islower() or doc[i + 1].text.istitle()
                                     and doc[i + 1].text not in HEAD_NOUNS and doc[i - 1].text not in HEAD_NOUNS)


def _hyphenated_given_names(doc: Doc, chosen: list[Found]) -> list[Found]:
    """A person's name that runs on into a hyphenated given name the tokenizer split ("Chen
    Wen-chang", "Hong Won-hwa": "Wen", "-", "chang"), the rest of it taken in."""
    taken = {i for f in chosen for i in range(f.start, f.end)}
    extended = []
    for found in chosen:
        end = found.end
        while found.label == "Person" and _split_hyphen(doc, end) and end not in taken and end + 1 not in taken:
            end += 2
        extended.append(found if end == found.end else replace(found, end=end, text=doc[found.start:end].text))
    return extended


def _headline_only_person(doc: Doc, found: Found) -> bool:
    """A "person" the statistical model found in a title-case line ("Khalifa University Retains Top
    Spot", "Welcoming Kyiv") whose words the text never writes again outside such lines: capitals
    there say nothing of a name, and a real person in a headline is named again below it."""
    if found.label != "Person" or found.source != "ner" or not _title_case(doc[found.start].sent) \
            or found.end < len(doc) and doc[found.end].text == ",":
        return False  # "Justin Grant, University Communications": a contact line names a person
    text = doc.text
    at = text.find(found.text)
    while at != -1:
        span = doc.char_span(at, at + len(found.text), alignment_mode="expand")
        if span is not None and not _title_case(span.sent):
            return False
        at = text.find(found.text, at + 1)
    return True


def _verb_forms(verbs) -> frozenset[str]:
    forms = set()
    for verb in verbs:
        forms.add(verb + "s")
        forms.add(verb + "es")
        if verb.endswith("y"):
            forms.add(verb[:-1] + "ies")
    return frozenset(forms)


_HEADLINE_VERBS = _verb_forms(LEXICON.words["headline_verbs"])


def _cut_at_headline_verb(doc: Doc, chosen: list[Found]) -> list[Found]:
    """A name that a title-case headline runs on into its verb and object ("University of Guam Hosts
    Pacific Presidents"): cut before the verb's third-person form, after the name's head noun."""
    cut = []
    for found in chosen:
        if found.key is None and found.source in ("pattern", "ner") and found.label in _ORGANISATIONS \
                and found.end - found.start >= 3 and _title_case(doc[found.start].sent):
            words = [t.text for t in doc[found.start:found.end]]
            head = next((k for k, w in enumerate(words) if w in HEAD_NOUNS), None)
            verb = next((k for k, w in enumerate(words) if head is not None and k > head and w.lower() in _HEADLINE_VERBS), None)
            if verb is not None:
                end = found.start + verb
                found = replace(found, end=end, text=doc[found.start:end].text)
        cut.append(found)
    return cut


def _title_case(line: Span) -> bool:
    """Four or more words of four letters or more, all capitalised: a headline's style."""
    words = [t for t in line if t.is_alpha and len(t) >= 4]
    return len(words) >= 4 and all(t.text[:1].isupper() for t in words)


_UNIT_HEADS = frozenset({"Centre", "Center", "Centres", "Centers", "Laboratory", "Laboratories", "Lab"})
#: regions of the world, which the dictionary also knows as words
_WORLD_REGIONS = frozenset({"Europe", "Asia", "Africa", "America", "Americas", "Oceania", "Arctic", "Antarctic", "Pacific",
                            "Atlantic", "Mediterranean", "Caribbean", "Balkans", "Baltic", "Nordic", "Andes", "Amazon"})


def _dictionary(nlp: Language) -> frozenset[str]:
    """The common English words the pipeline's lemmatizer knows (its ``lemma_index``, from WordNet;
    empty for a pipeline without one) and the language's stop words ("the", "it": WordNet has no
    function words): what is no proper name, and no acronym written in lower case ("the" is not THE)."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError):
        return frozenset()
    return frozenset(word for words in index.values() for word in words) | frozenset(nlp.Defaults.stop_words)


def _in_dictionary(word: str, dictionary: frozenset[str]) -> bool:
    """Whether a word, or its singular, is a common English word ("Materials", "Studies")."""
    lower = word.lower().strip(".,'’")
    return lower in dictionary or lower.endswith("s") and lower[:-1] in dictionary \
        or lower.endswith("ies") and lower[:-3] + "y" in dictionary


def _joined_persons(doc: Doc, chosen: list[Found]) -> list[Found]:
    """One person's name that the statistical model cut in two: two person spans side by side
    ("Sandra Regina" "Goulart Almeida"), or a name that goes on over a particle and a capitalised
    word ("Anna Fontcuberta" "i Morral", lexicon name_particles)."""
    chosen = sorted(chosen, key=lambda f: f.start)
    taken = {i for f in chosen for i in range(f.start, f.end)}
    joined: list[Found] = []
    for found in chosen:
        last = joined[-1] if joined else None
        if last is not None and last.label == found.label == "Person" and last.end == found.start \
                and doc[last.end - 1].sent == doc[found.start].sent and not doc[last.end - 1].whitespace_.count("\n"):
            joined[-1] = replace(last, end=found.end, text=doc[last.start:found.end].text)
            continue
        end = found.end
        if found.label == "Person" and end + 1 < len(doc) and doc[end].text in _PARTICLES \
                and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha and end not in taken and end + 1 not in taken:
            found = replace(found, end=end + 2, text=doc[found.start:end + 2].text)
        joined.append(found)
    return joined


#: what a subject "it" may stand for: an organisation, programme or ranking named as the subject before it
_PRONOUN_ANTECEDENTS = frozenset({"University", "ResearchInstitute", "Alliance", "PUBLISHER", "Organization", "Program",
                                  "Ranking"})


def _pronoun_spans(doc: Doc, lowers: list[str]) -> list[Found]:
    """"it" as a subject: an anaphor for the organisation the text is about."""
    return [Found(i, i + 1, "Any", None, "reference", doc[i].text)
            for i, word in enumerate(lowers) if word == "it" and doc[i].dep_ in ("nsubj", "nsubjpass")]


def _link_pronouns(doc: Doc, mentions: list[Found]) -> list[Found]:
    """Point each "it" at the last organisation that was a grammatical subject (same or previous sentence)."""
    linked = []
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    starts = [s.start for s in doc.sents]  # Token.sent scans the doc: look sentences up once
    for mention in mentions:
        if mention.label == "Any":
            index = bisect.bisect_right(starts, mention.start) - 1
            sent_start = starts[index]
            previous = starts[index - 1] if index > 0 else 0
            subject = _reporting_subject(doc[mention.start], at) or next(
                (t for t in reversed(doc[previous:mention.start]) if t.dep_ in ("nsubj", "nsubjpass")
                 and t.lower_ not in ("it", "which", "that", "who")), None)
            antecedent = at.get(subject.i) if subject is not None else None
            if antecedent is not None and antecedent.is_anaphor:
                antecedent = None  # "the alliance ... it": no name to stand for
            if subject is not None and subject.i >= sent_start and (antecedent is None or antecedent.label not in
                                                                    _PRONOUN_ANTECEDENTS):
                continue  # "the summer school ... since it was launched": not an organisation we track
            if antecedent is not None and antecedent.label in _PRONOUN_ANTECEDENTS:
                # "The European Education and Culture Executive Agency manages ... . Based in Brussels, it was set up in
                # 2006": an agency, a programme or a ranking as well as a university
                mention = Found(mention.start, mention.end, antecedent.label, antecedent.key, "pronoun", mention.text,
                                antecedent.refers_to or (None if antecedent.key or antecedent.label == "PUBLISHER"
                                                         else antecedent.text))
        linked.append(mention)
    return linked


def _reporting_subject(pronoun, at: dict[int, Found]):
    """The subject of the verb whose clause holds "it": "A, a member since the network was created,
    announced that it will leave X" (A, not the network of the clause in between)."""
    verb = pronoun.head
    while verb.dep_ in ("ccomp", "xcomp") and verb.head is not verb:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i in at and not at[subject.i].is_anaphor:
            return subject
    return None


#: words a name may hold between its capitalised words, in a list of fields before its head noun
_FIELD_LIST_GLUE = frozenset({",", "and", "&", "of", "the", "for"})


#: the lower-case words of a list of fields after a head noun, in the languages names are written in
#: ("Université des Sciences, des Techniques et des Technologies de Bamako")
_FIELD_LIST_AFTER = _FIELD_LIST_GLUE | frozenset({"de", "des", "du", "la", "et", "y", "e", "da", "do", "dos", "das", "del", "di"})


def _spelt_across_commas(doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
    """A name with a list of fields before or after its head noun, cut at the list's comma, whose
    bracketed acronym spells it whole: "the Arab League Educational, Cultural and Scientific
    Organization (ALECSO)" is one name, not "Arab League Educational" and "Cultural and Scientific
    Organization"; so is "the Université des Sciences, des Techniques et des Technologies de Bamako
    (USTTB)", not "Université des Sciences"."""
    result = _spelt_on_after_comma(doc, chosen, words)
    chosen = list(result)
    for found in chosen:
        end = found.end
        if found.key is not None or end + 2 >= len(words) or words[end] != "(" or words[end + 2] != ")" \
                or not _ACRONYM.fullmatch(words[end + 1]) or "," in words[found.start:end]:
            continue
        acronym = words[end + 1]
        if _spells_loosely(acronym, words[found.start:end]):
            continue
        start = found.start
        for k in range(found.start - 1, max(found.start - 12, -1), -1):
            if not (words[k][:1].isupper() or words[k] in _FIELD_LIST_GLUE):
                break
            if words[k][:1].isupper() and "," in words[k:found.start] \
                    and _spells_loosely(acronym, [w for w in words[k:end] if w != ","]):
                start = k
        if start == found.start:
            continue
        label = head_type(words[start:end]) or found.label
        result = [f for f in result if f.end <= start or f.start >= end]
        result.append(Found(start, end, label, None, found.source, doc[start:end].text))
    return sorted(result, key=lambda f: f.start)


def _spelt_on_after_comma(doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
    """The forward half of :func:`_spelt_across_commas`: a name found up to a comma that goes on,
    in capitalised words and list words only, to a bracketed acronym that spells the whole and not
    the part found ("Université des Sciences, des Techniques et des Technologies de Bamako (USTTB)")."""
    result = list(chosen)
    for found in chosen:
        end = found.end
        if found.key is not None or found.label not in _ORGANISATIONS or end >= len(words) or words[end] != ",":
            continue
        k = end
        while k < min(end + 14, len(words)) and (words[k][:1].isupper() and doc[k].is_alpha or words[k] in _FIELD_LIST_AFTER):
            k += 1
        if k + 2 >= len(words) or k == end + 1 or words[k] != "(" or words[k + 2] != ")" or not _ACRONYM.fullmatch(words[k + 1]):
            continue
        acronym = words[k + 1]
        if sum(c.isupper() for c in acronym) < 3 or _spells_loosely(acronym, words[found.start:end]) \
                or not _spells_loosely(acronym, [w for w in words[found.start:k] if w != ","]):
            continue
        result = [f for f in result if f.end <= found.start or f.start >= k]
        result.append(Found(found.start, k, head_type(words[found.start:k]) or found.label, None, found.source,
                            doc[found.start:k].text))
    return sorted(result, key=lambda f: f.start)


#: what sets a name's other name off: "Ilisimatusarfik – the University of Greenland – will join", "X, the University of Y,"
_APPOSITION_MARKS = frozenset({"–", "—", ","})


def _apposed_names(doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
    """A name in a language of its own, set off by dashes or commas against the organisation's
    English name: "Ilisimatusarfik – the University of Greenland – will join the alliance". The
    proper nouns before (one to three, no place, person or other name, not in a list: "CYENS, the
    KIOS Center, and the ERATOSTHENES Centre") stand for that organisation there and wherever the
    text uses them again. A model's bare name of them gives way."""
    by_start = {f.start: f for f in chosen}
    bare = {(f.start, f.end) for f in chosen if f.key is None and f.source == "ner" and f.label != "Person"}
    taken = {i for f in chosen if (f.start, f.end) not in bare for i in range(f.start, f.end)}
    aliases: dict[tuple[str, ...], Found] = {}
    lower_words = {w for w in words if w.islower()}

    def proper(k: int) -> bool:  # a proper noun, or an unknown word the tagger took for a noun at a sentence's start
        return doc[k].pos_ == "PROPN" or doc[k].pos_ == "NOUN" and words[k].lower() not in lower_words and not doc[k].is_stop

    for i, mark in enumerate(words):
        if mark not in _APPOSITION_MARKS or i + 2 >= len(words):
            continue
        j = i + 1 + (words[i + 1].lower() == "the")
        if mark == "," and j == i + 1:
            continue  # "Dongdok, Xaythany District, Vientiane Capital, National University of Laos": an address
        full = by_start.get(j)
        if full is None or full.label not in _ORGANISATIONS or full.is_anaphor or full.end >= len(words) \
                or words[full.end] != mark or full.source == "acronym":
            continue
        start = i
        while start > 0 and i - start < 3 and proper(start - 1) and words[start - 1][:1].isupper() \
                and start - 1 not in taken and words[start - 1] not in HEAD_NOUNS:
            start -= 1
        name = tuple(words[start:i])
        if not name or start > 0 and (doc[start - 1].pos_ == "PROPN" or words[start - 1] in ("of", "and")) \
                or any(not w.isalpha() for w in name) \
                or start > 0 and words[start - 1] in (",", ":", ";", "or") \
                or full.end + 1 < len(words) and words[full.end + 1] in ("and", "or") \
                or " ".join(name) in known_places().names or head_type(list(name)) or _inside_person_entity(doc, start, i):
            continue
        aliases.setdefault(name, full)
    if not aliases:
        return chosen
    found = []
    for i in range(len(words)):
        for name, full in aliases.items():
            end = i + len(name)
            if tuple(words[i:end]) == name and not taken.intersection(range(i, end)):
                found.append(Found(i, end, full.label, full.key, "pattern", doc[i:end].text, full.refers_to or full.text))
    covered = {k for f in found for k in range(f.start, f.end)}
    return sorted([f for f in chosen if not covered.intersection(range(f.start, f.end))] + found, key=lambda f: f.start)


def _inside_person_entity(doc: Doc, start: int, end: int) -> bool:
    """Proper nouns the model reads as a person's name ("Naja Kleist Lennert, the rector"): no organisation's."""
    return any(ent.label_ == "PERSON" and ent.start <= start and end <= ent.end for ent in doc.ents)


def _split_at_acronym(chosen: list[Found], words: list[str]) -> list[Found]:
    """A body of an organisation, named with it, whose bracketed acronym spells only the
    organisation: "the Joint Committee of Ministers of the Central European Exchange Program for
    University Studies (CEEPUS)" is the committee and the programme, and CEEPUS the programme. The
    name is cut before the "of" after which the words spell the acronym and have a head noun,
    where the words before it have one too."""
    result = []
    for found in chosen:
        end = found.end
        if found.key is not None or end + 2 >= len(words) or words[end] != "(" or words[end + 2] != ")" \
                or not _ACRONYM.fullmatch(words[end + 1]) or _spells_loosely(words[end + 1], words[found.start:end]):
            result.append(found)
            continue
        acronym = words[end + 1]
        for k in range(found.start + 2, end - 1):
            tail = k + 1 + (words[k + 1] == "the")
            owner = head_type(words[tail:end]) if words[k] == "of" else None
            body = head_type(words[found.start:k]) if owner and _spells_loosely(acronym, words[tail:end]) else None
            if body:
                result.append(replace(found, end=k, label=body, text=" ".join(words[found.start:k])))
                result.append(replace(found, start=tail, label=owner, text=" ".join(words[tail:end])))
                break
        else:
            result.append(found)
    return result


#: a programme's phase after its acronym: "NORHED II", "CEEPUS III", "PEER 2"
_PHASE = re.compile(r"I{1,3}|IV|VI{0,3}|IX|X|\d")


def _acronym_spans(doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
    """Acronyms defined as "Full Name (ACR)" and every use of them in the same document (also
    hyphenated ones, three tokens: "the University of Cape Verde (Uni-CV)")."""
    by_end: dict[int, Found] = {}
    for f in chosen:  # the longest name ending there: "the University of Technology, Jamaica (UTech)", not "Jamaica"
        if f.source != "reference" and (f.end not in by_end or f.start < by_end[f.end].start):
            by_end[f.end] = f
    countries = {f.start for f in chosen if f.label == "Country"}  # "Keysight Technologies (USA)": a country, no acronym
    defined: dict[str, Found] = {}
    hyphenated: dict[tuple[str, ...], Found] = {}
    for i in range(2, len(words) - 2):
        full = by_end.get(i)
        if i + 1 in countries and not (full and words[i] == "(" and len(words[i + 1]) >= 3 and full.label != "Country"
                                       and _spells(words[i + 1], full.text.split())):
            continue  # but "the Danube Rectors' Conference (DRC)": the name's acronym, not a country's
        cued = by_end.get(i - 1) if words[i] == "(" and words[i - 1] in _CUE_WORDS else None
        if cued is not None and words[i + 2] == ")" and _initials_of(words[i + 1], cued.text):
            full = cued  # "the Leiden-Delft-Erasmus alliance (LDE)": the acronym of the name before the cue
        if full and full.label == "Country" and not _initials_of(words[i + 1], full.text):
            continue  # "the University of Technology, Jamaica (UTech)": the acronym of the name the country ends
        if full and (words[i] == "(" and words[i + 2] == ")" or words[i] == "or" and _initials_of(words[i + 1], full.text)):
            acronym = words[i + 1]  # "Full Name (ACR)", "the University of Delhi or DU"
            if (_ACRONYM.fullmatch(acronym) and sum(c.isupper() for c in acronym) >= 2 or _DIGIT_ACRONYM.fullmatch(acronym)) \
                    and acronym != full.text \
                    or words[i] == "(" and (_clipped_form(acronym, full.text) or _lowercase_initials(acronym, full.text)
                                            or _word_acronym(acronym, full.text)):
                defined.setdefault(acronym, full)
        elif full and words[i] == "(" and i + 3 < len(words) and words[i + 3] == ")" and _PHASE.fullmatch(words[i + 2]) \
                and _ACRONYM.fullmatch(words[i + 1]) and sum(c.isupper() for c in words[i + 1]) >= 2:
            defined.setdefault(words[i + 1], full)  # "(NORHED II)", "(CEEPUS III)": the acronym of a programme's phase
        elif full and words[i] == "(" and i + 4 < len(words) and words[i + 4] == ")" and words[i + 2] == "-" \
                and not doc[i + 1].whitespace_ and not doc[i + 2].whitespace_ \
                and _ACRONYM.fullmatch(acronym := "".join(words[i + 1:i + 4])) and sum(c.isupper() for c in acronym) >= 2:
            hyphenated.setdefault(tuple(words[i + 1:i + 4]), full)  # "(Uni-CV)": three tokens
    found = []
    for i, word in enumerate(words) if defined else ():
        full = defined.get(word)
        if full and not (full.start <= i < full.end):
            found.append(Found(i, i + 1, full.label, full.key, "acronym", word, full.text))
    for i in range(len(words) - 2) if hyphenated else ():
        full = hyphenated.get(tuple(words[i:i + 3]))
        if full and not doc[i].whitespace_ and not doc[i + 1].whitespace_ and not (full.start <= i < full.end):
            found.append(Found(i, i + 3, full.label, full.key, "acronym", doc[i:i + 3].text, full.text))
    return found


def _name_openings(doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
    """"the Rectors' Conference" after "the Rectors' Conference of Bosnia and Herzegovina": the
    opening words of a name the text gives, up to its head noun before "of", used with "the" and
    nothing after them that goes on with the name, stand for that name (when only one name of the
    text opens so)."""
    openings: dict[tuple[str, ...], set[str]] = {}
    full: dict[tuple[str, ...], Found] = {}
    for found in chosen:
        if found.label not in _ORGANISATIONS | {"Program"} or found.is_anaphor or found.source == "acronym":
            continue
        name = words[found.start:found.end]
        if "of" not in name[2:]:
            continue
        opening = tuple(name[:name.index("of", 2)])
        if not opening[-1][:1].isupper() or not all(w[:1].isupper() or not w.isalpha() for w in opening):
            continue
        openings.setdefault(opening, set()).add(found.key or found.refers_to or found.text)
        full.setdefault(opening, found)
    bare = {(f.start, f.end) for f in chosen if f.key is None and f.source in ("pattern", "ner")}  # "the Joint
    # Committee" that the model or a pattern took for a name of its own
    taken = {i for f in chosen if (f.start, f.end) not in bare for i in range(f.start, f.end)}
    in_bare = {i for start, end in bare for i in range(start, end)}
    found_here = []
    for opening, names in openings.items():
        if len(names) != 1:
            continue
        size, whole = len(opening), full[opening]
        for i in range(1, len(words) - size + 1):
            end = i + size
            if tuple(words[i:end]) != opening or words[i - 1].lower() != "the" or any(j in taken for j in range(i, end)) \
                    or (i, end) not in bare and any(j in in_bare for j in range(i, end)):
                continue
            if end < len(words) and (words[end] in ("of", "for") or words[end][:1].isupper()):
                continue  # "the Rectors' Conference of Serbia": another name
            found_here.append(Found(i, end, whole.label, whole.key, "acronym", doc[i:end].text,
                                    whole.refers_to or (None if whole.key else whole.text)))
    return found_here


def _bodies_of_named(chosen: list[Found], words: list[str]) -> list[Found]:
    """A governing body named after an organisation the text names ("the IBH Board", "the NWO
    Executive Board", "the BUP Board", "University of X Board of Trustees") is no organisation of its own: its first words are a mention
    of that organisation, whose chair the body's chair is."""
    named = {tuple(words[f.start:f.end]): f for f in chosen if f.label in _ORGANISATIONS | {"Program"}
             and f.source != "reference" and words[f.end - 1].lower() not in _BODY_NAMES}
    cut = {}
    for found in chosen:
        tokens = words[found.start:found.end]
        if found.key is not None or len(tokens) < 2:
            continue
        if tokens[0].lower() in _BODY_NAMES and found.label == "Organization" and "of" in tokens[1:]:
            at = 3 if len(tokens) > 3 and tokens[1] == "of" and tokens[2] in _BOARD_MEMBERS else 1
            start = at + 1 + (tokens[at + 1:at + 2] == ["the"]) if tokens[at:at + 1] == ["of"] else None
            owner = named.get(tuple(tokens[start:])) if start is not None else None
            if owner is not None and owner is not found:  # "the Board of Directors of AdeKUS": AdeKUS's board
                cut[found] = replace(owner, start=found.start + start, end=found.end, text=" ".join(tokens[start:]))
            continue
        if tokens[-1].lower() in _BODY_NAMES and found.label == "Organization":
            body = len(tokens) - 1
        elif len(tokens) >= 4 and tokens[-2] == "of" and tokens[-1] in _BOARD_MEMBERS and tokens[-3].lower() in _BODY_NAMES:
            body = len(tokens) - 3  # "University of The Bahamas Board of Trustees" in a headline
        else:
            continue
        size = body - (1 if body >= 2 and tokens[body - 1].lower() in _BODY_MODIFIERS else 0)
        owner = named.get(tuple(tokens[:size]))
        if owner is not None and owner is not found:
            cut[found] = replace(owner, start=found.start, end=found.start + size, text=" ".join(tokens[:size]))
    return [cut.get(f, f) for f in chosen] if cut else chosen


_BODY_NAMES = LEXICON.words["bodies"]
#: who sit on a board named after them: "Board of Trustees", "Board of Regents"
_BOARD_MEMBERS = frozenset({"Trustees", "Directors", "Governors", "Regents", "Curators", "Visitors", "Overseers"})
_BODY_MODIFIERS = LEXICON.words["body_modifiers"]


def _bracketed_other_names(chosen: list[Found], words: list[str]) -> list[Found]:
    """A name followed by its name in another language and its acronym in one bracket: "The
    International Institute for Water and Environmental Engineering (Institut International
    d'Ingénierie de l'Eau et de l'Environnement, 2iE)", "the Board of University Direction (Junta de
    Dirección Universitaria, JDU)". The bracketed name is the same organisation, and so is every use
    of the acronym. (A bracket holding only a name stays apart: "the Faculty of Law (University of
    X)" names the faculty's university.)"""
    named = [f for f in chosen if f.label in _NAMED_BY_ACRONYM and f.source != "reference"]
    by_start = {f.start: f for f in named}
    aliases: dict[Found, Found] = {}
    defined: dict[str, Found] = {}
    for full in named:
        inner = by_start.get(full.end + 1)
        if full.end + 1 >= len(words) or words[full.end] != "(" or inner is None or inner is full:
            continue
        close = inner.end + 2
        if close >= len(words) or words[inner.end] != "," or words[close] != ")":
            continue
        acronym = words[inner.end + 1]
        if not (_ACRONYM.fullmatch(acronym) or re.fullmatch(r"\d?[A-Za-z][A-Za-z0-9&\-]{1,11}", acronym)) \
                or sum(c.isupper() for c in acronym) < 1 or acronym.islower():
            continue
        if inner.key is not None and full.key is not None and inner.key != full.key:
            continue  # two organisations the gazetteer tells apart
        target = full.refers_to or (None if full.key else full.text)
        aliases[inner] = replace(inner, label=full.label, key=full.key, source="acronym", refers_to=target)
        defined.setdefault(acronym, replace(full, refers_to=target))
    if not aliases:
        return chosen
    kept = [aliases.get(f, f) for f in chosen if not (f.end - f.start == 1 and f.text in defined)]  # the text's own
    uses = [Found(i, i + 1, full.label, full.key, "acronym", word, full.refers_to)  # definition beats the gazetteer's
            for i, word in enumerate(words) if (full := defined.get(word)) is not None]
    return _merge(kept, uses)


#: an acronym that opens with a digit: "2iE", "4TU"
_DIGIT_ACRONYM = re.compile(r"\d[a-z]*[A-Z][A-Za-z]*")


def _lowercase_initials(acronym: str, name: str) -> bool:
    """An acronym its organisation writes in lower case, spelling the initials of every capitalised
    word of the name: "International Centre of Insect Physiology and Ecology (icipe)"."""
    return len(acronym) >= 4 and acronym.isalpha() and acronym.islower() and _spells(acronym.upper(), name.split())


def _extended_by_acronym(doc: Doc, chosen: list[Found], places=lambda name: None) -> list[Found]:
    """A name cut short at a lower-case word ("and", "for", "on") that its bracketed acronym spells
    in full: "Muhimbili University of Health and Allied Sciences (MUHAS)" (found up to "Health"),
    "Institute for Policy and Strategy on National Competitiveness (IPSNC)" are whole names; the
    pieces found after the cut give way unless the gazetteer knows them. ("in" opens no such
    extension: "Centre of Excellence in Reproductive Health (CERH)" is a university's unit.)"""
    taken = {i for f in chosen if f.key is not None for i in range(f.start, f.end)}
    extended: dict[Found, Found] = {}
    for found in chosen:
        start = _opened_by_acronym(doc, found, taken) if found.key is None and found.label in _NAMED_BY_ACRONYM else None
        if start is not None:
            extended[found] = replace(found, start=start, text=doc[start:found.end].text)
            continue
        located = _located_name_end(doc, found, places)
        if located is not None:
            extended[found] = replace(found, end=located, text=doc[found.start:located].text)
            continue
        if found.key is not None or found.label not in _ORGANISATIONS or found.end >= len(doc) \
                or doc[found.end].lower_ not in _NAME_GLUE:
            continue
        end = found.end
        while end < min(found.end + 8, len(doc)) and end not in taken and (
                doc[end].lower_ in _NAME_GLUE or doc[end].lower_ == "the" or doc[end].text[:1].isupper() and doc[end].is_alpha):
            end += 1
        if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")" or end == found.end:
            continue
        if sum(c.isupper() for c in doc[end + 1].text) >= 3 and _spells(doc[end + 1].text, (t.text for t in doc[found.start:end])):
            extended[found] = replace(found, end=end, text=doc[found.start:end].text)
    if not extended:
        return chosen
    swallowed = {f for f in chosen for e in extended.values() if f.key is None and f not in extended
                 and e.start <= f.start < e.end}
    whole = {doc[e.end + 1].text: e for e in extended.values()}  # the bracketed acronym stands for the whole name
    return [extended.get(f) or (replace(f, label=whole[f.text].label, refers_to=whole[f.text].text)
                                if f.source == "acronym" and f.text in whole and f.key is None else f)
            for f in chosen if f not in swallowed]


def _located_name_end(doc: Doc, found: Found, places=lambda name: None) -> int | None:
    """The end of a university's name that goes on with "in" and its city up to its bracketed
    acronym: "Ss. Cyril and Methodius University in Skopje (UKIM)", "Comenius University in
    Bratislava (UNIBA)" (the city a known place, the acronym in capitals; without the acronym "in
    Beijing" is where a university is, not its name)."""
    if found.key is None and found.label == "University" and found.end + 1 < len(doc) and doc[found.end].text == ",":
        return _generic_name_place(doc, found, places)
    if found.key is not None or found.label != "University" or found.end + 4 >= len(doc) or doc[found.end].lower_ != "in":
        return None
    for size in (1, 2):
        close = found.end + 1 + size
        if close + 2 < len(doc) and doc[close].text == "(" and doc[close + 2].text == ")" \
                and doc[close + 1].text.isupper() and len(doc[close + 1].text) >= 3 \
                and doc[found.end + 1:close].text in known_places().names:
            return close
    return None


#: words of a name that no one university owns: "University of Technology", "National Institute of Science"
_GENERIC_NAME_WORDS = frozenset({"The", "National", "Technical", "Technological", "State", "Open", "Federal",
                                 "Polytechnic", "Applied", "Public"})


def _generic_name_place(doc: Doc, found: Found, places) -> int | None:
    """The end of a generic university name that its place completes after a comma: "University
    of Technology, Jamaica", "Institute of Technology, Sligo" (every word of the name a head noun,
    a field or a generic word; the place a known one, the name ending with it)."""
    words = [t.text for t in doc[found.start:found.end]]
    if not all(w in HEAD_NOUNS or w in _PORTFOLIO_WORDS or w in _GENERIC_NAME_WORDS or w in _CONNECTORS for w in words):
        return None
    for size in (2, 1):
        end = found.end + 1 + size
        place = doc[found.end + 1:end].text
        if end <= len(doc) and (place in known_places().names or places(place) is not None) and all(
                t.text[:1].isupper() for t in doc[found.end + 1:end]) and (
                end == len(doc) or not doc[end].text[:1].isupper() and doc[end].text not in ("-", "–")):
            return end
    return None


#: words that, before a university's name, name another university ("Technological University of Havana",
#: "Medical University of Sofia" are not the University of Havana or of Sofia)
_KIND_MODIFIERS = frozenset({"Agricultural", "American", "Autonomous", "Catholic", "Federal", "Islamic", "Medical", "Metropolitan",
                             "National", "Normal", "Open", "Pedagogical", "Polytechnic", "Pontifical", "State", "Technical",
                             "Technological", "Veterinary"})
#: lower-case words inside a name that its acronym spells ("... of Health and Allied Sciences (MUHAS)")
_NAME_GLUE = frozenset({"and", "for", "&", "of", "on"})


def _opened_by_acronym(doc: Doc, found: Found, taken: set[int]) -> int | None:
    """Where a name begins that was found without its first words, when its bracketed acronym
    spells them: "Skills for a Vibrant Economy (SAVE) Project" (found from "Vibrant"). Up to five
    capitalised words or lower-case glue ("for", "a") to the left, in the same sentence; the
    acronym must spell the longer name (:func:`_spells_loosely`) and not the found one."""
    end = found.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    acronym = doc[end + 1].text
    if sum(c.isupper() for c in acronym) < 3 or not acronym.isalpha() or _spells(acronym, found.text.split()):
        return None
    for start in range(found.start - 1, max(found.start - 6, 0) - 1, -1):
        token = doc[start]
        capital = token.text[:1].isupper() and token.is_alpha and token.lower_ != "the"
        if start in taken or not (capital or token.lower_ in _LEFT_GLUE):
            return None
        if capital and _spells_loosely(acronym, [t.text for t in doc[start:end]]):
            return start
        if token.is_sent_start:
            return None
    return None


_NAMED_BY_ACRONYM = _ORGANISATIONS | {"Program"}
#: lower-case words an acronym may spell or skip in a name's opening words ("Skills for a Vibrant Economy", SAVE)
_LEFT_GLUE = _NAME_GLUE | {"a", "an", "the"}


def _spells_loosely(acronym: str, words: list[str]) -> bool:
    """The acronym's capitals are the capitalised words' initials, in order, with lower-case words
    free to give their initial or not ("SAVE", "Skills for a Vibrant Economy").

    >>> _spells_loosely("SAVE", ["Skills", "for", "a", "Vibrant", "Economy"]), _spells_loosely("SAVE", ["Vibrant", "Economy"])
    (True, False)
    """
    letters = [c for c in acronym if c.isupper()]

    @functools.lru_cache(maxsize=None)
    def fits(i: int, j: int) -> bool:  # letters[i:] spell words[j:]
        if j == len(words):
            return i == len(letters)
        word = words[j]
        gives = i < len(letters) and word[:1].upper() == letters[i] and fits(i + 1, j + 1)
        return gives or word[:1].islower() and fits(i, j + 1)
    return fits(0, 0)


def _spells(acronym: str, words: Iterable[str]) -> bool:
    """The acronym's capitals are the initials of the capitalised words, all and in order ("UTB",
    "Universiti Teknologi Brunei"; "MUHAS", "Muhimbili University of Health and Allied Sciences")."""
    return [c for c in acronym if c.isupper()] == [w[0] for w in words if w[:1].isupper()]


def _spelt_acronyms(doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
    """Acronyms defined for an organisation only the statistical model found ("the Higher Education
    for Economic Transformation (HEET) Project" ... "the HEET Project") where the acronym spells the
    name's initials, and not where the gazetteer knows the acronym (:func:`_acronyms_over_gazetteer`)."""
    taken = {i for f in chosen for i in range(f.start, f.end)}
    named = [f for f in chosen if f.source == "ner" and f.key is None and f.label not in ("Person", "Country")]
    return [a for a in _acronym_spans(doc, named, words) if a.start not in taken and _initials_of(a.text, a.refers_to or "")]


def _acronym_and_cue(chosen: list[Found]) -> list[Found]:
    """A defined acronym and its kind's cue word ("the HEET Project", "the CIVIS alliance", "the
    AHEAD programme") name the organisation the acronym stands for."""
    defined = {f.text: f for f in chosen if f.source == "acronym" and f.refers_to}
    if not defined:
        return chosen
    linked = {}
    for found in chosen:
        words = found.text.split()
        full = defined.get(words[0]) if len(words) == 2 and found.key is None and not found.refers_to else None
        kind = full.label if full is not None and full.label in _KIND_CUES else found.label  # a name typed later by its cue
        if full is not None and kind in _KIND_CUES and full.label in (kind, "Organization") and words[1].lower() in _KIND_CUES[kind]:
            linked[found] = replace(found, label=kind, key=full.key, refers_to=full.refers_to)
    return [linked.get(f, f) for f in chosen] if linked else chosen


#: the words after a name that make it an alliance's or a programme's ("the X alliance", "the Y programme")
_CUE_WORDS = LEXICON.context["Alliance"].after | LEXICON.context["Program"].after
#: the words after an acronym that name its programme or alliance ("the HEET Project", "the CIVIS alliance")
_KIND_CUES = {kind: LEXICON.context[kind].after | LEXICON.context[kind].apposition for kind in ("Program", "Alliance")}


def _cue_kind(word: str, default: str | None = None) -> str | None:
    """The kind a cue word after a name gives it: "alliance" an Alliance, "programme" a Program."""
    return next((kind for kind in ("Alliance", "Program") if word in LEXICON.context[kind].after), default)


def _word_acronym(short: str, name: str) -> bool:
    """An acronym written as a word, from the first letters of two or more of the name's
    capitalised words in order: "Norwegian Agency for Development Cooperation (Norad)" (Nor-a-d),
    "Swedish International Development Cooperation Agency (Sida)".

    >>> _word_acronym("Norad", "Norwegian Agency for Development Cooperation"), _word_acronym("Norad", "Nordic Council")
    (True, False)
    """
    if not (len(short) >= 3 and short.isalpha() and short[0].isupper() and short[1:].islower()) \
            or short in known_places().names:
        return False  # "University of Paris (Paris)": a place
    words = [w.lower() for w in re.split(r"[\s\-–]+", name) if w[:1].isupper()]
    letters = short.lower()

    @functools.lru_cache(maxsize=None)
    def spells(i: int, j: int, used: int) -> bool:  # letters[i:] from words[j:], ``used`` words so far
        if i == len(letters):
            return used >= 2
        if j == len(words):
            return False
        prefix = max((k for k in range(1, len(letters) - i + 1) if words[j].startswith(letters[i:i + k])), default=0)
        return any(spells(i + k, j + 1, used + 1) for k in range(prefix, 0, -1)) or used > 0 and spells(i, j + 1, used)
    return bool(words) and words[0].startswith(letters[0]) and spells(0, 0, 0)


def _clipped_form(short: str, name: str) -> bool:
    """A short form defined in brackets that clips a word of the name: "Dalhousie University (Dal)",
    "Chulalongkorn University (Chula)": capitalised, three letters or more, shorter than the word."""
    return len(short) >= 3 and short.isalpha() and short[0].isupper() and short[1:].islower() and any(
        len(word) > len(short) and word.startswith(short) for word in name.split())


def _acronyms_over_gazetteer(doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
    """Uses of an acronym the article defines for an organisation name only the NER found, where
    the gazetteer matched the same acronym ("the Association of Atlantic Universities (AAU)": not
    the American AAU); the acronym must spell the name's initials (a person's brackets do not count)."""
    known = {f.start for f in chosen if f.end - f.start == 1 and f.source == "gazetteer"}
    return [a for a in _acronym_spans(doc, [f for f in chosen if f.source == "ner" and f.label != "Person"], words)
            if a.start in known and _initials_of(a.text, a.refers_to or "")]


def _inside(start: int, end: int, name: Found) -> bool:
    """Tokens ``start:end`` lie inside the longer ``name``."""
    return name.start <= start and end <= name.end and name.end - name.start > end - start


def _crosses(start: int, end: int, name: Found) -> bool:
    """Tokens ``start:end`` cross one end of ``name``."""
    return start < name.start < end < name.end or name.start < start < name.end < end


def _initials_of(acronym: str, name: str) -> bool:
    """Every capital of ``acronym`` begins a word of ``name`` ("DU", "University of Delhi")."""
    initials = Counter(word[0].upper() for word in re.split(r"[\s\-–]+", name) if word[:1].isalpha())  # "Leiden-Delft-Erasmus"
    needed = Counter(c for c in acronym if c.isupper())
    return bool(needed) and all(initials[c] >= n for c, n in needed.items())


def _given_country(words, places) -> int:
    """1 where a two-word person's given name is a country's and the surname no place's ("Chad
    Gaffield", "Jordan Peterson"), else 0: the words of the name :func:`_not_in_names` skips."""
    if not (len(words) == 2 and places(words[0].text) is not None and places(words[1].text) is None
            and words[1].text.isalpha() and words[1].text[1:].islower()):
        return 0
    doc, end = words[1].doc, words[1].i + 1  # only with a title after the comma: "Chad Gaffield, Chief Executive
    return int(end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in _TITLE_FIRST_WORDS)  # Officer"


_TITLE_FIRST_WORDS = frozenset(title.split()[0].split("-")[0] for title in LEXICON.ordered["head_titles"])


def _not_in_names(token, places) -> bool:
    """A word that does not occur in personal names: a country, digits, "St" (Saint)."""
    return places(token.text) is not None or any(c.isdigit() for c in token.text) or token.text in ("St", "St.")


def _ner_spans(doc: Doc, places=lambda word: None, known=lambda name: False) -> list[Found]:
    """The statistical NER's persons and organisations, trimmed ("the", "of", titles, quotes, a heading
    before a dash, a table's next column); ``places`` gives a word's country code, ``known`` says
    whether the gazetteer has a name (then a generic-looking one is a name: "the State Council")."""
    found = []
    for ent in doc.ents:
        span = ent
        while span and span[-1].is_quote:
            span = span[:-1]
        if len(span) > 2 and span[-2].text == "(":  # "Department of Science and Innovation (DSTI": the name, not its
            span = span[:-2]  # acronym's opening bracket
        elif len(span) > 1 and span[-1].text == "(":  # "Higher Education for Technology and Innovation (": the bracket
            span = span[:-1]
        while span and (span[0].lower_ in ("the", "a", "an", "its", "their", "our", "his", "her") or span[0].is_quote
                        or span[0].text in _PERSON_TITLES
                        or span[0].is_lower and span[0].pos_ in ("ADP", "CCONJ", "SCONJ")  # "Chair [of University Alliance]"
                        or span[0].text in _HONORIFICS or span[0].text in ("Sir", "Dame") or span[0].pos_ in ("AUX", "VERB")):
            span = span[1:]
        gap = next((t.i for t in span if t.is_space), None)
        if gap is not None:  # "Capital Medical University    Clinical Medicine": a table's columns, not one name
            span = doc[span.start:gap]
        dash = next((t.i for t in reversed(span) if t.text in ("–", "—") or t.text == "-" and t.whitespace_), None)
        if dash is not None:  # "Ecology & Climate Change – VNIT": a heading, then the name
            span = doc[dash + 1:span.end]
        if span and _is_description([t.text for t in span if t.lower_ not in ("a", "an", "the")]) and not known(span.text):
            continue
        if not span or span.text in _NER_STOP or span[0].text in _PLURAL_HEADS:
            continue
        words = [t for t in span if not t.is_punct]
        if ent.label_ == "PERSON" and (_address(span) or span.text in known_places().names or span[0].text in ("His", "Her")):
            continue  # "Zhongda Rd"; "in Chennai, Tamil Nadu", "to Belo Horizonte": places, not persons
        members = next((k for k, t in enumerate(span) if t.text in _BOARD_MEMBERS), None)
        if ent.label_ == "ORG" and members is not None and 2 <= len(span) - members - 1 <= 3 and all(
                t.text[:1].isupper() and t.is_alpha and t.text not in HEAD_NOUNS for t in span[members + 1:]):
            tail = span[members + 1:]  # "Chairman of the Board of Trustees Kendal Knowles said": the chair, a person
            found.append(Found(tail.start, tail.end, "Person", None, "ner", tail.text))
            continue
        styled = span.start > ent.start and (ent[0].text in _HONORIFICS or ent[0].text in ("Sir", "Dame")) \
            and ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "NORP")  # "Dasho A B" taken for a work of art
        if ent.label_ == "ORG" and _person_heading(span, words) or styled and 2 <= len(words) <= 4 and all(
                t.text[:1].isupper() and t.text not in HEAD_NOUNS and not t.like_num for t in words):
            found.append(Found(span.start, span.end, "Person", None, "ner", span.text))  # "Volodymyr Bugrov heads the University"
        elif ent.label_ == "PERSON" and words and words[-1].text in _COMPANY_WORDS:
            found.append(Found(span.start, span.end, "Organization", None, "ner", span.text))  # "Keysight Technologies"
        elif ent.label_ == "PERSON" and 2 <= len(words) <= 4 and all(t.text[:1].isupper() for t in words) \
                and not _portfolio(words) \
                and len(span.text.split()) >= 2 and not any(t.text.endswith("-") for t in words) \
                and not any(t.text in HEAD_NOUNS or t.like_num or _not_in_names(t, places) for t in words[_given_country(words, places):]) \
                and not any(t.text == "-" and t.whitespace_ for t in span):
            found.append(Found(span.start, span.end, "Person", None, "ner", span.text))
        elif ent.label_ == "ORG" and (len(words) >= 2 or head_type([t.text for t in span])) and all(t.text[:1].isupper() or t.text in _CONNECTORS for t in words) \
                and not (len(words) == 1 and words[0].is_upper) and not any(t.like_num for t in words) \
                and not _coordination(span) and not _portfolio(t for t in words if t.lower_ not in ("and", "&")) \
                and not _degree_subject(span):
            found.append(Found(span.start, span.end, head_type([t.text for t in span]) or "Organization", None, "ner", span.text))
    return found


#: degrees and courses whose subject follows "in": "MSc in Marine Science", "a Master in Public Health"
_DEGREE_WORDS = frozenset({"msc", "bsc", "ma", "ba", "mba", "phd", "llm", "master", "masters", "master's", "bachelor",
                           "bachelor's", "degree", "degrees", "diploma", "doctorate", "course", "courses", "major"})


def _degree_subject(span: Span) -> bool:
    """The subject of a degree or course the model took for an organisation: "launches MSc in
    Marine Science" (the words after "in" after a degree's name, with no head noun of an organisation)."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ == "in" and doc[span.start - 2].lower_ in _DEGREE_WORDS \
        and head_type([t.text for t in span]) is None


def _person_heading(span: Span, words: list) -> bool:
    """A name of two or three proper nouns, no head noun among them, that heads, chairs, directs or
    presides over something: a person the statistical model took for an organisation."""
    return 2 <= len(words) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words) \
        and head_type([t.text for t in words]) is None and span.root.dep_ == "nsubj" \
        and span.root.head.lemma_.lower() in ("head", "chair", "preside", "direct") and span.root.head.pos_ == "VERB"


_COMPANY_WORDS = LEXICON.words["company_words"]  # "Keysight Technologies": a company, not a person


def _coordination(span: Span) -> bool:
    """"Durham, Exeter and Warwick" tagged as one ORG: names joined by commas or "and" with no
    head noun to make them one name (unlike "Ministry of Education, Culture and Science")."""
    return head_type([t.text for t in span]) is None and any(t.text in (",", "and") for t in span) \
        and any(t.dep_ == "conj" and span.start <= t.head.i < span.end for t in span)


_FINDERS: dict[tuple[int, int], MentionFinder] = {}


_OFFICE_WORDS = LEXICON.words["office_words"]


def _office_or_address(span: Span) -> bool:
    """A "person" that is an office, a post or a street: "Press Center of SU", "Communication Office
    CONARE", "Permanent Secretary", "Cumaratunga Munidasa Mawatha" (lexicon office_words, address_words)."""
    return any(t.text in _OFFICE_WORDS or t.lower_.strip(".") in _ADDRESS_WORDS
               and not (t.lower_ == "st." and span.start < t.i < span.end - 1)  # "Keith St. Rose": a surname
               for t in span)


def _without_degree_letter(doc: Doc, found: Found) -> Found:
    """"Dr. C. Eduardo Martínez Díaz", "Dra. C. Miriam Nicado": "C." after "Dr." is the Cuban style
    Doctor en Ciencias, not an initial of the name (kept where no two name words follow it)."""
    if found.label != "Person" or found.end - found.start < 3 or doc[found.start].text != "C." \
            or found.start == 0 or doc[found.start - 1].text not in ("Dr.", "Dra.", "Dr", "Dra"):
        return found
    return replace(found, start=found.start + 1, text=doc[found.start + 1:found.end].text)


def _lowercase_repeats(doc: Doc, chosen: list[Found], lowers: list[str]) -> list[Found]:
    """An organisation's name of two words or more that the text gives with capitals, repeated all
    in lower case, as tags and related-news lines write it ("the polytechnic university of tirana"
    after "Polytechnic University of Tirana"): the same organisation."""
    names: dict[tuple[str, ...], Found] = {}
    for found in chosen:
        if found.label in _ORGANISATIONS and found.end - found.start >= 2 and found.source not in ("acronym", "reference") \
                and any(c.isupper() for c in found.text) and (found.key is not None or head_type(found.text.split())):
            names.setdefault(tuple(lowers[found.start:found.end]), found)  # (not "marine science" after a model's
            # "Marine Science": a name with no head noun written in lower case is a field, not the name)
    if not names:
        return []
    taken = {i for f in chosen for i in range(f.start, f.end)}
    lengths = sorted({len(words) for words in names}, reverse=True)
    repeats = []
    i = 0
    while i < len(lowers):
        for size in lengths:
            name = names.get(tuple(lowers[i:i + size]))
            if name is not None and not taken.intersection(range(i, i + size)) \
                    and all(t.is_lower or not t.is_alpha for t in doc[i:i + size]):
                repeats.append(Found(i, i + size, name.label, name.key, name.source, doc[i:i + size].text,
                                     name.refers_to if name.key else name.refers_to or name.text))
                i += size
                break
        else:
            i += 1
    return repeats


def finder_for(nlp: Language, gazetteer: Gazetteer, cache_dir: Path | None = None) -> MentionFinder:
    """The :class:`MentionFinder` of this pipeline and gazetteer, built once per process
    (pattern tokenisation is also cached in ``cache_dir`` across processes)."""
    cache = _FINDERS
    key = (id(nlp), id(gazetteer))
    if key not in cache:
        cache.clear()  # one gazetteer at a time: a finder for a large gazetteer holds much memory
        cache[key] = MentionFinder(nlp, gazetteer, cache_dir)
    return cache[key]


_TITLED_KINDS = frozenset({"Ranking", "Program", "Alliance"})


def _titles_by_token(names: list[Found]) -> dict[int, Found]:
    """Ranking, programme and alliance titles found by head noun, by each token they cover."""
    return {i: n for n in names if n.label in _TITLED_KINDS for i in range(n.start, n.end)}


#: governing bodies named before their organisation: "the Council of the Association of Commonwealth Universities"
_BODY_HEADS = frozenset(word.capitalize() for word in LEXICON.words["bodies"])
_BODY_MODIFIERS = frozenset(word.capitalize() for word in LEXICON.words["body_modifiers"])


def _without_body(doc: Doc, name: Found, spans: dict[tuple[int, int], Found]) -> Found:
    """"Council of the Association of Commonwealth Universities" names a body of the association:
    the organisation is what follows "of (the)", when the gazetteer knows it or its own head noun
    types it ("Council of Higher Education" stays whole)."""
    start = name.start + (1 if doc[name.start].text in _BODY_MODIFIERS else 0)
    if doc[start].text not in _BODY_HEADS or start + 2 >= name.end or doc[start + 1].lower_ != "of":
        return name
    rest = start + 3 if doc[start + 2].lower_ == "the" else start + 2
    if rest >= name.end:
        return name
    known = spans.get((rest, name.end))
    kind = known.label if known is not None else head_type([t.text for t in doc[rest:name.end]])
    if kind not in ("Alliance", "University", "ResearchInstitute"):
        return name
    return replace(name, start=rest, label=kind, key=known.key if known is not None else None,
                   text=doc[rest:name.end].text)


def _cut_titles(doc: Doc, names: list[Found], gazetteer: list[Found]) -> list[Found]:
    """Names cut to the organisation they name: a governing body's name to its organisation's
    (:func:`_without_body`); a programme, ranking or alliance title that ends "of <a known
    university>" (the university's own programme: "Initiative of Excellence of Université Grenoble
    Alpes") before that "of", the university staying a name of its own."""
    ends = {f.end: f for f in gazetteer if f.label in ("University", "ResearchInstitute")}
    spans = {(f.start, f.end): f for f in gazetteer}
    cut = []
    for name in names:
        name = _without_body(doc, name, spans)
        university = ends.get(name.end) if name.label in _TITLED_KINDS else None
        of = university.start - 1 if university is not None else -1
        if of > name.start + 1 and doc[of].lower_ in ("of", "at") or of > name.start + 2 and doc[of].lower_ == "the" \
                and doc[of - 1].lower_ in ("of", "at"):
            end = of if doc[of].lower_ != "the" else of - 1
            name = replace(name, end=end, text=doc[name.start:end].text)
        cut.append(name)
    return cut


def _inside_title(found: Found, titles: dict[int, Found]) -> bool:
    """A gazetteer name inside a longer ranking, programme or alliance title of another kind
    ("QS" in "QS University Rankings"): the title wins."""
    n = titles.get(found.start)
    return n is not None and n.label != found.label and found.end <= n.end and (n.end - n.start) > (found.end - found.start)


def _cued_rankings(doc: Doc, chosen: list[Found], gazetteer: Gazetteer) -> list[Found]:
    """A publisher's name or an acronym right before "ranking(s)", "list", "table" names the
    ranking: "the QS ranking", "THE ranking", "the Times Higher Education list"; so does a name in
    quotes after "ranking" or "rating" (what the statistical model made of it gives way; the
    gazetteer's "X Ranking" when it knows one)."""
    cues = LEXICON.context["Ranking"].after
    by_end = {f.end: f for f in chosen}
    result = list(chosen)
    for token in doc[1:]:
        if token.lower_ not in cues or token.text[:1].isupper():
            continue
        quoted = _quoted_ranking(doc, token.i) if token.lower_ in ("ranking", "rating") else None
        inside = [f for f in result if quoted and f.start < quoted[1] and quoted[0] < f.end]
        if quoted is not None and all(f.key is None and f.source == "ner" and quoted[0] <= f.start for f in inside):
            result = [f for f in result if f not in inside]
            name = doc[quoted[0]:quoted[1]].text
            entry = next((e for variant in (name, f"{name} Ranking", f"{name} Rankings") for e in gazetteer.lookup(variant)
                          if e.kind == "Ranking"), None)
            result.append(Found(quoted[0], quoted[1], "Ranking", entry.key if entry else None,
                                "gazetteer" if entry else "pattern", name))
            continue
        before = by_end.get(token.i)
        end = _ranked_population_end(doc, token.i) if token.lower_ == "ranking" else token.i + 1
        start = before.start if before is not None else token.i - 1
        if end > token.i + 1 and (before is not None and before.key is not None or gazetteer.lookup(doc[start:token.i].text)
                                  or gazetteer.lookup(doc[start:token.i + 1].text)):
            end = token.i + 1  # "the QS ranking of European universities": a publisher the gazetteer knows, whose
            # rankings it knows too
        if before is not None and (before.label == "Organization" or before.label == "University" and before.key is None
                                   and before.end - before.start >= 2 and doc[before.end - 1].text not in HEAD_NOUNS):
            # ("the WSJ/College Pulse ranking": a name whose head word is not its last, no college)
            result.remove(before)
            result.append(Found(before.start, end, "Ranking", None, "pattern", doc[before.start:end].text))
        elif before is None and not any(f.start <= token.i - 1 < f.end for f in chosen):
            start = _publisher_name_start(doc, token.i)
            if start is not None:
                result = [f for f in result if not (start <= f.start < end)]
                result.append(Found(start, end, "Ranking", None, "pattern", doc[start:end].text))
    return result


#: what a ranking of the best lists ("Best Colleges", "Best Global Universities", "Best Business Schools")
_BEST_PLURALS = frozenset({"Colleges", "Universities", "Schools"})
#: words that may end such a ranking's name ("India Today-MDRA Best Universities Survey")
_LIST_TAILS = frozenset({"Survey", "Ranking", "Rankings", "List", "Guide"})
#: capitalised words that do not belong to the publisher's name before "Best"
_NOT_PUBLISHERS = frozenset({"The", "In", "Of", "A", "An", "And", "By", "For", "On", "At", "To", "From", "With", "This",
                             "Its", "Their", "Our"})


def _listed_best(doc: Doc, chosen: list[Found]) -> list[Found]:
    """A ranking named "PUBLISHER Best PLURAL", however its publisher is written: "the Wall Street
    Journal/College Pulse Best Colleges in the U.S.", "the India Today-MDRA Best Universities Survey",
    "Forbes America's Best Colleges". The name runs back over the publisher's capitalised words
    (joined by hyphens, slashes, "&" and "'s"; one word at least) and on over a closing "Survey",
    "Ranking" or "List" and a place ("in the U.S.", "in India", "in the World"). What the statistical
    model or the head nouns made of it ("... Best Colleges", a college) gives way; a name the
    gazetteer knows stays.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Rice is ninth in the Wall Street Journal/College Pulse Best Colleges in the U.S. this year.")
    >>> [(doc[f.start:f.end].text, f.label) for f in _listed_best(doc, [])]
    [('Wall Street Journal/College Pulse Best Colleges in the U.S.', 'Ranking')]
    """
    result = list(chosen)
    for token in doc[1:]:
        if token.text != "Best":
            continue
        head = token.i + 1
        while head < len(doc) and head - token.i <= 2 and doc[head].text[:1].isupper() and doc[head].text not in _BEST_PLURALS:
            head += 1  # "Best Global Universities", "Best Business Schools"
        if head >= len(doc) or doc[head].text not in _BEST_PLURALS:
            continue
        end = head + 2 if head + 1 < len(doc) and doc[head + 1].text in _LIST_TAILS else head + 1
        end = _place_of_list(doc, end)
        start = token.i
        while start > 0 and token.i - start < 8:
            before = doc[start - 1]
            if before.text in ("-", "/", "&", "'s", "’s") and start - 1 > 0 and doc[start - 2].text[:1].isupper():
                start -= 1
            elif before.text[:1].isupper() and before.text not in _NOT_PUBLISHERS:
                start -= 1
                if before.is_sent_start:
                    break
            else:
                break
        if start == token.i or doc[start].text in ("-", "/", "&"):
            continue
        inside = [f for f in result if f.start < end and start < f.end]
        if any(f.key is not None and f.label == "Ranking" for f in inside):
            continue  # "U.S. News Best Colleges": a ranking the gazetteer knows
        result = [f for f in result if f not in inside]
        result.append(Found(start, end, "Ranking", None, "pattern", doc[start:end].text))
    return result


_ACRONYM_CONNECTORS = frozenset({"of", "and", "for", "de", "des", "du", "&", "in", "on"})


def _names_before_acronyms(doc: Doc, chosen: list[Found], words: list[str]) -> list[Found]:
    """An organisation the statistical model missed or cut short, named before the acronym that
    spells it: "Oak Ridge Associated Universities (ORAU)" (the model's "Oak Ridge Associated", a
    facility), every capitalised word giving its initial in order (lower-case "of", "and", "for"
    give none), with an organisation's head noun (not "Annual General Meeting (AGM)"). Names the
    gazetteer knows, and spans of a longer name, stay as they are.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("OAK RIDGE, Tenn., March 18, 2025 – Oak Ridge Associated Universities (ORAU) has added five universities.")
    >>> [(f.text, f.label) for f in _names_before_acronyms(doc, [], [t.text for t in doc])]
    [('Oak Ridge Associated Universities', 'Alliance')]
    """
    result = list(chosen)
    for i in range(2, len(words) - 2):
        acronym = words[i + 1]
        if words[i] != "(" or words[i + 2] != ")" or not _BARE_ACRONYM.fullmatch(acronym):
            continue
        letters = [c for c in acronym if c.isalpha()]
        start, j, capitals = None, i, 0
        while j > 0 and capitals < len(letters):
            word = words[j - 1]
            if word[:1].isupper() and word.isalpha() and word not in _NOT_PUBLISHERS:
                capitals += 1
            elif word not in _ACRONYM_CONNECTORS or not capitals:
                break
            j -= 1
            if capitals == len(letters) and _spells(acronym, words[j:i]):
                start = j
        if start is None or capitals < 2:
            continue
        inside = [f for f in result if f.start < i and start < f.end]
        if any(f.key is not None or f.start < start or f.end > i or (f.start, f.end) == (start, i) for f in inside):
            continue
        kind = head_type(words[start:i])
        if kind is None:
            continue  # "Annual General Meeting (AGM)": no organisation's head noun
        name = doc[start:i].text
        parts = {f.text for f in inside}  # an acronym already defined for a part of the name stands for all of it
        result = [replace(f, label=kind, refers_to=name) if f.source == "acronym" and f.refers_to in parts else f
                  for f in result if f not in inside]
        source = "ner" if any(f.source == "ner" for f in inside) else "pattern"  # what the model found, completed
        result.append(Found(start, i, kind, None, source, name))
    return result


#: words that name an organisation's governing body after its name: "the AAP Consortium Board", "the UNIC Board
#: of Rectors", "the UASR Council", "the EUA Steering Committee"
_GOVERNING_WORDS = frozenset({"Board", "Council", "Committee", "Executive", "Steering", "Governing", "General", "Assembly",
                         "Consortium", "Rectors", "Directors", "Presidents", "Trustees", "Governors", "of", "the"})


def _governing_bodies(chosen: list[Found], words: list[str]) -> list[Found]:
    """The governing body of an alliance the text names, written as the alliance's name or acronym
    and the body's words ("chair of the AAP Consortium Board", "the UNIC Board of Rectors"): the
    alliance itself (its board's chair heads it, GOLD_FORMAT), not an organisation of its own."""
    alliances = {f.text: f for f in chosen if f.label == "Alliance" and not f.is_anaphor
                 and words[f.start:f.end] and not set(words[f.start:f.end]) & _GOVERNING_WORDS - {"of", "the"}}
    if not alliances:
        return chosen
    result = []
    for found in chosen:
        body = words[found.start:found.end]
        prefix = next((n for n in range(len(body) - 1, 0, -1) if " ".join(body[:n]) in alliances), None)
        if found.key is None and not found.refers_to and prefix and body[prefix] in _GOVERNING_WORDS - {"of", "the"} \
                and all(w in _GOVERNING_WORDS for w in body[prefix:]):
            alliance = alliances[" ".join(body[:prefix])]
            result.append(replace(alliance, start=found.start, end=found.start + prefix, text=" ".join(body[:prefix])))
        else:
            result.append(found)
    return result


def _compound_rankings(doc: Doc, chosen: list[Found]) -> list[Found]:
    """A ranking named by a German compound on "-ranking" after its publisher: "the WirtschaftsWoche
    Hochschulranking", "the CHE Hochschulranking" (one or two capitalised words before it).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("In the WirtschaftsWoche Hochschulranking 2025, RWTH Aachen University is first.")
    >>> [(doc[f.start:f.end].text, f.label) for f in _compound_rankings(doc, [])]
    [('WirtschaftsWoche Hochschulranking', 'Ranking')]
    """
    result = list(chosen)
    for token in doc[1:]:
        if not (token.text[:1].isupper() and len(token.text) >= 10 and token.lower_.endswith(("ranking", "rankings"))):
            continue
        start = token.i
        while start > 0 and token.i - start < 2 and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].text not in _NOT_PUBLISHERS and doc[start - 1].text not in HEAD_NOUNS:
            start -= 1
        if start == token.i or any(f.key is not None and f.start <= token.i < f.end for f in result):
            continue
        result = [f for f in result if not (f.start <= token.i and start < f.end)]
        result.append(Found(start, token.i + 1, "Ranking", None, "pattern", doc[start:token.i + 1].text))
    return result


def _place_of_list(doc: Doc, end: int) -> int:
    """The end of a best list's name that goes on with where it ranks ("in the U.S.", "in India",
    "in the World": "in", maybe "the", and one or two capitalised words naming a place)."""
    if end >= len(doc) or doc[end].lower_ != "in":
        return end
    i = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
    last = i
    while last < len(doc) and last - i < 2 and doc[last].text[:1].isupper() \
            and (doc[last].ent_type_ in ("GPE", "LOC") or doc[last].text in ("World", "America", "U.S.", "US", "UK")):
        last += 1
    return last if last > i else end


def _publisher_name_start(doc: Doc, cue: int) -> int | None:
    """Where the publisher's name before a ranking cue begins: one word (:func:`_ranking_publisher`),
    or two or three capitalised words after "the" that name no place ("the Jeune Afrique ranking",
    "the Washington Monthly ranking")."""
    if _ranking_publisher(doc[cue - 1]):
        return cue - 1
    start = cue
    while start > 0 and cue - start < 3 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
            and doc[start - 1].text not in _NOT_CUED and doc[start - 1].text not in HEAD_NOUNS:
        start -= 1
    if cue - start < 2 or start == 0 or doc[start - 1].lower_ != "the" \
            or all(t.ent_type_ in ("GPE", "NORP", "LOC") for t in doc[start:cue]):
        return None
    return start


def _ranked_population_end(doc: Doc, cue: int) -> int:
    """The end of a ranking's name that goes on with what it ranks: "the Censis ranking of Italian
    universities", "the Jeune Afrique ranking of African business schools" (at most four words
    after "of", the last a plural of the institutions ranked); else right after the cue."""
    if cue + 2 < len(doc) and doc[cue + 1].lower_ == "of":
        for end in range(cue + 3, min(cue + 7, len(doc) + 1)):
            if doc[end - 1].lower_ in _RANKED_POPULATIONS:
                return end
            if not (doc[end - 1].is_alpha and (doc[end - 1].pos_ in ("ADJ", "NOUN", "PROPN"))):
                break
    return cue + 1


#: plural nouns of what a ranking ranks, ending its name after "of"
_RANKED_POPULATIONS = frozenset({"universities", "schools", "colleges", "institutions", "programmes", "programs"})


def _ranking_subtitles(doc: Doc, chosen: list[Found], places) -> list[Found]:
    """A ranking's regional or thematic table named after a colon: "the AppliedHE Private University
    Ranking: ASEAN 2025", "QS World University Rankings: Sustainability". The colon follows
    "Ranking(s)" with no space; the subtitle is a place, a world region, an acronym of one or a word
    of the lexicon's ranking_subtitles, with more of them after "and", "&" or "the"; the table is a
    ranking of its own (a gazetteer entry that knows the whole name matched it before: "QS World
    University Rankings: Asia")."""
    result, dropped = [], set()
    for found in chosen:
        end = found.end
        if found.label != "Ranking" or end + 1 >= len(doc) or doc[end].text != ":" or doc[end - 1].whitespace_ \
                or doc[end - 1].lower_ not in ("ranking", "rankings"):
            result.append(found)
            continue
        stop = end + 1
        while stop < len(doc) and (_subtitle_word(doc[stop], places) or stop > end + 1 and doc[stop].lower_ in ("and", "&", "the")
                                   and stop + 1 < len(doc) and _subtitle_word(doc[stop + 1], places)):
            stop += 1
        if stop == end + 1:
            result.append(found)
            continue
        dropped.update(f for f in chosen if f is not found and end < f.end <= stop)
        result.append(Found(found.start, stop, "Ranking", None, "pattern", doc[found.start:stop].text))
    return [f for f in result if f not in dropped]


def _owned_programme_tails(chosen: list[Found]) -> list[Found]:
    """A programme named by the last words of a longer programme name of the text, its owner's name
    left out: "the Scholars Program" after "the Mastercard Foundation Scholars Program" is that
    programme (two words or more, and the longer name the only one that ends so)."""
    full = [f for f in chosen if f.label == "Program" and f.key is None and not f.is_anaphor and f.refers_to is None]
    result = []
    for found in chosen:
        words = found.text.split()
        longer = {f.text for f in full if len(f.text.split()) > len(words) and f.text.split()[-len(words):] == words} \
            if found in full and len(words) >= 2 else set()
        result.append(replace(found, refers_to=longer.pop()) if len(longer) == 1 else found)
    return result


def _subtitle_word(token, places) -> bool:
    """A word of a ranking's subtitle: "ASEAN", "Europe", "Latin", "America", "Sustainability"."""
    text = token.text
    return text[:1].isupper() and (text in _WORLD_REGIONS or text in _RANKING_SUBTITLES or places(text) is not None
                                   or token.ent_type_ in ("GPE", "LOC") or re.fullmatch(r"[A-Z]{4,6}", text) is not None)


_RANKING_SUBTITLES = LEXICON.words["ranking_subtitles"]


def _ranking_publisher(token) -> bool:
    """An acronym ("THE ranking") or a one-word proper name that is no place or nationality
    ("the Webometrics ranking", not "the Nigerian ranking"), right before a ranking cue."""
    if re.fullmatch(r"[A-Z]{2,6}", token.text):
        return True
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_sent_start \
        and token.ent_type_ not in ("GPE", "NORP", "LOC", "DATE") and token.text not in _NOT_CUED \
        and token.text not in HEAD_NOUNS and (token.i == 0 or not token.nbor(-1).text[:1].isupper())


def _context_kind(doc: Doc, found: Found, apposition_only: bool = False) -> str | None:
    """The organisation kind that the words around one mention suggest, or None (``apposition_only``:
    only what an apposition says, "X, a grouping created in 2008")."""
    end = found.end + 1 if found.end < len(doc) and doc[found.end].is_quote else found.end  # "«Zhas Galym» project"
    end = _past_brackets(doc, end)  # "the University of the Greater Region (UniGR), a grouping"
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[max(found.start - 5, 0):found.start].text.lower()
    window = doc[end:min(end + 7, len(doc))]
    apposed = len(window) > 1 and window[0].lower_ in (",", "as") and window[1].lower_ in ("a", "an", "the")
    body = after in _BODIES  # "the members of the DNRF Board": the board's members, not the organisation's
    for kind, cues in LEXICON.context.items():
        lead = before.removesuffix(" the") if kind == "Alliance" else before  # "members of the 1994 Group"
        if not apposition_only and (after in cues.after or not body and any(lead.endswith(" " + cue) or lead == cue
                                                                            for cue in cues.before)):
            return kind
        if apposed and any(t.lower_ in cues.apposition and t.dep_ not in ("nsubj", "nsubjpass")
                           and not (t.dep_ in ("dobj", "dep") and t.head.pos_ in ("VERB", "AUX"))
                           for t in itertools.takewhile(lambda t: t.pos_ != "ADP", window[2:]) if not t.is_punct):
            return kind  # "X, an alliance of ...", not "X as the successor to the Y Initiative" nor "with
            # the incorporation of X, the Network gathers 38 universities" (the clause's subject) nor "it created,
            # together with X, the Network of ..." (the verb's object after a phrase put in between)
    return None


_BODIES = LEXICON.words["bodies"]
#: words before "member of" that make it a person's place, not an organisation's membership ("a staff member of")
_PERSONS_MEMBERSHIP = LEXICON.words["personal_membership"]


def _member_of(doc: Doc, found: Found, named: set[int], alliances: set[int]) -> bool:
    """The name is one of the alliances an organisation is a member of, listed with one: "a member
    of the EAU, of the Network University of the CIS and of ...", "a member of the EUA and of the
    University of the Greater Region" (its own "of", then the list back to "member of", over at least
    one alliance's name); not "a staff member of the University of Oslo"."""
    after = _past_brackets(doc, found.end)
    if after < len(doc) and doc[after].pos_ in ("VERB", "AUX"):
        return False  # "..., and the University of Banja Luka is also a member": a clause's subject
    i = found.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return False  # its own "of": "members of the alliance, the University of A, ...": A is a member
    while i >= 1 and (i in named or doc[i].lower_ in _MEMBER_LIST_GLUE) and not (
            doc[i].lower_ == "of" and doc[i - 1].lower_ in ("member", "members")):
        i -= 1
    if i < 1 or doc[i].lower_ != "of" or doc[i - 1].lower_ not in ("member", "members"):
        return False
    return (i < 2 or doc[i - 2].lower_ not in _PERSONS_MEMBERSHIP) and bool(alliances.intersection(range(i, found.start)))


_MEMBER_LIST_GLUE = frozenset({"the", "of", ",", "and", "(", ")"})


def _bracketed_programme(doc: Doc, found: Found) -> bool:
    """The name, its acronym in brackets, then a programme's cue word: "the World Class University
    (WCU) programme", "the Research University (RU) scheme" (a name and its acronym before the cue);
    or a name whose last word is no head noun right before the cue: "the Reinventing University
    System programme" ("Tsinghua University programme" is a university's programme)."""
    end = found.end
    cues = LEXICON.context["Program"].apposition
    if end < len(doc) and doc[end].lower_ in cues and doc[end - 1].text not in HEAD_NOUNS:
        return True
    after = _past_brackets(doc, end)
    return end < after < len(doc) and doc[after].lower_ in cues


def _bracketed(doc: Doc, i: int) -> bool:
    """Whether token ``i`` stands inside round brackets of its sentence."""
    sent = doc[i].sent
    opened = [t.text for t in doc[sent.start:i] if t.text in ("(", ")")]
    return bool(opened) and opened[-1] == "("


def _past_brackets(doc: Doc, end: int) -> int:
    """The token after a short bracket that opens at ``end`` ("(UniGR)", "(I-CORE)": at most five
    tokens, no space inside), else ``end``."""
    if end >= len(doc) or doc[end].text != "(":
        return end
    close = next((i for i in range(end + 2, min(end + 7, len(doc))) if doc[i].text == ")"), None)
    if close is None or any(doc[i].whitespace_ for i in range(end + 1, close - 1)):
        return end
    return close + 1


def _retype_by_context(doc: Doc, chosen: list[Found]) -> list[Found]:
    """Type organisations that no gazetteer entry or head noun typed ("Organization") by what
    the text says around any of their mentions: "Udice members", "joined HeKKSaGOn",
    "Beijing Tech, an innovation-oriented alliance"; an unknown "University of ..." that an
    apposition calls an alliance ("the University of the Greater Region (UniGR), a grouping"); and a
    university or centre named right before a programme's cue ("the Centre of Excellence programme")."""
    groups: dict[str, list[Found]] = {}
    for found in chosen:
        if found.key is None and found.label in ("Organization", "University", "ResearchInstitute") and found.source != "reference":
            name = found.refers_to or found.text
            groups.setdefault(name, []).append(found)
    retyped: dict[Found, Found] = {}
    named = {i for f in chosen for i in range(f.start, f.end)}
    alliances = {i for f in chosen if f.label == "Alliance" and not f.is_anaphor for i in range(f.start, f.end)}
    for name, mentions in groups.items():
        university = mentions[0].label == "University"  # typed by its head noun: only an apposition retypes it
        institute = mentions[0].label == "ResearchInstitute"  # only a programme's cue word right after it does
        votes = Counter(kind for kind in (_context_kind(doc, m, university) for m in mentions)
                        if kind and not (university and kind != "Alliance") and not institute)
        if university and any(_member_of(doc, m, named, alliances) for m in mentions):
            votes["Alliance"] += len(mentions)  # "a member of the Network University of the CIS": a university
            # that others are members of is a network of universities
        if mentions[0].label == "Organization" and any(_counts_institutions(doc, m) for m in mentions):
            votes["Alliance"] += len(mentions)  # "PPEC now counts eight member institutions"
        if (university or institute) and any(_bracketed_programme(doc, m) for m in mentions):
            votes["Program"] += len(mentions)  # "the World Class University (WCU) programme": the name of a programme
        if votes:
            kind = votes.most_common(1)[0][0]
            retyped.update({m: replace(m, label=kind) for m in mentions})
            if institute and kind == "Program":  # "the Centre of Excellence programme": the cue is part of the name
                retyped.update({m: replace(m, label=kind, end=m.end + 1, text=doc[m.start:m.end + 1].text)
                                for m in mentions if _bracketed_programme(doc, m) and doc[m.end].text != "("})
    return [retyped.get(f, f) for f in chosen]


_COUNT_VERBS = LEXICON.words["count_verbs"]
_INSTITUTION_NOUNS = frozenset({"institution", "university", "college", "school", "polytechnic", "institute"})


def _counts_institutions(doc: Doc, found: Found) -> bool:
    """The name is the subject of a verb that counts or gathers institutions: "PPEC now counts eight
    member institutions", "the Council brings together the public institutions of Guam" (an
    association of institutions, not a body of persons: "members" alone may be persons)."""
    root = next((t for t in doc[found.start:found.end] if not found.start <= t.head.i < found.end), None)
    if root is None or root.dep_ != "nsubj" or root.head.lemma_ not in _COUNT_VERBS:
        return False
    return any(child.dep_ == "dobj" and child.tag_ == "NNS" and child.lemma_.lower() in _INSTITUTION_NOUNS
               for child in root.head.children)


def _surnames_of_persons(chosen: list[Found]) -> list[Found]:
    """A person named by the end of a longer name the text gives ("Durand-Morel", "Van de Walle",
    "Villanueva Lomelí" after "Claire Durand-Morel", "Ricardo Villanueva Lomelí") is that person."""
    full = [f for f in chosen if f.label == "Person" and not f.refers_to and len(f.text.split()) >= 2]
    if not full:
        return chosen
    linked = {}
    for found in chosen:
        if found.label != "Person" or found.refers_to:
            continue
        longer = {f.text for f in full if len(f.text) > len(found.text) and f.text.endswith(" " + found.text)}
        if len(longer) == 1:
            linked[found] = replace(found, refers_to=longer.pop())
    return [linked.get(f, f) for f in chosen] if linked else chosen


def _one_type_per_name(chosen: list[Found], words: list[str]) -> list[Found]:
    """A name the statistical model alone typed ("ACE Impact" as an organisation) has the type
    that a pattern, cue or the gazetteer gave the same name elsewhere in the text (a programme),
    and a programme, ranking or alliance found by pattern once is found wherever the text repeats it. A
    name the gazetteer matched only with its acronym in brackets is that entry wherever it stands alone."""
    bracketed = {re.sub(r" \([^()]+\)$", "", f.text): f for f in chosen if f.key is not None and f.text.endswith(")")}
    chosen = [replace(f, key=bracketed[f.text].key, label=bracketed[f.text].label) if f.key is None and not f.refers_to
              and f.text in bracketed and f.label in _ORGANISATIONS else f for f in chosen]  # "Group of Eight" where the
    # gazetteer matched "Group of Eight (Go8)", its name with the acronym, elsewhere
    typed = {f.text: f.label for f in chosen if f.source != "ner" and f.label in ("Program", "Ranking", "Alliance")}
    if not typed:
        return chosen
    chosen = [replace(f, label=typed[f.text]) if f.source == "ner" and f.key is None and f.label == "Organization"
              and f.text in typed else f for f in chosen]
    taken = {i for f in chosen for i in range(f.start, f.end)}
    patterns = {tuple(f.text.split()): f for f in chosen if f.source == "pattern" and f.key is None
                and f.label in ("Program", "Ranking", "Alliance") and len(f.text.split()) >= 2}
    repeated = []
    for name, first in patterns.items():
        for i in range(len(words) - len(name) + 1):
            if words[i] == name[0] and tuple(words[i:i + len(name)]) == name and not taken.intersection(range(i, i + len(name))):
                repeated.append(replace(first, start=i, end=i + len(name)))
                taken.update(range(i, i + len(name)))
    return sorted(chosen + repeated, key=lambda f: f.start) if repeated else chosen


def _country_tails(doc: Doc, chosen: list[Found], gazetteer: Gazetteer) -> list[Found]:
    """"Niigata University Japan", "Comenius University Bratislava": a name run on into its country
    or city, cut when the text names the organisation without it elsewhere ("European University
    Cyprus", never written short, stays)."""
    names = {f.text for f in chosen if f.end >= len(doc) or not doc[f.end].text[:1].isupper()}  # not itself cut
    # short of a capitalised word ("Technological University" of "Technological University Dublin")
    cut = []
    for found in chosen:
        last = doc[found.end - 1]
        if found.key is None and found.end - found.start >= 3 and found.source in ("pattern", "ner") \
                and (gazetteer.country_code(last.text) or last.text in known_places().names) \
                and doc[found.start:found.end - 1].text in names:
            found = replace(found, end=found.end - 1, text=doc[found.start:found.end - 1].text)
        cut.append(found)
    return cut


def _full_names(doc: Doc, chosen: list[Found]) -> list[Found]:
    """Names that go on past where the model or the patterns ended them: a university named for
    what it teaches takes its city ("University of Engineering and Technology, Lahore"), and an
    institution takes the person it is named after ("... University named after M. Auezov")."""
    extended = {}
    for found in chosen:
        if found.key is None and found.label in ("University", "ResearchInstitute", "Organization"):
            end = _named_after_end(doc, found.end) or (_place_suffix_end(doc, found) if found.label != "Organization" else None)
            if found.label != "Organization":
                end = _epithet_end(doc, end or found.end) or end
            if found.label == "University" and end is None:
                end = _numbered_end(doc, found)
            start = found.start - 1 if found.start and doc[found.start - 1].text in _SAINTS and found.label != "Organization" \
                else found.start  # "Ss. Cyril and Methodius University": the model leaves the saints' title out
            if end is not None or start != found.start:
                end = end or found.end
                extended[found] = replace(found, start=start, end=end, text=doc[start:end].text)
    if not extended:
        return chosen
    covered = [(f.start, f.end) for f in extended.values()]
    kept = []
    for found in (extended.get(f, f) for f in chosen):
        start = max([found.start, *(end for start, end in covered if start < found.start < end
                                    or start == found.start and end > found.end)])
        while found.start < start < found.end and not doc[start].text[:1].isupper():  # "[Mirzo Ulugbek] and the Kazakh ..."
            start += 1  # only the rest of a mention an extended name overlaps: "the programme" stays whole
        if start < found.end:
            kept.append(found if start == found.start else replace(found, start=start, text=doc[start:found.end].text))
    return kept


#: abbreviated titles of saints that open universities' names (one token each: kg.extract.nlp)
_SAINTS = LEXICON.words["saint_titles"]
_OPENING_QUOTES = frozenset({'"', "“", "„", "«"})
_CLOSING_QUOTES = frozenset({'"', "”", "“", "»"})


#: numbers of universities split from one ("University of Algiers 1", "Université de Yaoundé I")
_UNIVERSITY_NUMBERS = frozenset({"1", "2", "3", "4", "5", "6", "7", "8", "I", "II", "III", "IV"})


def _numbered_end(doc: Doc, found: Found) -> int | None:
    """Where a university's number ends right after its name ("University of Algiers 1", "University
    of Yaoundé I", "Université Paris 8"): one space before it, and no number or table column after it."""
    end = found.end
    if end >= len(doc) or doc[end].text not in _UNIVERSITY_NUMBERS or doc[end - 1].whitespace_ != " " \
            or doc[end].sent != doc[found.start].sent:
        return None
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and (after.like_num or after.text in ("-", "–", "|", "%", ".") or after.text.startswith(("st", "nd", "th"))
                              or after.is_space):
        return None  # "University of Malta 9 2,085,000", "... 1. ", table columns
    if "University" not in found.text and "Université" not in found.text and "Universidad" not in found.text:
        return None
    return end + 1


def _epithet_end(doc: Doc, end: int) -> int | None:
    """Where a quoted name of honour ends right after a university's name ('Sofia University "St.
    Kliment Ohridski"', 'Technological University of Havana "José Antonio Echeverría"'): the
    Central and Eastern European and Latin American style, one to six capitalised words or
    initials in quotes."""
    if end + 2 >= len(doc) or doc[end].text not in _OPENING_QUOTES or doc[end].whitespace_:
        return None
    for close in range(end + 2, min(end + 8, len(doc))):
        if doc[close].text in _CLOSING_QUOTES:
            inside = doc[end + 1:close]
            named = all(t.text[:1].isupper() or t.text in _CONNECTORS or t.text in (".", "-") for t in inside)
            return close + 1 if named and inside[0].text[:1].isupper() else None
        if doc[close].is_sent_start:
            return None
    return None


def _place_suffix_end(doc: Doc, found: Found) -> int | None:
    """Where ", Lahore" or " – Sofia" ends after a name made only of the words universities' names
    share (``places.toml`` name words, "Federal", "Central": no place, no person in it), if the
    city or region is the last capitalised word before the sentence goes on."""
    words = [t.text for t in doc[found.start:found.end] if t.text[:1].isupper()]
    generic = known_places().name_words
    if len(words) < 2 or not all(w in generic or w in _GENERIC_SHORT or w in HEAD_NOUNS for w in words):
        return None
    i = found.end
    if i + 1 >= len(doc) or doc[i].text not in (",", "–", "—") or not doc[i + 1].text[:1].isupper():
        return None  # "Medical University – Plovdiv": the Bulgarian style
    for end in range(min(i + 4, len(doc)), i + 1, -1):
        if doc[i + 1:end].text in known_places().names and doc[end - 1].sent == doc[i].sent:
            after = doc[end] if end < len(doc) else None
            if after is None or not after.text[:1].isupper() or after.is_sent_start:
                return end
    return None


def _named_after_end(doc: Doc, end: int) -> int | None:
    """Where "named after M. Auezov" ends right after a name, if it does; the person's lower-case
    style is part of it ("named after academician M. S. Osimi", "named after the first President of
    Russia B. N. Yeltsin")."""
    if end + 2 >= len(doc) or doc[end].lower_ != "named" or doc[end + 1].lower_ != "after":
        return None
    i = end + 2
    while i < min(end + 5, len(doc)) and doc[i].lower_ in _NAMED_AFTER_STYLES:
        i += 1
    start = i
    while i < len(doc) and not doc[i].is_sent_start and (doc[i].text[:1].isupper() and not doc[i].is_punct
                                                           or doc[i].text in ("-", "'") and not doc[i].whitespace_
                                                           or doc[i].lower_ == "of" and i > start and i + 1 < len(doc)
                                                           and doc[i + 1].text[:1].isupper()):
        i += 1
    return i if i > start else None


#: lower-case words of a person's style after "named after": "academician M. S. Osimi", "the first President of ..."
_NAMED_AFTER_STYLES = frozenset({"academician", "academic", "professor", "the", "first", "hero", "saint"})


def _short_name_index(gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Short names of curated universities ("Duke" for Duke University), with every university
    that has each ("York": the University of York and York University, in Toronto)."""
    index: dict[str, set[str]] = {}
    for entry in gazetteer.entries.values():
        if entry.kind != "University" or not entry.active or not is_curated(entry):
            continue
        for name in (entry.name, *entry.aliases):
            match = _SHORT_FORM.match(name)
            short = match and (match.group(1) or match.group(2))
            if short and not gazetteer.country_code(short) and short.split()[0] not in _GENERIC_SHORT:
                index.setdefault(short, set()).add(entry.key)
    return {short: tuple(sorted(keys)) for short, keys in index.items()}


_CAMPUS_NAME = re.compile(r"([A-Z]{2,6}) [A-Z][a-z]+")  # "IIT Bombay", "NIT Warangal": a system's acronym and a city


def _campus_prefixes(gazetteer: Gazetteer) -> frozenset[str]:
    """Acronyms of institute systems with one campus per city ("IIT" of "IIT Bombay", "NIT"),
    from the gazetteer's university names: at least two campuses known."""
    campuses = Counter(match.group(1) for entry in gazetteer.entries.values() if entry.kind == "University"
                       and is_curated(entry) for name in (*entry.aliases, *entry.acronyms)
                       if (match := _CAMPUS_NAME.fullmatch(name)))
    return frozenset(prefix for prefix, count in campuses.items() if count >= 2)


def _campus_names(doc: Doc, chosen: list[Found], prefixes: frozenset[str], words: list[str]) -> list[Found]:
    """A campus the gazetteer does not know, named like those it knows: "NIT, Warangal" or
    "IIT Jodhpur" (a system's acronym, an optional comma, one capitalised word)."""
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for token in (doc[i] for i, word in enumerate(words[:-1]) if word in prefixes):
        if token.i in taken:
            continue
        place = doc[token.i + 2] if doc[token.i + 1].text == "," and token.i + 2 < len(doc) else doc[token.i + 1]
        after = doc[place.i + 1] if place.i + 1 < len(doc) else None
        if place.i in taken or not re.fullmatch(r"[A-Z][a-z]+", place.text) or place.pos_ != "PROPN" \
                or after is not None and after.text[:1].isupper():
            continue
        found.append(Found(token.i, place.i + 1, "University", None, "pattern", f"{token.text} {place.text}"))
    return found


_TABLE_ROW = re.compile(r"^\s*\*?\d{1,4}[.)]?\s")  # "9 Calgary (8)": a row of a ranking table
_GENERIC_SHORT = LEXICON.words["generic_short_names"]


def _gazetteer_short_names(doc: Doc, chosen: list[Found], index: dict[str, tuple[str, ...]], words: list[str],
                           gazetteer: Gazetteer) -> list[Found]:
    """Bare short names of known universities in sentences about universities: "the other
    Southern universities in the AAU are Duke, Tulane and Vanderbilt". A short name that more
    than one university has is the one in the country of most universities the text names
    ("Durham, Lancaster ... and York": the University of York), if one is."""
    taken = {i for f in chosen for i in range(f.start, f.end)}
    universities = {i for f in chosen if f.label == "University" and not f.is_anaphor for i in range(f.start, f.end)}
    countries = Counter(gazetteer.entries[f.key].country for f in chosen if f.label == "University" and f.key
                        and f.key in gazetteer.entries)
    found = []
    named = sorted((i for i, word in enumerate(words) if word in index), key=lambda i: len(index[words[i]]) > 1)
    for token in (doc[i] for i in named):  # the unambiguous first: their countries decide for the others
        key = _likeliest(index[token.text], countries, gazetteer)
        if key is None or token.i in taken or not token.text[:1].isupper():
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and (following.text[:1].isupper() and not following.is_punct or following.text == "-"):
            continue
        if following is not None and following.text in ("'s", "’s") and token.head.i in universities:
            continue  # "Istanbul's famed Boğaziçi University": the city whose university it is
        first = token
        while first.dep_ == "conj" and first.head is not first and first.head.i not in universities:
            first = first.head  # "in Copenhagen, Geneva and Milan": places, however long the list (not up into
            # a university's name: "the University of North Carolina and Vanderbilt", parsed as "of (Carolina and V.)")
        if any(t.i > 0 and doc[t.i - 1].lower_ in LEXICON.short_name_not_before for t in (token, first)) or \
                first.dep_ == "pobj" and first.head.lower_ in LEXICON.short_name_not_before:
            continue
        others = [t for t in (*token.conjuncts, token.head) if t is not token]
        about = any(t.lemma_.lower() in LEXICON.short_name_context or t.lower_ in LEXICON.short_name_context
                    for t in token.sent)
        # listed with a university, or with other short names in a sentence about universities:
        # "Durham, Exeter and York have joined the Russell Group"
        listed = any(t.i in universities for t in others) or about and any(t.text in index for t in token.conjuncts)
        if _address_part(doc, token, universities) or token.ent_iob_ == "I" and token.ent_type_ in ("GPE", "LOC", "FAC"):
            continue  # an address's place, or the end of a longer place name ("New Delhi")
        row = bool(_TABLE_ROW.match(token.sent.text))
        if listed or row or (about and token.ent_type_ not in ("GPE", "LOC")):  # "Istanbul": a city unless listed
            found.append(Found(token.i, token.i + 1, "University", key, "gazetteer", token.text))
            countries[gazetteer.entries[key].country] += 1
    return sorted(found, key=lambda f: f.start)


def _clipped_names(chosen: list[Found], words: list[str], known) -> list[Found]:
    """A university's long first word cut short, used as its name where the text also names it in
    full: "Chula" for Chulalongkorn University. The cut word has at least four letters, at most
    three fifths of the word, is written twice or more, stands alone (no capitalised word or "'s"
    next to it), and is no name the gazetteer knows ("Penn" is another university's)."""
    firsts: dict[str, Found] = {}
    for found in chosen:
        first = words[found.start]
        if found.label == "University" and found.key and found.source == "gazetteer" and len(first) >= 10 \
                and first.isalpha() and first not in HEAD_NOUNS:
            firsts.setdefault(first, found)
    if not firsts:
        return []
    taken = {i for f in chosen for i in range(f.start, f.end)}
    uses = Counter(words)
    found = []
    for i, word in enumerate(words):
        if i in taken or len(word) < 4 or not word.isalpha() or not word.istitle() or uses[word] < 2:
            continue
        full = next((f for first, f in firsts.items() if first.startswith(word) and len(word) <= 0.6 * len(first)), None)
        neighbours = words[i - 1:i] + words[i + 1:i + 2]
        if full is None or any(w[:1].isupper() or w in _POSSESSIVE for w in neighbours) or known(word):
            continue
        found.append(Found(i, i + 1, full.label, full.key, "gazetteer", word, full.text))
    return found


#: words after an alliance's brand in its name ("the Aurora alliance", "ATHENA European University")
_BRAND_TAILS = frozenset({"alliance", "network", "universities", "university", "european", "consortium"})


def _brand_words(chosen: list[Found], words: list[str], gazetteer) -> list[Found]:
    """An alliance's brand word alone, where the text also names the alliance by the brand and
    head words: "Aurora now has 17 members" after "the Aurora alliance". The gazetteer never
    matches such a word alone (Aurora is also a city, ATHENA a charter); here the text has said
    which it means. The word is written as in the name, stands alone (no capitalised word or
    "'s" next to it: "Aurora Fernández", "Aurora University") and names nothing else the gazetteer
    knows; the NER's type is no guide (it calls Aurora a place or a person). A brand that is a
    city or country ("the Berlin University Alliance", "the Utrecht Network") is no brand here."""
    brands: dict[str, Found] = {}
    for found in chosen:
        name = words[found.start:found.end]
        if found.label == "Alliance" and found.key and found.source == "gazetteer" and len(name) >= 2 \
                and name[0][:1].isupper() and name[0].isalpha() and name[0].lower() not in _BRAND_TAILS \
                and all(w.lower() in _BRAND_TAILS for w in name[1:]):
            if not gazetteer.is_city(name[0]) and not gazetteer.country_code(name[0]):
                brands.setdefault(name[0], found)  # "Berlin University Alliance": "in Berlin" is the city
    if not brands:
        return []
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for i, word in enumerate(words):
        full = brands.get(word)
        if full is None or i in taken:
            continue
        before, after = words[i - 1:i], words[i + 1:i + 2]
        if any(w[:1].isupper() for w in after) or any(w in _POSSESSIVE for w in after) \
                or any(w[:1].isupper() and w.isalpha() for w in before) \
                or any(e.key != full.key for e in gazetteer.lookup(word)):
            continue
        found.append(Found(i, i + 1, full.label, full.key, "gazetteer", word, full.text))
    return found


def _initialisms(chosen: list[Found], words: list[str], known) -> list[Found]:
    """An undefined acronym that spells the initials of a known university or alliance the text
    names in full: "UoN" for the University of Nairobi ("U", "o", "N", case kept), "UCT" for the
    University of Cape Town (its capitalised words); "GCUB" for the Coimbra Group of Brazilian
    Universities (the initials of a name the gazetteer does not know, four or more, in another
    order: the name's in its own language). No acronym the gazetteer knows is taken."""
    forms: dict[str, Found] = {}
    unknown: dict[str, set[str]] = {}  # capitals of names the gazetteer does not know -> those names
    reordered: dict[str, set[Found]] = {}  # their capitals in alphabetical order -> those names
    named = []  # names an acronym may clip syllables of ("UNIBEN", "UNAIR"): the university's own, in full
    for found in chosen:
        if found.label not in ("University", "Alliance") or found.end - found.start < 2 \
                or not (found.key is not None and found.source == "gazetteer" or found.source == "pattern"):
            continue
        name = words[found.start:found.end]
        named.append((found, [w for w in name if w[:1].isalpha() and w.lower() not in _CONNECTORS]))
        spelt = _spelt_initials(name)  # "UOG" for the University of Guam
        if found.key is None:
            capitals = "".join(w[0] for w in name if w[:1].isupper())
            if len(capitals) >= 3:
                unknown.setdefault(capitals, set()).add(normalize_name(found.text))  # "Belarusian State Univ." is
                forms.setdefault(capitals, found)  # "Belarusian State University"
            if len(capitals) >= 4:  # "GCUB" for the "Coimbra Group of Brazilian Universities": its initials in the
                reordered.setdefault("".join(sorted(capitals)), set()).add(found)  # order of the name in its language
            if spelt:
                unknown.setdefault(spelt, set()).add(normalize_name(found.text))
                forms.setdefault(spelt, found)
            continue
        core = name[:name.index(",")] if "," in name else name  # "Nanyang Technological University, Singapore": NTU
        for form in ("".join(w[0] for w in name if w[:1].isalpha()),
                     "".join(w[0] for w in name if w[:1].isupper()),
                     "".join(w[0] for w in core if w[:1].isupper())):
            if len(form) >= 2 and sum(c.isupper() for c in form) >= 2:
                forms.setdefault(form, found)
        if spelt:
            forms.setdefault(spelt, found)
    if not named:
        return []
    for form, names in unknown.items():
        if len(names) > 1 and forms[form].key is None:
            del forms[form]  # two names of the text spell it: neither is meant
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for i, word in enumerate(words):
        if i in taken or word[:1].islower() or not word[:1].isalpha():
            continue
        full = forms.get(word) or (next((f for f, parts in named if _clips(word, parts)), None)
                                   if _CLIPPED.fullmatch(word) else None)
        anagram = {normalize_name(f.text): f for f in reordered.get("".join(sorted(word)), ())} if word.isupper() else {}
        if full is None and len(anagram) == 1 and not known(word):
            full = next(iter(anagram.values()))
        if full is not None and full.key is None and word.isupper():  # "Belarusian State University ... BSU":
            found.append(Found(i, i + 1, full.label, None, "acronym", word, full.text))  # the text's own name, which
            continue  # beats another the gazetteer knows by the same letters (it is not named here)
        if full is not None and not known(word):
            found.append(Found(i, i + 1, full.label, full.key, "acronym", word, full.text))
    return found


def _spelt_initials(name: list[str]) -> str | None:
    """"UOG" for "University of Guam": three initials, the one small word's written as a capital.

    >>> _spelt_initials("University of Guam".split()), _spelt_initials("University of the Andes".split())
    ('UOG', None)
    """
    if len(name) == 3 and name[1].islower() and name[0][:1].isupper() and name[2][:1].isupper():
        return "".join(w[0] for w in name).upper()
    return None


#: an acronym of clipped words: capitals, four letters or more ("UNIBEN", "UNAIR", "UniBen")
_CLIPPED = re.compile(r"(?=(?:.*[A-Z]){2})[A-Z][A-Za-z]{3,11}")


def _clips(acronym: str, parts: list[str]) -> bool:
    """Whether ``acronym`` is the beginnings of ``parts``, every one, in order, one of them two
    letters or more: "UNIBEN" = "UNI"versity + "BEN"in; "UNAIR" = "UN"iversitas + "AIR"langga.

    >>> _clips("UNIBEN", ["University", "Benin"]), _clips("UNAIR", ["Universitas", "Airlangga"]), _clips("UNBE", ["Universidad", "Nacional"])
    (True, True, False)
    """
    word = acronym.lower()

    @functools.cache
    def rest(i: int, j: int) -> bool:  # word[i:] spells parts[j:]
        if j == len(parts):
            return i == len(word)
        part = parts[j].lower()
        return any(word[i:i + n] == part[:n] and rest(i + n, j + 1) for n in range(1, min(len(part), len(word) - i) + 1))

    return len(parts) >= 2 and len(word) > len(parts) and rest(0, 0)


def _likeliest(keys: tuple[str, ...], countries: Counter, gazetteer: Gazetteer) -> str | None:
    """The one university of ``keys``, or the one in the country most named (``countries``), else None."""
    if len(keys) == 1:
        return keys[0]
    ranked = sorted(((countries[gazetteer.entries[k].country], k) for k in keys), reverse=True)
    return ranked[0][1] if ranked[0][0] > ranked[1][0] else None


def _address_part(doc: Doc, token, universities: set[int]) -> bool:
    """A place after a comma that ends an address: "Indian Institute of Technology Delhi, New
    Delhi, Delhi", "Hindu College, Delhi" (a university or place, a comma, the place, then the
    end of the line or another comma), not a short name in a list ("Toronto, McGill and UBC")."""
    if token.i < 2 or doc[token.i - 1].text != ",":
        return False
    if any(c.dep_ == "cc" for t in (token, *token.conjuncts) for c in t.children):
        return False  # "Leeds, Liverpool, Manchester and York": a coordination is a list, not an address
    before = doc[token.i - 2]
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None or "\n" in token.whitespace_ + following.text:
        return True  # "Rank 2: Miranda House, Delhi" on a line of its own
    return token.ent_type_ in ("GPE", "LOC") and following.text in (",", ".", ";", ")") \
        and (before.i in universities or before.ent_type_ in ("GPE", "LOC"))


_NOT_CUED = LEXICON.words["not_cued"]
_ACRONYM_CUES = LEXICON.words["program_acronym_cues"]


_OPENING = {"”": "“", "»": "«", '"': '"', "’": "‘"}


def _quoted_before(doc: Doc, cue: int) -> tuple[int, int] | None:
    """The words inside quotes right before a cue word: the “Departments of excellence” initiative."""
    close = cue - 1
    if close < 1 or doc[close].text not in _OPENING:
        return None
    for i in range(close - 1, max(close - 9, -1), -1):
        if doc[i].text == _OPENING[doc[close].text]:
            return (i + 1, close) if i + 1 < close and doc[i + 1].text[:1].isupper() else None
    return None


_CLOSING = {opening: closing for closing, opening in _OPENING.items()}


def _quoted_after(doc: Doc, cue: int) -> tuple[int, int] | None:
    """The capitalised words inside quotes right after a cue word: the programme “Research Universities”."""
    start = cue + 1
    if start >= len(doc) - 2 or doc[start].text not in _CLOSING:
        return None
    for i in range(start + 1, min(start + 10, len(doc))):
        if doc[i].text == _CLOSING[doc[start].text]:
            return (start + 1, i) if i > start + 1 and doc[start + 1].text[:1].isupper() else None
    return None


def _quoted_ranking(doc: Doc, cue: int) -> tuple[int, int] | None:
    """A ranking's name in quotes after "ranking" or "rating" and maybe its lower-case description:
    'the ranking "TOP-200 Ukraine 2024"', 'the rating of Ukrainian higher education institutions
    "TOP-200 Ukraine"' (the edition's year is not part of the name)."""
    i = cue
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        i += 1
        while i + 1 < len(doc) and i - cue <= 7 and doc[i + 1].is_alpha:
            i += 1
    quoted = _quoted_after(doc, i)
    if quoted is None:
        return None
    start, end = quoted
    if end - start > 1 and _YEAR_TOKEN.fullmatch(doc[end - 1].text):
        end -= 1
    return start, end


_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")


def _title_case_word(doc: Doc, i: int) -> bool:
    """A capitalised function word inside a title-case name: "Without" in "Science Without Borders"."""
    return doc[i].pos_ in ("ADP", "CCONJ", "DET") and i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper()


def _hyphenated_cued_names(doc: Doc, chosen: list[Found], lowers: list[str]) -> list[Found]:
    """A name of hyphen-joined capitalised words before a cue word ("the Leiden-Delft-Erasmus
    alliance"): one alliance or programme, not the universities its words recall."""
    named = []
    for i in range(3, len(lowers)):
        if lowers[i] not in _CUE_WORDS or not doc[i].text.islower():
            continue
        start = i - 1
        while start >= 2 and doc[start - 1].text in ("-", "–") and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha:
            start -= 2
        if start < i - 1 and doc[start].text[:1].isupper() and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
            named.append(Found(start, i, _cue_kind(lowers[i]), None, "pattern", doc[start:i].text))
    if not named:
        return chosen
    kept = [f for f in chosen if not any(n.start <= f.start and f.end <= n.end for n in named)]
    return _merge(kept, named)


def _cued_names(doc: Doc, chosen: list[Found], lowers: list[str]) -> list[Found]:
    """A name that no other source found, right before a cue word: "Udice members", "the
    SGroup network" (an alliance), "the Zhas Galym programme", "the «Zhas Galym» project" (a programme)."""
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for token in (doc[i] for i in range(1, len(lowers)) if lowers[i] in _CUE_WORDS or lowers[i] in _ACRONYM_CUES):
        kind = _cue_kind(token.lower_, "Program")  # "operation" (an acronym's cue) names a programme
        if token.text[:1].isupper() and not (doc[token.i - 1].text == ")" and token.i >= 4 and doc[token.i - 3].text == "("):
            continue  # a capitalised cue only after a bracketed acronym: "the Better Universities (BU) Project"
        if token.lower_ in _ACRONYM_CUES and doc[token.i - 1].text != ")":
            continue
        after = _quoted_after(doc, token.i) if kind == "Program" else None
        if after is not None and not taken.intersection(range(*after)):  # the state programme "Research Universities"
            found.append(Found(after[0], after[1], kind, None, "pattern", doc[after[0]:after[1]].text))
            taken.update(range(*after))
            continue
        quoted = _quoted_before(doc, token.i)
        if quoted is not None and not taken.intersection(range(*quoted)):
            found.append(Found(quoted[0], quoted[1], kind, None, "pattern", doc[quoted[0]:quoted[1]].text))
            continue
        end = token.i
        if end >= 4 and doc[end - 1].text == ")" and doc[end - 3].text == "(" and _ACRONYM.fullmatch(doc[end - 2].text):
            end -= 3  # "the Research University (RU) programme": the name before its acronym
            spelt = _initials_name(doc, end, doc[token.i - 2].text)
            if spelt is not None and not taken.intersection(range(spelt, end)):
                found.append(Found(spelt, end, kind, None, "pattern", doc[spelt:end].text))
                continue
        start = end
        while start > 0 and (doc[start - 1].pos_ == "PROPN" or _title_case_word(doc, start - 1)) and doc[start - 1].text[:1].isupper() \
                and start - 1 not in taken and doc[start - 1].text not in _NOT_CUED and doc[start - 1].text not in HEAD_NOUNS \
                and doc[start - 1].text not in TITLE_WORDS:
            start -= 1
        if start < end and not _described_by_place(doc, start, end):
            found.append(Found(start, end, kind, None, "pattern", doc[start:end].text))
    return found


def _described_by_place(doc: Doc, start: int, end: int) -> bool:
    """"a South Pacific network", "an Asian programme": after "a"/"an", a region's or place's
    words before the cue describe where it works; they name no network."""
    if start == 0 or doc[start - 1].lower_ not in ("a", "an"):
        return False
    words = [t.text for t in doc[start:end]]
    return all(w in _WORLD_REGIONS or w in _COMPASS or doc[start + k].ent_type_ in ("GPE", "LOC", "NORP")
               for k, w in enumerate(words)) or doc[start:end].text in known_places().names


def _described_brands(doc: Doc, chosen: list[Found]) -> list[Found]:
    """A kind written in capitals before a dash and the known name it describes: "the European
    University Alliance – EUTOPIA" names EUTOPIA only (the words before the dash are no alliance
    of their own when the gazetteer does not know them)."""
    by_start = {f.start: f for f in chosen}
    dropped = set()
    for found in chosen:
        brand = by_start.get(found.end + 1)
        if found.key is None and found.source in ("pattern", "ner") and found.label in ("Alliance", "Program") \
                and found.end < len(doc) and doc[found.end].text in ("–", "—", "-", ":") and doc[found.end].whitespace_ \
                and brand is not None and brand.key is not None and brand.label == found.label \
                and found.start > 0 and doc[found.start - 1].lower_ == "the":
            dropped.add(found)
    return [f for f in chosen if f not in dropped] if dropped else chosen


def _country_led_programmes(doc: Doc, chosen: list[Found]) -> list[Found]:
    """A programme's name that opens with its country, after "the": "the Colombia Científica
    programme" is one name, not the country and "Científica" (not "Colombia's Científica programme")."""
    by_end = {f.end: f for f in chosen if f.label == "Country"}
    merged: dict[Found, Found] = {}
    for found in chosen:
        country = by_end.get(found.start)
        if found.label != "Program" or found.key is not None or found.source != "pattern" or country is None \
                or country.start < 1 or doc[country.start - 1].lower_ != "the":
            continue
        merged[country] = None
        merged[found] = replace(found, start=country.start, text=doc[country.start:found.end].text)
    if not merged:
        return chosen
    return [merged.get(f, f) for f in chosen if merged.get(f, f) is not None]


def _named_after_description(doc: Doc, chosen: list[Found], lowers: list[str]) -> list[Found]:
    """A name that no other source found right after the description it is given: "the European
    university alliance Aurora", "the network Aurora", "the state programme Zhas Galym" (a lower-case
    cue word after "the" and at most two other words, then one to four capitalised words)."""
    taken = {i for f in chosen for i in range(f.start, f.end)}
    found = []
    for kind in ("Alliance", "Program"):
        cues = LEXICON.context[kind].apposition - {"group"}  # "the Spanish research group SCImago": no alliance
        for i in range(1, len(lowers) - 1):
            if lowers[i] not in cues or not doc[i].text.islower() or "the" not in lowers[max(i - 3, 0):i]:
                continue
            end = i + 1
            while end < len(doc) and end - i <= 4 and end not in taken and doc[end].text[:1].isupper() \
                    and doc[end].is_alpha and doc[end].text not in TITLE_WORDS and doc[end].text not in HEAD_NOUNS \
                    and doc[end].text not in _NOT_CUED and doc[end].is_sent_start is not True:
                end += 1
            if i + 1 < end <= i + 4 and (end == len(doc) or not doc[end].text[:1].isupper()):
                found.append(Found(i + 1, end, kind, None, "pattern", doc[i + 1:end].text))
                taken.update(range(i + 1, end))
    return found


#: who owns a programme named only by owner and head ("the State Programme", "the National Program")
_PROGRAMME_OWNERS = frozenset({"State", "National", "Federal", "Presidential", "Government"})
_PROGRAMME_HEADS = frozenset({"Programme", "Program"})
#: words before a programme's description that make it another programme than the one the text is about
_OTHER_PROGRAMME = frozenset({"a", "an", "new", "next", "another", "future", "second", "third", "previous", "former"})


def _state_programmes(doc: Doc, chosen: list[Found], words: list[str], lowers: list[str]) -> list[Found]:
    """"The State Programme was launched in 2019 ... took part in the Programme": a programme that
    the text names, capitalised, only by its owner and head noun ("State Programme", "National
    Programme"), at least twice, is named so (a description otherwise: :func:`_is_description`);
    not where "a new State Programme" is another one."""
    taken = {i for f in chosen for i in range(f.start, f.end)}
    places = [i for i in range(1, len(words)) if words[i] in _PROGRAMME_HEADS and words[i - 1] in _PROGRAMME_OWNERS
              and i not in taken and i - 1 not in taken]
    found = []
    for name in {f"{words[i - 1]} {words[i]}" for i in places}:
        uses = [i for i in places if f"{words[i - 1]} {words[i]}" == name]
        if len(uses) < 2:
            continue
        found += [Found(i - 1, i + 1, "Program", None, "pattern", name) for i in uses
                  if i < 2 or lowers[i - 2] not in _OTHER_PROGRAMME]
    return found


def _quoted_programmes(doc: Doc, lowers: list[str]) -> list[Found]:
    """Names in quotes right after a programme's cue word ('the programme "University Top-1000"')."""
    found = []
    for i, lower in enumerate(lowers):
        if lower in LEXICON.context["Program"].after and not doc[i].text[:1].isupper():
            after = _quoted_after(doc, i)
            if after is not None:
                found.append(Found(after[0], after[1], "Program", None, "pattern", doc[after[0]:after[1]].text))
    return found


def _initials_name(doc: Doc, end: int, acronym: str) -> int | None:
    """Where the capitalised words that ``acronym`` spells end at token ``end`` begin ("Research
    University" for RU, "Higher Education Expansion and Development" for HEED: function words between
    spell nothing): the acronym vouches for the name, head nouns included; None if they do not spell it."""
    letters = [c for c in acronym if c.isupper()]
    if len(letters) < 2:
        return None
    i, skipped = end, 0
    while letters and i > 0:
        token = doc[i - 1]
        first = token.text[:1]
        if first.upper() == letters[-1] and (first.isupper() or token.lower_ in _SPELLS_NOTHING) and (i < end or first.isupper()):
            letters.pop()  # "and" may spell its letter: "Expansion and Development (AHEAD)" ... A(nd) D(evelopment)
        elif token.lower_ in _SPELLS_NOTHING and i < end:
            pass
        elif first.isupper() and token.is_alpha and i < end and skipped < 1 and len(letters) > 1:
            skipped += 1  # a word the acronym leaves out ("Accelerating Higher Education Expansion and Development")
        else:
            return None
        i -= 1
    return i if not letters and doc[i].lower_ not in _SPELLS_NOTHING else None


_SPELLS_NOTHING = frozenset({"and", "of", "for", "the", "in", "on", "&"})
