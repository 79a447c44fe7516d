"""country: the country the text states for an organisation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import places as known_places
from ..mentions import name_after_fronted_clause
from .base import Fact, identity, SentenceView
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
        before = [t.lower_ for t in doc[max(country.start - 3, view.sent.start):country.start]]
        if code and (any(t.lower_ in _GROUP_NOUNS for t in nxt[:2])
                     or before[-2:] == ["of", "the"] and before[:1] and before[0] in _GROUP_NOUNS
                     or before[-1:] == ["of"] and len(before) >= 2 and before[-2] in _GROUP_NOUNS):
            # "Russian universities such as A", "the public universities of Malawi that take part are: A, B"
            rest = view.lower[view.char_offset(country.end) if country.end < view.sent.end else len(view.lower):]
            trigger = re.search(r"including|include|such as|namely|among them|among which|:", rest) or \
                re.match(r"[^,.;]{0,40}?\b(?:are|were)\s+(?:the\s+)?(?=[A-Z])", view.text[len(view.text) - len(rest):])
            # ("Other Syrian universities in the ranking are A, in the 71st place, B and C")
            # "two universities of Spain, A and B", "of Chad – A, B, ...", "Two other Burundian institutions, A and B":
            # the names in apposition only (not "Beyond the Portuguese universities, X signs ...")
            if not trigger and _APPOSED_LIST.match(rest):
                first = next(iter(view.of(_PLACED, country.end, view.sent.end, anaphors=False)), None)
                if first is not None and all(t.lower_ in ("the", ",", "–", "—", "-") or t.lower_ in _GROUP_WORDS
                                             for t in doc[country.end:first.start]):
                    previous = None
                    for member in view.of(_PLACED, first.start, view.sent.end, anaphors=False):
                        if previous is not None and not _list_gap(doc[previous.end:member.start]):
                            break  # "..., X maintains agreements with Y (Brazil)": the apposition is over
                        previous = member
                        yield Fact(member, "country", code, view.text)
            if trigger:
                limit = next((c.start for c in countries if c.start > country.start), view.sent.end)
                begin = country.end
                for member in view.of(frozenset({"University", "ResearchInstitute"}), begin, limit, anaphors=False):
                    yield Fact(member, "country", code, view.text)
    yield from national_rankings(view, countries)
    yield from _country_cell(view, countries)
    for mention in view.of(frozenset({"University", "ResearchInstitute", "Organization", "Alliance"}), anaphors=False):
        end_char = doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
        tail = view.doc_text[end_char:end_char + 60]
        bracketed = view.at.get(mention.end + 1) if mention.end + 2 < len(doc) and doc[mention.end].text == "(" else None
        if bracketed is not None and bracketed.label != "Country" and bracketed.end < len(doc) and doc[bracketed.end].text == ")":
            after = doc[bracketed.end].idx + 1  # "the Danube Rectors' Conference (DRC)": its acronym, whatever else it spells
            tail = view.doc_text[after:after + 60]
        if mention.start > 0 and doc[mention.start - 1].text == "(" and tail.startswith(")"):
            tail = tail[1:]  # "the College of Agriculture, Science and Education (CASE), Jamaica": the acronym's too
        code = _country_after(view, tail)
        if code is None and mention.label == "Organization":  # "the British magazine X", "X, the American media company"
            head = view.doc_text[max(doc[mention.start].idx - 60, 0):doc[mention.start].idx]
            described = _DESCRIBED_BEFORE.search(head) or _DESCRIBED_AFTER.match(tail)
            code = view.gazetteer.country_code(described.group(1)) if described else None
        if code is None and mention.key is None:
            code = _country_in_name(view, mention.text.split())
        if code:
            yield Fact(mention, "country", code, view.text)
    yield from _seat_countries(view, countries)
    yield from _university_of_country(view, countries)
    yield from _country_headed_line(view, countries)
    yield from _partners_in_fronted_country(view, countries)
    yield from _list_in_country(view, countries)


def _country_cell(view: SentenceView, countries: list) -> Iterator[Fact]:
    """A table row ("University of Oulu | Finland | 2016", cells tab-separated) with one
    organisation and one country, each a cell of its own: the organisation is in that country."""
    if "\t" not in view.text or len(countries) != 1:
        return
    cells = [re.sub(r"\s*\([^()]{1,15}\)$", "", cell.strip()) for cell in view.text.split("\t")]  # "Name (ACR)": the name
    named = [m for m in view.of(_PLACED | {"Alliance", "Organization"}, anaphors=False) if m.text.strip() in cells]
    code = view.gazetteer.country_code(countries[0].text) if countries[0].text.strip() in cells else None
    if code and len({m.refers_to or m.text for m in named}) == 1:
        yield Fact(named[0], "country", code, view.text)


def _list_gap(tokens) -> bool:
    """Whether only a list's glue stands between two names: commas, "and", articles, a bracket
    ("A (UNED) and B"), a dash."""
    inside = False
    for token in tokens:
        if token.text == "(":
            inside = True
        elif token.text == ")":
            inside = False
        elif not inside and token.lower_ not in (",", "and", "&", "the", "–", "—", "-", ";"):
            return False
    return True


#: a group noun's words, then the comma or dash of an apposition that lists the group
_GROUP_WORDS = frozenset({"public", "private", "state", "national", "higher", "education", "universities", "institutions",
                          "colleges", "institutes", "schools"})
_APPOSED_LIST = re.compile(r"\s*(?:(?:" + "|".join(sorted(_GROUP_WORDS)) + r")\s*)*(?:,|–|—|-\s)")
#: words between the names of one list: "A, B and the C in Denmark"
_LIST_GLUE = frozenset({",", "and", "&", "the", "as", "well"})


def _list_in_country(view: SentenceView, countries: list) -> Iterator[Fact]:
    """"with the University of Copenhagen and Aarhus University in Denmark": a country after "in"
    or "from" places every name of the list right before it, not only the last one."""
    doc = view.sent.doc
    for country in countries:
        if country.start - 2 < view.sent.start or doc[country.start - 1].lower_ not in ("in", "from"):
            continue
        code = view.gazetteer.country_code(country.text)
        last = view.at.get(country.start - 2)
        if not code or last is None or last.label not in _PLACED:
            continue
        i, listed = last.start - 1, []
        while i >= view.sent.start:
            mention = view.at.get(i)
            if mention is not None and mention.label in _PLACED and not mention.is_anaphor:
                listed.append(mention)
                i = mention.start - 1
            elif doc[i].lower_ in _LIST_GLUE:
                i -= 1
            else:
                break
        for mention in listed:  # (the last one: _country_after)
            entry = view.gazetteer.get(mention.key) if mention.key else None
            if entry is None or entry.country in (None, code):
                yield Fact(mention, "country", code, view.text)


_PLACED = frozenset({"University", "ResearchInstitute"})


def _partners_in_fronted_country(view: SentenceView, countries: list) -> Iterator[Fact]:
    """"In Ethiopia, the University cooperates since 2016 with A and with B": a country that opens
    the sentence is where the organisations named after "with" are (not the subject, which acts there)."""
    doc = view.sent.doc
    if len(countries) != 1 or countries[0].start != view.sent.start + 1 or doc[view.sent.start].lower_ != "in" \
            or countries[0].end >= view.sent.end or doc[countries[0].end].text != ",":
        return
    code = view.gazetteer.country_code(countries[0].text)
    withs = [t.i for t in view.tokens if t.lower_ == "with" and t.i > countries[0].end]
    if not code or not withs:
        return
    for mention in view.of(frozenset({"University", "ResearchInstitute", "Organization"}), withs[0], view.sent.end, anaphors=False):
        entry = view.gazetteer.get(mention.key) if mention.key else None
        end_char = doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
        if re.match(r"\s*(?:in\s+[A-Z]|\()", view.doc_text[end_char:end_char + 20]):
            continue  # "with the University of Iceland in Reykjavik": placed by its own words
        if entry is None or entry.country in (None, code):
            yield Fact(mention, "country", code, view.text)


def _country_headed_line(view: SentenceView, countries: list) -> Iterator[Fact]:
    """A line that opens with a country and a dash or colon, then its institutions: "Poland -
    Jagiellonian University; AGH University of Krakow", "Germany: A, B" (one country on the line)."""
    doc = view.sent.doc
    if len(countries) != 1 or "\n" in view.text.strip():
        return
    country = countries[0]
    opening = [t for t in doc[view.sent.start:country.start] if not (t.is_punct or t.like_num or t.is_space)]
    if opening or country.end >= view.sent.end or doc[country.end].text not in ("-", "–", "—", ":"):
        return
    code = view.gazetteer.country_code(country.text)
    if code:
        for member in view.of(frozenset({"University", "ResearchInstitute"}), country.end, view.sent.end, anaphors=False):
            yield Fact(member, "country", code, view.text)


