"""rankedIn: placements in rankings, with rank or band and edition; national rankings."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import LEXICON
from ..mentions import Found
from ..patterns import TEXT_PATTERNS
from .base import (
    CLAUSE_BREAK, distinct_members, Fact, identity, IMPLICIT_PUBLISHER, in_count_phrase, list_heading, MEMBER_LIKE, SentenceView,
    subject_tokens, YEAR,
)

#: (kind, regular expression) of a rank or band, in the order tried: patterns.toml's [[text_patterns.rank]]
_RANK_PATTERNS = TEXT_PATTERNS["rank"]
_ORDINAL_VALUE = {word: str(n) for n, word in enumerate(LEXICON.ordered["ordinals"], 1)}


def find_ranking(view: SentenceView) -> Iterator[Fact]:
    """Ranking placements (rank or band, edition), clause by clause:
    "In the QS ... 2023, Tsinghua placed 14th, and it ranked 16th in the THE ... 2023"; and the
    rows of a ranking's table or list, one per line."""
    rows = list(_column_row(view)) or list(_table_row(view)) or list(_listed_line(view)) or list(_fact_line(view)) \
        or list(_headline_line(view)) or list(_name_colon_place(view))
    if rows:
        yield from rows
        return
    doc = view.sent.doc
    rankings = [r for r in view.of(frozenset({"Ranking"}))
                if not (r.end < view.sent.end and doc[r.end].text in ("'s", "’s"))]  # "ShanghaiRanking's GRAS"
    if not rankings and "Ranking" in view.context and _SPOKEN_OF.search(view.lower):
        rankings = [view.context["Ranking"]]
    universities = [m for m in view.of(MEMBER_LIKE) if not in_count_phrase(view, m) and not compared(view, m)]
    led = list(_led(view, rankings[0])) if rankings else []
    if led:
        yield from led
        yield from _followers(view, led)
        yield from _repeated(view, led)
    if not ranks_in(view.text) and not led:
        yield from _followers(view, [])  # "It is followed by B and C": after a placement an earlier sentence stated
    if not rankings or not universities or not ranks_in(view.text):
        return
    previous_university = None
    text = _without_local_positions(view, rankings)
    placed: list[Fact] = []
    for start, end in _clauses(view.text):
        ranks = ranks_in(text[start:end])
        in_clause = [m for m in universities if start <= view.char_offset(m.start) < end]
        clause_rankings = [r for r in rankings if r.start >= view.sent.start and start <= view.char_offset(r.start) < end]
        university_list = in_clause or ([previous_university] if previous_university else [])
        previous_university = in_clause[-1] if in_clause else previous_university
        named = {r.key or r.refers_to or r.text for r in rankings if not r.is_anaphor}
        ranking_list = clause_rankings or (rankings if len(rankings) == 1 or rankings[0].start < view.sent.start else
                                           [r for r in rankings if not r.is_anaphor][-1:] if len(named) == 1 else [])
        # (one ranking named twice before the clause, "Research.com ... the Research.com Best Universities ranking")
        if not ranks or not university_list or not ranking_list:
            continue
        placed.extend(_placements(view, list(distinct_members(university_list)) or university_list, ranking_list[0], ranks))
    followers = list(_followers(view, placed))
    following = {f.subject for f in followers}  # "A is ranked first, followed by B, C and D": the clause after a comma
    yield from (f for f in placed if f.subject not in following)  # gave C and D A's rank; their places follow A's
    yield from followers
    yield from _repeated(view, placed)


_LEAD = LEXICON.words["lead_verbs"]
_TABLES = LEXICON.words["tables"]


def _led(view: SentenceView, ranking: Found) -> Iterator[Fact]:
    """"The table is led by A", "A tops the ranking": A is first, unless the sentence gives a rank."""
    if not view.lemma_set & _LEAD or ranks_in(view.text):
        return
    for verb in view.tokens:
        if verb.lemma_.lower() not in _LEAD or verb.pos_ != "VERB":
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        agent = next((t for t in verb.subtree if t.i > verb.i and t.lower_ == "by" and t.dep_ in ("agent", "prep")), None) \
            if passive else None  # "led for the second consecutive year by A": "by" may hang from "year"
        about = [c for c in verb.children if c.dep_ in (("nsubjpass", "csubjpass") if passive else ("dobj",))]  # "The
        # QS Sustainability ranking 2025 is led by A": the parser may take "ranking" for a verb, its clause the subject
        if not about or not (about[0].lemma_.lower() in _TABLES or about[0].lower_ in _TABLES
                             or view.in_tokens(about[0].subtree, frozenset({"Ranking"}))):
            continue  # "the university is led by its rector": no table
        first = view.in_tokens(agent.subtree if agent is not None else subject_tokens(verb), MEMBER_LIKE)
        first = [m for m in first if not m.is_anaphor and not compared(view, m)]
        if first:
            edition = edition_of(view, ranking)
            yield Fact(first[0], "rankedIn", ranking, view.text, (("rank", "1"),) + ((("year", edition),) if edition else ()))
            return


