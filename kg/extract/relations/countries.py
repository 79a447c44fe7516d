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
        tail = view.doc_text[end_char:end_char + 40]
        match = re.match(r"\s*(?:\(|,\s*|\s+in\s+)([A-Z][A-Za-z .']+?)(?:\)|[,.;]|$)", tail)
        code = view.gazetteer.country_code(match.group(1).strip()) if match else None
        if code is None and mention.key is None:
            code = _country_in_name(view, mention.text.split())
        if code:
            yield Fact(mention, "country", code, view.text)


_REGIONS = frozenset({"Latin", "North", "South", "East", "West", "Central", "Southeast", "Sub-Saharan", "Pan"})


def _country_in_name(view: SentenceView, words: list[str]) -> str | None:
    """The country a name's own words give ("Gubkin Russian State University"), not a region's
    ("Union of Latin American Universities", where "American" is no country; "South Korean" is one)."""
    for i, word in enumerate(words):
        if i > 0 and words[i - 1] in _REGIONS:
            code = view.gazetteer.country_code(f"{words[i - 1]} {word}")
        else:
            code = view.gazetteer.country_code(word)
        if code:
            return code
    return None
