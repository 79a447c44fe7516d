"""participatesIn: universities selected for, funded by or granted a programme's status."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import LEXICON
from ..mentions import Found
from .base import (
    ALLIANCE_LIKE, consortium_role, coordinated_after, Fact, governing_verb, in_count_phrase, list_heading, MEMBER_LIKE, ORG_LIKE, programme_partners, PROGRAMS,
    SELECT_VERBS, SentenceView, subject_tokens, unnamed,
)

_PROGRAM_TRIGGERS = LEXICON.words["program_triggers"]
_GROUPS = LEXICON.words["participant_groups"]
#: words before a list that make it a list of a programme's participants
_ABOUT_PARTICIPANTS = re.compile(r"universit|institution|member|" + "|".join(sorted(_GROUPS)))


def find_participation(view: SentenceView) -> Iterator[Fact]:
    """Universities in national programs: "selected for Priority 2030", "a Project 985 university",
    "participants include A, B", a list under "The universities declared Institutions of Eminence are:"."""
    if consortium_role(view.sent) is not None:  # "Coordinator: A (Chad)", "Partners: B; C" of a funded project
        program = view.context.get("Program")
        if program is not None and "Alliance" not in view.context and not view.of(ALLIANCE_LIKE):
            yield from (Fact(m, "participatesIn", program, view.text) for m in view.of(MEMBER_LIKE, anaphors=False))
        return
    listed = list(_listed_participants(view))
    yield from listed or _table_participants(view)  # a row under a heading of participants is read once
    if denied_participation(view):
        return  # "were not selected", "did not receive funding": no participants
    programs = view.of(PROGRAMS)
    if not programs and "Program" in view.context:
        yield from _supported(view, view.context["Program"])
    if (programs or "Program" in view.context) and not view.of(ALLIANCE_LIKE):
        yield from _hosts(view, programs[0] if programs else view.context["Program"])
    if programs:  # "A joins B and C among the universities whose Idex is confirmed"
        yield from _joined_universities(view, programs[0])
    elif "Program" in view.context and "Alliance" not in view.context and any(
            t.lemma_.lower() == "join" and any(c.dep_ == "agent" for c in t.children) for t in view.tokens):
        yield from _joined_universities(view, view.context["Program"])  # "In the first group of the track, TSU is
        # joined by A, B and C": the programme spoken of
    if not programs and "Program" in view.context and not view.of(ALLIANCE_LIKE) \
            and (view.matches("selection") or _universities_listed(view)):
        programs = [view.context["Program"]]  # "The three institutions selected are A, B and C"; not an alliance's list
    if not programs:
        return
    doc = view.sent.doc
    lemmas = view.lemma_set
    members = [m for m in view.of(MEMBER_LIKE) if not in_count_phrase(view, m)]
    opener = view.matches("participant_list")
    opener = [o for o in opener if _ABOUT_PARTICIPANTS.search(view.lower[:view.char_offset(o.start)])][:1] or opener
    # ("The projects that ... are led by four universities: A, B": the colon after the universities opens the list)
    listing = view.char_offset(opener[0].start) if opener else None  # where a list of participants begins
    if listing is None:
        grouping = _group_includes(view)  # "the group of research universities is formed by A, B and C"
        listing = view.char_offset(grouping.i) if grouping is not None else None
    for program in programs:
        if program.start >= view.sent.start and in_count_phrase(view, program):
            continue
        following = doc[program.end:program.end + 2] if program.start >= view.sent.start else []
        as_modifier = any(t.lower_ in ("university", "universities", "institution") for t in following)
        if not (as_modifier or lemmas & _PROGRAM_TRIGGERS or listing is not None):
            continue
        verb = governing_verb(view, program)
        grammatical = [m for m in view.in_tokens(subject_tokens(verb), MEMBER_LIKE) or
                       view.in_tokens(subject_tokens(view.sent.root), MEMBER_LIKE) if not _set_aside(view, m)]
        if not grammatical and verb.lemma_.lower() in SELECT_VERBS:  # "the committee recommended A, B and C"
            grammatical = view.in_tokens((t for c in verb.children if c.dep_ == "dobj" for t in c.subtree), MEMBER_LIKE)
        if not grammatical and verb.lemma_.lower() in _FUNDS and program in view.in_tokens(subject_tokens(verb), PROGRAMS):
            grammatical = view.in_tokens((t for c in verb.children if c.dep_ in ("dobj", "prep") and c.i > verb.i
                                          for t in c.subtree), MEMBER_LIKE)  # "The programme also funds flagships at A and B"
        if not grammatical and (view.matches("selection") or lemmas & _PROGRAM_TRIGGERS):
            leading = [m.end for m in view.matches("led_by") if m.pattern == "head"]  # "four projects were financed,
            grammatical = [m for m in members if leading and m.start >= leading[0]]  # led by A, B and C": the leaders
        if listing is not None and (not grammatical or view.char_offset(grammatical[0].start) > listing):
            about = view.lower[:listing]
            if program.start < view.sent.start and not _ABOUT_PARTICIPANTS.search(about):
                continue  # "Projects from the last funding cycle included ...": not a list of participants
            chosen = [m for m in members if view.char_offset(m.start) > listing]
        else:
            chosen = grammatical
        if chosen:
            chosen = chosen + [m for m in _together_with(view, program) if m not in chosen]
        for member in chosen:
            yield Fact(member, "participatesIn", program, view.text)


def _set_aside(view: SentenceView, mention: Found) -> bool:
    """A name the subject sets aside: "the universities selected besides Kanazawa include A and B"
    ("besides", "except", "apart from", "other than" right before it)."""
    doc = view.sent.doc
    before = [t.lower_ for t in doc[max(mention.start - 2, 0):mention.start]]
    return before[-1:] in (["besides"], ["except"]) or before in (["apart", "from"], ["other", "than"])


def _together_with(view: SentenceView, program) -> list:
    """The universities listed after "together with" right after the programme ("A is a PTN-BH,
    together with B, C and D"): they share its status; not a "together with" before the programme
    is named ("designated X, together with B and C, and supported in Y since 2014")."""
    doc = view.sent.doc
    at = next((t.i for t in view.tokens if t.lower_ == "together" and t.i + 1 < view.sent.end and doc[t.i + 1].lower_ == "with"), None)
    if at is None or not program.end <= at:
        return []
    first = next((m for m in view.of(MEMBER_LIKE, anaphors=False) if m.start > at + 1), None)
    if first is None or any(t.lower_ not in ("the",) for t in doc[at + 2:first.start]):
        return []
    return [first, *coordinated_after(view, first, MEMBER_LIKE)]


def _universities_listed(view: SentenceView) -> bool:
    """"The seven universities are A, B, ... and G" while a programme is spoken of: universities,
    then "are" or a colon, then a list of at least two ("cooperation with Russian universities,
    including A, B" is no such list)."""
    doc = view.sent.doc
    opener = [m for m in view.matches("participant_list") if doc[m.start].lower_ in ("are", "were", ":")]
    if not opener:
        return _group_includes(view) is not None
    for match in opener:  # "The projects that ... are led by four universities: A, B": the colon's, not the "are"
        opens = view.char_offset(match.start)
        listed = [m for m in view.of(MEMBER_LIKE, anaphors=False) if view.char_offset(m.start) > opens]
        if len(listed) >= 2 and re.search(r"\b(?:universities|institutions)(?:\s+in\s+(?:the|this)\s+(?:group|track|"
                                          r"cohort|round|programme|program|project|initiative|scheme))?$",
                                          view.lower[:opens].rstrip()) is not None:  # "... universities in the group are A, B"
            return True
    return False


_GROUP_VERBS = frozenset({"include", "comprise", "consist"})


def _group_includes(view: SentenceView) -> Token | None:
    """"The first group of the track includes A, B and C", "the group of research universities is
    formed by A, B and C" while a programme is spoken of: a verb of including after a set of participants (a group, cohort, round, list of winners: the words
    since the last comma, naming no organisation), then at least two universities. Returns the verb."""
    doc = view.sent.doc
    for verb in view.tokens:
        lemma = verb.lemma_.lower()
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if verb.pos_ != "VERB" or not (lemma in _GROUP_VERBS or lemma == "form" and passive):
            continue  # "includes", "comprises", "consists of", "is formed by"
        start = max((t.i + 1 for t in doc[view.sent.start:verb.i] if t.text in (",", ";", ":")), default=view.sent.start)
        before = doc[start:verb.i]
        if not any(t.lemma_.lower() in _GROUPS and t.pos_ == "NOUN" for t in before) or view.of(ORG_LIKE, start, verb.i):
            continue
        if len([m for m in view.of(MEMBER_LIKE, anaphors=False) if m.start > verb.i]) >= 2:
            return verb
    return None


#: a heading that announces a programme's participants: a verb of selecting or a word for a set of
#: participants ("The institutions declared Institutions of Eminence are:", "## The 10 selections of 2023",
#: "The universities that participate in the Project are:")
_PARTICIPANT_WORDS = SELECT_VERBS | _GROUPS | {"grant", "award", "selection", "fund", "participate", "notify", "confer"}
_NOT_PARTICIPANT_HEADING = re.compile(r"\b(?:partners?|partnerships?|rank\w*|top|members?|applicants?|appl(?:y|ied)|"
                                      r"shortlist\w*|not)\b", re.I)


def _participant_word(token: Token) -> bool:
    """A word of selecting or funding, also as a participle the tagger left unlemmatised ("The
    selected institutions are:", "Funded universities:")."""
    lower = token.lower_
    return token.lemma_.lower() in _PARTICIPANT_WORDS or lower.endswith("ed") and (
        lower[:-2] in _PARTICIPANT_WORDS or lower[:-1] in _PARTICIPANT_WORDS)


def _listed_participants(view: SentenceView) -> Iterator[Fact]:
    """A line of a list under a heading that announces a programme's participants: every
    university on the line is in the programme the heading names, else the one spoken of."""
    heading = list_heading(view)
    if heading is None or "\n" not in heading.text + view.doc_text[heading.end_char:view.sent.start_char]:
        return  # no heading, or a sentence that goes on after a colon: "funded since 2019: A, B and C"
    named = {m.label: m for m in view.mentions_in(heading)}
    programme = programme_partners(view, heading)
    if programme is not None:  # "The new partners are:" in a text about a programme and no alliance
        for member in view.of(MEMBER_LIKE, anaphors=False):
            if not in_count_phrase(view, member):
                yield Fact(member, "participatesIn", programme, view.text)
        return
    if _NOT_PARTICIPANT_HEADING.search(heading.text):
        return
    titled = "Program" in named and not any(t.pos_ in ("VERB", "AUX") for t in heading)  # "Severo Ochoa Centres (centre – region):"
    words = [t for t in heading if _participant_word(t)]
    if not words and not titled and not named.keys() & {"Alliance", "Ranking"}:
        before = _explaining_sentence(view, heading, across=bool(_INSTITUTIONS_ARE.match(heading.text.strip())))
        # ("RSIF has selected five new host universities. From 2025
        if before is not None:  # they will enrol scholars in these areas:"
            words = [t for t in before if _participant_word(t)]
            named = {m.label: m for m in view.mentions_in(before)} | named
    if all(t.lemma_.lower() == "participate" for t in words) and words and "Program" not in named:
        return  # "Participating institutions are:" of a network's project; "... that participate in the Project are:"
    if not titled and not words and not _participant_column(view):
        return
    if "Alliance" in named or "Ranking" in named:
        return  # a list of an alliance's members or of placements
    program = named.get("Program") or view.context.get("Program")
    if program is None:
        return
    listed = [m for m in view.of(MEMBER_LIKE, anaphors=False) if not in_count_phrase(view, m)]
    doc = view.sent.doc
    universities = [m for m in listed if m.label == "University"]  # "Institute of Cosmos Sciences – Universitat de
    listed = [m for m in listed if m.label != "ResearchInstitute" or not any(  # Barcelona": a unit, named with its
        {t.text for t in doc[min(m.end, u.end):max(m.start, u.start)] if not t.is_space} <= _UNIT_GLUE  # university
        for u in universities)]  # ("Czechia - Masaryk University; Institute of Physics ...": two hosts)
    for member in listed:
        yield Fact(member, "participatesIn", program, view.text)


#: what stands between a unit and its university on one line: "Institute of X – University of Y", a table's next cell
_UNIT_GLUE = frozenset({"–", "-", ",", "(", "at", "of", "|"})


#: a heading that only says its lines are institutions of some kind: "The Type A universities are:"
_INSTITUTIONS_ARE = re.compile(r"(?:the\s+)?(?:[\w-]+\s+){0,4}(?:universities|institutions|colleges|schools)\s+(?:are|include)\s*:",
                               re.I)


def _explaining_sentence(view: SentenceView, heading: Span, across: bool = False) -> Span | None:
    """The sentence before a list's heading in the same paragraph, where it may say what the list
    is ("X has selected five new host universities. They are:"); not one about an alliance's
    members, a ranking or partners (lower-case words only: "the Partnership for Skills" is a name).
    ``across``: also the last sentence of the paragraph before, up to its first comma (for "The Type
    A universities are:" after "Thirteen universities were chosen for Type A, the category ...")."""
    doc = heading.doc
    if heading.start == 0:
        return None
    before = doc[heading.start - 1].sent
    while across and before.start > 0 and not before.text.strip():
        before = doc[before.start - 1].sent  # over the blank line
    if not across and ("\n" in doc[before.start:heading.start].text.rstrip("\n") or "\n" in doc[heading.start - 1].text_with_ws):
        return None  # a paragraph break between them
    named = view.mentions_in(before)
    main = next((t.i for t in before if t.text == ","), before.end) if across else before.end
    lower = " ".join(t.text for t in unnamed(before, named) if t.is_lower and t.i < main)
    # (across a paragraph, the main clause says what the list is: "Thirteen universities were chosen for Type A,
    # the category for institutions judged capable of entering the top 100 of the rankings")
    if {m.label for m in named if m.start < main} & {"Alliance", "Ranking"} or _NOT_PARTICIPANT_HEADING.search(lower):
        return None
    return doc[before.start:main]


_INSTITUTION_COLUMNS = LEXICON.words["institution_columns"]  # "University | Groups", "Main applicant | Co-applicants"


def _table_participants(view: SentenceView) -> Iterator[Fact]:
    """A table row in an article about a programme and no ranking: the universities in a column
    headed "University", "Institution", "(Main) applicant" or "Co-applicants" take part in the
    programme spoken of ("University | Groups/teams" of BK21 FOUR's results). Asked only where no
    heading announces the row's list as one of participants (:func:`_listed_participants`)."""
    columns = view.table_columns()
    program = view.context.get("Program")
    if not columns or program is None or "Ranking" in view.context:
        return
    for column in columns:
        words = set(re.findall(r"[a-z][a-z-]*", column.head.lower()))
        if not words & _INSTITUTION_COLUMNS:
            continue
        for member in view.of(MEMBER_LIKE, anaphors=False):
            if column.contains(view.sent.doc[member.start]):
                yield Fact(member, "participatesIn", program, view.text)


def _participant_column(view: SentenceView) -> bool:
    """A table row whose university stands in a column the header calls the participants'
    ("Host university | New chairs", "Recipient | Amount")."""
    return any({w.removesuffix("s") for w in re.findall(r"[a-z]+", column.head.lower())} & _GROUPS
               and any(column.contains(view.sent.doc[m.start]) for m in view.of(MEMBER_LIKE))
               for column in view.table_columns())


def denied_participation(view: SentenceView) -> bool:
    """A verb of selecting, funding or taking part that the sentence negates: "Proposals led by A
    and B reached the interview stage but were not funded", "The other finalists were not selected"."""
    denied = _PROGRAM_TRIGGERS | SELECT_VERBS | _SUPPORT_VERBS | _SUCCESS
    return any(t.dep_ == "neg" and (any(w.lemma_.lower() in denied for w in (t.head, *(c for c in t.head.children if c.dep_ == "acomp")))
                                    or t.head.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ in ("within", "in", "among")
                                                                     for c in t.head.children))
               for t in view.tokens) or any(  # "were not funded", "was not successful" (the negation on the copula),
        t.dep_ == "aux" and t.lower_ in _HEDGES and t.head.lemma_.lower() in denied for t in view.tokens)
    # "are not within the scope of the programme", "is not among the participants"; "were placed on the reserve list
    # and may be funded if resources allow": a hedge


_SUPPORT_VERBS = LEXICON.words["support_verbs"]
#: modals that make a verb of selecting or funding a possibility, not a fact: "may be funded if ..."
_HEDGES = frozenset({"may", "might", "could"})
#: what a programme does to its participants, as the subject: "the programme funds A", "the scheme supports B"
_FUNDS = SELECT_VERBS | {"fund", "support", "finance", "cover", "reward", "recognise", "recognize"}
_SUPPORT_NOUNS = LEXICON.words["support_nouns"]
#: what a programme's body does with what the programme gives: "grants were awarded to A and B"
_GIVE_VERBS = frozenset({"allocate", "award", "give", "grant"})
_SUCCESS = LEXICON.words["success"]


def _joined_universities(view: SentenceView, program) -> Iterator[Fact]:
    """In a sentence that names a programme (and no alliance), "A joins B, C and D among the
    universities whose Idex is confirmed": A and the universities it joins take part."""
    if "join" not in view.lemma_set or view.of(ALLIANCE_LIKE):
        return
    for verb in view.tokens:
        if verb.lemma_.lower() != "join" or verb.pos_ != "VERB":
            continue
        joined = view.in_tokens((t for c in verb.children if c.dep_ in ("dobj", "agent") for t in c.subtree), MEMBER_LIKE)
        # ("A joins B and C among ...", "A is joined by B and C")
        if not joined:
            continue
        for member in [*view.in_tokens(subject_tokens(verb), MEMBER_LIKE), *joined]:
            if not member.is_anaphor or member.label == "PUBLISHER":
                yield Fact(member, "participatesIn", program, view.text)


def _supported(view: SentenceView, program) -> Iterator[Fact]:
    """While a programme is spoken of, universities that receive, win or keep what it gives, are
    given it, or succeed in it: "Seoul National University and Yonsei University also received
    support", "Ten universities, including A and B, kept their status" (not "C lost it"), "Grants were
    awarded to A and B", "A and B were successful"."""
    for verb in view.tokens:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _GIVE_VERBS:  # "Grants were awarded to A and B", "the
            given = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]  # Ministry allocated funding to A"
            if any(c.lemma_.lower() in _SUPPORT_NOUNS for c in given):
                for member in view.in_tokens((t for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                                              for t in c.subtree), MEMBER_LIKE):
                    yield Fact(member, "participatesIn", program, view.text)
            continue
        if verb.lemma_.lower() in _SUCCESS:  # "A and B succeeded (with their applications)", "C was successful"
            if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
                verb = verb.head
            elif verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
                continue  # "A succeeded B as rector": a head's succession
        elif verb.pos_ != "VERB" or verb.lemma_.lower() not in _SUPPORT_VERBS:
            continue
        elif any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _SUPPORT_NOUNS for c in verb.children):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)  # "the status was received by A and B"
            for member in view.in_tokens(agent.subtree if agent is not None else (), MEMBER_LIKE):
                yield Fact(member, "participatesIn", program, view.text)
            continue
        elif not any(c.dep_ == "dobj" and c.lemma_.lower() in _SUPPORT_NOUNS for c in verb.children):
            continue
        members = [m for m in view.in_tokens(subject_tokens(verb), MEMBER_LIKE) if not in_count_phrase(view, m)]
        for member in members or _listed_after_colon(view, verb):
            yield Fact(member, "participatesIn", program, view.text)


