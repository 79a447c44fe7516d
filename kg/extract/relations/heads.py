"""headOf: presidents, rectors, chairs and other heads of organisations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ..lexicon import LEXICON
from ..mentions import Found, MINISTRY_PREFIXES
from .base import Fact, HONORIFICS, identity, IMPLICIT_PUBLISHER, lower_in_place, ORG_LIKE, PERSONS, SentenceView, subject_tokens

_HEAD_TITLES = LEXICON.ordered["head_titles"]
_PERSON_TITLES = LEXICON.words["person_titles"]
_POSTNOMINALS = LEXICON.words["postnominals"]
_LEAD_VERBS = {"head": "head", "lead": "head", "guide": "head", "chair": "chair", "direct": "director",
               "preside": "president"}
_NOT_HEAD = LEXICON.ordered["not_head"]


#: what joins a person to a title after the name: "A, rector of Y", "A (chair of Y)", "A also acts as chairman of Y"
_HEAD_LINK = re.compile(r"^\s*(?:,|\(|(?:who\s+)?(?:also\s+|now\s+|currently\s+|still\s+)?"
                        r"(?:is|was|serves as|served as|acts as|acted as|has been|had been|became|becomes|remains)\b"
                        r"|the\b|an?\b)")


_TITLES = "|".join(re.escape(t) for t in _HEAD_TITLES)
_TITLE_OF_AT_END = re.compile(rf"(?<![\w-])({_TITLES})\s+(?:of|at)(?:\s+the)?\s*$")  # "... director of" ORG, NAME
_AND_TITLE_OF = re.compile(rf"\s*(?:[a-z]+\s+){{0,2}}?(?:,\s*)?and\s+(?:the\s+)?({_TITLES})\s+(?:of|at)\s+(?:the\s+)?")


def find_heads(view: SentenceView) -> Iterator[Fact]:
    """Heads of organisations: "HIT President Han Jieping", "X, rector of Y", "Y, chaired by X",
    "X was elected chair of Y"."""
    facts = [_of_owner(view, f) for f in _titled_heads(view)]
    for fact in [*_appointments(view), *_leaders(view), *_held_posts(view), *_whose_head(view), *_column_heads(view),
                 *_ministers(view), *_plural_title_list(view), *_title_since(view), *_succeeded_as(view),
                 *_respective_heads(view), *_elected_as_written(view), *_title_is(view), *_term_as_title(view),
                 *_bracketed_heads(view)]:
        fact = _of_owner(view, fact)
        if not any(f.subject == fact.subject and f.object == fact.object for f in facts):
            facts.append(fact)
    for fact in _predecessors(view, facts):  # what the sentence says of a predecessor beats a title near the name
        facts = [f for f in facts if not (f.subject == fact.subject and f.object == fact.object)] + [fact]
    named = {(f.subject, dict(f.qualifiers).get("role")) for f in facts if f.object is not IMPLICIT_PUBLISHER}
    facts = [f for f in facts if f.object is not IMPLICIT_PUBLISHER or (f.subject, dict(f.qualifiers).get("role")) not in named]
    # (the publisher is a guess for a title nothing names: "the Minister, Prof. E", the ministry found by _ministers)
    facts = [f for f in facts if not (dict(f.qualifiers).get("role") in _SECRETARIES and getattr(f.object, "label", None) == "University")]
    # (a university's secretary general keeps its records; an alliance's secretary general runs it)
    quotes = _quotations(view)
    yield from (f for f in facts if not any(s <= f.object.start < e and not s <= f.subject.start < e for s, e in quotes))


_SECRETARIES = frozenset({"secretary general", "secretary-general"})


def _bracketed_heads(view: SentenceView) -> Iterator[Fact]:
    """"Hiroshima University (President: OKADA Kenichiro)": a head's title and name in brackets
    right after the organisation's name."""
    doc = view.sent.doc
    for org in view.of(ORG_LIKE, anaphors=False):
        i = org.end
        if i + 4 >= view.sent.end or doc[i].text != "(":
            continue
        colon = next((j for j in range(i + 1, min(i + 5, view.sent.end)) if doc[j].text == ":"), None)
        if colon is None:
            continue
        title = _title_text(doc, colon - 1, i + 1)
        person = view.at.get(colon + 1)
        if title in _HEAD_TITLES and person is not None and person.label == "Person" \
                and person.end < view.sent.end and doc[person.end].text == ")":
            yield Fact(person, "headOf", org, view.text, (("role", title),))


def _quotations(view: SentenceView) -> list[tuple[int, int]]:
    """Token ranges between opening and closing quotation marks in the sentence: what a speaker
    says ("... our alliance ...," said Rector A) names no organisation of the speaker's title."""
    marks = [t.i for t in view.tokens if t.text in ('"', "“", "”")]
    return [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]


def _column_heads(view: SentenceView) -> Iterator[Fact]:
    """A row of a table with a head's title as a column header ("University | Vice-Chancellor |
    QS 2026", then "University of Waikato | Professor Neil Quigley | 235"): the person in that
    column heads the one organisation the row names elsewhere, with the header's title."""
    columns = view.table_columns()
    for column in columns:
        title = column.head.lower().strip(" :")
        if title not in _HEAD_TITLES:
            continue
        doc = view.sent.doc
        inside = [m for m in view.of(PERSONS, anaphors=False) if column.contains(doc[m.start])]
        outside = {identity(m): m for m in view.of(ORG_LIKE, anaphors=False) if m.label not in ("PUBLISHER", "Any")
                   and not column.contains(doc[m.start])}
        if len(inside) == 1 and len(outside) == 1:  # "University X (UX)" is one organisation
            yield Fact(inside[0], "headOf", next(iter(outside.values())), view.text, (("role", title),))


_SUCCEED = LEXICON.words["succeed"]
_DEPARTURES = LEXICON.words["head_departures"]
_LEAVING = LEXICON.words["head_leaving"]
_SUCCESSION_LEMMAS = _SUCCEED | _DEPARTURES | _LEAVING | {"take"}  # "take over from"


def _predecessors(view: SentenceView, facts: list[Fact]) -> Iterator[Fact]:
    """The head a new head follows, of the same organisation, in a post that has ended: "President
    A succeeded B", "the Vice-Chancellor A, succeeding B", "He takes over from B"; the organisation
    is the successor's in this sentence, else the one the text last named a head of."""
    doc = view.sent.doc
    if not _SUCCESSION_LEMMAS & view.lemma_set or not view.of(PERSONS):
        return
    for verb in view.tokens:
        found = _succession(view, verb)
        if found is None:
            continue
        predecessor, successors = found
        own = [(f.object, dict(f.qualifiers).get("role", "head")) for f in facts
               if f.subject in successors and f.subject != predecessor]
        left = _post_left(view.text[view.text.find(predecessor.text) + len(predecessor.text):])
        posts = own or list(view.posts)
        post = next((p for p in posts if left and p[1] == left), None) or (own[0] if own else None)
        if post is not None:
            org, role = post
        elif "Headed" in view.context:
            org, role = view.context["Headed"], "head"
        else:
            continue
        stated = re.search(rf"{re.escape(predecessor.text)},?\s+(?:the\s+)?({_TITLES})\b", view.text, re.I)
        until = _END_YEAR.search(doc[predecessor.end:min(predecessor.end + 14, view.sent.end)].text)
        qualifiers = [("role", left or (stated.group(1).lower() if stated else role)), ("ended", "true")]
        if until:
            qualifiers.append(("until", until.group(1)))
        yield Fact(predecessor, "headOf", org, view.text, tuple(qualifiers))


