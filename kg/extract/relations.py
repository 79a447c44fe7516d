"""Relation extraction over parsed sentences.

Each ``find_*`` function reads one sentence (a spaCy ``Span``) with the mentions found in
it and yields candidate :class:`Fact` values. The rules use trigger lemmas, dependency
relations (subjects, objects, agents, conjunctions) and lists ("include A, B and C");
none is written for a particular sentence.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import LEXICON
from .mentions import Found

__all__ = ["Fact", "SentenceView", "find_relations", "parse_date_phrase"]

_MEMBER_LIKE = frozenset({"University", "ResearchInstitute", "PUBLISHER", "Any"})
_ALLIANCE_LIKE = frozenset({"Alliance"})
_ORG_LIKE = frozenset({"University", "ResearchInstitute", "Alliance", "Organization", "PUBLISHER", "Any"})
# word lists: one copy each, in lexicon.toml [words]
_HONORIFICS = LEXICON.words["honorifics"]
_JOIN = LEXICON.words["join"]
_BELONG = LEXICON.words["belong"]
_LEAVE = LEXICON.words["leave"]
_FOUND = LEXICON.words["found"]
_PARTNER_WORDS = LEXICON.words["partner"]
_COLLECTIVE_OF = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:alliance|association|network|consortium|league|"
                            r"group|club|federation|partnership)\s+of\b", re.I)
_LIST_TRIGGERS = ("include", "including", "includes", "included", "comprise", "comprises", "comprising",
                  "such as", "like", "namely", "consist of", "consists of", "bring together", "brings together",
                  "among them", "among which", "are", ":")
_PROGRAM_TRIGGERS = LEXICON.words["program_triggers"]
_SELECTION = re.compile(r"\b(selected|chosen|designated|named|recommended|declared|winners?|funding|funded)\b")
_SELECT_VERBS = LEXICON.words["select_verbs"]
_COLLECTIVE = LEXICON.words["collective"]
_COUNT_NOUNS = LEXICON.words["count_nouns"]
_COUNT_VERBS = LEXICON.words["count_verbs"]
_HEAD_TITLES = LEXICON.ordered["head_titles"]
_NOT_HEAD = LEXICON.ordered["not_head"]
_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                      "hundred": 100, "dozen": 12})
_MONTH = ("january february march april may june july august september october november december").split()
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_ANY_YEAR = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b")  # founding years go back to 1088
_RANK_PATTERNS = [
    ("band", re.compile(r"\b(top[ -]\d{1,4}(?:\s*(?:%|per ?cent))?)", re.I)),
    ("band", re.compile(r"\b(\d{2,4}\s*[-–]\s*\d{2,4})(?=\s*(?:band|bracket|range|group|place|position|tier|\)|,|\.|\s+in|\s+on|\s+of))", re.I)),
    ("band", re.compile(r"\b(\d{2,4}\+)")),
    ("rank", re.compile(r"\b(?:No\.|no\.|number|#)\s?(\d{1,4})\b")),
    ("rank", re.compile(r"\b(\d{1,3},\d{3}|\d{1,4})(?:st|nd|rd|th)\b(?!\s+(?:anniversary|birthday|century|session|"
                        r"congress|meeting|forum|conference|summit|annual|consecutive|time|general))", re.I)),
    ("rank", re.compile(r"\branked\s+(\d{1,4})\b(?!\s*[-–])", re.I)),
    ("rank", re.compile(r"\b(?:position|place|rank)\s+(?:No\.\s*)?(\d{1,4})\b(?!\s*[-–])", re.I)),
]


@dataclass(frozen=True, slots=True)
class Fact:
    """A candidate relation between mentions (or a mention and a literal) in one sentence."""

    subject: Found
    predicate: str
    object: Found | str
    evidence: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    features: frozenset[str] = frozenset()  # for the learned scorer (kg.extract.candidates)


class SentenceView:
    """A sentence with its mentions and quick lookups (token -> mention)."""

    def __init__(self, sent: Span, mentions: Sequence[Found], published: str | None, gazetteer=None,
                 context: dict[str, Found] | None = None, doc_text: str | None = None, ents: list[Span] | None = None,
                 starts: list[int] | None = None):
        self.sent = sent
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
        self.ents = ents if ents is not None else list(sent.ents)  # Span.ents scans every entity of the Doc
        self.at = {i: m for m in self.mentions for i in range(m.start, m.end)}
        self.published = published
        self.gazetteer = gazetteer
        self.text = sent.text.strip()
        self.lower = self.text.lower()
        self.tokens = list(sent)  # made once: every rule walks the sentence, and Span iteration builds new Tokens
        self.lemmas = [t.lemma_.lower() for t in self.tokens]

    def of(self, labels: frozenset[str], start: int | None = None, end: int | None = None,
           anaphors: bool = True) -> list[Found]:
        """The sentence's mentions with these labels (between tokens ``start`` and ``end``);
        ``anaphors=False`` leaves out "the alliance", "it" and the like."""
        start = self.sent.start if start is None else start
        end = self.sent.end if end is None else end
        return [m for m in self.mentions if m.label in labels and start <= m.start and m.end <= end
                and (anaphors or not m.is_anaphor)]

    def in_tokens(self, tokens: Iterable[Token], labels: frozenset[str]) -> list[Found]:
        seen = []
        for token in tokens:
            mention = self.at.get(token.i)
            if mention and mention.label in labels and mention not in seen:
                seen.append(mention)
        return sorted(seen, key=lambda m: m.start)

    def year(self, near: int | None = None) -> str | None:
        """A date phrase in the sentence (nearest to token ``near``), as ISO."""
        dates = [(abs(ent.start - (near or ent.start)), ent) for ent in self.ents if ent.label_ == "DATE"]
        for _, ent in sorted(dates, key=lambda d: d[0]):
            value = parse_date_phrase(ent.text)
            if value:
                return value
        match = _YEAR.search(self.text)
        return match.group(1) if match else None

    def char_offset(self, token_i: int) -> int:
        return self.sent.doc[token_i].idx - self.sent.start_char


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


def _subject_tokens(verb: Token) -> list[Token]:
    """Tokens of the grammatical subject of ``verb`` (following conj and relative clauses)."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
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