_FUNDED_UNITS = LEXICON.words["funded_units"]
_HOST_VERBS = LEXICON.words["host_verbs"]


def _funded_unit(token: Token) -> bool:
    """Whether a word names a unit a programme funds, in either number however the tagger took it
    ("institutes" tagged as a proper noun keeps its plural lemma)."""
    lemma = token.lemma_.lower()
    return lemma in _FUNDED_UNITS or lemma.endswith("s") and lemma[:-1] in _FUNDED_UNITS


def _hosts(view: SentenceView, program) -> Iterator[Fact]:
    """While a programme is spoken of, the universities that host what it funds: "The remaining new
    centres are located at A, B and C, as well as at D", "four will be hosted by A, two each by B
    and C" (after "Of the twelve new centres"), "the awarded projects belong to A, B and C", "A
    hosts two of the new clusters"."""
    units_named = any(_funded_unit(t) for t in view.tokens)
    for verb in view.tokens:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _HOST_VERBS:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        passive = any(c.dep_ == "nsubjpass" for c in subjects) or any(c.dep_ == "auxpass" for c in verb.children)
        if not subjects and passive and verb.dep_ == "ccomp":  # "The new institutes announced today are led by A":
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # the subject hung on the participle
        unit_subject = any(_funded_unit(c) or c.pos_ == "NUM" and units_named for c in subjects)
        if unit_subject and verb.lemma_.lower() != "host" or passive and unit_subject:
            # "at A and B, as well as at C", "by A, two each by B": every such phrase the verb governs, however hung
            places = [t for t in verb.subtree if t.i > verb.i and t.lower_ in ("at", "by", "to")
                      and t.dep_ in ("prep", "agent", "conj") and not any(a.pos_ == "VERB" and a != verb for a in t.ancestors
                                                                          if verb in a.ancestors)]
            places += [c for c in verb.children if c.dep_ == "conj" and c.pos_ != "VERB"]  # "two each by B" hung as a conjunct
            hosts = view.in_tokens((t for c in places for t in c.subtree), MEMBER_LIKE)
        elif verb.lemma_.lower() in ("host", "house") and any(
                c.dep_ == "dobj" and (_funded_unit(c) or any(_funded_unit(t) for t in c.subtree))
                for c in verb.children):
            hosts = view.in_tokens(subject_tokens(verb), MEMBER_LIKE) or _listed_after_colon(view, verb)
        else:
            continue
        for host in hosts:
            if not host.is_anaphor or host.label == "PUBLISHER":
                yield Fact(host, "participatesIn", program, view.text)


def _listed_after_colon(view: SentenceView, verb) -> list:
    """"eight public universities retain the status of research university: A, B, ... and H", "Five of
    New Zealand's eight universities will host a centre: A, B, ...": a subject that counts or names
    universities without naming them, then the list after a colon."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    kinds = ("university", "institution", "college")
    if subject is None or subject.lemma_.lower() not in kinds and not (
            subject.like_num and any(t.lemma_.lower() in kinds for t in subject.subtree)):
        return []
    colon = next((t for t in view.sent.doc[verb.i:view.sent.end] if t.text == ":"), None)
    if colon is None:
        return []
    return [m for m in view.of(MEMBER_LIKE, colon.i + 1, anaphors=False)]