_KIND_NOUNS = frozenset({"university", "universities", "institution", "institutions", "college", "colleges", "school",
                         "schools", "academy", "polytechnic"})


def _university_of_country(view: SentenceView, countries: list) -> Iterator[Fact]:
    """"A is the oldest university of the Dominican Republic", "A, the first university of Albania",
    "A remains the only Gabonese institution", "A is Saint Lucia's national community college",
    "It is the largest of the public universities of Guinea", "A was set up in 2003 and is the only
    institution of higher education in the Åland Islands": the organisation that the copula or an
    apposition says is one of a country's."""
    for country in countries:
        noun = _kind_noun_of(view.sent.doc[country.start])
        if noun is None:
            continue
        predicate = noun
        for _ in range(2):  # "the largest of the public universities of Guinea": the superlative is the predicate
            if predicate.dep_ == "pobj" and predicate.head.lower_ == "of" and predicate.head.head.dep_ in ("attr", "conj", "appos") \
                    and (predicate.head.head.tag_ == "JJS" or predicate.head.head.lower_ in ("one", "first", "only")):
                predicate = predicate.head.head  # (not "the partnership of the four Dutch universities": a description)
        while predicate.dep_ == "conj" and predicate.head.dep_ in ("attr", "appos"):
            predicate = predicate.head  # "the oldest and the largest"
        if predicate.dep_ == "attr" and predicate.head.lemma_ in _COPULAS:
            verb = predicate.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and verb.dep_ == "conj":  # "A was established in 2003 and is the only institution ..."
                subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            holders = [t for c in subjects for t in c.subtree]
        elif predicate.dep_ == "appos":
            holders = [t for t in predicate.head.subtree if t.i < predicate.i]
        else:
            continue
        named = list({identity(m): m for m in view.in_tokens(holders, _SEAT_OWNERS | {"Any"}) if not m.is_anaphor
                      and (m.label != "Any" or m.refers_to is not None)}.values())
        # "It is the oldest ...": a pronoun with its antecedent; "A (ACR) is ...": one organisation
        code = view.gazetteer.country_code(country.text)
        if code and len(named) == 1:
            yield Fact(named[0], "country", code, view.text)