def _after(view: SentenceView, token_i: int, labels: frozenset[str]) -> list[Found]:
    return [m for m in view.of(labels) if m.start > token_i]


def _role_near(text: str) -> str | None:
    lowered = text.lower()
    for word, role in (("observer", "observer"), ("associate", "associate"), ("founding", "founding"),
                       ("full member", "member"), ("official member", "member"), ("full-fledged", "member")):
        if word in lowered:
            return role
    return None


def _member_fact(member: Found, group: Found, view: SentenceView, role: str | None, since: str | None,
                 until: str | None = None) -> Fact:
    qualifiers = [("role", role or "member")]
    if since:
        qualifiers.append(("since", since))
    if until:
        qualifiers.append(("until", until))
    return Fact(member, "memberOf", group, view.text, tuple(qualifiers))


def _groups(view: SentenceView) -> list[Found]:
    """Alliances named in the sentence, else the alliance the text spoke of last."""
    named = view.of(_ALLIANCE_LIKE)
    return named or ([view.context["Alliance"]] if "Alliance" in view.context else [])


def _since(view: SentenceView) -> str | None:
    match = re.search(r"\bsince\s+(?:\w+\s+)?((?:1[5-9]|20)\d\d)\b", view.text)
    return match.group(1) if match else None


def find_membership(view: SentenceView) -> Iterator[Fact]:
    """Joining, being or leaving a member, and member lists ("members include A, B")."""
    groups = _groups(view)
    if not groups:
        return
    in_sentence = bool(view.of(_ALLIANCE_LIKE))
    yielded = False
    for token in view.tokens:
        lemma = token.lemma_.lower()
        event = lemma in _JOIN or (lemma == "become" and any(w in view.lower for w in ("member", "observer", "part of")))
        state = lemma in _BELONG
        leave = lemma in _LEAVE
        if not (event or leave or state) or token.pos_ not in ("VERB", "AUX"):
            continue
        if not in_sentence and not (lemma in ("join", "belong", "admit", "become") or leave):
            continue
        targets = [g for g in groups if g.start > token.i] or groups
        group = targets[0]
        subjects = view.in_tokens(_subject_tokens(token), _MEMBER_LIKE)
        if lemma in ("welcome", "admit", "accept", "induct", "elect") and view.in_tokens(_subject_tokens(token), _ALLIANCE_LIKE):
            group = view.in_tokens(_subject_tokens(token), _ALLIANCE_LIKE)[0]
            subjects = [m for m in _after(view, token.i, _MEMBER_LIKE)]
        elif lemma in ("welcome", "admit", "accept", "induct"):  # "(we) welcome A and B to X": the objects join
            objects = view.in_tokens((t for c in token.children if c.dep_ == "dobj" for t in c.subtree), _MEMBER_LIKE)
            subjects = objects or subjects
        if state:
            when = _since(view)
        else:
            when = view.year(token.i) or (view.published[:4] if view.published and token.tag_ in ("VBD", "VBZ", "VBN", "VBP") else None)
        window = view.sent.doc[token.i:min(max(group.end, token.i) + 6, view.sent.end)].text
        subjects = _with_coordinates(view, subjects)
        for member in subjects:
            own = _own_year(view, member) or when  # "first Macquarie (2008) and then Newcastle (2014) left"
            if leave:
                yield _member_fact(member, group, view, "former", _since(view), own)
                for other in _elliptic_subjects(view, token, group):  # "A will leave X, as will B and C"
                    yield _member_fact(other, group, view, "former", _since(view), _own_year(view, other) or when)
            else:
                yield _member_fact(member, group, view, _role_near(window) or "member", own)
            yielded = True
    if not yielded:
        yield from _member_nouns(view, groups)
        yield from _member_lists(view, groups)


def _elliptic_subjects(view: SentenceView, verb: Token, group: Found) -> list[Found]:
    """Universities after "as will", "as did", "as have" later in the sentence: the same verb,
    elided ("A has decided to leave X, as will – as announced – B and C")."""
    doc = view.sent.doc
    for token in doc[verb.i + 1:view.sent.end - 1]:
        if token.lower_ == "as" and doc[token.i + 1].lower_ in ("will", "would", "did", "does", "do", "has", "have", "had"):
            return [m for m in view.of(_MEMBER_LIKE, token.i + 2, view.sent.end) if m != group and not m.is_anaphor]
    return []


_LIST_GLUE = frozenset({"and", ",", "then", "first", "later", "(", ")", "as", "well", "both", "also"})


def _with_coordinates(view: SentenceView, subjects: list[Found]) -> list[Found]:
    """Subjects plus the universities coordinated before them that the parse attached elsewhere
    ("first Macquarie (2008) and then Newcastle (2014) left": Newcastle is the parsed subject)."""
    if not subjects:
        return subjects
    doc = view.sent.doc
    found = list(subjects)
    i = subjects[0].start - 1
    while i >= view.sent.start:
        token = doc[i]
        mention = view.at.get(i)
        if mention is not None and mention.label in _MEMBER_LIKE:
            if mention not in found:
                found.insert(0, mention)
            i = mention.start - 1
        elif token.lower_ in _LIST_GLUE or _YEAR.fullmatch(token.text):
            i -= 1
        else:
            break
    return found


def _own_year(view: SentenceView, member: Found) -> str | None:
    """A year in brackets right after a university: "Macquarie (2008)"."""
    doc = view.sent.doc
    if member.end + 2 < view.sent.end and doc[member.end].text == "(" and _YEAR.fullmatch(doc[member.end + 1].text) \
            and doc[member.end + 2].text == ")":
        return doc[member.end + 1].text
    return None