def _succession(view: SentenceView, verb: Token) -> tuple[Found, list[Found]] | None:
    """The predecessor and the successors a word of succession names: "A succeeded B", "A, succeeding
    B", "he took over from B", and a successor appointed "after the retirement of B" or "after B
    stepped down" (lexicon succeed, head_departures, head_leaving)."""
    lemma = verb.lemma_.lower()
    if lemma in _DEPARTURES and verb.pos_ == "NOUN" and _after(verb):
        targets = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.subtree]
        successors = _successors_of(view, verb.head.head if verb.head.lower_ == "after" else verb.head)
    elif lemma in _LEAVING and verb.pos_ == "VERB" and _after(verb) and \
            (lemma != "step" or any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)):
        targets = subject_tokens(verb)
        successors = _successors_of(view, verb.head)
    else:
        takes_over = lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children)
        if verb.pos_ != "VERB" or not (lemma in _SUCCEED or takes_over):
            return None
        if takes_over:
            targets = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.subtree]
        else:
            targets = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
        subject = subject_tokens(verb)
        successors = view.in_tokens(subject, PERSONS)
        pronoun = any(t.lower_ in ("he", "she") for t in subject)  # "A became rector in 2022, when he succeeded B"
        if not successors and (verb.tag_ == "VBG" or pronoun):  # "welcomed by the Vice-Chancellor A, succeeding B":
            successors = [m for m in view.of(PERSONS, view.sent.start, verb.i)][-1:]  # the name before
    predecessor = next((view.at[t.i] for t in targets if t.i in view.at and view.at[t.i].label == "Person"), None)
    if predecessor is None or lemma in _DEPARTURES | _LEAVING and not successors:
        return None
    return predecessor, [s for s in successors if s != predecessor]


def _successors_of(view: SentenceView, verb: Token) -> list[Found]:
    """Who takes the post a departure left: the subject of the verb the "after ..." phrase hangs
    from ("A took up the role after B retired"), else every other person of the sentence."""
    return view.in_tokens(subject_tokens(verb), PERSONS) or view.of(PERSONS)


def _after(token: Token) -> bool:
    """The word is in an "after ..." phrase or clause: "after the retirement of B", "after B retired"."""
    return token.head.lower_ == "after" or any(c.lower_ == "after" and c.dep_ in ("mark", "prep") for c in token.children)


#: the post a predecessor left, told after the name: "whose term as Chair ended", "who chaired the Board"
_LEFT_POST = re.compile(rf"\bwhose\s+(?:term|mandate|tenure)\s+as\s+({_TITLES})\b|\bwho\s+(chaired|presided|headed|led)\b", re.I)


def _post_left(after: str) -> str | None:
    """The title of the post a predecessor left, from the words after the name, if they tell it."""
    match = _LEFT_POST.search(after[:160])
    if match is None:
        return None
    if match.group(1):
        return match.group(1).lower()
    return {"chaired": "chair", "presided": "president", "headed": "head", "led": "head"}[match.group(2).lower()]


#: the end of a predecessor's term after the name: "rector from 2014 to 2022", "whose term ended in 2023"
_END_YEAR = re.compile(r"\b(?:to|until|till|–|-|ended in|ended|completed [\w\s-]*? in)\s*((?:19|20)\d\d)\b")


_APPOINT = LEXICON.words["appoint"]
_TITLE_AT_END = re.compile(rf"(?<![\w-])({_TITLES})$")


def _appointments(view: SentenceView) -> Iterator[Fact]:
    """The person a verb of appointing names, with the title it gives and the organisation the
    title is of: "A was elected chair of Y", "A has been appointed President of Y", "Y appointed
    A as its rector" (the subject's), "Y has elected A as the Chair of the Board" (the subject's:
    a board is no organisation of ours), "A will take over as rector of Y". A title that names no
    organisation in a sentence that names none either is the publisher's."""
    doc = view.sent.doc
    for verb in view.tokens:
        lemma = verb.lemma_.lower()
        takes_over = lemma in ("take", "step") and any(c.dep_ == "prt" and c.lower_ in ("over", "up") for c in verb.children) \
            or lemma in ("continue", "remain", "serve") and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        # ("A continues as Secretary General of the association", "B remains Rector": the post held on)
        if verb.pos_ != "VERB" or not (lemma in _APPOINT or takes_over):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        roles = ("nsubj", "nsubjpass") if passive or takes_over else ("dobj", "oprd")
        person = next((view.at[c.i] for c in verb.children if c.dep_ in roles and c.i in view.at
                       and view.at[c.i].label == "Person"), None)
        if person is None:
            continue
        holders = [verb, doc[person.end - 1]]
        title = next((t for h in holders for c in h.children if c.dep_ in ("oprd", "attr", "xcomp", "prep")
                      for t in ([c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"] if c.lower_ == "as" else [])
                      if not person.start <= t.i < person.end), None)
        if title is not None:
            yield from _appointed(view, person, title, verb, passive, takes_over)
    for noun in view.tokens:  # "announced the appointment of A as the institution's fifth President"
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _APPOINTMENT_NOUNS:
            continue
        of = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and g.i in view.at and view.at[g.i].label == "Person"), None)
        if of is None:
            continue
        person = view.at[of.i]
        title = next((g for h in (noun, of, doc[person.end - 1]) for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
                      for g in c.children if g.dep_ == "pobj"), None)
        verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun
        if title is not None:
            yield from _appointed(view, person, title, verb, False, False)


#: nouns of appointing: "the appointment of A as rector", "the election of B as President of Y"
_APPOINTMENT_NOUNS = frozenset({"appointment", "election", "nomination", "reappointment", "re-election", "investiture",
                                "inauguration", "installation"})


def _appointed(view: SentenceView, person: Found, title: Token, verb: Token, passive: bool, takes_over: bool) -> Iterator[Fact]:
    """The head fact of an appointment: ``person`` given the title whose head word is ``title`` by
    ``verb`` (its subject's when the title names no organisation)."""
    doc = view.sent.doc
    start, end = min(t.i for t in title.subtree if t.i <= title.i), title.i + 1
    while end + 1 < view.sent.end and doc[end].text == "-":  # "vice - chancellor", parsed as three nouns
        end += 2
    title = doc[end - 1]
    words = doc[start:end].text.lower()
    match = _TITLE_AT_END.search(words)
    if match is None or any(f"{n} " in words[:match.start()] or words[:match.start()].endswith(n) for n in _NOT_HEAD):
        return
    of = next((g for c in title.children if c.dep_ == "prep" and c.lower_ in ("of", "at") for g in c.children
               if g.dep_ == "pobj"), None)
    org = view.at.get(of.i) if of is not None else None
    if org is not None and _body(org):
        org = None  # "the Executive Board", found as a name: a body, whose owner is sought below
    if org is not None and (org.label not in ORG_LIKE or org.is_anaphor and org.label not in ("PUBLISHER", "Alliance")
                            and not _the_university(org)):
        return  # "chair of the Board": a body of the subject's, below (but "Chair of the association": the alliance's)
    if org is None and of is not None and of.lemma_.lower() in _BODIES:  # "Chair of the UArctic Board": its owner's
        owner = [m for m in view.in_tokens(of.subtree, ORG_LIKE) if not m.is_anaphor]
        subject = view.in_tokens(subject_tokens(verb), ORG_LIKE) if not passive else []
        org = owner[0] if owner else subject[-1] if subject else view.context.get("Alliance")
    if org is None and not passive and not takes_over:
        subject = view.in_tokens(subject_tokens(verb), ORG_LIKE)
        org = subject[-1] if subject else None
    if org is None and of is None and not [m for m in view.of(ORG_LIKE, anaphors=False) if m.label != "PUBLISHER"]:
        org = IMPLICIT_PUBLISHER
    if org is not None:
        yield Fact(person, "headOf", org, view.text, (("role", match.group(1)),))