def _followers(view: SentenceView, placed: list[Fact]) -> Iterator[Fact]:
    """"A took first place, followed by B and C": the universities after "followed by" take the
    places after the one stated before it, in order, unless the sentence gives them their own
    ("followed by B (3rd)")."""
    if "follow" not in view.lemma_set or not placed and view.placed is None:
        return
    doc = view.sent.doc
    for verb in view.tokens:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if verb.lemma_.lower() != "follow" or agent is None or ranks_in(doc[verb.i:view.sent.end].text):
            continue
        leader = next((f for f in reversed(placed) if f.subject.start < verb.i and dict(f.qualifiers).get("rank", "").isdigit()), None)
        if leader is None and view.placed is not None and _follows_the_placed(view, verb):
            leader = view.placed  # "A is first. It is followed by B and C", "... A is followed by B"
        followers = distinct_members(view.in_tokens(agent.subtree, MEMBER_LIKE))  # "B, Singapore (NTU Singapore)": one
        if leader is None:
            continue
        rank, edition = int(dict(leader.qualifiers)["rank"]), dict(leader.qualifiers).get("year")
        for step, follower in enumerate(followers, 1):
            qualifiers = (("rank", str(rank + step)),) + ((("year", edition),) if edition else ())
            yield Fact(follower, "rankedIn", leader.object, view.text, qualifiers)


def _follows_the_placed(view: SentenceView, verb: Token) -> bool:
    """The subject of "is followed by" is the university an earlier sentence placed: "it", or its name."""
    subject = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subject:
        return False
    if subject[0].lower_ in ("it", "this", "which"):
        return True
    named = view.in_tokens(subject[0].subtree, MEMBER_LIKE)
    return any(identity(m) == identity(view.placed.subject) for m in named)


#: a place held before too: "first place for the second year in a row", "for the third consecutive year"
_AGAIN = re.compile(r"\bfor\s+the\s+(second|third)\s+(?:consecutive\s+|straight\s+)?(?:year|time|edition)"
                    r"(?:\s+in\s+a\s+row|\s+running)?\b|\b(as)\s+in\s+the\s+previous\s+(?:edition|year)\b", re.I)


def _repeated(view: SentenceView, placed: list[Fact]) -> Iterator[Fact]:
    """"Peking University is first for the second year in a row": the one university placed in the
    sentence held the same place in the edition (or two) before (GOLD_FORMAT.md)."""
    again = _AGAIN.search(view.text)
    if again is None or len({f.subject for f in placed}) != 1:
        return
    if len(set(ranks_in(view.text))) > 1 or _CHANGED.search(view.lower):
        return  # "for the second consecutive year in the ranking, and in a better position: 2,846th, whereas
        # 3,102nd in 2024": present again, not at the same place
    for fact in placed:
        qualifiers = dict(fact.qualifiers)
        if not qualifiers.get("year", "").isdigit():
            continue
        for back in range(1, 3 if (again.group(1) or "").lower() == "third" else 2):  # "as in the previous edition": one back
            earlier = tuple((k, str(int(v) - back) if k == "year" else v) for k, v in fact.qualifiers)
            yield Fact(fact.subject, "rankedIn", fact.object, view.text, earlier)


#: words that say a place changed from the edition before
_CHANGED = re.compile(r"\b(?:better|worse|higher|lower|climb\w*|ris(?:e|es|ing)|rose|improv\w*|progress\w*|fell|fall\w*|"
                      r"drop\w*|whereas)\b")