def _member_nouns(view: SentenceView, groups: list[Found]) -> Iterator[Fact]:
    """"X is a member of A (and of B)", "X, an observer of A,", "As a founding member of A, X ..."."""
    for token in view.tokens:
        if token.lemma_.lower() not in ("member", "observer", "founder", "part") or token.tag_ not in ("NN", "NNS"):
            continue
        of = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")]
        of += [t for c in of for t in c.conjuncts if t.dep_ == "conj" and t.lower_ == "of"]  # "of A and of B"
        named = view.in_tokens((t for c in of for t in c.subtree), _ALLIANCE_LIKE)
        if not named and not (token.head.lower_ == "as" and groups):
            continue
        holder = token
        while holder.dep_ in ("compound", "amod", "nmod") and holder.head is not holder:
            holder = holder.head
        if holder.dep_ == "attr":
            members = view.in_tokens(_subject_tokens(holder.head), _MEMBER_LIKE)
        elif holder.dep_ == "appos":
            members = view.in_tokens([holder.head], _MEMBER_LIKE)
        elif holder.dep_ == "pobj" and holder.head.lower_ in ("as", "among"):
            members = view.in_tokens(_subject_tokens(holder.head.head), _MEMBER_LIKE)
        else:
            continue
        role = _role_near(view.sent.doc[max(token.i - 3, view.sent.start):token.i + 1].text) or "member"
        if token.lemma_.lower() == "founder":
            role = "founding"
        for group in named or groups[:1]:
            for member in members:
                yield _member_fact(member, group, view, role, _since(view))


def _member_lists(view: SentenceView, groups: list[Found]) -> Iterator[Fact]:
    """"The members of A include X, Y and Z", "Its members include X", "A brings together X, Y",
    "A, a strategic alliance of X, Y and Z"."""
    if any(w in view.lower for w in ("partner", "agreement", "cooperat", "collaborat")):
        return
    yield from _collective_members(view)
    named = view.of(_ALLIANCE_LIKE)
    for trigger in _LIST_TRIGGERS:
        match = re.search(rf"(?<![\w-]){re.escape(trigger)}(?![\w-])", view.lower)
        if not match:
            continue
        before = view.lower[:match.start()]
        group = next((g for g in reversed(named) if view.char_offset(g.start) < match.start()), None)
        if group is None:  # "Its members include ...", "The other members are ...": the alliance spoken of
            if not re.search(r"\bmembers?\b", before) or re.search(r"\b(?:partners?|participants?)\b", before):
                continue
            group = groups[0]
        elif not re.search(r"member|universit|institution|observer|" + re.escape(group.text.lower()), before):
            continue
        if trigger == "are" and "member" not in before:
            continue
        role = _role_near(before[max(view.char_offset(group.start), 0):] if named else before)
        for member in view.of(_MEMBER_LIKE):
            if view.char_offset(member.start) > match.start() and not _in_count_phrase(view, member):
                yield _member_fact(member, group, view, role or "member", None)
        return


def _collective_members(view: SentenceView) -> Iterator[Fact]:
    """"the IDEA League, a strategic alliance of Imperial College London, Delft ... and RWTH"."""
    for match in _COLLECTIVE_OF.finditer(view.text):
        named = [g for g in view.of(_ALLIANCE_LIKE) if view.char_offset(g.end - 1) < match.start()]
        if not named or match.start() - view.char_offset(named[-1].end - 1) > 12:
            continue
        for member in view.of(_MEMBER_LIKE):
            if view.char_offset(member.start) > match.end() and not _in_count_phrase(view, member):
                yield _member_fact(member, named[-1], view, "member", None)


def _in_count_phrase(view: SentenceView, mention: Found) -> bool:
    """A mention in "16 universities of Project 985": a count of a subset, not a list item."""
    doc = view.sent.doc
    start = mention.start
    while start > view.sent.start and doc[start - 1].is_quote:
        start -= 1
    return start >= 3 and doc[start - 1].lower_ == "of" and any(t.like_num and t.lower_ != "one" for t in doc[max(start - 4, 0):start - 1])


_AGENT_NOUNS = LEXICON.words["agent_nouns"]


