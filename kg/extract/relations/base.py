"""What every relation rule shares: :class:`Fact`, :class:`SentenceView` (a sentence with its
mentions and the discourse context), mention kinds, dates, subjects and numbers."""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import LEXICON
from ..patterns import find_patterns, PatternMatch
from ..mentions import Found

MEMBER_LIKE = frozenset({"University", "ResearchInstitute", "PUBLISHER", "Any"})
ALLIANCE_LIKE = frozenset({"Alliance"})
PROGRAMS = frozenset({"Program"})
RANKINGS = frozenset({"Ranking"})
PERSONS = frozenset({"Person"})
ORG_LIKE = frozenset({"University", "ResearchInstitute", "Alliance", "Organization", "PUBLISHER", "Any"})

# word lists: one copy each, in lexicon.toml [words]
HONORIFICS = LEXICON.words["honorifics"] | {"C."}  # and, between a title and a name, "Dr. C." (mentions._without_degree_letter)
SELECT_VERBS = LEXICON.words["select_verbs"]
COLLECTIVE = LEXICON.words["collective"]
COUNT_NOUNS = LEXICON.words["count_nouns"]
_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                      "hundred": 100, "dozen": 12})


_MONTH = ("january february march april may june july august september october november december").split()
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_ANY_YEAR = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b")  # founding years go back to 1088


@dataclass(frozen=True, slots=True)
class Fact:
    """A candidate relation between mentions (or a mention and a literal) in one sentence."""

    subject: Found
    predicate: str
    object: Found | str
    evidence: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    features: frozenset[str] = frozenset()  # for the learned scorer (kg.extract.candidates)


_UNSET = object()