_REGIONS = LEXICON.words["regions"]
#: a position within a place: "3rd in the Netherlands", "first among Dutch universities", "2nd in Scotland"
_LOCAL_POSITION = re.compile(r"(?i:\b(?:\d{1,4}(?:st|nd|rd|th)|" + "|".join(LEXICON.ordered["ordinals"]) + r")"
                             r"(?:\s+(?:place|position|spot))?\s+(?:in|among|within)\s+)((?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]*"
                             r"|\s+(?:universities|institutions))?)")


def _without_local_positions(view: SentenceView, rankings: list[Found]) -> str:
    """The sentence with positions within a country or region blanked out ("ranked 368th globally
    and first in Jordan": first is no rank, GOLD_FORMAT.md), unless the ranking is that country's
    own ("11th in the UK" in a British ranking)."""
    entries = [view.gazetteer.get(r.key) for r in rankings if r.key] if view.gazetteer is not None else []
    own = {entry.country for entry in entries if entry is not None}
    text = view.text
    for match in _LOCAL_POSITION.finditer(view.text):
        place = match.group(1)
        words = place.split()
        code = view.gazetteer.country_code(re.sub(r"^the\s+", "", place, flags=re.I)) if view.gazetteer else None
        code = code or (view.gazetteer.country_code(words[0]) if view.gazetteer and len(words) == 2
                        and words[1].lower() in ("universities", "institutions") else None)  # "among Dutch universities"
        if code and code in own:
            continue
        if code or place.lower() in _REGIONS:
            text = text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]
    return text


#: a sentence that places universities in the ranking spoken of before: "in this edition", "ranked 1304 in the world"
_SPOKEN_OF = re.compile(r"\b(?:edition|ranking|rankings|table|list)\b|\branked\s+\d|\b\d{1,4}(?:st|nd|rd|th)?\s+in\s+the\s+world\b"
                        r"|\b(?:is|was|are|were|came|comes|placed|rose|climbed|fell|dropped|moved|jumped|sits|stands|remains)"
                        r"\s+(?:up\s+|down\s+)?(?:to\s+)?(?:joint\s+|=)?(?:\d{1,3},\d{3}|\d{1,4})(?:st|nd|rd|th)\b"  # "Cambridge is 4th", "1,076th"
                        r"|\(\s*(?:=\s*\d{1,4}|\d{1,4}(?:st|nd|rd|th))\s*\)"  # "Stellenbosch University (287th)"
                        r"|\b(?:\d{1,4}(?:st|nd|rd|th)|" + "|".join(LEXICON.ordered["ordinals"]) + r")\s+(?:place|position|spot)s?\b"
                        r"|\b(?:positions?|places?)\s+\d{1,4}\b"  # "took first place", "the 73rd position", "positions 5, 14"
                        r"|\b\d{1,4}\s*[–-]\s*\d{1,4}(?:\s*,\s*\d{1,4}\s*[–-]\s*\d{1,4})*(?:\s*,?\s*and\s+\d{1,4}\s*[–-]\s*\d{1,4})?\s+bands?\b",
                        re.I)  # "in the 251-300, 301-350 and 351-400 bands"
#: a line that opens with a position: "1 McGill (1)", "2. Cairo University: Rank 551-600", "*9 Calgary (8)",
#: "=7 University of Bath" (a tie), "Rank 1: Hindu College", "No. 3 Zhejiang University", "#2 MIT"
_ROW = re.compile(r"^(?:[-*•–]\s*)?(?:(?:[Rr]ank|No\.|#)\s*)?=?\s*(\d{1,4})\s*[.):]?\s+\S")  # "- 6. A", "* 7 B"
#: a line that announces a list of placements: "Top 10 best universities in the world:"
_LIST_HEADING = re.compile(r"\b(?:top|best|leading|ranking|rankings|ranked|list|table)\b.*:\s*$", re.I)


def _row_ranking(view: SentenceView) -> Found | None:
    """The ranking a line of a table or list belongs to: named in it, else the one the text is about."""
    named = view.of(frozenset({"Ranking"}))
    return named[0] if named else view.context.get("Ranking")