def _founders(view: SentenceView, verb: Token) -> list[Found]:
    """Founders named by "by A and B", "under the leadership of A", "on the initiative of A", "together with A"."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("under", "on", "at", "upon"):
            if any(t.lower_ in _AGENT_NOUNS for t in child.subtree):
                tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "with" and any(t.lower_ in ("together", "jointly") for t in verb.subtree):
            tokens.extend(child.subtree)
        elif child.dep_ == "advmod" and child.lower_ == "together":
            tokens.extend(t for c in child.children for t in c.subtree)
    return view.in_tokens(tokens, _ORG_LIKE)


def _founded_mention(view: SentenceView, verb: Token) -> Found | None:
    """What was founded: the passive subject, the object, or the noun a participle modifies."""
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    before = _mention_before_comma(view, verb)
    if before is not None and not has_subject and verb.dep_ in ("acl", "advcl", "conj", "relcl"):
        return before  # "LERU (LERU), established in 2002, ..."
    relative = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children)
    singular = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "is", "has") for c in verb.children)
    pronoun = min((c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")),
                  default=verb.i)
    nearest = _mention_before_comma(view, view.sent.doc[pronoun])
    if relative and singular and nearest is not None:
        return nearest  # "AUB and Haigazian, which was founded in 1955": the name before the comma, not the pair
    if relative or (verb.dep_ == "acl" and not has_subject):
        found = _mention_up(view, verb.head)
        return found
    if verb.dep_ == "advcl" and not has_subject:
        candidates = view.in_tokens(_subject_tokens(verb.head), _ORG_LIKE | {"Program"})
    elif verb.dep_ == "acl" and not has_subject:
        head = verb.head
        while head.i not in view.at and head.dep_ in ("pobj", "prep", "appos", "compound", "amod", "attr") and head.head is not head:
            head = head.head
        candidates = [view.at[head.i]] if head.i in view.at else []
    else:
        candidates = view.in_tokens(_subject_tokens(verb), _ORG_LIKE | {"Program"})
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if not candidates and subject is not None and subject.lemma_.lower() in _COLLECTIVE and "Alliance" in view.context:
            return view.context["Alliance"]  # "The strategic alliance of ... was founded in 1999"
    return candidates[0] if candidates else None


def _mention_before_comma(view: SentenceView, verb: Token) -> Found | None:
    """The organisation named just before ", <participle>" (skipping an "(ACRONYM)")."""
    doc = view.sent.doc
    j = verb.i - 1
    if j <= view.sent.start or doc[j].text != ",":
        return None
    j -= 1
    if doc[j].text == ")" and j - 2 >= view.sent.start and doc[j - 2].text == "(":
        j -= 3
    mention = view.at.get(j)
    return mention if mention is not None and mention.label in (_ORG_LIKE | {"Program"}) else None


def _mention_up(view: SentenceView, token: Token) -> Found | None:
    """The mention at ``token`` or up its chain of heads through appositions and modifiers."""
    for _ in range(6):
        if token.i in view.at and view.at[token.i].label in (_ORG_LIKE | {"Program"}):
            return view.at[token.i]
        if token.dep_ not in ("pobj", "prep", "appos", "compound", "amod", "attr", "npadvmod") or token.head is token:
            return None
        token = token.head
    return None


def find_founding(view: SentenceView) -> Iterator[Fact]:
    """Founding dates and founders: "A was established in 2011 by X and Y", "X founded A"."""
    for token in view.tokens:
        is_set_up = token.lemma_.lower() == "set" and any(c.lower_ == "up" for c in token.children)
        if not (token.lemma_.lower() in _FOUND or is_set_up) or token.pos_ != "VERB":
            continue
        objects = view.in_tokens((t for c in token.children if c.dep_ == "dobj" for t in c.subtree), _ORG_LIKE | {"Program"})
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) or token.dep_ == "acl" or \
            (token.dep_ == "advcl" and token.tag_ == "VBN")
        if passive and objects and token.dep_ == "acl" and token.tag_ == "VBD":
            passive = False  # "a group of universities ... established the IRU": a past tense with an object, misparsed
        if passive:
            target = _founded_mention(view, token)
            founders = _founders(view, token)
        else:
            relative = token.dep_ == "relcl" and token.head.i in view.at
            target = view.at[token.head.i] if relative and not objects else (objects[0] if objects else None)
            founders = view.in_tokens(_subject_tokens(token) if not relative else
                                      [c for c in token.children if c.dep_ == "nsubj"], _ORG_LIKE) + _founders(view, token)
        if target is None:
            continue
        yield from _founding_facts(view, token, target, founders)
    yield from _nominal_founding(view)


def _founding_facts(view: SentenceView, verb: Token, target: Found, founders: list[Found]) -> Iterator[Fact]:
    date = _date_in(view, verb)
    if date:
        yield Fact(target, "founded", date, view.text)
    for founder in founders:
        if founder != target and founder.text != target.text and not founder.is_anaphor:
            yield Fact(target, "founder", founder, view.text, (("date", date),) if date else ())
    count = _founding_count(verb)
    if count is not None and target.label == "Alliance":
        yield Fact(target, "memberCount", str(count), view.text, (("role", "founding"),))


_FOUNDING_NOUNS = LEXICON.words["founding_nouns"]


def _nominal_founding(view: SentenceView) -> Iterator[Fact]:
    """"Eleven universities announced the establishment of X", "A and B signed the declaration
    on the founding of X on 10 March 2018": founding told by a noun; the founders are the
    subject of the verb it depends on."""
    for noun in view.tokens:
        if noun.lemma_.lower() not in _FOUNDING_NOUNS or noun.pos_ != "NOUN":
            continue
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        targets = view.in_tokens(of.subtree, _ALLIANCE_LIKE | {"Program"}) if of is not None else []
        verb = noun.head
        for _ in range(3):  # "signed [the declaration [on [the establishment of X]]]"
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if not targets or verb.pos_ != "VERB" or targets[0].is_anaphor:
            continue
        founders = view.in_tokens(_subject_tokens(verb), _ORG_LIKE)
        yield from _founding_facts(view, verb, targets[0], founders)


_COUNTED_FOUNDERS = LEXICON.words["counted_founders"]


def _founding_count(verb: Token) -> int | None:
    """"Eleven Chinese universities (jointly) founded X": how many founded it."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.lemma_.lower() in _COUNTED_FOUNDERS:
            number = next((c for c in subject.children if c.dep_ == "nummod"), None)
            value = _number(number) if number is not None else None
            if value is not None and 2 <= value < 1000:
                return value
    return None


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


def _date_in(view: SentenceView, verb: Token) -> str | None:
    for ent in view.ents:
        if ent.label_ == "DATE" and (ent.root.head == verb or ent.root.head.head == verb or ent.root.head.head.head == verb):
            value = parse_date_phrase(ent.text) or _weekday_date(ent.text, view.published, verb.tag_ in ("VBD", "VBN"))
            if value:
                return value
    subtree = " ".join(t.text for t in verb.subtree if t.i > verb.i or t.dep_ == "prep")
    match = re.search(r"\b(?:in|on|since)\s+((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:1[0-9]|20)\d\d)\b", subtree)
    if match:
        return parse_date_phrase(match.group(1))
    opening = re.match(r"\s*(?:In|On)\s+((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:1[0-9]|20)\d\d)\s*,", view.text)
    return parse_date_phrase(opening.group(1)) if opening else None  # "In 2003, ... established the IRU"


def find_origins(view: SentenceView) -> Iterator[Fact]:
    """"X traces its history (roots, origins) to 1953": a founding date."""
    for token in view.tokens:
        if token.lemma_.lower() != "trace" or not any(c.lower_ in ("history", "roots", "origins", "origin") for c in token.subtree):
            continue
        subjects = view.in_tokens(_subject_tokens(token), _ORG_LIKE)
        date = _date_in(view, token)
        if subjects and date:
            yield Fact(subjects[0], "founded", date, view.text)


def _coordinated(view: SentenceView, verb: Token) -> list[Found]:
    """Mentions that are the verb's subject or conjoined with it ("A and B signed"), not their modifiers."""
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for head in list(heads):
        heads.extend(t for t in head.subtree if t.dep_ == "conj" and t.head in heads)
    return view.in_tokens(heads, _ORG_LIKE)