def _kind_noun_of(token: Token) -> Token | None:
    """The institution noun a country's name, adjective or possessive belongs to: "of Albania",
    "in the Åland Islands" (also after "of higher education"), "the only Gabonese institution",
    "Saint Lucia's national community college"; None if there is none."""
    while token.dep_ in ("compound", "det") and token.head is not token:
        token = token.head  # "the Åland Islands", "Saint Lucia"
    if token.dep_ in ("amod", "poss") and token.head.lower_ in _KIND_NOUNS:
        return token.head
    while token.dep_ == "amod" and token.head is not token:
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in ("of", "in"):
        return None
    noun = token.head.head
    if noun.lower_ in _KIND_NOUNS:
        return noun
    if noun.lower_ in ("education", "learning") and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lower_ in _KIND_NOUNS:
        return noun.head.head  # "the only institution of higher education in X"
    return None


#: verbs that say what an organisation is: "A is / remains / became the oldest university of X"
_COPULAS = frozenset({"be", "remain", "become"})


#: nouns of where an organisation sits: "its headquarters are in Accra, Ghana", "the network's office is in Brussels"
_SEATS = frozenset({"headquarters", "seat", "secretariat", "office", "offices", "headquarter", "head office"})


def _seat_countries(view: SentenceView, countries: list) -> Iterator[Fact]:
    """The country of an organisation's seat: "its headquarters are in Accra, Ghana", "The network's
    office is in Brussels, Belgium", "X has its seat in Belém, Brazil", "the Secretariat of X is in
    Rome, Italy". The owner is the name or "its" before the seat word (the clause's subject, else the
    organisation the text is about) or the name after "of"; the country is the one after the seat."""
    if not countries:
        return
    doc = view.sent.doc
    opener = doc[view.sent.start]
    if opener.lower_ in ("based", "headquartered", "located", "seated") and view.sent.end - view.sent.start > 6:
        code = view.gazetteer.country_code(countries[0].text)  # "Based in Brussels, Belgium, the Una Europa secretariat
        owners = {i for i, m in view.at.items() if m.label in _SEAT_OWNERS and not m.is_anaphor}  # coordinates ...":
        owner = name_after_fronted_clause(doc, countries[0].end, view.sent.end, owners)  # the name after the clause
        if code and owner is not None:
            yield Fact(view.at[owner.i], "country", code, view.text)
    if not view.lemma_set & _SEATS:
        return
    for seat in view.tokens:
        if seat.lower_ not in _SEATS or seat.pos_ not in ("NOUN", "PROPN"):
            continue
        after = [c for c in countries if c.start > seat.i]
        code = view.gazetteer.country_code(after[0].text) if after else None
        if code is None or any(t.lower_ in (".", ";") for t in doc[seat.i:after[0].start]):
            continue
        owner = None
        poss = next((c for c in seat.children if c.dep_ == "poss"), None)
        of = next((g for c in seat.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        compound = next((c for c in seat.children if c.dep_ == "compound" and c.i in view.at), None)  # "the SGroup office"
        for token in (poss, of, compound):
            mention = view.at.get(token.i) if token is not None else None
            if mention is not None and mention.label in _SEAT_OWNERS and not mention.is_anaphor:
                owner = mention
                break
        if owner is None and (poss is not None or of is not None):  # "its", "the network's", "of the network"
            clause = next((a for a in seat.ancestors if a.dep_ == "relcl"), None)  # "X, which has its seat in"
            owner = view.at.get(clause.head.i) if clause is not None else None
        if owner is None and (poss is not None or of is not None):
            subjects = [m for m in view.of(_SEAT_OWNERS, end=seat.i, anaphors=False)
                        if any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[m.start:m.end])]
            owner = subjects[-1] if subjects else view.context.get("Alliance") or view.context.get("Topic")
        if owner is not None and owner.label in _SEAT_OWNERS:
            yield Fact(owner, "country", code, view.text)


_SEAT_OWNERS = frozenset({"Alliance", "Organization", "University", "ResearchInstitute"})


#: nouns of a group a country's adjective or "of" phrase places: "Russian universities", "universities of Malawi"
_GROUP_NOUNS = frozenset({"universities", "institutions", "partners", "members", "schools"})

#: what puts a country right after a name: "A (China)", "A, Brazil", "A (UFPA), Brazil" (its acronym
#: between), "A in Belgium", "A from the Netherlands"
_PLACE_OPENER = re.compile(r"\s*(\(|,\s*in\s+|,\s*|\s+in\s+|\s+from\s+(?:the\s+)?|\s+[–—]\s+)")  # ", in Libreville, Gabon",
# "University of St. Martin (USM) – Sint Maarten – full member"
_ACRONYM_BRACKET = re.compile(r"\s*\([A-Z][A-Za-z]?[A-Z0-9&.\-]{1,12}\)")
_PLACE_WORDS = re.compile(r"[^,.;()\n–—]*")
#: auxiliaries that end the phrase of a place: "The Kaunas University of Technology in Lithuania has been invited"
_FINITE = frozenset({"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
                     "shall", "should", "must", "does", "did"})
#: a city and its comma after "in": "in Rovaniemi, Finland", "in Castelló de la Plana, Spain"
_CITY_THEN_COMMA = re.compile(r"(?:the\s+)?([A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|de|la|del|do|da)){0,3}),\s")  # "in the Canary Islands, Spain"


def _country_after(view: SentenceView, tail: str) -> str | None:
    """The country a name's tail begins with: in brackets the whole bracket ("(Republic of Korea)");
    after a comma, "in" or "from" the longest run of words that is a country, followed by the end of
    the phrase or (after a comma) a lower-case word ("- A, Lithuania", "A, Japan to collaborate", "A,
    Germany and B"; not "the Summit in Senegal last week")."""
    code = _country_opening(view, tail)
    acronym = _ACRONYM_BRACKET.match(tail)
    return code if code or acronym is None else _country_opening(view, tail[acronym.end():])


def _country_opening(view: SentenceView, tail: str, hops: int = 2) -> str | None:
    """The country ``tail`` opens with (see :func:`_country_after`); after "in", up to ``hops`` places
    before it, each followed by a comma: "in Rovaniemi, Finland", "in Denpasar, Bali, Indonesia"."""
    opener = _PLACE_OPENER.match(tail)
    if opener is None:
        return None
    rest = tail[opener.end():]
    words = _PLACE_WORDS.match(rest).group(0).split()
    if opener.group(1) == "(":
        return view.gazetteer.country_code(" ".join(words)) if words and rest[len(_PLACE_WORDS.match(rest).group(0)):][:1] == ")" else None
    loose = opener.group(1).startswith(",") or "from" in opener.group(1)  # "A from Malaysia and B from Viet Nam"
    for size in range(min(len(words), 7), 0, -1):  # "the Democratic Republic of the Congo": seven words
        if size < len(words) and (not words[size][:1].islower() or not loose) and words[size] not in _FINITE:
            continue  # "A, Georgia Tech": a name goes on; "in Senegal last week" (but "A in Lithuania has been invited")
        code = view.gazetteer.country_code(" ".join(words[:size]))
        if code:
            return code
    after_place = opener.group(1).strip().endswith("in") or hops < 2 and opener.group(1).strip() == ","
    city = _CITY_THEN_COMMA.match(rest) if after_place and hops > 0 else None
    if city is not None and view.gazetteer.country_code(city.group(1)) is None:  # "A in Rovaniemi, Finland"
        return _country_opening(view, rest[city.end() - 2:], hops - 1)  # read from its comma
    return None


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
        longer = next((code for size in (3, 2) if i + size <= len(words)
                       for code in [view.gazetteer.country_code(" ".join(words[i:i + size]))] if code), None)
        if longer:
            return longer  # "University of Papua New Guinea": Papua New Guinea, not Guinea
        if i > 0 and f"{words[i - 1]} {word}" in known_places().names:
            continue  # "University of New Mexico": a state, not Mexico
        if i > 0 and words[i - 1] in _REGIONS:
            code = view.gazetteer.country_code(f"{words[i - 1]} {word}")
        else:
            code = view.gazetteer.country_code(word)
        if code:
            return code
    return None