def _table_row(view: SentenceView) -> Iterator[Fact]:
    """A numbered line of a ranking's table or list, under the ranking named in the headline or
    an earlier sentence: the university that opens it is placed at the rank the line states, or
    at the line's number ("1 McGill (1)", "2. Cairo University: Rank between 551 and 600")."""
    match = _ROW.match(view.text)
    if match is None or YEAR.fullmatch(match.group(1)) or any(t.pos_ == "VERB" for t in view.tokens):
        return  # a sentence or a heading ("2014 Ranking University Last Year"), not a row
    universities = [m for m in view.of(MEMBER_LIKE) if not m.is_anaphor]
    ranking = _row_ranking(view)
    if not universities or ranking is None:
        return
    first = universities[0]
    if view.text[match.end(1):view.char_offset(first.start)].strip(" \t.):").lower() not in ("", "the"):
        return  # the line does not open with the university (a table's cells are tab-separated)
    stated = ranks_in(view.text[view.char_offset(first.end - 1):])
    kind, value = stated[0] if stated else ("rank", match.group(1))
    edition = edition_of(view, ranking)
    yield Fact(first, "rankedIn", ranking, view.text, ((kind, value),) + ((("year", edition),) if edition else ()))


#: a table cell that is only a place: "7", "=26", "14th", "101–150", "201-250"
_CELL_RANK = re.compile(r"^=?\s*(\d{1,4}|\d,\d{3})(?:st|nd|rd|th)?$")  # "1,208": a thousands separator
_CELL_BAND = re.compile(r"^(\d{1,4})\s*[–-]\s*(\d{1,4})$")


def _column_row(view: SentenceView) -> Iterator[Fact]:
    """A row of a table whose header names a ranking in a column ("Institution | QS World
    University Rankings 2025 | THE World University Rankings 2025", then "ETH Zurich | 7 | 11"):
    the row's one university is placed in each column's ranking at the place its cell states, in
    the edition the header gives. A header may name the ranking the text speaks of by a short form
    ("QS 2026" under "... in the QS World University Rankings 2026:")."""
    columns = view.table_columns()
    universities = distinct_members(view.of(MEMBER_LIKE)) if columns else ()  # "University X (UX)" is one
    if len(universities) != 1:
        return
    for column in columns:
        rank, band = _CELL_RANK.match(column.cell), _CELL_BAND.match(column.cell)
        if not (rank or band) or column.head_span is None:
            continue
        rankings = [m for m in view.mentions_in(column.head_span) if m.label == "Ranking"] \
            or _short_form_of_context(view, column.head)
        if len(rankings) != 1:
            continue
        place = ("rank", rank.group(1).replace(",", "")) if rank else ("band", f"{band.group(1)}-{band.group(2)}")
        edition = YEAR.search(column.head)
        yield Fact(universities[0], "rankedIn", rankings[0], view.text,
                   (place,) + ((("year", edition.group(1)),) if edition else ()))


_PLAIN_HEAD_WORDS = frozenset({"rank", "ranking", "rankings", "world", "university", "universities", "position", "place"})


def _short_form_of_context(view: SentenceView, head: str) -> list[Found]:
    """The ranking the text speaks of, when a column header names it by a distinctive word of its
    name and perhaps an edition ("QS 2026", "THE rank 2025"), or by plain words and an edition
    ("World 2025" under "## The Chilean universities in SIR"), or by its edition alone ("2025"); else []."""
    ranking = view.context.get("Ranking")
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w&.-]*", head)]
    if ranking is not None and not words and YEAR.fullmatch(head.strip()):
        return [ranking]  # "University | Country | 2025 | 2024": the editions of the ranking the text speaks of
    if ranking is None or not words:
        return []
    name = {w.lower() for w in re.findall(r"[\w&.-]+", ranking.text)}
    if not set(words) <= name | _PLAIN_HEAD_WORDS:
        return []
    return [ranking] if set(words) - _PLAIN_HEAD_WORDS or YEAR.search(head) else []  # "QS 2026", "World 2025"


#: a fact-box line: "QS World University Rankings 2025: 15th", "THE Impact Rankings 2024 - band 101–200"
_FACT_LINE = re.compile(r"^[^:–—-]+(?:\s+(?:19|20)\d\d)\s*[:–—-]\s*(?:joint\s+|=)?\S+$")


def _fact_line(view: SentenceView) -> Iterator[Fact]:
    """A line of a fact box that names only a ranking with its edition and a place, no university
    and no verb ("QS World University Rankings 2025: 15th"): the publisher's placement."""
    rankings = view.of(frozenset({"Ranking"}))
    if len(rankings) != 1 or view.of(MEMBER_LIKE) or any(t.pos_ in ("VERB", "AUX") for t in view.tokens) \
            or not _FACT_LINE.match(view.text):
        return
    ranks = ranks_in(view.text[view.char_offset(rankings[0].end - 1):])
    edition = edition_of(view, rankings[0])
    if len(ranks) == 1 and edition:
        yield Fact(IMPLICIT_PUBLISHER, "rankedIn", rankings[0], view.text, (ranks[0], ("year", edition)))