def find_partnership(view: SentenceView) -> Iterator[Fact]:
    """Agreements, cooperation and exchanges between organisations (symmetric)."""
    trigger = next((t for t in view.tokens if t.lemma_.lower() in _PARTNER_WORDS or t.lower_ in ("mou", "mous")
                    or t.lower_.replace("-", "") in ("cooperate", "cooperates", "cooperation")), None)
    if trigger is None or len(view.of(_ORG_LIKE)) < 2:
        return
    between = next((t for t in view.tokens if t.lower_ == "between"), None)
    parties = view.in_tokens(between.subtree, _ORG_LIKE) if between is not None else []
    if len(parties) >= 2:  # "an agreement between A and B"
        for i, first in enumerate(parties):
            for second in parties[i + 1:]:
                yield Fact(first, "partnerOf", second, view.text)
        return
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), trigger)
    agents = view.in_tokens((t for v in (verb, trigger) for c in v.children if c.dep_ == "agent" for t in c.subtree), _ORG_LIKE)
    if len(agents) >= 2 and re.search(r"\bjoint(ly)?\b", view.lower):  # "offered jointly by A, B and C"
        for i, first in enumerate(agents):
            for second in agents[i + 1:]:
                yield Fact(first, "partnerOf", second, view.text)
        return
    subjects = view.in_tokens(_subject_tokens(verb), _ORG_LIKE)
    with_tokens = [t for t in view.tokens if t.lower_ in ("with", "and") and t.i > trigger.i - 6]
    with_at = next((t.i for t in with_tokens if t.lower_ == "with"), None)
    if with_at is None:
        subjects = _coordinated(view, verb)
        if len(subjects) >= 2:  # "A and B signed an agreement"
            for i, first in enumerate(subjects):
                for second in subjects[i + 1:]:
                    yield Fact(first, "partnerOf", second, view.text)
        return
    objects = [m for m in _after(view, with_at, _ORG_LIKE) if m not in subjects and not _in_count_phrase(view, m)]
    if not subjects and objects and not any(m.start < with_at for m in view.of(_ORG_LIKE)):
        subjects = [_IMPLICIT_PUBLISHER]  # "a joint laboratory will be set up with X": the publisher's doing
    for subject in subjects[:3]:
        for other in objects:
            if other.text != subject.text:
                yield Fact(subject, "partnerOf", other, view.text)


def find_participation(view: SentenceView) -> Iterator[Fact]:
    """Universities in national programs: "selected for Priority 2030", "a Project 985 university",
    "participants include A, B"."""
    programs = view.of(frozenset({"Program"}))
    if not programs and "Program" in view.context and _SELECTION.search(view.lower):
        programs = [view.context["Program"]]  # "The three institutions selected are A, B and C"
    if not programs:
        return
    doc = view.sent.doc
    lemmas = set(view.lemmas)
    members = [m for m in view.of(_MEMBER_LIKE) if not _in_count_phrase(view, m)]
    listing = re.search(r"\b(?:include|includes|included|including|such as|are|were|namely)\b|:", view.lower)
    for program in programs:
        if program.start >= view.sent.start and _in_count_phrase(view, program):
            continue
        following = doc[program.end:program.end + 2] if program.start >= view.sent.start else []
        as_modifier = any(t.lower_ in ("university", "universities", "institution") for t in following)
        if not (as_modifier or lemmas & _PROGRAM_TRIGGERS or listing):
            continue
        verb = _governing_verb(view, program)
        grammatical = view.in_tokens(_subject_tokens(verb), _MEMBER_LIKE) or \
            view.in_tokens(_subject_tokens(view.sent.root), _MEMBER_LIKE)
        if not grammatical and verb.lemma_.lower() in _SELECT_VERBS:  # "the committee recommended A, B and C"
            grammatical = view.in_tokens((t for c in verb.children if c.dep_ == "dobj" for t in c.subtree), _MEMBER_LIKE)
        if listing and (not grammatical or view.char_offset(grammatical[0].start) > listing.start()):
            about = view.lower[:listing.start()]
            if program.start < view.sent.start and not re.search(r"universit|institution|winner|participant|member|recipient", about):
                continue  # "Projects from the last funding cycle included ...": not a list of participants
            chosen = [m for m in members if view.char_offset(m.start) > listing.start()]
        else:
            chosen = grammatical
        for member in chosen:
            yield Fact(member, "participatesIn", program, view.text)


_CLAUSE_BREAK = re.compile(r",\s*(?:and|while|whereas|but)\s+|;\s*|,\s*(?=in the\b)|\s+while\s+", re.I)


def _governing_verb(view: SentenceView, mention: Found) -> Token:
    """The nearest verb above a mention (the sentence root for mentions outside the sentence)."""
    if mention.start < view.sent.start or mention.start >= view.sent.end:
        return next((t for t in view.tokens if t.lemma_.lower() in _SELECT_VERBS), view.sent.root)
    token = view.sent.doc[mention.start]
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return view.sent.root


