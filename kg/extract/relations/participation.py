"""participatesIn: universities selected for, funded by or granted a programme's status."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import LEXICON
from .base import Fact, governing_verb, in_count_phrase, MEMBER_LIKE, SELECT_VERBS, SentenceView, subject_tokens

_PROGRAM_TRIGGERS = LEXICON.words["program_triggers"]


def find_participation(view: SentenceView) -> Iterator[Fact]:
    """Universities in national programs: "selected for Priority 2030", "a Project 985 university",
    "participants include A, B"."""
    programs = view.of(frozenset({"Program"}))
    if not programs and "Program" in view.context and (view.matches("selection") or _universities_listed(view)):
        programs = [view.context["Program"]]  # "The three institutions selected are A, B and C"
    if not programs:
        return
    doc = view.sent.doc
    lemmas = set(view.lemmas)
    members = [m for m in view.of(MEMBER_LIKE) if not in_count_phrase(view, m)]
    opener = view.matches("participant_list")
    listing = view.char_offset(opener[0].start) if opener else None  # where a list of participants begins
    for program in programs:
        if program.start >= view.sent.start and in_count_phrase(view, program):
            continue
        following = doc[program.end:program.end + 2] if program.start >= view.sent.start else []
        as_modifier = any(t.lower_ in ("university", "universities", "institution") for t in following)
        if not (as_modifier or lemmas & _PROGRAM_TRIGGERS or listing is not None):
            continue
        verb = governing_verb(view, program)
        grammatical = view.in_tokens(subject_tokens(verb), MEMBER_LIKE) or \
            view.in_tokens(subject_tokens(view.sent.root), MEMBER_LIKE)
        if not grammatical and verb.lemma_.lower() in SELECT_VERBS:  # "the committee recommended A, B and C"
            grammatical = view.in_tokens((t for c in verb.children if c.dep_ == "dobj" for t in c.subtree), MEMBER_LIKE)
        if listing is not None and (not grammatical or view.char_offset(grammatical[0].start) > listing):
            about = view.lower[:listing]
            if program.start < view.sent.start and not re.search(r"universit|institution|winner|participant|member|recipient", about):
                continue  # "Projects from the last funding cycle included ...": not a list of participants
            chosen = [m for m in members if view.char_offset(m.start) > listing]
        else:
            chosen = grammatical
        for member in chosen:
            yield Fact(member, "participatesIn", program, view.text)


def _universities_listed(view: SentenceView) -> bool:
    """"The seven universities are A, B, ... and G" while a programme is spoken of: universities,
    then "are" or a colon, then a list of at least two ("cooperation with Russian universities,
    including A, B" is no such list)."""
    doc = view.sent.doc
    opener = [m for m in view.matches("participant_list") if doc[m.start].lower_ in ("are", "were", ":")]
    if not opener:
        return False
    opens = view.char_offset(opener[0].start)
    listed = [m for m in view.of(MEMBER_LIKE, anaphors=False) if view.char_offset(m.start) > opens]
    return len(listed) >= 2 and re.search(r"\b(?:universities|institutions)$", view.lower[:opens].rstrip()) is not None