#: a list line of a university's place: "- University College Dublin: 118 (2025: 126)", "Maynooth University: 801-850"
_NAME_PLACE = re.compile(r":\s*=?(\d{1,4}(?:\s*[–-]\s*\d{1,4})?)(?:st|nd|rd|th)?"
                         r"(?:\s*\(\s*((?:19|20)\d\d)\s*:\s*=?(\d{1,4}(?:\s*[–-]\s*\d{1,4})?)\s*\))?\s*[.;]?\s*$")


def _name_colon_place(view: SentenceView) -> Iterator[Fact]:
    """A line that is a university's name, a colon and its place, perhaps with an earlier
    edition's in brackets ("- University College Dublin: 118 (2025: 126)"), while a ranking is
    spoken of: the place in the edition spoken of, and the earlier one in its year."""
    names = [m for m in view.of(MEMBER_LIKE) if not m.is_anaphor]
    ranking = _row_ranking(view)
    if len(names) != 1 or ranking is None or any(t.pos_ in ("VERB", "AUX") for t in view.tokens):
        return
    before = view.text[:view.char_offset(names[0].start)].strip(" -*•–\t")
    match = _NAME_PLACE.match(view.text[view.char_offset(names[0].end - 1) + len(view.sent.doc[names[0].end - 1].text):])
    if before.lower() not in ("", "the") or match is None:
        return
    edition = edition_of(view, ranking)  # (also of a ranking named in an earlier sentence: the year after it)
    place, year, earlier = match.groups()
    yield Fact(names[0], "rankedIn", ranking, view.text, (_place(place),) + ((("year", edition),) if edition else ()))
    if year and earlier:
        yield Fact(names[0], "rankedIn", ranking, view.text, (_place(earlier), ("year", year)))


def _place(text: str) -> tuple[str, str]:
    """("rank", "118") or ("band", "801-850") of a place written in a list line."""
    value = re.sub(r"\s+", "", text).replace("–", "-")
    return ("band", value) if "-" in value else ("rank", value)


def _headline_line(view: SentenceView) -> Iterator[Fact]:
    """A headline or a related-news line with no verb that opens with a university placed "in" or
    "among" a ranking: "University of Sfax in the THE Impact Rankings 2025", "A among the 301-400
    of the Shanghai ranking 2025" (its edition and band when the line gives them)."""
    if view.text.rstrip().endswith((".", "?", "!", ":")) or any(t.pos_ in ("VERB", "AUX") for t in view.tokens):
        return
    names = view.of(MEMBER_LIKE, anaphors=False)
    rankings = view.of(frozenset({"Ranking"}))
    if len(names) != 1 or not rankings:
        return
    doc = view.sent.doc
    name = names[0]
    if any(t.is_alpha and t.lower_ != "the" for t in doc[view.sent.start:name.start]) \
            or name.end >= view.sent.end or doc[name.end].lower_ not in ("in", "among"):
        return
    ranking = next((r for r in rankings if r.start > name.end), None)
    if ranking is None:
        return
    ranks = ranks_in(view.text[view.char_offset(name.end):view.char_offset(ranking.start)]) \
        or ranks_in(view.text[view.char_offset(ranking.end - 1):])  # "A in THE World University Rankings 2024: 1201-1500"
    edition = edition_of(view, ranking)
    yield Fact(name, "rankedIn", ranking, view.text, tuple(ranks[:1]) + ((("year", edition),) if edition else ()))


def _listed_line(view: SentenceView) -> Iterator[Fact]:
    """A line that is only a university's name, in a block of such lines under a heading that
    announces placements ("Top 10 best universities in the world:"), while a ranking is spoken of."""
    names = view.of(MEMBER_LIKE)
    if len(names) != 1 or names[0].is_anaphor or view.text.strip(" .;,").removeprefix("The ") != names[0].text:
        return
    ranking = view.context.get("Ranking")
    heading = list_heading(view)
    if ranking is None or heading is None or not _LIST_HEADING.search(heading.text.strip()):
        return
    yield Fact(names[0], "rankedIn", ranking, view.text, ())