def find_ranking(view: SentenceView) -> Iterator[Fact]:
    """Ranking placements (rank or band, edition), clause by clause:
    "In the QS ... 2023, Tsinghua placed 14th, and it ranked 16th in the THE ... 2023"."""
    doc = view.sent.doc
    rankings = [r for r in view.of(frozenset({"Ranking"}))
                if not (r.end < view.sent.end and doc[r.end].text in ("'s", "’s"))]  # "ShanghaiRanking's GRAS"
    if not rankings and "Ranking" in view.context and re.search(r"\b(edition|ranking|rankings|table|list)\b", view.lower):
        rankings = [view.context["Ranking"]]
    universities = [m for m in view.of(_MEMBER_LIKE) if not _in_count_phrase(view, m)]
    if not rankings or not universities or not _ranks(view.text):
        return
    previous_university = None
    for start, end in _clauses(view.text):
        ranks = _ranks(view.text[start:end])
        in_clause = [m for m in universities if start <= view.char_offset(m.start) < end]
        clause_rankings = [r for r in rankings if r.start >= view.sent.start and start <= view.char_offset(r.start) < end]
        university_list = in_clause or ([previous_university] if previous_university else [])
        previous_university = in_clause[-1] if in_clause else previous_university
        ranking_list = clause_rankings or (rankings if len(rankings) == 1 or rankings[0].start < view.sent.start else [])
        if not ranks or not university_list or not ranking_list:
            continue
        yield from _placements(view, university_list, ranking_list[0], ranks)


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:  # a clause without a rank joins the next one ("In the QS 2023, Tsinghua placed 14th")
        if merged and not _ranks(text[merged[-1][0]:merged[-1][1]]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _placements(view: SentenceView, universities: list[Found], ranking: Found, ranks: list[tuple[str, str]]) -> Iterator[Fact]:
    edition = _edition(view, ranking)
    if len(universities) == len(ranks) and len(ranks) > 1:
        pairs = list(zip(universities, ranks))
    else:
        chosen = ranks[-1] if re.search(r"\bfrom\b.*\bto\b", view.lower) else ranks[0]
        pairs = [(u, chosen) for u in universities]
    for university, (kind, value) in pairs:
        qualifiers = [(kind, value)] + ([("year", edition)] if edition else [])
        yield Fact(university, "rankedIn", ranking, view.text, tuple(qualifiers))


def _ranks(text: str) -> list[tuple[str, str]]:
    found: list[tuple[int, str, str]] = []
    taken: set[int] = set()
    for kind, pattern in _RANK_PATTERNS:
        for match in pattern.finditer(text):
            if taken.intersection(range(*match.span(1))):
                continue
            value = re.sub(r"\s+", " ", match.group(1)).replace("–", "-")
            value = value.replace(",", "") if kind == "rank" else value
            if kind == "rank" and (int(value) == 0 or 1500 <= int(value) <= 2100):
                continue
            found.append((match.start(1), kind, value.lower() if kind == "band" else value))
            taken.update(range(*match.span(1)))
    return [(kind, value) for _, kind, value in sorted(found)]


def _edition(view: SentenceView, ranking: Found) -> str | None:
    doc = view.sent.doc
    for token in [*doc[max(ranking.start - 2, view.sent.start):ranking.start], *doc[ranking.end:ranking.end + 2]]:
        if _YEAR.fullmatch(token.text):
            return token.text
    match = re.search(r"\b(20\d\d)\b", ranking.text)
    return match.group(1) if match else view.year(ranking.start)


def _number(token: Token) -> int | None:
    text = token.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return _WORD_NUMBERS.get(token.lower_)


def find_member_counts(view: SentenceView) -> Iterator[Fact]:
    """Stated member counts of an alliance, total and per role."""
    groups = view.of(_ALLIANCE_LIKE)
    if not groups and "Alliance" not in view.context:
        return
    doc = view.sent.doc
    counts: list[tuple[Token, int, str]] = []
    for token in view.tokens:
        value = _number(token)
        if value is None or token.i in view.at or 1800 <= value <= 2100:
            continue
        if token.i > view.sent.start and doc[token.i - 1].lower_ in ("other", "another", "remaining"):
            continue  # "the other seven members": not the whole alliance
        window = doc[token.i + 1:min(token.i + 9, view.sent.end)]
        noun = next((t for t in window if t.lower_ in _COUNT_NOUNS), None)
        if noun is None or any((t.is_punct and t.text != "-") or t.lower_ in ("of", "in", "from") for t in doc[token.i + 1:noun.i]):
            continue
        named_after = [m for m in view.mentions if noun.i < m.start <= noun.i + 3 and m.label != "Country"]
        if noun.i + 1 < view.sent.end and doc[noun.i + 1].lower_ == "of" and named_after and \
                not (noun.lower_ == "members" and any(g in named_after for g in groups)):
            continue  # "4 universities of the C9 League": part of another group
        counts.append((token, value, doc[token.i + 1:noun.i + 1].text))
    if not counts:
        yield from _membership_totals(view, groups)
        return
    total_group = None
    index = -1
    for token, value, phrase in counts:
        group = _count_group(view, token, groups) or total_group
        if group is None:
            continue
        index += 1  # counts of other things ("the four institutions") do not count
        total_group = total_group or group
        role = _role_near(phrase)
        if role is None and "member" in phrase and index > 0:
            role = "member"
        if index > 0 and role is None:
            continue
        qualifiers = (("role", role),) if role else ()
        yield Fact(group, "memberCount", str(value), view.text, qualifiers)


_MEMBERSHIP_TO = re.compile(r"\bmembership\b(?:(?!\bmembers?\b)[^.;]){0,80}?\bto\s+(?:about|around|some|nearly|almost|"
                            r"over|more than|just over|just under)?\s*(\d{1,3}(?:,\d{3})*|\d+)\b(?!\s*(?:%|per|th\b))",
                            re.I)


def _membership_totals(view: SentenceView, groups: list[Found]) -> Iterator[Fact]:
    """"ACU membership has fallen to about 450", "bringing the membership of the network to 24"."""
    match = _MEMBERSHIP_TO.search(view.text)
    if not match:
        return
    group = groups[0] if groups else view.context.get("Alliance")
    value = int(match.group(1).replace(",", ""))
    if group is not None and not 1800 <= value <= 2100:
        yield Fact(group, "memberCount", str(value), view.text)


def _count_group(view: SentenceView, number: Token, groups: list[Found]) -> Found | None:
    before = [g for g in groups if g.end <= number.i]
    if before:
        between = view.sent.doc[before[-1].end:number.i]
        if any(t.lemma_.lower() in _COUNT_VERBS or t.lower_ in ("with", "including", "now") for t in between) and len(between) <= 14:
            return before[-1]
        if len(between) <= 8 and between and between[-1].lower_ == "of" and any(t.lower_ in _COLLECTIVE for t in between):
            return before[-1]  # "APRU is a network of 60 universities", "U15, the group of fifteen universities"
    previous = view.sent.doc[number.i - 1] if number.i > view.sent.start else None
    following = view.sent.doc[number.i + 1] if number.i + 1 < view.sent.end else None
    if previous is not None and previous.lower_ in ("the", "its", "their") and "Alliance" in view.context \
            and following is not None and following.lower_ == "members" and not groups:
        return view.context["Alliance"]  # "The eight members are ...": the alliance spoken of
    if following is not None and following.lower_ == "member" and not groups and "Alliance" in view.context:
        return view.context["Alliance"]  # "there are 25 member schools": the alliance spoken of
    after = [g for g in groups if g.start > number.i]
    if after and view.sent.doc[after[0].start - 1].lower_ == "of" and view.sent.doc[number.i + 1].lower_ == "members":
        return after[0]
    doc = view.sent.doc
    lead = [t.lower_ for t in doc[max(number.i - 3, view.sent.start):number.i]]
    if after and (lead[-2:] == ["one", "of"] or lead[-3:] == ["one", "of", "the"]) and after[0].start - number.i <= 8:
        link = [t.lower_ for t in doc[number.i + 1:after[0].start] if t.lower_ != "the"]
        if link and link[-1] in ("in", "of", "within"):
            return after[0]  # "one of 23 universities in the LERU network", "one of the 12 members of X"
    return None


#: what joins a person to a title after the name: "A, rector of Y", "A (chair of Y)", "A also acts as chairman of Y"
_HEAD_LINK = re.compile(r"^\s*(?:,|\(|(?:who\s+)?(?:also\s+|now\s+|currently\s+|still\s+)?"
                        r"(?:is|was|serves as|served as|acts as|acted as|has been|had been|became|becomes|remains)\b"
                        r"|the\b|an?\b)")
_LED_BY = re.compile(r"\b(chaired|led|headed|directed|presided over|run)\s+by\s*$", re.I)
_IMPLICIT_PUBLISHER = Found(0, 0, "PUBLISHER", None, "implicit", "")


def find_heads(view: SentenceView) -> Iterator[Fact]:
    """Heads of organisations: "HIT President Han Jieping", "X, rector of Y", "Y, chaired by X"."""
    doc = view.sent.doc
    for person in view.of(frozenset({"Person"})):
        left = doc[max(person.start - 8, view.sent.start):person.start]
        right = doc[person.end:min(person.end + 15, view.sent.end)]
        led = _LED_BY.search(left.text)
        if led:
            orgs = [m for m in view.of(_ORG_LIKE) if m.end <= person.start]
            if orgs:
                yield Fact(person, "headOf", orgs[-1], view.text, (("role", _LED_ROLE[led.group(1).lower()]),))
                continue
        fact = _head_before_comma(view, person)
        if fact is not None:
            yield fact
            continue
        for side, tokens in (("left", left), ("right", right)):
            fact = _titled_head(view, person, side, tokens)
            if fact is not None:
                yield fact
                if side == "right":
                    yield from _more_titles(view, person, fact)
                break


def _head_before_comma(view: SentenceView, person: Found) -> Fact | None:
    """"director of IIT (BHU) Varanasi, Prof A": a head's title and organisation, a comma, the name."""
    doc = view.sent.doc
    i = person.start - 1
    while i > view.sent.start and doc[i].text in _HONORIFICS:
        i -= 1
    org = view.at.get(i - 1) if doc[i].text == "," else None
    if org is None or org.label not in _ORG_LIKE or org.is_anaphor:
        return None
    lead = doc[max(org.start - 5, view.sent.start):org.start]
    match = re.search(rf"(?<![\w-])({'|'.join(re.escape(t) for t in _HEAD_TITLES)})\s+(?:of|at)(?:\s+the)?\s*$",
                      lead.text.lower())
    if not match or any(lead.text.lower()[:match.start()].rstrip().endswith(n) for n in _NOT_HEAD):
        return None
    return Fact(person, "headOf", org, view.text, (("role", match.group(1)),))




def _more_titles(view: SentenceView, person: Found, first: Fact) -> Iterator[Fact]:
    """"A, Chair of the U21 network and President of University College Dublin": each title
    of the apposition with its own organisation."""
    doc = view.sent.doc
    at = first.object.end
    while at < view.sent.end - 3:
        tail = doc[at:min(at + 8, view.sent.end)]
        match = re.match(rf"\s*(?:[a-z]+\s+){{0,2}}?(?:,\s*)?and\s+(?:the\s+)?({'|'.join(re.escape(t) for t in _HEAD_TITLES)})\s+(?:of|at)\s+(?:the\s+)?",
                         tail.text.lower())
        if not match:
            return
        start = tail.start_char + match.end()
        org = next((m for m in view.mentions if doc[m.start].idx == start and m.label in _ORG_LIKE), None)
        if org is None:
            return
        yield Fact(person, "headOf", org, view.text, (("role", match.group(1)),))
        at = org.end


_LED_ROLE = {"chaired": "chair", "led": "head", "headed": "head", "directed": "director", "presided over": "president",
             "run": "head"}


def _titled_head(view: SentenceView, person: Found, side: str, tokens: Span) -> Fact | None:
    text = tokens.text.lower()
    if side == "left":
        text_near = tokens[-3:].text.lower() if len(tokens) >= 3 else text
        titles = [t for t in _HEAD_TITLES if re.search(rf"(?<![\w-]){re.escape(t)}\b", text)]
    else:
        if not _HEAD_LINK.match(text):
            return None
        text_near = text
        titles = [t for t in _HEAD_TITLES if re.search(rf"(?<![\w-]){re.escape(t)}\b", text)]
    found = sorted((m.start(), -len(t), t) for t in titles for m in re.finditer(rf"(?<![\w-]){re.escape(t)}\b", text))
    if side == "left":  # the title nearest the name: "HKUST President A and NTU President B"
        found.sort(key=lambda item: (-item[0], item[1]))
    for at, _, title in found:
        prefix = text[max(0, at - 10):at]
        if any(p in prefix.split()[-1:] or prefix.endswith(p + "-") or prefix.endswith(p + " ") for p in _NOT_HEAD) \
                and title not in ("vice-chancellor", "vice chancellor"):
            continue
        fact = _head_fact(view, person, side, tokens, text, text_near, at, title)
        if fact is not None:
            return fact
    return None


def _head_fact(view: SentenceView, person: Found, side: str, tokens: Span, text: str, text_near: str, at: int,
               title: str) -> Fact | None:
    org = _head_org(view, tokens, text, at, title, side)
    honorifics = r"(?:\s+(?:prof|dr|professor|academician)\.?)*"
    if org is None and side == "left" and title in text_near and re.search(rf"{re.escape(title)}{honorifics}\s*$", text):
        org = _IMPLICIT_PUBLISHER  # "said President Teiji Tominaga": the publisher's head
    if org is None:
        return None
    return Fact(person, "headOf", org, view.text, (("role", title),))


def _head_org(view: SentenceView, tokens: Span, text: str, at: int, title: str, side: str) -> Found | None:
    doc = view.sent.doc
    offset = tokens.start_char
    title_start = offset + at
    title_end = title_start + len(title)
    orgs = [m for m in view.of(_ORG_LIKE | {"Program"})]
    after_of = re.match(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:of|at)\s+(?:the\s+)?", view.doc_text[title_end:title_end + 40])
    if after_of:
        start = title_end + after_of.end()
        org = next((m for m in orgs if doc[m.start].idx == start), None)
        if org:
            return org
    for m in orgs:  # "HIT President X", "the university's president X"
        end_char = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        gap = view.doc_text[end_char:title_start]
        if re.fullmatch(r"(?:'s|’s)?\s*(?:(?:[A-Z][a-z]+|new|current|the)\s+)?", gap):
            return m
    return None


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
    yield from _national_rankings(view, countries)
    for mention in view.of(frozenset({"University", "ResearchInstitute", "Organization", "Alliance"}), anaphors=False):
        end_char = doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
        tail = view.doc_text[end_char:end_char + 40]
        match = re.match(r"\s*(?:\(|,\s*|\s+in\s+)([A-Z][A-Za-z .']+?)(?:\)|[,.;]|$)", tail)
        code = view.gazetteer.country_code(match.group(1).strip()) if match else None
        if code is None and mention.key is None:
            code = next((view.gazetteer.country_code(w) for w in mention.text.split() if view.gazetteer.country_code(w)), None)
        if code:
            yield Fact(mention, "country", code, view.text)


def _founding_list(noun: Token) -> list[Token]:
    """Where the founders of "founding universities" are named: its appositions ("the four
    founding universities, A, B and C"), what it is said to be ("the founding six universities
    were: A, B"), or the one it is said of ("A, one of the founding universities")."""
    tokens = list(noun.subtree)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in ("be", "include", "comprise"):
        tokens += [t for child in noun.head.children if child is not noun for t in child.subtree]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        tokens.append(noun.head.head.head)  # "Leiden University, one of the League's founding universities"
    return tokens


def find_founding_members(view: SentenceView) -> Iterator[Fact]:
    """"The founding six universities were: A, B, ...", "The four founding universities of the
    Alliance, A, B, C and D, signed ...": each listed university founded the alliance and is its
    founding member; a number on the noun is the count at founding."""
    groups = _groups(view)
    if not groups:
        return
    for token in view.tokens:
        if token.lower_ not in ("founding", "founder") or token.head.lower_ not in _COUNT_NOUNS or token.head.i < token.i:
            continue
        noun = token.head
        group = next((g for g in view.of(_ALLIANCE_LIKE) if g.start > noun.i), None) or groups[0]
        members = view.in_tokens(_founding_list(noun), _MEMBER_LIKE)
        for member in members:
            yield Fact(group, "founder", member, view.text)
            yield _member_fact(member, group, view, "founding", None)
        count = next((_number(t) for t in noun.children if t.dep_ == "nummod" and _number(t)), None)
        if members and count:
            yield Fact(group, "memberCount", str(count), view.text, (("role", "founding"),))


_IN_COUNTRY = LEXICON.words["in_country"]  # "fifth in the country" is no rank


def _national_rankings(view: SentenceView, countries: list[Found]) -> Iterator[Fact]:
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
    located = len(before) > 0 and before[-1].lower_ == "in" and any(t.lower_ in _IN_COUNTRY for t in view.tokens)
    if not code or not (possessive or located):
        return
    for mention in view.of(frozenset({"University", "ResearchInstitute"})):
        entry = view.gazetteer.get(mention.key) if mention.key else None
        if entry is None or entry.country in (None, code):
            yield Fact(mention, "country", code, view.text)


_FINDERS = (find_membership, find_founding, find_founding_members, find_origins, find_partnership, find_participation,
            find_ranking, find_member_counts, find_heads, find_countries)


def _ents_by_sentence(doc) -> dict[int, list[Span]]:
    """The named entities of each sentence, keyed by its first token, in one pass over the Doc."""
    starts = [sent.start for sent in doc.sents]
    found: dict[int, list[Span]] = {}
    for ent in doc.ents:
        found.setdefault(starts[bisect.bisect_right(starts, ent.start) - 1], []).append(ent)
    return found


def find_relations(sentences: Iterable[Span], mentions: Sequence[Found], published: str | None, gazetteer=None,
                   candidates: bool = True) -> list[Fact]:
    """Run every relation finder over every sentence, and (``candidates``) add every other
    type-compatible pair as a candidate with features for the learned scorer.

    Args:
        sentences: the parsed sentences of one document.
        mentions: the document's mentions (see :mod:`kg.extract.mentions`).
        published: the article's publication date (ISO), the default date of reported events.
        gazetteer: for country names and demonyms.
    Returns:
        Candidate facts, in text order, duplicates removed.
    """
    from .candidates import candidate_facts  # candidates build on this module's helpers

    facts: list[Fact] = []
    seen: dict[tuple, int] = {}
    context: dict[str, Found] = {}
    programs: Counter = Counter()
    latest: dict[str, Found] = {}
    doc_text = None
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    ents_of: dict[int, list[Span]] | None = None
    for sent in sentences:
        if doc_text is None:
            doc_text = sent.doc.text
            ents_of = _ents_by_sentence(sent.doc)
        first = bisect.bisect_left(starts, sent.start)
        named = first < len(starts) and starts[first] < sent.end
        if not named and "Alliance" not in context:
            continue  # no mention and no alliance spoken of: no rule can find anything
        view = SentenceView(sent, mentions, published, gazetteer, dict(context), doc_text, ents_of.get(sent.start, []),
                            starts)
        finders = _FINDERS if named else (find_member_counts,)  # "The eight members are ...": the alliance's count
        ruled = list(dict.fromkeys(fact for finder in finders for fact in finder(view)))
        if not named and not ruled:
            continue
        for fact in (candidate_facts(view, ruled) if candidates else ruled):
            key = (fact.subject, fact.predicate, fact.object, fact.evidence, fact.qualifiers)
            if key in seen:
                merged = facts[seen[key]]
                facts[seen[key]] = Fact(*key, merged.features | fact.features)
            else:
                seen[key] = len(facts)
                facts.append(fact)
        for mention in view.mentions:
            kind = mention.label
            if kind in ("Alliance", "Ranking", "University"):
                context[kind] = mention
            elif kind == "Program":
                programs[mention.key or mention.text] += 1
                latest[mention.key or mention.text] = mention
        if programs:  # the program the text is about: the one named most often so far
            context["Program"] = latest[max(programs, key=lambda k: (programs[k], latest[k].start))]
    return facts
