"""country: the country the text states for an organisation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Fact, SentenceView
from .ranking import national_rankings


def find_countries(view: SentenceView) -> Iterator[Fact]:
    """Countries the text states: "Russian universities, including A", "A (China)", "Gubkin Russian ... University"."""
    if view.gazetteer is None:
        return
    doc = view.sent.doc
    countries = view.of(frozenset({"Country"}))
    for country in countries:
        code = view.gazetteer.country_code(country.text)
        nxt = doc[country.end:country.end + 3]
        if code and any(t.lower_ in ("universities", "institutions", "partners", "members", "schools") for t in nxt[:2]):
            rest = view.lower[view.char_offset(country.end) if country.end < view.sent.end else len(view.lower):]
            trigger = re.search(r"including|include|such as|namely|:", rest)
            if trigger:
                limit = next((c.start for c in countries if c.start > country.start), view.sent.end)
                begin = country.end
                for member in view.of(frozenset({"University", "ResearchInstitute"}), begin, limit, anaphors=False):
                    yield Fact(member, "country", code, view.text)
    yield from national_rankings(view, countries)
    for mention in view.of(frozenset({"University", "ResearchInstitute", "Organization", "Alliance"}), anaphors=False):
        end_char = doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
        tail = view.doc_text[end_char:end_char + 60]
        match = re.match(r"\s*(?:\(|,\s*|\s+in\s+|\s+from\s+(?:the\s+)?)([A-Z][A-Za-z .']+?)(?:\)|[,.;]|$)", tail)
        code = view.gazetteer.country_code(match.group(1).strip()) if match else None
        if code is None and mention.label == "Organization":  # "the British magazine X", "X, the American media company"
            head = view.doc_text[max(doc[mention.start].idx - 60, 0):doc[mention.start].idx]
            described = _DESCRIBED_BEFORE.search(head) or _DESCRIBED_AFTER.match(tail)
            code = view.gazetteer.country_code(described.group(1)) if described else None
        if code is None and mention.key is None:
            code = _country_in_name(view, mention.text.split())
        if code:
            yield Fact(mention, "country", code, view.text)


#: a nationality and the kind of body before or after an organisation's name: "the British magazine
#: Times Higher Education", "Quacquarelli Symonds (QS), the British company that ..."
_BODY_KINDS = r"(?:company|magazine|newspaper|agency|firm|publisher|consultancy|organi[sz]ation|foundation|institute|council)"
_DESCRIBED_BEFORE = re.compile(rf"\bthe\s+([A-Z][a-z]+)\s+(?:[a-z-]+\s+){{0,2}}{_BODY_KINDS}\s+$")
_DESCRIBED_AFTER = re.compile(rf"\s*(?:\([^)]*\)\s*)?,\s+(?:an?|the)\s+([A-Z][a-z]+)\s+(?:[a-z-]+\s+){{0,2}}{_BODY_KINDS}\b")

#: nationalities that name a style of university ("American University of ..."), not where it is
_DEMONYM_STYLES = frozenset({"American", "British", "French", "German"})
_REGIONS = frozenset({"Latin", "North", "South", "East", "West", "Central", "Southeast", "Sub-Saharan", "Pan"})


def _country_in_name(view: SentenceView, words: list[str]) -> str | None:
    """The country a name's own words give ("Gubkin Russian State University"), not a region's
    ("Union of Latin American Universities", where "American" is no country; "South Korean" is one),
    and none where the name says where it is after "of" or "in" ("American University of Central
    Asia", "American University in Cairo": the nationality names a style, the place the location)."""
    placed = next((i for i, word in enumerate(words) if word in ("of", "in") and i + 1 < len(words)
                   and words[i + 1][:1].isupper()), None)
    if placed is not None and any(view.gazetteer.country_code(w) is not None for w in words[:placed]) \
            and not any(view.gazetteer.country_code(w) is not None for w in words[:placed] if w not in _DEMONYM_STYLES):
        return _country_in_name(view, words[placed + 1:])  # "American University of Beirut": Beirut, if it is known
    for i, word in enumerate(words):
        if i + 1 < len(words) and words[i + 1] in ("Ocean", "Sea"):
            continue  # "Indian Ocean Commission": a sea's name, no nationality
        if i > 0 and words[i - 1] in _REGIONS:
            code = view.gazetteer.country_code(f"{words[i - 1]} {word}")
        else:
            code = view.gazetteer.country_code(word)
        if code:
            return code
    return None