def lower_in_place(text: str) -> str:
    """``text`` in lower case, each character where it was: "İTÜ".lower() is four characters long
    (an "i" and a combining dot), which would shift every offset read from it; such a letter keeps
    its case.

    >>> lower_in_place("İTÜ Rector"), len(lower_in_place("İTÜ"))
    ('İtü rector', 3)
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class SentenceView:
    """A sentence with its mentions and quick lookups (token -> mention)."""

    def __init__(self, sent: Span, mentions: Sequence[Found], published: str | None, gazetteer=None,
                 context: dict[str, Found] | None = None, doc_text: str | None = None, ents: list[Span] | None = None,
                 starts: list[int] | None = None, enumerated: tuple[Found, ...] = (),
                 posts: tuple[tuple[Found, str], ...] = (), placed: Fact | None = None):
        self.sent = sent
        #: the last placement with a rank an earlier sentence stated, for "It is followed by B and C"
        self.placed = placed
        #: the posts (organisation, title) the last sentence that named heads gave them, for the
        #: predecessor a later sentence names ("She succeeds B, whose term as Chair ended")
        self.posts = posts
        #: the universities the text last enumerated (two or more in one sentence or list), for
        #: "the four", "both institutions" (:func:`group_referent`)
        self.enumerated = enumerated
        self.heading: Span | None | object = _UNSET  # the list heading above this line, once asked (list_heading)
        self._patterns: dict[str, list[PatternMatch]] | None = None  # matched when a rule first asks
        self._columns: list[Column] | None = None  # a table row's columns, once asked (table_columns)
        self.context = context or {}
        self.doc_text = doc_text if doc_text is not None else sent.doc.text  # Doc.text is rebuilt on each access
        # mentions sorted by start: this sentence's are found by bisection, not by a scan of the document's
        if starts is None:
            starts = [m.start for m in mentions]
        first = bisect.bisect_left(starts, sent.start) if starts == sorted(starts) else None
        if first is None:
            self.mentions = [m for m in mentions if sent.start <= m.start < sent.end]
        else:
            self.mentions = list(mentions[first:bisect.bisect_left(starts, sent.end, first)])
        self.document_mentions = mentions  # the whole document's, in text order
        self.ents = ents if ents is not None else list(sent.ents)  # Span.ents scans every entity of the Doc
        self.at = {i: m for m in self.mentions for i in range(m.start, m.end)}
        self.published = published
        self.gazetteer = gazetteer
        self.text = sent.text.strip()
        self.lower = lower_in_place(self.text)
        self.tokens = list(sent)  # made once: every rule walks the sentence, and Span iteration builds new Tokens
        self.lemmas = [t.lemma_.lower() for t in self.tokens]
        self.lemma_set = frozenset(self.lemmas)  # a rule whose trigger words are absent skips the sentence at once

    def of(self, labels: frozenset[str], start: int | None = None, end: int | None = None,
           anaphors: bool = True) -> list[Found]:
        """The sentence's mentions with these labels (between tokens ``start`` and ``end``);
        ``anaphors=False`` leaves out "the alliance", "it" and the like."""
        start = self.sent.start if start is None else start
        end = self.sent.end if end is None else end
        return [m for m in self.mentions if m.label in labels and start <= m.start and m.end <= end
                and (anaphors or not m.is_anaphor)]

    def mentions_in(self, span: Span) -> list[Found]:
        """The document's mentions inside ``span``, another sentence (the heading of a list)."""
        return [m for m in self.document_mentions if span.start <= m.start and m.end <= span.end]

    def in_tokens(self, tokens: Iterable[Token], labels: frozenset[str]) -> list[Found]:
        seen = []
        for token in tokens:
            mention = self.at.get(token.i)
            if mention and mention.label in labels and mention not in seen:
                seen.append(mention)
        return sorted(seen, key=lambda m: m.start)

    def year(self, near: int | None = None) -> str | None:
        """A date phrase in the sentence (nearest to token ``near``), as ISO."""
        dates = [(abs(ent.start - (near or ent.start)), ent) for ent in self.ents if ent.label_ == "DATE"
                 and not any(t.i in self.at for t in ent)]  # "joined the Russell Group from the 1994 Group"
        for _, ent in sorted(dates, key=lambda d: d[0]):
            value = parse_date_phrase(ent.text)
            if value and not ent.text.rstrip().endswith("+"):
                return value  # not the band "1501+", which the model may take for a date
        named = [(self.char_offset(m.start), self.char_offset(m.end - 1) + len(self.sent.doc[m.end - 1]))
                 for m in self.mentions]
        lead = len(self.sent.text) - len(self.sent.text.lstrip())  # self.text is stripped
        for match in YEAR.finditer(self.text):
            at = match.start() + lead
            before = re.search(r"(\d+)\s*[-–]\s*$", self.text[:match.start()])
            after = re.match(r"\s*[-–]\s*(\d+)", self.text[match.end():])
            if before and not YEAR.fullmatch(before.group(1)) or after and not YEAR.fullmatch(after.group(1)) \
                    or self.text[match.end():match.end() + 1] == "+":
                continue  # "1201-1500", "1501+": bands, no years ("2019-2020" is one)
            if not any(start <= at < end for start, end in named):
                return match.group(1)
        return None

    def matches(self, name: str) -> list[PatternMatch]:
        """This sentence's matches of the pattern set ``name`` (``[patterns]`` or
        ``[dependency_patterns]`` of patterns.toml), in text order."""
        if self._patterns is None:
            self._patterns = find_patterns(self.sent)
        return self._patterns.get(name, [])

    def char_offset(self, token_i: int) -> int:
        return self.sent.doc[token_i].idx - self.sent.start_char

    def table_columns(self) -> list[Column]:
        """A table row's columns, each with its header cell: for a tab-separated line (the
        reader's table cells) under a tab-separated header line with as many cells; else [].
        Asked by the ranking, heads and participation rules of one row: found once."""
        if self._columns is None:
            self._columns = self._find_columns()
        return self._columns

    def _find_columns(self) -> list[Column]:
        if "\t" not in self.text:
            return []
        header = self._table_header()
        if header is None:
            return []
        heads, cells = _cell_ranges(self.doc_text, *header), _cell_ranges(self.doc_text, self.sent.start_char, self.sent.end_char)
        if len(heads) != len(cells):
            return []
        doc = self.sent.doc
        return [Column(self.doc_text[h0:h1].strip(), doc.char_span(h0, h1, alignment_mode="expand"),
                       self.doc_text[c0:c1].strip(), c0, c1) for (h0, h1), (c0, c1) in zip(heads, cells)]

    def _table_header(self) -> tuple[int, int] | None:
        """The character range of the first line of the table this row belongs to (blank lines
        between rows allowed), if it is not the row itself."""
        text = self.doc_text
        start = self.sent.start_char
        header = None
        while start > 0:
            line_end = text.rfind("\n", 0, start)
            if line_end < 0:
                break
            line_start = text.rfind("\n", 0, line_end) + 1
            line = text[line_start:line_end]
            if not line.strip():
                start = line_end
                continue
            if "\t" not in line:
                break
            header, start = (line_start, line_end), line_start
        return header