#: passive forms of a verb of appointing, as written: "was elected", "has been re-elected" (the parser
#: often reads "re-elected" as an adjective and three tokens, so these are read from the words)
_ELECTED = frozenset({"elected", "appointed", "named", "nominated", "reelected", "reappointed", "confirmed", "chosen",
                      "selected"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be"})
_TITLE_LEAD = frozenset({"as", "the", "its", "their", "new"})


def _elected_as_written(view: SentenceView) -> Iterator[Fact]:
    """"A, Rector of Y, was re-elected President of X", "A has been appointed as the new Rector at
    Y", "On 1 January A took over as Chair of X": read from the words (aux, verb, title, "of"/"at",
    a name), whatever the parse made of them. The person is the last one named before the verb."""
    words = [t.lower_ for t in view.tokens]
    first = view.sent.start
    for k, word in enumerate(words):
        if word in ("take", "takes", "took", "taking", "taken") and words[k + 1:k + 2] == ["over"]:
            before, j = k + 1, k + 2  # "A, Rector of Y, took over as Chair of X" (the parse may miss A)
        elif word in _ELECTED:
            before = k - 2 if k >= 2 and words[k - 1] == "-" and words[k - 2] == "re" else k
            if before < 1 or words[before - 1] not in _PASSIVE_AUX:
                continue
            j = k + 1
        else:
            continue
        while j < len(words) and words[j] in _TITLE_LEAD:
            j += 1
        title, end = _title_at(words, j)
        if title is None or end + 1 >= len(words) or words[end] not in ("of", "at"):
            continue
        at = end + 1 + (words[end + 1] == "the")
        org = view.at.get(first + at)
        if org is None or org.start != first + at or org.label not in ORG_LIKE or org.is_anaphor or _body(org):
            continue
        persons = [m for m in view.of(frozenset({"Person"}), end=first + before - 1)]
        if persons:
            yield Fact(persons[-1], "headOf", org, view.text, (("role", title),))


#: words between "its" and a title that leave it the organisation's present head: "its current president"
_PRESENT = frozenset({"current", "new", "present", "incoming", "newly", "elected"})


def _title_is(view: SentenceView) -> Iterator[Fact]:
    """"Its current President is Professor A", "its president is the rector of Y, B": the
    person the copula names holds the subject's title, of the organisation "its" stands for
    (this sentence's subject, else the one the text is about) or the one after "of"."""
    root = view.sent.root
    if root.lemma_ != "be":
        return
    for title in (c for c in root.children if c.dep_ == "nsubj" and c.lower_ in _HEAD_TITLES):
        lead = [t for t in title.lefts if t.dep_ != "det"]
        if any(t.lower_ not in _PRESENT and t.dep_ != "poss" for t in lead):
            continue  # "its vice president", "its former president"
        owner = next((t for t in lead if t.dep_ == "poss"), None)
        of = next((g for c in title.rights if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if owner is not None and owner.lower_ in ("its", "their"):
            doc = view.sent.doc
            before = [m for m in view.of(ORG_LIKE, end=owner.i, anaphors=False)
                      if any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[m.start:m.end])]  # "X was created in
            subject = before[-1] if before else view.context.get("Topic") or view.context.get("Alliance")  # 1989; its"
            org = subject if subject is not None and subject.label in ORG_LIKE else None
        elif of is not None or owner is not None:
            org = view.at.get((of if of is not None else owner).i)
        else:
            continue
        person = next((view.at[t.i] for c in root.children if c.dep_ == "attr" for t in c.subtree
                       if t.i in view.at and view.at[t.i].label == "Person"), None)
        if org is not None and person is not None and org.label in ORG_LIKE and not org.is_anaphor:
            yield Fact(person, "headOf", org, view.text, (("role", title.lower_),))


def _title_at(words: list[str], j: int) -> tuple[str | None, int]:
    """The head's title (lexicon head_titles) that the words begin with at ``j``, and where it ends:
    "vice-chancellor" written as three tokens or one, "secretary general" as two."""
    for size in (5, 4, 3, 2, 1):
        phrase = "".join(w if w == "-" else f" {w}" for w in words[j:j + size]).strip().replace(" -", "-")
        if len(words[j:j + size]) == size and phrase in _HEAD_TITLES:
            return phrase, j + size
    return None, j


def _the_university(mention: Found) -> bool:
    """"the University" (or "the College") written with a capital: the university the text is about
    (resolved later)."""
    return mention.is_anaphor and mention.label == "University" and mention.text.split()[-1] in ("University", "College")


def _whose_head(view: SentenceView) -> Iterator[Fact]:
    """"X, whose president is A": A heads the organisation the relative clause hangs from."""
    if "whose" not in view.lemma_set:
        return
    for whose in view.tokens:
        title = whose.head
        verb = title.head
        if whose.lower_ != "whose" or title.lower_ not in _HEAD_TITLES or title.dep_ not in ("nsubj", "attr") \
                or verb.lemma_.lower() != "be" or verb.dep_ != "relcl":
            continue
        person = next((view.at[t.i] for c in verb.children if c.dep_ in ("attr", "nsubj") and c is not title
                       for t in c.subtree if t.i in view.at and view.at[t.i].label == "Person"), None)
        org = view.at.get(verb.head.i)
        if person is not None and org is not None and org.label in ORG_LIKE and not org.is_anaphor:
            yield Fact(person, "headOf", org, view.text, (("role", title.lower_),))


def _of_owner(view: SentenceView, fact: Fact) -> Fact:
    """A head of a governing body found as a name ("Chair of the Executive Board") heads the
    organisation the text speaks of (the alliance, else the publisher)."""
    if not isinstance(fact.object, Found) or not _body(fact.object):
        return fact
    owner = view.context.get("Alliance") or IMPLICIT_PUBLISHER
    return Fact(fact.subject, fact.predicate, owner, fact.evidence, fact.qualifiers, fact.features)


def _body(org: Found) -> bool:
    """A name that is only a governing body's: "Executive Board", "Governing Council"."""
    words = org.text.split()
    return bool(words) and org.key is None and words[-1].lower() in _BODIES and len(words) <= 3 \
        and all(w.lower() in _BODY_WORDS for w in words[:-1])


_BODY_WORDS = LEXICON.words["body_modifiers"]


def _led_by(view: SentenceView, verb: Token, role: str) -> Iterator[Fact]:
    """"X, which is chaired by the rector of Y, A": the person named in the by-phrase heads X (the
    passive subject, or the name a relative clause hangs from)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return
    person = next((m for m in view.in_tokens(agent.subtree, PERSONS) if not m.is_anaphor), None)
    subject = [c for c in verb.children if c.dep_ == "nsubjpass"]
    org = None
    if subject and subject[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        which = subject[0].i  # "X, which is chaired by A": the name right before "which" ("of EUA and of X, which")
        org = next((m for m in reversed(view.of(ORG_LIKE, view.sent.start, which, anaphors=False))
                    if m.end >= which - 5), None)  # none there: a name we did not find, not one further back
    else:  # "The association is chaired by A": an anaphor of an alliance or university too (resolved later)
        org = next((view.at[t.i] for s in subject for t in s.subtree if t.i in view.at and view.at[t.i].label in ORG_LIKE
                    and (not view.at[t.i].is_anaphor or view.at[t.i].label in ("University", "Alliance", "PUBLISHER"))),
                   None)
        if org is None and subject and _governing_board(subject[0]) and subject[0].i not in view.at:
            org = view.context.get("Topic") or IMPLICIT_PUBLISHER  # "The Board of Governors is chaired by A": the
            # board of the organisation the text is about
    if person is not None and org is not None:
        yield Fact(person, "headOf", org, view.text, (("role", role),))


#: governing bodies whose chair heads the organisation they belong to ("Chair of the Executive Board")
_BODIES = LEXICON.words["bodies"]


def _governing_board(noun: Token) -> bool:
    """"The Board of Governors", "the Council", "the governing board": the body that governs an
    organisation, whose chair heads it; not "the search committee" nor "the Board of Rectors" of
    an alliance's members."""
    if noun.lemma_.lower() not in ("board", "council", "senate"):
        return False
    if any(c.dep_ in ("amod", "compound") and c.is_lower and c.lower_ not in ("governing", "executive") for c in noun.children):
        return False
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = [g.text for g in of.children if g.dep_ == "pobj"] if of is not None else []
    return of is None or bool(members) and members[0] in _BODY_MEMBERS


def _leaders(view: SentenceView) -> Iterator[Fact]:
    """A person who heads, leads, chairs, directs or presides over an organisation: "A, who heads
    Lund University", "B chairs the network" (the role from the verb)."""
    for verb in view.tokens:
        role = _LEAD_VERBS.get(verb.lemma_.lower())
        if role is None or verb.pos_ != "VERB":
            continue
        if verb.tag_ == "VBN" and (any(c.dep_ == "auxpass" for c in verb.children)
                                   or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)):
            yield from _led_by(view, verb, role)  # "the network, led by A"; not "A has led the University"
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            subjects = [verb.head]  # "A, who heads Y"
        person = next((view.at[t.i] for t in subjects if t.i in view.at and view.at[t.i].label == "Person"), None) or \
            next((view.at[t.i] for s in subjects for t in s.subtree if t.dep_ == "appos" and t.i in view.at
                  and view.at[t.i].label == "Person"), None)  # "X's Rector Magnificus, Professor A, chairs Y"
        objects = [c for c in verb.children if c.dep_ == "dobj"] + \
            [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "over" for g in c.children if g.dep_ == "pobj"]
        org = next((view.at[t.i] for t in objects if t.i in view.at and view.at[t.i].label in ORG_LIKE), None)
        if person is None or org is None or org.is_anaphor and org.label not in ("University", "Alliance", "PUBLISHER"):
            continue
        role = _as_title(verb) or role  # "A has led the University as Vice-Chancellor since 2018"
        past = verb.tag_ == "VBD" or any(c.lower_ == "had" for c in verb.children if c.dep_ == "aux")
        if past and verb.dep_ == "relcl":  # "B, who had led the university since 2018": a post that has ended
            yield Fact(person, "headOf", org, view.text, (("role", role), ("ended", "true")))
        else:  # "A heads the University since 2019": the university the text is about
            yield Fact(person, "headOf", org, view.text, (("role", role),))


def _as_title(verb: Token) -> str | None:
    """The head's title an "as" phrase of the verb gives: "led the University as Vice-Chancellor"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        title = _phrase(prep.doc[prep.i + 1:prep.right_edge.i + 1])
        if title in _HEAD_TITLES:
            return title
    return None


def _succeeded_as(view: SentenceView) -> Iterator[Fact]:
    """"A succeeded B as president of X", "A replaces B as X's rector": A heads X, B headed it."""
    if not _SUCCEED & view.lemma_set:
        return
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _SUCCEED:
            continue
        new = view.in_tokens(subject_tokens(verb), PERSONS)[:1]
        old = view.in_tokens((t for c in verb.children if c.dep_ == "dobj" for t in c.subtree), PERSONS)[:1]
        as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if not new or not old or as_phrase is None:
            continue
        title = next((c for c in as_phrase.children if c.dep_ == "pobj"), None)
        if title is None:
            continue
        role = _phrase(view.sent.doc[title.left_edge.i:title.i + 1])
        role = re.sub(r"^(?:new|next)\s+", "", re.sub(r"^.*(?:'s|’s)\s+", "", role))  # "X's rector", "the next president"
        if role not in _HEAD_TITLES:
            continue
        orgs = view.in_tokens((t for t in title.subtree if t.i != title.i), ORG_LIKE)
        if orgs and not orgs[0].is_anaphor:
            yield Fact(new[0], "headOf", orgs[0], view.text, (("role", role),))
            yield Fact(old[0], "headOf", orgs[0], view.text, (("role", role), ("ended", "true")))


def _phrase(span: Span) -> str:
    """A title's words as the lexicon writes them: lower case, no article ("the Vice-Chancellor" -> "vice-chancellor")."""
    return re.sub(r"^the\s+", "", span.text.lower())


#: "his term as President of": a head's own post, said with the possessive of a term of office
_TERM_AS = re.compile(rf"\b(?:his|her|their)\s+(?:\w+\s+)?(?:term|mandate|tenure|time)\s+as\s+(?:the\s+)?({_TITLES})"
                      rf"\s+(?:of|at)\s+(?:the\s+)?$", re.I)


def _term_as_title(view: SentenceView) -> Iterator[Fact]:
    """"A will leave the Board as his term as President of UGA will expire in January": the person
    the possessive stands for (the last person named before it) heads the organisation named after
    the title."""
    if not view.lemma_set & {"term", "mandate", "tenure", "time"}:
        return
    persons = view.of(PERSONS, anaphors=False)
    for org in view.of(ORG_LIKE, anaphors=False):
        match = _TERM_AS.search(view.doc_text[view.sent.start_char:view.sent.doc[org.start].idx])
        if match is None:
            continue
        at = view.sent.start_char + match.start()
        before = [p for p in persons if view.sent.doc[p.end - 1].idx < at]
        if before:
            yield Fact(before[-1], "headOf", org, view.text, (("role", match.group(1).lower()),))


def _title_since(view: SentenceView) -> Iterator[Fact]:
    """A person who "has been Rector since 2022" or "is rector since 2022", naming no organisation
    in the sentence: the head of the organisation the text last named a head of, else of the publisher."""
    if "since" not in view.lemma_set or view.of(ORG_LIKE):
        return
    for verb in view.tokens:
        if verb.lemma_ != "be" or not any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children):
            continue
        title = next((c for c in verb.children if c.dep_ == "attr"), None)
        words = _phrase(view.sent.doc[title.left_edge.i:title.right_edge.i + 1]) if title is not None else ""
        person = next((view.at[c.i] for c in verb.children if c.dep_ == "nsubj" and c.i in view.at
                       and view.at[c.i].label == "Person"), None)
        if person is None or words not in _HEAD_TITLES:
            continue
        yield Fact(person, "headOf", view.context.get("Headed", IMPLICIT_PUBLISHER), view.text, (("role", words),))


_HEAD_POSTS = LEXICON.words["head_posts"]
_HOLD_POST = LEXICON.words["hold_post"]


def _post_role(post: str) -> str:
    """The title of a post: "presidency" -> "president", "chairmanship" -> "chair"; "head" for the
    leadership or the helm."""
    if post in ("leadership", "helm"):
        return "head"
    if post.endswith("ency"):
        return post[:-4] + "ent"
    return post.removesuffix("manship").removesuffix("personship").removesuffix("ship")


def _held_posts(view: SentenceView) -> Iterator[Fact]:
    """A person who holds, takes over or assumes a post of an organisation: "A held the
    presidency of the IDEA League from 2016 to 2018", "B took over the chair of the network"."""
    if not _HOLD_POST & view.lemma_set:
        return
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _HOLD_POST:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            subjects = [verb.head]  # "A, who held the presidency of Y"
        person = next((view.at[t.i] for s in subjects for t in s.subtree if t.i in view.at
                       and view.at[t.i].label == "Person"), None)
        if person is None:
            continue
        posts = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _POSTS] or \
            [t for t in verb.subtree if t.i > verb.i and t.dep_ == "appos" and t.lemma_.lower() in _POSTS
             and t.head.ent_type_ == "DATE"]  # "assumed on 13 November the presidency of X": parsed as the date's
        for post in posts:
            of = [g for c in post.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            role = _post_role(post.lemma_.lower())
            if post.lemma_.lower() in _OFFICES:  # "took up the office of Rector of the Jagiellonian University",
                as_title = [g for h in (verb, post) for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
                            for g in c.children if g.dep_ == "pobj"]  # "took office as rector of Ghent University"
                doc = view.sent.doc
                # "the position of Vice-Chancellor of X": the parse may take the hyphen for the noun
                title = next((t for t in [*of, *as_title] for t in _hyphen_skipped(t) if t.lower_ in _HEAD_TITLES), None)
                if title is None:  # "Rector A, who took office at Ghent University in 2025": the title before the name
                    at = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" for g in c.children
                          if g.dep_ == "pobj"]
                    named = _title_before(view, person)
                    org = next((view.at[t.i] for t in at if t.i in view.at and view.at[t.i].label in ORG_LIKE), None)
                    if named and org is not None and not org.is_anaphor:
                        yield Fact(person, "headOf", org, view.text, (("role", named),))
                    continue
                role = _title_text(doc, title.i, view.sent.start)
                of = [g for c in title.children if c.dep_ == "prep" and c.lower_ in ("of", "at") for g in c.children
                      if g.dep_ == "pobj"]  # "the role of Vice-Chancellor at Victoria University of Wellington"
            org = next((view.at[t.i] for t in of if t.i in view.at and view.at[t.i].label in ORG_LIKE), None)
            if org is not None and not org.is_anaphor:
                yield Fact(person, "headOf", org, view.text, (("role", role),))


