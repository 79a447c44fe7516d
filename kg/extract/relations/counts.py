"""memberCount: an alliance's stated number of members, in total and per role."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import LEXICON
from ..mentions import Found
from .base import ALLIANCE_LIKE, COLLECTIVE, COUNT_NOUNS, Fact, number_of, role_near, SentenceView

_COUNT_VERBS = LEXICON.words["count_verbs"]
_TO_COUNT_VERBS = _COUNT_VERBS | LEXICON.words["raise_verbs"]  # "bring the AAU to 71 members"


def find_member_counts(view: SentenceView) -> Iterator[Fact]:
    """Stated member counts of an alliance, total and per role."""
    groups = view.of(ALLIANCE_LIKE)
    if not groups and "Alliance" not in view.context:
        return
    doc = view.sent.doc
    counts: list[tuple[Token, int, str]] = []
    for token in view.tokens:
        value = number_of(token)
        if value is None or token.i in view.at or 1800 <= value <= 2100:
            continue
        if token.i > view.sent.start and doc[token.i - 1].lower_ in ("other", "another", "remaining") \
                or token.i + 1 < view.sent.end and doc[token.i + 1].lower_ in ("new", "more", "additional", "further"):
            continue  # "the other seven members", "two new members": not the whole alliance
        lead = [t.lower_ for t in doc[max(token.i - 3, view.sent.start):token.i]]
        if lead[-2:] in (["more", "than"], ["at", "least"], ["upwards", "of"]) or lead[-1:] == ["over"]:
            continue  # "represents more than 850 universities": a lower bound, not the count
        if _ACTED_ON.search(" ".join(lead)):
            continue  # "suspend the membership of the 12 Russian universities": some members, acted on
        if token.i > view.sent.start and doc[token.i - 1].lower_ == "from" and \
                any(t.lower_ == "to" for t in doc[token.i + 1:min(token.i + 4, view.sent.end)]):
            continue  # "grown from 15 to 73 members": the count it had
        window = doc[token.i + 1:min(token.i + 9, view.sent.end)]
        noun = next((t for t in window if t.lower_ in COUNT_NOUNS), None)
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
        role = role_near(phrase)
        if role is None and "member" in phrase and index > 0:
            role = "member"
        if index > 0 and role is None:
            continue
        qualifiers = (("role", role),) if role else ()
        yield Fact(group, "memberCount", str(value), view.text, qualifiers)


#: what "member ..." counts in "the 27 member universities of X"
_MEMBER_KINDS = frozenset({"universities", "institutions", "colleges", "schools", "institutes", "organisations",
                           "organizations"})
#: a number of members something is done to: "the membership of the 12 ...", "the admission of three ..."
_ACTED_ON = re.compile(r"\b(?:membership|admission|suspension|expulsion|accession|departure|withdrawal)s? of(?: the)?$")

_MEMBERSHIP_TO = re.compile(r"\b(?:membership|number of (?:member )?(?:universities|institutions|members))\b"
                            r"(?:(?!\bmembers?\b)[^.;]){0,80}?\bto\s+(?:about|around|some|nearly|almost|"
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
        verb = view.sent.doc[before[-1].start - 1] if before[-1].start > view.sent.start else None
        if verb is not None and verb.i - 1 >= view.sent.start and verb.lower_ == "the":
            verb = view.sent.doc[verb.i - 1]
        if between and between[-1].lower_ == "to" and len(between) <= 4 and verb is not None \
                and verb.lemma_.lower() in _TO_COUNT_VERBS:
            return before[-1]  # "bring the AAU to 71 members", "took the Russell Group from 20 to 24 members"
        if any(t.lemma_.lower() in ("partnership", "partner", "agreement", "cooperation") for t in between):
            return None  # "EUTOPIA has built partnerships with six universities": partners, not members
        if any(t.lemma_.lower() in _COUNT_VERBS or t.lower_ in ("with", "including", "now") for t in between) and len(between) <= 14:
            return before[-1]
        end = len(between)  # "the association of Austria's 22 ...", "the association of the fourteen ...": past "the",
        while end and (between[end - 1].lower_ in ("the", "'s", "’s") or between[end - 1].i in view.at  # a country's
                       and view.at[between[end - 1].i].label == "Country"):  # possessive and "the" to the "of"
            end -= 1
        if len(between) <= 10 and end and between[end - 1].lower_ == "of" and any(t.lower_ in COLLECTIVE for t in between):
            return before[-1]  # "APRU is a network of 60 universities", "U15, the group of fifteen universities"
    previous = view.sent.doc[number.i - 1] if number.i > view.sent.start else None
    following = view.sent.doc[number.i + 1] if number.i + 1 < view.sent.end else None
    if previous is not None and previous.lower_ in ("the", "its", "their") and "Alliance" in view.context \
            and following is not None and following.lower_ == "members" and not groups:
        return view.context["Alliance"]  # "The eight members are ...": the alliance spoken of
    if following is not None and following.lower_ == "member" and not groups and "Alliance" in view.context:
        return view.context["Alliance"]  # "there are 25 member schools": the alliance spoken of
    after = [g for g in groups if g.start > number.i]
    of = after[0].start - 1 if after else None
    if of is not None and view.sent.doc[of].lower_ == "the" and of - 1 > number.i:
        of -= 1  # "the 24 members of the Coimbra Group"
    if of is not None and view.sent.doc[of].lower_ == "of":
        link = [t.lower_ for t in view.sent.doc[number.i + 1:of]]
        if link == ["members"] or link[:1] == ["member"] and len(link) == 2 and link[1] in _MEMBER_KINDS:
            return after[0]  # "the 24 members of X", "the 27 member universities of X"
    doc = view.sent.doc
    lead = [t.lower_ for t in doc[max(number.i - 3, view.sent.start):number.i]]
    if after and (lead[-2:] == ["one", "of"] or lead[-3:] == ["one", "of", "the"]) and after[0].start - number.i <= 8:
        link = [t.lower_ for t in doc[number.i + 1:after[0].start] if t.lower_ != "the"]
        if link and link[-1] in ("in", "of", "within"):
            return after[0]  # "one of 23 universities in the LERU network", "one of the 12 members of X"
    return None