#: the next of a list of placements, each in its own ranking: "19th in the QS ..., 83rd in the THE ... and the
#: 101-150 band in ARWU 2024"
_NEXT_PLACEMENT = re.compile(r"(?:,\s*|\s+and\s+)(?=(?:the\s+)?(?:\d{1,4}(?:st|nd|rd|th)|\d{1,4}\s*[–-]\s*\d{1,4}\s+band)"
                             r"\s+in\s+(?:the\s+)?[A-Z])")


def _clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence that may each place universities in a ranking of their own.

    >>> t = "UNSW is 19th in the QS 2026, 83rd in the THE 2025 and the 101-150 band in ARWU 2024."
    >>> [t[a:b] for a, b in _clauses(t)]
    ['UNSW is 19th in the QS 2026, ', '83rd in the THE 2025 and ', 'the 101-150 band in ARWU 2024.']
    """
    breaks = sorted({m.end() for m in CLAUSE_BREAK.finditer(text)} | {m.end() for m in _NEXT_PLACEMENT.finditer(text)})
    bounds = [0] + breaks + [len(text)]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:  # a clause without a rank joins the next one ("In the QS 2023, Tsinghua placed 14th")
        if merged and not ranks_in(text[merged[-1][0]:merged[-1][1]]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


_FOLLOWED_RESPECTIVELY = re.compile(r"\s+(?:was|is|were|are|has been)\s+followed\s+by\b[^.;]*,\s*which\b[^.;]*\brespectively\b")


def compared(view: SentenceView, mention: Found) -> bool:
    """A university named as the one another is placed against: "fourth, behind A, B and C",
    "ahead of A", "followed by A" (the rank stated is not theirs, unless their own follows them:
    "ahead of A at 398th")."""
    doc = view.sent.doc
    after = doc[mention.end:min(mention.end + 3, view.sent.end)].text
    if re.match(r"(?:at|in|\()\s*(?:No\.\s*|number\s+)?\d", after):
        return False  # "ahead of B at 398th": B's own rank follows
    rest = view.doc_text[doc[mention.end - 1].idx + len(doc[mention.end - 1].text):view.sent.end_char]
    if _FOLLOWED_RESPECTIVELY.match(rest):
        return True  # "A was followed by B and C, which took the second and the third place respectively": A's place
        # was stated before
    j = mention.end  # on over the list: "after A and B, which occupied positions 12 and 15 respectively" gives their own
    while j < view.sent.end and (doc[j].lower_ in (",", "and", "&", "the", "(", ")") and not (doc[j].text == "," and j + 1 < len(doc)
                                                                                   and doc[j + 1].lower_ == "which") or j in view.at):
        j = view.at[j].end if j in view.at else j + 1
    if re.match(r",\s*which\b[^.;]*\brespectively\b", view.doc_text[doc[j].idx:view.sent.end_char] if j < view.sent.end else ""):
        return False
    i = mention.start - 1  # back over the list this name is in: "behind A, B and the C"
    while i > view.sent.start and (doc[i].lower_ in (",", "and", "&", "the") or i in view.at):
        i = view.at[i].start - 1 if i in view.at else i - 1
    cue, before = doc[i].lower_, doc[i - 1] if i > view.sent.start else None
    return cue in ("behind", "after", "than") or before is not None and (
        cue == "of" and before.lower_ in ("ahead", "front") or cue == "by" and before.lemma_.lower() == "follow")


def _placements(view: SentenceView, universities: list[Found], ranking: Found, ranks: list[tuple[str, str]]) -> Iterator[Fact]:
    edition = edition_of(view, ranking)
    earlier = _PREVIOUS.search(view.text)
    previous = ("rank", earlier.group(1)) if earlier and ("rank", earlier.group(1)) in ranks else None
    if previous is not None and len({u.key or u.refers_to or u.text for u in universities}) == 1 and len(ranks) == 2:
        now = next(r for r in ranks if r != previous) if ranks[0] != ranks[1] else previous
        year = earlier.group(2) or (str(int(edition) - 1) if edition and earlier.group(3) else None)
        yield Fact(universities[0], "rankedIn", ranking, view.text, (now, *([("year", edition)] if edition else [])))
        yield Fact(universities[0], "rankedIn", ranking, view.text, (previous, *([("year", year)] if year else [])))
        return  # "ranked 380th, up from 401st last year": this edition's place and the last one's
    own = _rank_years(view.text)
    if len({u.key or u.refers_to or u.text for u in universities}) == 1 and len(ranks) == 2 and ranks[0] != ranks[1] \
            and ranks[1] in own and own[ranks[1]] != edition:
        first_year = own.get(ranks[0], edition)
        yield Fact(universities[0], "rankedIn", ranking, view.text, (ranks[0], *([("year", first_year)] if first_year else [])))
        yield Fact(universities[0], "rankedIn", ranking, view.text, (ranks[1], ("year", own[ranks[1]])))
        return  # "places UB 2,846th, whereas it stood 3,102nd in the 2024 edition": each place in its own edition
    if len(universities) == len(ranks) and len(ranks) > 1:
        pairs = list(zip(universities, ranks))
    else:
        chosen = ranks[-1] if re.search(r"\bfrom\b.*\bto\b", view.lower) else ranks[0]
        pairs = [(u, chosen) for u in universities]
    for university, (kind, value) in pairs:
        year = own.get((kind, value), edition)  # "stood at the 3,102nd position in the 2024 edition": its own edition
        qualifiers = [(kind, value)] + ([("year", year)] if year else [])
        yield Fact(university, "rankedIn", ranking, view.text, tuple(qualifiers))


#: a place and the edition right after it: "the 3,102nd position in the 2024 edition", "45th in 2023"
_RANK_THEN_YEAR = re.compile(r"\b(\d{1,4}|\d,\d{3})(?:st|nd|rd|th)\s+(?:(?:place|position|spot)\s+)?in\s+(?:the\s+)?"
                             r"((?:19|20)\d\d)\b(?!\s*(?:st|nd|rd|th))")


def _rank_years(text: str) -> dict[tuple[str, str], str]:
    """The places a text dates with their own edition, each with that year.

    >>> _rank_years("places UB at the 2,846th position worldwide, whereas it stood at the 3,102nd position in the 2024 edition")
    {('rank', '3102'): '2024'}
    """
    return {("rank", m.group(1).replace(",", "")): m.group(2) for m in _RANK_THEN_YEAR.finditer(text)}


#: a place in an earlier edition: "up from 401st last year", "down from 45th in 2023", "(from 26th)"
_PREVIOUS = re.compile(r"\b(?:up|down|rising|climbing|falling|dropping|improving|moving|compared)?\s*(?:with\s+)?from\s+"
                       r"(?:the\s+)?(?:joint\s+|=)?(\d{1,4})(?!\d|(?:st|nd|rd|th)?\s*(?:to|-|–)\s*\d)(?:st|nd|rd|th)?"
                       r"(?:\s+(?:place|position|spot))?(?:\s+in\s+(?:the\s+)?(?:\d{4}\s+edition\s+|)?((?:19|20)\d\d)\b"
                       r"|\s+(last year|a year (?:ago|earlier)|the previous year|in the previous edition|the year before))?",
                       re.I)


_PLACE_NOT_YEAR = re.compile(r"(?:st|nd|rd|th)?\s*(?:in the world|globally|worldwide|out of)\b", re.I)


def ranks_in(text: str) -> list[tuple[str, str]]:
    """The ranks and bands stated in ``text``, in text order: ("rank", "23"), ("band", "201-300")."""
    return list(_ranks_in(text))


@functools.lru_cache(maxsize=1024)  # one sentence is asked by the discourse, the rule and the candidates
def _ranks_in(text: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[int, str, str]] = []
    taken: set[int] = set()
    for kind, pattern in _RANK_PATTERNS:
        for match in pattern.finditer(text):
            if taken.intersection(range(*match.span(1))):
                continue
            if kind == "ranks":  # "positions 5, 14 and 38": a rank each
                found.extend((match.start(1) + n.start(), "rank", n.group().replace(",", ""))
                             for n in re.finditer(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+", match.group(1)))
                taken.update(range(*match.span(1)))
                continue
            value = re.sub(r"\s+", " ", match.group(1)).replace("–", "-")
            value = _ORDINAL_VALUE.get(value.lower(), value)
            value = value.replace(",", "") if kind == "rank" else value
            ordinal = "," in match.group(1) or re.match(r"(?:st|nd|rd|th)\b", text[match.end(1):]) is not None
            if kind == "rank" and (int(value) == 0 or 1500 <= int(value) <= 2100 and not ordinal and not _PLACE_NOT_YEAR.match(
                    text[match.end(1):]) and not re.search(r"\branked\s*$", text[:match.start(1)], re.I)):
                continue  # "in 2023" is a year; "ranked 1822 in the world", "1,530th", "1530th" places
            found.append((match.start(1), kind, value.lower() if kind == "band" else value))
            taken.update(range(*match.span(1)))
    return tuple((kind, value) for _, kind, value in sorted(found))


def edition_of(view: SentenceView, ranking: Found) -> str | None:
    doc = view.sent.doc
    for token in [*doc[max(ranking.start - 2, view.sent.start):ranking.start], *doc[ranking.end:ranking.end + 2]]:
        if YEAR.fullmatch(token.text):
            if token.i >= 2 and doc[token.i - 1].text in ("-", "–", "/") and YEAR.fullmatch(doc[token.i - 2].text):
                return doc[token.i - 2].text  # "the 2025-2026 Best Global Universities": the edition's first year
            return token.text
    match = re.search(r"\b(20\d\d)\b", ranking.text)
    return match.group(1) if match else view.year(ranking.start)


_IN_COUNTRY = LEXICON.words["in_country"]  # "fifth in the country" is no rank
_PLACED_KINDS = frozenset({"university", "universities", "institution", "institutions"})


def national_rankings(view: SentenceView, countries: list[Found]) -> Iterator[Fact]:
    """A ranking or a group within one country states the country of the universities in the
    sentence: "Egypt's top universities are A and B", "A is ranked fourth in Nigeria",
    "the best universities in Mexico"."""
    if len(countries) != 1:
        return
    country = countries[0]
    code = view.gazetteer.country_code(country.text)
    doc = view.sent.doc
    before = doc[max(country.start - 4, view.sent.start):country.start]
    after = doc[country.end:min(country.end + 4, view.sent.end)]
    possessive = len(after) > 1 and after[0].text in ("'s", "’s") and any(t.lower_ in _IN_COUNTRY for t in after[1:])
    scope = doc[max(country.start - 7, view.sent.start):country.start - 1]  # "the oldest institution of higher learning in"
    located = len(before) > 1 and before[-1].lower_ == "in" and (
        any(t.text in _IN_COUNTRY or t.tag_ == "JJS" or t.tag_ == "JJ" and t.lower_.endswith(("st", "nd", "rd", "th"))
            for t in scope) or any(t.text in _IN_COUNTRY and t.lower_ not in _PLACED_KINDS for t in view.tokens)
        or not view.lemma_set & LEXICON.triggers["partner"] and any(t.lower_ in _IN_COUNTRY for t in view.tokens))
    # "the best universities in Mexico", "ranked fourth in Nigeria", "In Kenya, A tops the list": a scope right
    # before "in" or a word of placing (not "In Ethiopia, the University cooperates with A University": a name's
    # head noun says nothing of a ranking)
    if not code or not (possessive or located):
        return
    for mention in view.of(frozenset({"University", "ResearchInstitute"}), anaphors=False):  # not "the institute's plan"
        entry = view.gazetteer.get(mention.key) if mention.key else None
        if entry is None or entry.country in (None, code):
            yield Fact(mention, "country", code, view.text)


#: what a ranking's description says of its scope, and words of the names of rankings of that scope
_RANKING_SCOPES = {"world": ("World", "Global"), "global": ("World", "Global"),
                   "regional": ("Asia", "Europe", "Arab", "Latin", "Africa", "BRICS", "EECA", "Region")}
_RANKING_DESCRIPTION = re.compile(r"\b(?:the|this year's|its) (world|global|regional) rank(?:ing|ings)\b")


def described_ranking(text: str, current: Found | None, rankings: list[Found]) -> Found | None:
    """A ranking the sentence speaks of by its scope ("in the world ranking", "the regional
    ranking") when the one spoken of before has another: the last one named with that scope."""
    described = _RANKING_DESCRIPTION.search(text)
    if described is None or current is None:
        return None
    words = _RANKING_SCOPES[described.group(1)]
    if any(w in current.text for w in words):
        return None
    return next((r for r in reversed(rankings) if any(w in r.text for w in words)), None)