_OFFICES = frozenset({"office", "post", "position", "role", "duty", "function"})


def _hyphen_skipped(token: Token) -> tuple[Token, ...]:
    """The token, or for the hyphen of a split title ("Vice", "-", "Chancellor") the word after it."""
    doc = token.doc
    if token.text == "-" and token.i + 1 < len(doc) and token.i > 0 and not doc[token.i - 1].whitespace_:
        return (doc[token.i + 1],)
    return (token,)


def _title_before(view: SentenceView, person: Found) -> str | None:
    """The head's title right before a name, honorifics skipped: "Rector Prof. A" -> "rector"."""
    doc = view.sent.doc
    i = person.start - 1
    while i >= view.sent.start and doc[i].text in HONORIFICS:
        i -= 1
    if i < view.sent.start:
        return None
    title = _title_text(doc, i, view.sent.start)  # "Vice-Chancellor" heads, "Vice-Rector" does not
    if title in _HEAD_TITLES and not (title == doc[i].lower_ and i > view.sent.start and doc[i - 1].lower_ in _NOT_HEAD):
        return title
    return None


def _title_text(doc, i: int, floor: int) -> str:
    """The title token ``i`` ends, in lower case: the tokenizer splits "Vice-Chancellor" into "Vice",
    "-", "Chancellor", so a "vice -" before it (not before ``floor``) belongs to it."""
    if i >= floor + 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "vice":
        return "vice-" + doc[i].lower_
    return doc[i].lower_