@dataclass(frozen=True, slots=True)
class Column:
    """One cell of a table row with the header cell above it (:meth:`SentenceView.table_columns`)."""

    head: str  # the header cell's text: "QS World University Rankings 2025", "Vice-Chancellor"
    head_span: Span | None
    cell: str  # the row cell's text
    start_char: int  # the row cell's range in the document
    end_char: int

    def contains(self, token: Token) -> bool:
        """Whether ``token`` (a mention's first token, say) is in this row cell."""
        return self.start_char <= token.idx < self.end_char


def _cell_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The character ranges of a line's tab-separated cells (the line's ends stripped of spaces)."""
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    line = line.strip()
    ranges, at = [], start + lead
    for cell in line.split("\t"):
        ranges.append((at, at + len(cell)))
        at += len(cell) + 1
    return ranges


def parse_date_phrase(text: str) -> str | None:
    """ISO year, year-month or date from a phrase ("in March 2011", "5 May 2011", "2011").

    >>> parse_date_phrase("in March 2011"), parse_date_phrase("on 5 May 2011"), parse_date_phrase("2019")
    ('2011-03', '2011-05-05', '2019')
    >>> parse_date_phrase("a few days ago")
    """
    year = _ANY_YEAR.search(text)
    if not year:
        return None
    lowered = text.lower()
    month = next((i + 1 for i, m in enumerate(_MONTH) if re.search(rf"\b{m[:3]}", lowered)), None)
    if month is None:
        iso = re.search(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b", text)
        return iso.group(0) if iso else year.group(1)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", text.replace(year.group(1), ""))
    if day and 1 <= int(day.group(1)) <= 31:
        return f"{year.group(1)}-{month:02d}-{int(day.group(1)):02d}"
    return f"{year.group(1)}-{month:02d}"


def subject_tokens(verb: Token) -> list[Token]:
    """Tokens of the grammatical subject of ``verb`` (following conj and relative clauses)."""
    for step in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects and step and subjects[0].tag_ in ("WDT", "WP") and verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head  # "A is a member of X, network that adopted ..., and is also member of Y": A's
            continue  # verb, not the relative clause the parser coordinated it with
        if subjects:
            if subjects[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return list(verb.head.subtree)
            return [t for s in subjects for t in s.subtree]
        if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head is not verb:
            verb = verb.head
        elif verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head is not verb.head:
            verb = verb.head.head  # "A accepted invitations to become members": A
        elif verb.dep_ == "acl":
            return [verb.head]
        else:
            break
    return []


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def clauses(view: SentenceView) -> list[tuple[int, int]]:
    """The sentence cut into coordinated clauses, as token ranges: "A and B opened a joint
    laboratory, and a double degree was launched with C" is two clauses, the second from "a
    double degree" on. A clause starts where a verb conjoined to an earlier verb has a subject of
    its own ("and launched C" shares the first clause's subject and stays in it)."""
    cuts = []
    for verb in view.tokens:
        if verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head.pos_ in ("VERB", "AUX") \
                and verb.head.i < verb.left_edge.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
                and (verb.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
            cuts.append(verb.left_edge.i)  # finite: not "with A and B covering joint research", a misparse
    bounds = [view.sent.start, *sorted(set(cuts)), view.sent.end]
    return list(zip(bounds, bounds[1:]))


_COORDINATION_GLUE = frozenset({",", "and", "&", "the", "The", "(", ")", "as", "well", "of"})  # "of A and of B"


def coordinated_after(view: SentenceView, mention: Found, labels: frozenset[str]) -> list[Found]:
    """Mentions of ``labels`` coordinated right after ``mention``, whatever the parse made of them
    ("a member of Universitas 21 (U21) and The Guild", the Guild parsed as a conjunct of the verb):
    only commas, "and", "as well as", articles and bracketed acronyms between."""
    doc = view.sent.doc
    found: list[Found] = []
    i, joined = mention.end, False
    while i < view.sent.end:
        at = view.at.get(i)
        if at is not None:
            if at.label not in labels or not joined and doc[i - 1].text != "(":
                break
            if doc[i - 1].text != "(":
                found.append(at)
            i, joined = at.end, False
        elif doc[i].text in _COORDINATION_GLUE:
            joined = joined or doc[i].text in (",", "and", "&")
            i += 1
        else:
            break
    return found


def unnamed(tokens: Iterable[Token], mentions: Sequence[Found]) -> list[Token]:
    """The tokens outside the mentions: a line's own words ("- A (Belgium) – founding member": not
    the words of the names on it)."""
    inside = {i for m in mentions for i in range(m.start, m.end)}
    return [t for t in tokens if t.i not in inside]


def mentions_after(view: SentenceView, token_i: int, labels: frozenset[str]) -> list[Found]:
    return [m for m in view.of(labels) if m.start > token_i]


def role_near(text: str) -> str | None:
    lowered = text.lower()
    for word, role in (("observer", "observer"), ("associate", "associate"), ("founding", "founding"),
                       ("full member", "member"), ("official member", "member"), ("full-fledged", "member")):
        if word in lowered:
            return role
    return None


def member_fact(member: Found, group: Found, view: SentenceView, role: str | None, since: str | None,
                 until: str | None = None) -> Fact:
    qualifiers = [("role", role or "member")]
    if since:
        qualifiers.append(("since", since))
    if until:
        qualifiers.append(("until", until))
    return Fact(member, "memberOf", group, view.text, tuple(qualifiers))


def alliances_of(view: SentenceView) -> list[Found]:
    """Alliances named in the sentence, else the alliance the text spoke of last."""
    named = view.of(ALLIANCE_LIKE)
    return named or ([view.context["Alliance"]] if "Alliance" in view.context else [])


def since_date(view: SentenceView) -> str | None:
    match = re.search(r"\bsince\s+(?:\w+\s+)?((?:1[5-9]|20)\d\d)\b", view.text)
    return match.group(1) if match else None


def in_count_phrase(view: SentenceView, mention: Found) -> bool:
    """A mention in "16 universities of Project 985": a count of a subset, not a list item."""
    doc = view.sent.doc
    start = mention.start
    while start > view.sent.start and doc[start - 1].is_quote:
        start -= 1
    return start >= 3 and doc[start - 1].lower_ == "of" and any(t.like_num and t.lower_ != "one" for t in doc[max(start - 4, 0):start - 1])


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_date(text: str, published: str | None, past: bool) -> str | None:
    """"Wednesday" in a news report: that weekday in the week of publication (the last one on
    or before the publication date for a past event, the next one after it for a future one).

    >>> _weekday_date("Wednesday", "2011-10-20", past=True), _weekday_date("on Monday", "2011-10-20", past=False)
    ('2011-10-19', '2011-10-24')
    """
    words = text.lower().split()
    day = next((_WEEKDAYS.index(w) for w in words if w in _WEEKDAYS), None)
    if day is None or len(words) > 2 or not published or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        return None
    base = datetime.date.fromisoformat(published)
    shift = (base.weekday() - day) % 7 if past else -((day - base.weekday()) % 7 or 7)
    return (base - datetime.timedelta(days=shift)).isoformat()


def _relative_date(text: str, published: str | None) -> str | None:
    """"last week", "yesterday", "last month", "this year" in a news report: the date, month or year
    they name, counted from the publication date (as precise as the phrase is).

    >>> _relative_date("last week", "2015-03-17"), _relative_date("yesterday", "2015-03-01")
    ('2015', '2015-02-28')
    >>> _relative_date("last month", "2015-01-17"), _relative_date("earlier this year", "2015-01-17")
    ('2014-12', '2015')
    """
    if not published or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        return None
    base = datetime.date.fromisoformat(published)
    phrase = re.sub(r"^(?:earlier|later|late|early)\s+", "", text.lower().strip())
    if phrase == "today":
        return base.isoformat()
    if phrase == "yesterday":
        return (base - datetime.timedelta(days=1)).isoformat()
    if phrase in ("this week", "last week"):
        return str((base - datetime.timedelta(days=7 if phrase == "last week" else 0)).year)
    if phrase in ("this month", "last month"):
        month = base.replace(day=1) - datetime.timedelta(days=1) if phrase == "last month" else base
        return f"{month.year}-{month.month:02d}"
    if phrase in ("this year", "last year"):
        return str(base.year - (phrase == "last year"))
    return None


def date_in(view: SentenceView, verb: Token) -> str | None:
    for ent in view.ents:
        if ent.label_ != "DATE" or any(t.i in view.at for t in ent):
            continue  # "The Priority 2030 programme was launched in 2021": a year in a name is no date
        if ent.root.head == verb or ent.root.head.head == verb or ent.root.head.head.head == verb:
            value = parse_date_phrase(ent.text) or _weekday_date(ent.text, view.published, verb.tag_ in ("VBD", "VBN")) \
                or (_relative_date(ent.text, view.published) if verb.tag_ in ("VBD", "VBN") else None)
            if value:
                return value
    subtree = " ".join(t.text for t in verb.subtree if t.i > verb.i or t.dep_ == "prep")
    match = re.search(r"\b(?:in|on|since)\s+((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:1[0-9]|20)\d\d)\b", subtree)
    if match:
        return parse_date_phrase(match.group(1))
    opening = re.match(r"\s*(?:In|On)\s+((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:1[0-9]|20)\d\d)\s*,", view.text)
    return parse_date_phrase(opening.group(1)) if opening else None  # "In 2003, ... established the IRU"


CLAUSE_BREAK = re.compile(r",\s*(?:and|while|whereas|but)\s+|;\s*|,\s*(?=in the\b)|\s+while\s+", re.I)


def governing_verb(view: SentenceView, mention: Found) -> Token:
    """The nearest verb above a mention (the sentence root for mentions outside the sentence)."""
    if mention.start < view.sent.start or mention.start >= view.sent.end:
        return next((t for t in view.tokens if t.lemma_.lower() in SELECT_VERBS), view.sent.root)
    token = view.sent.doc[mention.start]
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return view.sent.root


_GROUP_NOUNS = LEXICON.words["group_nouns"]
_NOT_GROUP = LEXICON.words["not_group"]
_GROUP_DETERMINERS = frozenset({"the", "these", "those", "both", "all", "each", "every", "either"})
_GROUP_LEAD = _GROUP_DETERMINERS | {"of"}


def distinct_members(mentions: Iterable[Found]) -> tuple[Found, ...]:
    """Named universities and institutes, one mention per organisation, in text order."""
    seen: dict[str, Found] = {}
    for mention in mentions:
        if mention.label in MEMBER_LIKE and mention.label != "Any" and not mention.is_anaphor:
            seen.setdefault(identity(mention), mention)
    return tuple(seen.values())


def identity(mention: Found) -> str:
    """What names the organisation a mention stands for, the same for all its mentions in a text."""
    return mention.key or mention.refers_to or mention.text


_PLACES = frozenset({"GPE", "LOC", "NORP"})


def group_referent(view: SentenceView, tokens: Sequence[Token]) -> list[Found]:
    """The universities a plural description stands for: "all four were members", "Each of the
    three left", "Both universities joined", "these institutions": those named before it in the
    sentence, else those the text last enumerated (:attr:`SentenceView.enumerated`); a number in
    the description must match their count. Empty when ``tokens`` name an organisation or are no
    such description."""
    tokens = sorted(tokens, key=lambda t: t.i)
    doc = view.sent.doc
    while tokens and tokens[0].i > view.sent.start and doc[tokens[0].i - 1].lower_ in _GROUP_LEAD:
        tokens.insert(0, doc[tokens[0].i - 1])  # "Each of the three left", parsed as "three (who) left"
    if not tokens or len(tokens) > 6 or any(t.i in view.at or t.pos_ == "PROPN" and t.ent_type_ not in _PLACES for t in tokens):
        return []  # a name is no description; a place in it is ("the four Berlin institutions")
    lowers = [t.lower_ for t in tokens]
    if set(lowers) & _NOT_GROUP:
        return []
    counts = [number_of(t) for t in tokens if t.like_num or t.lower_ in _WORD_NUMBERS]
    count = 2 if "both" in lowers else next((c for c in counts if c), None)
    described = any(w in _GROUP_NOUNS for w in lowers) or count is not None
    if not described or not set(lowers) & _GROUP_DETERMINERS or (count is None and "them" in lowers):
        return []
    here = distinct_members(view.of(MEMBER_LIKE, view.sent.start, tokens[0].i))
    for group in (here, view.enumerated):
        if len(group) >= 2 and (count is None or len(group) == count):
            return list(group)
    return []


def number_of(token: Token) -> int | None:
    text = token.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return _WORD_NUMBERS.get(token.lower_)


IMPLICIT_PUBLISHER = Found(0, 0, "PUBLISHER", None, "implicit", "")


#: a heading of a programme's partners: "The new partners are:", "Partner institutions:"
_PARTNERS_HEADING = re.compile(r"(?:the\s+)?(?:\w+\s+){0,2}partners?(?:\s+(?:institutions|universities))?"
                               r"(?:\s+(?:are|include))?\s*:", re.I)


def programme_partners(view: SentenceView, heading: Span) -> Found | None:
    """The programme whose partners a list heading announces ("The new partners are:" in a text
    about a programme, with no alliance its partners could be members of): they take part in it,
    and are no partners of the programme's owner."""
    if _PARTNERS_HEADING.fullmatch(heading.text.strip()) and "Alliance" not in view.context:
        return view.context.get("Program")
    return None


def alliance_partners(view: SentenceView, heading: Span) -> Found | None:
    """The alliance whose members a list heading of partners announces: the alliance it names ("The
    AAP consortium is made up of eleven institutions:"), or the one spoken of for a heading that
    names none ("The full partners are:", "Partner universities:" in a text about a European
    University alliance, whose members are called partners); not where the heading's paragraph
    tells of an agreement, whose parties are partners."""
    named = [m for m in view.mentions_in(heading) if m.label in ORG_LIKE]
    if named and named[0].label == "Alliance":
        alliance = named[0]  # "The AAP consortium is made up of eleven institutions:"
    elif not named and (_PARTNERS_HEADING.fullmatch(heading.text.strip()) or _PARTNERS_ARE.search(heading.text.strip())) \
            and "Alliance" in view.context:  # ("The first two associate partners, admitted in May, are:")
        alliance = view.context["Alliance"]
    else:
        return None
    doc = heading.doc
    line = doc.text[doc.text.rfind("\n", 0, heading.start_char) + 1:heading.end_char].lower()
    if _AGREEMENT_WORDS.search(line):
        return None  # "... signed MoUs with three universities. The partner institutions are:": partners
    return alliance


_PARTNERS_ARE = re.compile(r"\bpartners\b[^:]*\b(?:are|include)\s*:$", re.I)
_AGREEMENT_WORDS = re.compile(r"\b(?:agreements?|memorand(?:um|a)|mous?|accords?|conventions?|contracts?|signed|signs?)\b")


_CONSORTIUM_LEADS = LEXICON.words["consortium_leads"]
_CONSORTIUM_PARTNERS = LEXICON.words["consortium_partners"]


def consortium_role(line: Span) -> str | None:
    """"lead" or "partner" for a line that a consortium's label opens ("Coordinator: A (Chad)",
    "Technical partners: B; C"; lexicon consortium_leads / consortium_partners), else None."""
    label, colon, rest = _BULLET.sub("", line.text.strip()).partition(":")
    if not colon or not rest.strip() or len(label) > 40:
        return None
    label = label.strip().lower()
    singular = label[:-1] if label.endswith("s") else label
    if label in _CONSORTIUM_LEADS or singular in _CONSORTIUM_LEADS:
        return "lead"
    if label in _CONSORTIUM_PARTNERS or singular in _CONSORTIUM_PARTNERS:
        return "partner"
    return None


def consortium_leads(view: SentenceView, limit: int = 8) -> list[Found]:
    """On a partners' line of a consortium, the organisations on its lead's line: up over the
    consortium's other lines ("Coordinator: A" / "Partners: B; C" / "Technical partner: D")."""
    for line in lines_above(view, limit):
        role = consortium_role(line) if line.text.strip() else "blank"
        if role == "lead":
            return [m for m in view.mentions_in(line) if m.label in MEMBER_LIKE and not m.is_anaphor]
        if role is None:
            return []
    return []


def list_heading(view: SentenceView, limit: int = 60) -> Span | None:
    """The line that opens the list this line belongs to ("Top 10 best universities in the
    world:", "Participating institutions are:", a Markdown heading): up over list lines (no verb,
    no full stop) to the first line that ends with a colon or is a Markdown heading. None when this line is no list line or no such line is above."""
    if view.heading is _UNSET:  # asked by several rules of one sentence: walked once
        view.heading = _list_heading(view, limit)
    return view.heading


def _list_heading(view: SentenceView, limit: int) -> Span | None:
    if _has_verb(view.tokens):
        return None
    for line in lines_above(view, limit):
        text = line.text.strip()
        if text.endswith(":") or text.startswith("#"):  # "Participating institutions are:", "## The 2023 selections"
            return line
        if text and not _BULLET.match(text) and (text.endswith(".") and not text.endswith("...")  # (a row's dot leader)
                                                 or _has_verb(_outside_brackets(line))):
            return None  # a sentence: the list has ended above it (a bulleted line may have a verb: "* A (continued)")
        if text and _plain_heading(view, line):
            return line  # "The 10 selections of 2023" over a list, its Markdown "##" gone with the cleaning
    return None


def _plain_heading(view: SentenceView, line: Span) -> bool:
    """A line that names nothing, with a lower-case noun, verb or adjective ("selections"; not a name's
    "de"), and the text's paragraph break after it: the title of the list below it, not one of its items."""
    words = [t for t in line if t.is_alpha]
    return any(t.is_lower and t.pos_ in ("NOUN", "VERB", "ADJ") for t in words) and not view.mentions_in(line) \
        and "\n" in line.doc[line.end - 1].text_with_ws + (line.doc[line.end].text if line.end < len(line.doc) else "")


def lines_above(view: SentenceView, limit: int) -> Iterator[Span]:
    """The sentences (lines of a list) above this one, nearest first, at most ``limit``: the walk
    of the rules that look for the line opening a list."""
    doc = view.sent.doc
    start = view.sent.start
    for _ in range(limit):
        if start == 0:
            return
        line = doc[start - 1].sent
        yield line
        start = line.start


_BULLET = re.compile(r"^(?:[*•◦▪–-]|\d{1,3}[.)])\s")


def _outside_brackets(tokens) -> list:
    """The tokens not inside round brackets ("University of Oulu (6G Flagship, continued)")."""
    kept, depth = [], 0
    for token in tokens:
        depth += token.text == "("
        if not depth:
            kept.append(token)
        depth -= token.text == ")" and depth > 0
    return kept


def _has_verb(tokens) -> bool:
    """A finite verb or one with a subject: the line is a clause ("A joins B"), not a list item
    whose description has a participle ("Gaston Berger University, Senegal - applied mathematics")."""
    return any(t.pos_ in ("VERB", "AUX") and (t.tag_ in _FINITE or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))
               for t in tokens)


_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
