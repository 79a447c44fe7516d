"""Companions: universities a sentence puts beside one that holds a membership, takes part in a
programme or founded something share its fact: "A, together with B and C, ...", "A is joined by B
and C", "a status it shares with B and C", "A won two centres, as do B and C", "A and B were
chosen, as were private institutions such as C and D", "X, which A set up together with B and C".

The fact itself comes from another rule (this sentence's) or from an earlier sentence about the
alliance or programme the text is speaking of; here it is only spread along the list that follows
the cue (``[patterns.companion]`` in patterns.toml).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..mentions import Found
from .base import Fact, identity, MEMBER_LIKE, SentenceView

#: relation types a companion shares, and the discourse kind their object is taken from
_SHARED = {"memberOf": "Alliance", "participatesIn": "Program"}
#: words that may stand between the names of one list ("A, B and the C", "A (ACR) as well as B")
_LIST_WORDS = frozenset({",", "and", "&", "the", "(", ")", "as", "well", "both"})


def companion_facts(view: SentenceView, ruled: Sequence[Fact], earlier: Sequence[Fact]) -> Iterator[Fact]:
    """Facts of the universities listed after a companion cue, copied from the fact of the
    organisation before the cue: one of this sentence's facts (``ruled``), else an ``earlier``
    fact whose object is the alliance or programme the text is speaking of."""
    cues = view.matches("companion")
    if not cues:
        return
    for cue in cues:
        anchor = _anchor(view, cue.start)
        listed = _listed_after(view, cue.end)
        if anchor is None or not listed:
            continue
        held = {(identity(f.subject), f.predicate, identity(f.object)) for f in ruled if isinstance(f.object, Found)}
        founded = [f for f in ruled if f.predicate == "founder" and isinstance(f.object, Found) and _same(f.object, anchor)]
        if founded:  # "X, which A established in 2011 together with B, C and D": co-founders
            for fact in founded:
                for member in listed:
                    if (identity(fact.subject), "founder", identity(member)) not in held:
                        yield Fact(fact.subject, "founder", member, view.text, fact.qualifiers)
            continue
        for fact in _facts_of(view, anchor, cue.start, ruled, earlier):
            for member in listed:
                if identity(member) != identity(fact.subject) and \
                        (identity(member), fact.predicate, identity(fact.object)) not in held:
                    yield Fact(member, fact.predicate, fact.object, view.text, fact.qualifiers)


def _anchor(view: SentenceView, cue: int) -> Found | None:
    """The university, or the pronoun standing for one, last named before the cue; "the
    university" stands for the organisation the text is about."""
    before = [m for m in view.of(MEMBER_LIKE) if m.end <= cue]
    if not before:
        return None
    if before[-1].is_anaphor and before[-1].refers_to is None:
        return view.context.get("Topic") or view.context.get("University")
    return before[-1]


def _listed_after(view: SentenceView, start: int) -> list[Found]:
    """The universities named in one run from token ``start``: names with only list words between."""
    doc = view.sent.doc
    listed: list[Found] = []
    i = _past_description(view, start)
    while i < view.sent.end:
        mention = view.at.get(i)
        if mention is not None and mention.label in MEMBER_LIKE and not mention.is_anaphor:
            if mention not in listed:
                listed.append(mention)
            i = mention.end
        elif doc[i].lower_ in _LIST_WORDS or (mention is not None and mention.source == "acronym"):
            i += 1
        elif mention is not None and mention.label == "Country" and doc[i - 1].text == "(":
            i = mention.end  # "together with A (Germany), B (Italy) and C (Austria)": a listed name's country
        else:
            break
    return listed


def _past_description(view: SentenceView, start: int) -> int:
    """Where the names begin after a description of them: "as were private institutions such as A,
    B and C" (lower-case words, then "such as", "including" or "like"), else ``start``."""
    doc = view.sent.doc
    i = start
    while i < min(start + 5, view.sent.end) and doc[i].is_lower and doc[i].is_alpha and i not in view.at:
        if doc[i].lower_ == "such" and i + 1 < view.sent.end and doc[i + 1].lower_ == "as":
            return i + 2
        if doc[i].lower_ in ("including", "like") and i > start:
            return i + 1
        i += 1
    return start


def _facts_of(view: SentenceView, anchor: Found, cue: int, ruled: Sequence[Fact], earlier: Sequence[Fact]) -> list[Fact]:
    """The anchor's current memberships and programmes: from this sentence (those with the
    object nearest the cue: "A belongs to X, and to Y, which it set up together with B" gives B
    Y only), else from earlier sentences when their object is what the text speaks of now."""
    def held(fact: Fact) -> bool:
        return fact.predicate in _SHARED and isinstance(fact.object, Found) \
            and not dict(fact.qualifiers).get("ended") and _same(fact.subject, anchor)
    here = [f for f in ruled if held(f)]
    if here:
        nearest = min(abs(f.object.start - cue) for f in here)
        return [f for f in here if abs(f.object.start - cue) == nearest]
    spoken = {kind: identity(view.context[kind]) for kind in _SHARED.values() if kind in view.context}
    found = {}
    for fact in earlier:
        if held(fact) and spoken.get(_SHARED[fact.predicate]) == identity(fact.object):
            found.setdefault((fact.predicate, identity(fact.object)), fact)
    return list(found.values())


def _same(subject: Found, anchor: Found) -> bool:
    """Whether a fact's subject is the anchor: the same name, or both the publisher."""
    if anchor.label == "PUBLISHER" or subject.label == "PUBLISHER":
        return anchor.label == subject.label
    return identity(subject) == identity(anchor)