_POSTS = _HEAD_POSTS | _OFFICES


def _titled_heads(view: SentenceView) -> Iterator[Fact]:
    doc = view.sent.doc
    persons = view.of(PERSONS)
    for person in persons:
        before = max((p.end for p in persons if p.end <= person.start), default=view.sent.start)
        left = doc[max(person.start - 8, before):person.start]  # "President A succeeded B": the title is A's
        joined = [t.i for t in left if t.lower_ in ("by", "and", "with") and t.i > left.start and doc[t.i - 1].text == ","]
        if joined:  # "led by A, Vice-Chancellor of X, by B, ...": the title before ", by" is A's
            left = doc[joined[-1] + 1:person.start]
        after = person.end
        while after < view.sent.end and (doc[after].text in _POSTNOMINALS or doc[after].text == ","
                                         and after + 1 < view.sent.end and doc[after + 1].text in _POSTNOMINALS):
            after += 1  # "Professor A AO, Vice-Chancellor of Y", "A, PhD, Rector of Y"
        right = doc[after:min(after + 15, view.sent.end)]
        following = next((p.start for p in persons if after <= p.start < right.end), None)
        joint = [t.i for t in doc[after:following] if t.lower_ == "and"] if following is not None else []
        if joint:  # "the Minister of X, Hon. A, and the Chair of the Council, Mr. B": the title after "and" is B's
            right = doc[after:joint[-1]]
        start = person.start  # "led by Rector Prof. A": titles and honorifics between
        while start > view.sent.start and (doc[start - 1].text in HONORIFICS or doc[start - 1].text in _PERSON_TITLES
                                           or doc[start - 1].text in ("His", "Her") and doc[start].text in HONORIFICS):
            start -= 1
        led = next((m for m in view.matches("led_by") if m.end == start), None)
        orgs = _led_orgs(view, doc[led.start], person) if led else []
        if orgs:  # "X, chaired by A": then perhaps A's own post after the name ("..., Rector of Y")
            titled = [t.lower_ for t in doc[start:person.start] if t.lower_ in _HEAD_TITLES]
            first = Fact(person, "headOf", orgs[-1], view.text, (("role", titled[0] if titled else led.pattern),))
            yield first
        else:
            first = _head_before_comma(view, person)
        if first is None:
            first = _titled_head(view, person, "left", left)
        if first is not None:
            yield first
            yield from _joined_titles(view, person, left, first)
        second = _titled_head(view, person, "right", right)
        if second is not None and (first is None or _apposed(right) and second.object != first.object
                                   and not view.of(PERSONS, right.start, right.end)):
            yield second  # "LERU Chair A, Rector of Utrecht University": a title on each side
            yield from _more_titles(view, person, second)


def _led_orgs(view: SentenceView, verb: Token, person: Found) -> list[Found]:
    """The organisations before ``person`` that "led by", "chaired by" may say it heads: not where
    what is led is a plain noun ("their delegations, which were led by A"; "X's delegation, led by A")."""
    orgs = [m for m in view.of(ORG_LIKE) if m.end <= person.start]
    doc = view.sent.doc
    right_before = verb.i - 2 if verb.i - 2 >= view.sent.start and doc[verb.i - 1].text == "," else verb.i - 1
    if right_before in view.at and view.at[right_before].label in ORG_LIKE:
        return orgs  # "the Empowered Expert Committee chaired by A", whatever the parse hung "chaired" on
    led = verb.head if verb.dep_ in ("acl", "relcl") else next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if led is not None and led.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        led = verb.head
    if led is not None and led.pos_ == "NOUN" and led.i not in view.at and led.lemma_.lower() not in _LED_BODIES:
        return []
    return orgs


#: plain nouns that stand for an organisation led by someone ("the alliance, led by A": its name is elsewhere)
_LED_BODIES = frozenset({"alliance", "network", "association", "consortium", "university", "institution", "league",
                         "group", "council", "board", "committee", "project", "programme", "program", "centre", "center"})


#: what may stand between a plural title and the heads it lists ("the rectors A of X (XU), B of Y and C of Z")
_LIST_GLUE = frozenset({",", "and", "of", "the", "(", ")", "as", "well"})


def _plural_title_list(view: SentenceView) -> Iterator[Fact]:
    """A plural title, then heads named each with their organisation: "the presence of the rectors
    A of the University of Costa Rica (UCR), B of the TEC and C of the UNA" (each heads the one named
    after them; the title's singular is the role)."""
    doc = view.sent.doc
    for token in view.tokens:
        role = _PLURAL_TITLES.get(token.lower_)
        if role is None or token.tag_ != "NNS":
            continue
        i = token.i + 1
        while i < view.sent.end:
            mention = view.at.get(i)
            if mention is not None and mention.label in PERSONS:
                org = _of_after_name(view, mention)
                if org is not None:
                    yield Fact(mention, "headOf", org, view.text, (("role", role),))
                i = mention.end
            elif mention is not None and mention.label in ORG_LIKE or doc[i].lower_ in _LIST_GLUE \
                    or doc[i].text in HONORIFICS or i > view.sent.start and doc[i - 1].text == "(" \
                    or mention is None and doc[i].pos_ == "PROPN":  # a name the model missed
                i = mention.end if mention is not None else i + 1
            else:
                break


def _respective_heads(view: SentenceView) -> Iterator[Fact]:
    """"The rectors of A and B, P and Q, signed": a plural title "of" a list of organisations, then
    as many persons: each heads the organisation in the same place of the list."""
    doc = view.sent.doc
    for token in view.tokens:
        role = _PLURAL_TITLES.get(token.lower_)
        if role is None or token.tag_ != "NNS" or token.i + 2 >= view.sent.end or doc[token.i + 1].lower_ != "of":
            continue
        orgs, persons, i = [], [], token.i + 2
        for wanted, found in ((ORG_LIKE, orgs), (PERSONS, persons)):
            while i < view.sent.end:
                mention = view.at.get(i)
                if mention is not None and mention.label in wanted and not mention.is_anaphor:
                    found.append(mention)
                    i = mention.end
                elif doc[i].lower_ in ("and", ",", "the") or doc[i].text in HONORIFICS:
                    if found and doc[i].text == "," and wanted is ORG_LIKE and view.at.get(i + 1) is not None \
                            and view.at[i + 1].label in PERSONS:
                        i += 1
                        break  # the organisations end at the comma before the first person
                    i += 1
                else:
                    break
        if len(orgs) >= 2 and len(orgs) == len(persons):
            for person, org in zip(persons, orgs):
                yield Fact(person, "headOf", org, view.text, (("role", role),))


def _joined_titles(view: SentenceView, person: Found, left: Span, first: Fact) -> Iterator[Fact]:
    """"ATN Chair and Deakin University Vice-Chancellor, Professor A": an organisation's name and a
    title joined by "and" before the title found nearest the name give the person that post too."""
    doc = view.sent.doc
    start = max(view.sent.start, left.start - 6)  # a little wider than ``left``, but no other person's titles
    for org in view.of(ORG_LIKE, start, left.end, anaphors=False):
        if org == first.object or org.end + 1 >= left.end or doc[org.end + 1].lower_ != "and" \
                or view.of(PERSONS, org.end, person.start):
            continue
        title = doc[org.end].lower_
        if title in _SINGLE_WORD_TITLES and not any(doc[org.start - 1].lower_.startswith(n) for n in _NOT_HEAD
                                                    if org.start > view.sent.start):
            yield Fact(person, "headOf", org, view.text, (("role", title),))


_SINGLE_WORD_TITLES = frozenset(t for t in _HEAD_TITLES if " " not in t)
_PLURAL_TITLES = {title + "s": title for title in _SINGLE_WORD_TITLES}  # "rectors" -> "rector"


def _apposed(right: Span) -> bool:
    """A title in an apposition after the name ("A, Rector of Y"), not a verb's complement (nor
    the next person's title: "HKUST President A, KAIST President B")."""
    return bool(right) and right[0].text in (",", "(")


def _head_before_comma(view: SentenceView, person: Found) -> Fact | None:
    """"director of IIT (BHU) Varanasi, Prof A": a head's title and organisation (perhaps with its
    acronym in brackets), a comma, the name."""
    doc = view.sent.doc
    i = person.start - 1
    while i > view.sent.start and (doc[i].text in HONORIFICS or doc[i].lower_ in ("the", "his", "her")
                                   and doc[i + 1].text in HONORIFICS):
        i -= 1  # "Vice-Chancellor of the University of Canberra, the Hon A"
    j = i - 1
    if doc[i].text == "," and j - 3 >= view.sent.start and doc[j].text == ")" and doc[j - 2].text == "(":
        j -= 3  # "the Rector of the University of the Republic (Udelar), A": the name before its acronym
    j = _before_body(view, j)
    org = view.at.get(j) if doc[i].text == "," else None
    if org is None or org.label not in ORG_LIKE or org.is_anaphor:
        return None
    lead = doc[max(org.start - 5, view.sent.start):org.start]
    match = _TITLE_OF_AT_END.search(lead.text.lower())
    if not match:  # "The President of the Board of Administration of 2iE, Mr. A": the chair of its board
        lead = doc[max(org.start - 11, view.sent.start):org.start]
        match = _TITLE_OF_BODY_AT_END.search(lead.text.lower())
    if not match or any(lead.text.lower()[:match.start()].rstrip().endswith(n) for n in _NOT_HEAD):
        return None
    return Fact(person, "headOf", org, view.text, (("role", match.group(1)),))


_BODY_MEMBERS = LEXICON.ordered["body_members"]  # "Board of Trustees", "Board of Administration"
#: a head's title of a governing body: "President of the Board (of Trustees)", "chair of the University Council"
_TITLE_OF_BODY = (rf"(?<![\w-])({_TITLES})\s+of\s+the\s+(?:[a-z]+\s+)?(?:{'|'.join(sorted(_BODIES))})"
                  rf"(?:\s+of\s+(?:{'|'.join(w.lower() for w in _BODY_MEMBERS)}))?")
_TITLE_OF_BODY_AT_END = re.compile(rf"{_TITLE_OF_BODY}\s+of(?:\s+the)?\s*$")  # "... of the Board of" X, A


def _before_body(view: SentenceView, j: int) -> int:
    """Where an organisation's name ends before its governing body ("the CIVIS Board of Rectors",
    "the NWO Executive Board" end at CIVIS, NWO): the chair of the body heads the organisation;
    ``j`` itself if no body's name ends at ``j``."""
    doc = view.sent.doc
    i = j
    while i > view.sent.start and j - i < 4 and i not in view.at and (doc[i].text[:1].isupper() or doc[i].lower_ == "of"):
        if doc[i].lower_ in _BODIES and i - 1 in view.at and view.at[i - 1].label in ORG_LIKE:
            return i - 1
        i -= 1
    return j


def _more_titles(view: SentenceView, person: Found, first: Fact) -> Iterator[Fact]:
    """"A, Chair of the U21 network and President of University College Dublin": each title
    of the apposition with its own organisation."""
    doc = view.sent.doc
    at = first.object.end
    while at < view.sent.end - 3:
        tail = doc[at:min(at + 8, view.sent.end)]
        match = _AND_TITLE_OF.match(tail.text.lower())
        if not match:
            return
        start = tail.start_char + match.end()
        org = next((m for m in view.mentions if doc[m.start].idx == start and m.label in ORG_LIKE), None)
        if org is None:
            return
        yield Fact(person, "headOf", org, view.text, (("role", match.group(1)),))
        at = org.end


def _titled_head(view: SentenceView, person: Found, side: str, tokens: Span) -> Fact | None:
    text = lower_in_place(tokens.text)
    if side == "left":
        text_near = lower_in_place(tokens[-6:].text) if len(tokens) >= 6 else text  # "Vice - Chancellor Prof. Dr.
        titles = [t for t in _HEAD_TITLES if re.search(rf"(?<![\w-]){re.escape(t)}\b", text)]
    else:
        if not _HEAD_LINK.match(text):
            return None
        if text.lstrip().startswith(",") and "," in text.lstrip()[1:]:
            second = text.index(",", text.index(",") + 1)
            if len(tokens) > 1 and tokens[1].tag_ == "VBG" or re.match(r",\s*(?:and\s+)?(?:by|with)\b", text[second:]):
                text = text[:second]  # a participle's clause, no apposition: not "A, representing the President of
                # Y, and by the Director of Z"; "led by A, Vice-Rector of X, and by the Principal of Y, B": Y is B's
        text_near = text
        titles = [t for t in _HEAD_TITLES if re.search(rf"(?<![\w-]){re.escape(t)}\b", text)]
    found = sorted((m.start(), -len(t), t) for t in titles for m in re.finditer(rf"(?<![\w-]){re.escape(t)}\b", text))
    if side == "left":  # the title nearest the name: "HKUST President A and NTU President B"
        found.sort(key=lambda item: (-item[0], item[1]))
    for at, _, title in found:
        prefix = text[max(0, at - 10):at]
        blocked = {p for p in _NOT_HEAD if p in prefix.split()[-1:] or prefix.endswith(p + "-") or prefix.endswith(p + " ")}
        if blocked - {"former"} and title not in ("vice-chancellor", "vice chancellor"):
            continue
        fact = _head_fact(view, person, side, tokens, text, text_near, at, title)
        if fact is not None:
            return _ended(fact) if blocked else fact  # "A, former President of Y": Y's head until some time
    return None


def _ended(fact: Fact) -> Fact:
    """The head fact of a former head ("former President of Y")."""
    return fact if ("ended", "true") in fact.qualifiers else replace(fact, qualifiers=(*fact.qualifiers, ("ended", "true")))


def _head_fact(view: SentenceView, person: Found, side: str, tokens: Span, text: str, text_near: str, at: int,
               title: str) -> Fact | None:
    org = _head_org(view, tokens, text, at, title, side) or _possessor(view, tokens, at) \
        or (_of_after_name(view, person) if side == "left" else None)
    if org is None and side == "left" and title in text_near and re.search(rf"{re.escape(title)}{_HONORIFICS_RUN}\s*$", text) \
            and not _named_before_title(view, tokens, at):
        org = IMPLICIT_PUBLISHER  # "said President Teiji Tominaga": the publisher's head
    if org is None and side == "left" and _TITLE_OF_BODY_BEFORE_NAME.search(text[at:]):
        org = IMPLICIT_PUBLISHER  # "Chairman of the Board of Trustees Kendal Knowles said": the publisher's board
    if org is None and side == "right":
        org = _attributed_org(view, tokens, title)  # "– A, Chief Executive Officer, U15 Group of Canadian Research Universities"
    if org is None and side == "right" and re.match(rf"^\s*,\s*(?:the\s+)?{re.escape(title)}(?:\s+and\s+(?:{_TITLES}))?\s*(?:[,.;]|$)",
                                                   text):  # "says A, president and vice-chancellor."
        named = list({identity(m): m for m in view.of(ORG_LIKE, anaphors=False) if m.label != "PUBLISHER"}.values())
        org = named[0] if len(named) == 1 else IMPLICIT_PUBLISHER if not named else None
        # "Writing in the ACU's report, A, the secretary general, said": the one organisation named
    if org is IMPLICIT_PUBLISHER and text[:at].rstrip().lower().endswith("host"):
        org = view.context.get("University")  # "The host rector, Professor A": the host university's, not the publisher's
    if org is None:
        return None
    if side == "left" and org.end <= person.start and org.start > view.sent.start and \
            any(view.sent.doc[org.start - 1].lower_.startswith(n) for n in _NOT_HEAD):
        if view.sent.doc[org.start - 1].lower_ == "former":  # "Former Harvard President A": a head until some time
            return _ended(Fact(person, "headOf", org, view.text, (("role", title),)))
        return None  # "acting LERU Chair B": no head
    return Fact(person, "headOf", org, view.text, (("role", title),))


def _attributed_org(view: SentenceView, tokens: Span, title: str) -> Found | None:
    """A quotation's attribution line, "A, Title, Organisation": the organisation right after the
    title and its comma, ending the line ("– Chad Gaffield, Chief Executive Officer, U15 Group of
    Canadian Research Universities")."""
    doc = view.sent.doc
    for org in view.of(ORG_LIKE, tokens.start, tokens.end, anaphors=False):
        between = doc[tokens.start:org.start].text.lower()
        if not re.fullmatch(rf"\s*,\s*(?:the\s+)?{re.escape(title)}\s*,\s*(?:the\s+)?", between):
            continue
        rest = doc[org.end:view.sent.end]
        if all(t.is_punct or t.is_space for t in rest):
            return org
    return None


#: honorifics between a title and a name ("President Prof. Dr. A", "Rector Magnificus B"), from the lexicon
_HONORIFICS_RUN = r"\s*,?(?:\s+(?:" + "|".join(sorted({re.escape(h.lower().rstrip(".")) for h in HONORIFICS}, key=len, reverse=True)) \
    + r")\.?)*"

#: a chair's title of a board that no name follows, right before the chair's name (the publisher's board)
_TITLE_OF_BODY_BEFORE_NAME = re.compile(rf"^{_TITLE_OF_BODY}{_HONORIFICS_RUN}\s*$")


def _of_after_name(view: SentenceView, person: Found) -> Found | None:
    """"Rector Prof. Dr. A of RWTH Aachen University", "President B (Tsinghua University)": the
    organisation named right after the name."""
    doc = view.sent.doc
    i = person.end
    if i + 1 < view.sent.end and doc[i].text == "(":
        org = view.at.get(i + 1)
        lead = [t.lower_ for t in doc[max(person.start - 9, view.sent.start):person.start]]
        named_after = any(a == "named" and b == "after" for a, b in zip(lead, lead[1:]))  # "X named after the first
        return org if org is not None and org.start == i + 1 and org.label in ORG_LIKE and org.end < view.sent.end \
            and doc[org.end].text == ")" and not org.is_anaphor and not named_after else None  # President B (X)"
    if i + 1 >= view.sent.end or doc[i].lower_ not in ("of", "at"):
        return None
    i += 1 + (doc[i + 1].lower_ == "the")
    org = view.at.get(i)
    return org if org is not None and org.start == i and org.label in ORG_LIKE and not org.is_anaphor else None


def _possessor(view: SentenceView, tokens: Span, at: int) -> Found | None:
    """"Its rector, A," / "their president": the organisation the sentence's subject names before
    the title, else the one the last sentence was about (not the publisher, which "our" means)."""
    doc = view.sent.doc
    title = next((t for t in tokens if t.idx - tokens.start_char >= at), None)
    if title is None or title.i == view.sent.start or doc[title.i - 1].lower_ not in ("its", "their"):
        return None
    clause = next((a for a in title.ancestors if a.dep_ == "relcl"), None)  # "X, whose delegation was led by its
    owner = view.at.get(clause.head.i) if clause is not None else None  # president, A": X's president
    if owner is not None and owner.label in ORG_LIKE and not owner.is_anaphor:
        return owner
    subject = [m for m in view.in_tokens(subject_tokens(view.sent.root), ORG_LIKE) if m.end <= title.i and not m.is_anaphor]
    topic = view.context.get("Topic")
    return subject[0] if subject else topic if topic is not None and topic.label in ORG_LIKE else None


def _named_before_title(view: SentenceView, tokens: Span, at: int) -> bool:
    """A capitalised word right before the title that is no organisation we found ("NTU President
    A", NTU unknown): the head of an organisation we cannot name, not of the publisher."""
    doc = view.sent.doc
    title = next((t for t in tokens if t.idx - tokens.start_char >= at), None)
    before = doc[title.i - 1] if title is not None and title.i > view.sent.start else None
    return before is not None and before.text[:1].isupper() and before.pos_ == "PROPN" and before.i not in view.at \
        and before.text not in HONORIFICS


def _head_org(view: SentenceView, tokens: Span, text: str, at: int, title: str, side: str) -> Found | None:
    doc = view.sent.doc
    offset = tokens.start_char
    title_start = offset + at
    title_end = title_start + len(title)
    orgs = [m for m in view.of(ORG_LIKE | {"Program"})]
    after_of = re.match(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:of|at)\s+(?:the\s+)?", view.doc_text[title_end:title_end + 40])
    if not after_of and side == "right":  # "Professor A, President, Khalifa University": title, comma, organisation
        after_of = re.match(r"\s*,\s*(?:the\s+)?", view.doc_text[title_end:title_end + 10])
    if after_of:
        start = title_end + after_of.end()
        org = next((m for m in orgs if doc[m.start].idx == start or doc[m.start].lower_ == "the" and m.end - m.start > 1
                    and doc[m.start + 1].idx == start), None)  # "Director General of the association": "the association"
        if org:
            return org
        body = re.match(r"([A-Z][a-z]+)\b(?!\s+of\b)", view.doc_text[start:start + 30])
        if body and body.group(1).lower() in _BODIES and not after_of.group(0).strip().endswith("at"):
            return view.context.get("Alliance") or IMPLICIT_PUBLISHER  # "the Chairperson of Council, Mr A": its owner's
        owned = _BODY_OF.match(view.doc_text[start:start + 80])  # "President of the Board (of Trustees) of X": X's
        if owned and owned.group(1).lower() in _BODIES:
            return next((m for m in orgs if doc[m.start].idx == start + owned.end()), None)
    for m in orgs:  # "HIT President X", "the university's president X"
        end_char = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        if end_char > title_start:
            continue  # named after the title: no "HIT President" form
        gap = view.doc_text[end_char:title_start]
        if re.fullmatch(r"(?:'s|’s)?\s*(?:(?:[A-Z][a-z]+|new|current|the)\s+)?", gap):
            return m
    return None


#: a governing body of an organisation named after it: "Board of Trustees of", "Council of", "Board of the"
_BODY_OF = re.compile(rf"([A-Z][a-z]+)(?:\s+of\s+(?:{'|'.join(_BODY_MEMBERS)}))?\s+of\s+(?:the\s+)?")


#: words before "Minister" that make the post not the ministry's head ("Vice Minister", "State Minister")
_NOT_MINISTER = frozenset({"vice", "deputy", "state", "prime", "assistant", "junior", "former", "chief", "foreign"})
_MINISTRY_WORDS = frozenset({"and", "of", "the", "for", "ministry", "department", "federal", "union", "&"})


def _ministers(view: SentenceView) -> Iterator[Fact]:
    """"The Minister of Science and Higher Education, A", "B, Federal Minister of Education, Science
    and Research", "C, Deputy Prime Minister and Minister of Education": a minister heads the
    ministry whose name the title repeats ("Ministry of Science and Higher Education ..."), if the
    text names that ministry; "Minister D" with no portfolio heads the one ministry the text names."""
    tokens, offset = view.tokens, view.sent.start
    persons = view.of(PERSONS, anaphors=False)
    for n, token in enumerate(tokens):
        if token.lower_ != "minister" or n + 1 >= len(tokens) or n and tokens[n - 1].lower_ in _NOT_MINISTER \
                or n > 1 and tokens[n - 1].text == "-" and tokens[n - 2].lower_ in _NOT_MINISTER:
            continue  # not "Deputy Minister", "the vice-minister"
        if tokens[n + 1].lower_ not in ("of", "for"):
            person = next((p for p in persons if p.start == n + 1 + offset), None)  # "Minister D"
            apposed = next((p for p in persons if tokens[n + 1].text == "," and p.start > n + 2 + offset
                            and all(t.text in HONORIFICS for t in tokens[n + 2:p.start - offset])
                            and (p.end - offset >= len(tokens) or tokens[p.end - offset].text in (",", "."))), None)
            ministries = _ministries(view)  # "the Ministry of X, the Minister, Prof. E, said": the one it names
            here = [m for m in ministries if view.sent.start <= m.start < view.sent.end]
            if token.text == "Minister" and person is not None and len(ministries) == 1:
                yield Fact(person, "headOf", ministries[0], view.text, (("role", "minister"),))
            elif apposed is not None and (len(here) == 1 or not here and len(ministries) == 1):
                yield Fact(apposed, "headOf", (here or ministries)[0], view.text, (("role", "minister"),))
            continue
        words, end = _ministry_title(view, n + 2)
        if not words:
            continue
        after = [p for p in persons if 0 <= p.start - (end + offset) <= 4
                 and all(t.text in (",", "the") or t.text in HONORIFICS for t in tokens[end:p.start - offset])]
        before = [p for p in persons if 0 <= n + offset - p.end <= 4 and "," in (t.text for t in tokens[p.end - offset:n])
                  and all(t.text in (",", "the", "Union", "Federal", "Hon'ble", "Honourable") for t in tokens[p.end - offset:n])
                  or _other_title_and(tokens[p.end - offset:n])]
        person = (after or before or [None])[0]
        ministry = _ministry_named(view, words)
        if person is not None and ministry is not None:
            yield Fact(person, "headOf", ministry, view.text, (("role", "minister"),))


def _other_title_and(gap) -> bool:
    """", Deputy Prime Minister and" between a name and "Minister of X": another title of the person."""
    return 3 <= len(gap) <= 6 and gap[0].text == "," and gap[-1].lower_ == "and" \
        and all(t.text[:1].isupper() and t.is_alpha for t in gap[1:-1])


def _is_ministry(mention: Found) -> bool:
    return mention.label == "Organization" and mention.text.lower().startswith(MINISTRY_PREFIXES)


def _ministries(view: SentenceView) -> list[Found]:
    """The distinct ministries the document names."""
    return list({m.text: m for m in view.document_mentions if _is_ministry(m) and not m.is_anaphor}.values())


def _ministry_title(view: SentenceView, start: int) -> tuple[frozenset[str], int]:
    """The words of a minister's portfolio from token ``start`` ("Science, Innovation and
    Universities"), up to a name, a title or a lower-case word; and where they end."""
    tokens, offset = view.tokens, view.sent.start
    words, end = [], start
    for i in range(start, len(tokens)):
        token = tokens[i]
        if i + offset in view.at and view.at[i + offset].label in PERSONS or token.text in HONORIFICS:
            break
        if token.text == ",":
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is None or not following.text[:1].isupper() or following.text in HONORIFICS \
                    or i + 1 + offset in view.at and view.at[i + 1 + offset].label in PERSONS:
                break
            continue
        if not (token.text[:1].isupper() or token.lower_ in ("and", "of", "the", "for", "&")):
            break
        words.append(token.lower_)
        end = i + 1
    return frozenset(w for w in words if w not in _MINISTRY_WORDS and w.isalpha()), end


def _ministry_named(view: SentenceView, words: frozenset[str]) -> Found | None:
    """The ministry of the document whose name has every word of the portfolio, else one whose
    name the text cut short ("Ministry of Higher Education" for "... and Science")."""
    named = [(m, set(re.findall(r"[\w']+", m.text.lower())) - _MINISTRY_WORDS) for m in view.document_mentions
             if _is_ministry(m)]
    return next((m for m, own in named if words <= own), None) \
        or next((m for m, own in named if len(own) >= 2 and own <= words), None)
