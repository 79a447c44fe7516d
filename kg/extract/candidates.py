"""Candidate relations for the learned scorer: every type-compatible pair in a sentence.

The hand-written rules (:mod:`kg.extract.relations`) are precise but miss much of real news.
Here every pair of mentions whose types fit a predicate's signature becomes a candidate, with
the discourse context ("the ranking" or alliance the text is about, from the headline or an
earlier sentence) standing in for an object the sentence does not name. Each candidate carries
features (predicate-prefixed strings: types, distance, the words between, the dependency path,
the sentence's words, whether a rule fired) that :mod:`kg.relscore` weighs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..schema import relation_types
from .lexicon import LEXICON
from .mentions import Found
from .relations.base import Fact, PROGRAMS, RANKINGS, SentenceView, in_count_phrase, role_near
from .relations.participation import denied_participation
from .relations.ranking import compared, edition_of, ranks_in

__all__ = ["signatures", "candidate_facts", "pair_features"]

#: relation type -> the kind an absent object may be taken from: the discourse's alliance, ranking, programme
_CONTEXT = {"memberOf": "Alliance", "rankedIn": "Ranking", "participatesIn": "Program"}
#: relation types whose candidates are every compatible pair: those the scorer learns (founder, headOf,
#: partnerOf and the literal-valued types stay with the rules: learning them did not pay out of fold,
#: and their pairs, partnerOf's above all, were half the cost of candidate generation)
_PAIRED = ("memberOf", "rankedIn", "participatesIn")
#: narrower subjects than the schema allows: alliances as members of alliances are too rare in the
#: annotations to learn (out of fold they only added false facts), so the rules alone find them
_SUBJECTS = {"memberOf": frozenset({"University", "ResearchInstitute"})}


def _labels(kinds: frozenset[str]) -> frozenset[str]:
    """Mention labels that may stand for entities of these kinds (references included)."""
    labels = set(kinds)
    if kinds & {"University", "Alliance"}:
        labels.add("PUBLISHER")  # "our university", "our association"
    return frozenset(labels)


@functools.cache
def signatures() -> dict[str, tuple[frozenset[str], frozenset[str], str | None]]:
    """Relation type -> (subject labels, object labels, context kind), from the relation schema."""
    types = relation_types()
    return {name: (_labels(_SUBJECTS.get(name, types[name].domain)), _labels(types[name].range), _CONTEXT.get(name))
            for name in _PAIRED}


_MAX_PAIRS = 80  # per sentence and predicate: a 40-name table row list stays linear
_CONTENT = ("VERB", "NOUN", "ADJ", "ADP")


def candidate_facts(view: SentenceView, rule_facts: list[Fact]) -> Iterator[Fact]:
    """Every type-compatible pair of the sentence, rule facts included, with features.

    Rule facts keep their qualifiers and gain the feature ``rule``; other pairs get
    qualifiers guessed from the sentence (role words, the nearest rank, the edition).
    """
    ruled: dict[tuple, list[Fact]] = {}  # a pair may hold twice: "380th in 2025, up from 401st in 2024"
    for fact in rule_facts:
        if isinstance(fact.object, Found):
            ruled.setdefault((fact.subject, fact.predicate, fact.object), []).append(fact)
    done = set()
    lemmas = view.lemma_set
    partnering = bool(lemmas & LEXICON.triggers["partner"]) and not lemmas & {"member", "membership"}
    membership = bool(lemmas & _MEMBERSHIP)  # the sentence speaks of membership: its lists may be members
    personal = any(t.lower_ in ("member", "members") and t.i > view.sent.start
                   and view.sent.doc[t.i - 1].lower_ in LEXICON.words["personal_membership"] for t in view.tokens)
    placing = bool(ranks_in(view.text)) and not membership
    # "The remaining Universities of Excellence are A, B and C", "A and B also host ACE Impact centres": a
    # list in a sentence that names a programme is the programme's, not the alliance spoken of before
    # "the programme includes A, B and C", "the ranking is headed by A, followed by B": the same for a
    # programme or ranking the sentence speaks of by description
    programme = bool(view.of(PROGRAMS | RANKINGS)) and not membership and "alliance" not in lemmas
    denied = denied_participation(view)
    # "chaired by the rector of Y, A", "LERU Chair A, Rector of Y": Y is named as A's university, not as a member
    # (unless the sentence speaks of membership: "A, Rector of Y, a WUN member since 2009");
    # "A, B and C merged": a merger's parts, not the members of the alliance spoken of before
    headed = set() if membership else {f.object for f in rule_facts if f.predicate == "headOf"}
    unlisted = bool(lemmas & LEXICON.words["merge"]) or _link_line(view)
    ranked = {f.subject for f in rule_facts if f.predicate == "rankedIn"} if "\t" not in view.text else set()
    # ("2. University of Delhi, Delhi" under "Details of the ranking:": placed by a rule, no member of the alliance
    # spoken of before; a table's row may be both, a column of places beside the members')
    for predicate, (subjects, objects, context_kind) in (() if _contact_line(view) else signatures().items()):
        # a contact or address line ("Issued by: Press Office, A, City, Country | Tel.: ...") states no fact
        pairs = list(_pairs(view, subjects, objects, context_kind, predicate == "partnerOf"))[:_MAX_PAIRS]
        for subject, obj, from_context in pairs:
            if from_context and partnering and predicate == "memberOf" and (subject, predicate, obj) not in ruled:
                continue  # "cooperation with universities including A, B": partners, not the alliance's members
            if from_context and predicate == "memberOf" and (subject, predicate, obj) not in ruled and (programme or personal):
                continue  # ... or "A, a staff member of the University of Oslo": a person's place
            if predicate == "memberOf" and (subject, predicate, obj) not in ruled and \
                    (subject in headed or from_context and (unlisted or subject.is_anaphor and headed)):
                continue
            if predicate == "participatesIn" and (subject, predicate, obj) not in ruled and denied:
                continue  # "A and B are not within the scope of the programme", "C was not funded"
            if from_context and predicate == "memberOf" and (subject, predicate, obj) not in ruled \
                    and (placing or subject in ranked) and "Members" not in view.context:
                continue  # "A and B were ranked 389th and 398th": placements, not members of the alliance spoken of
                # (unless an earlier sentence announced its members: "five other members of the Go8 made the top 50")
            if not from_context and _beside_a_count_of(view, subject, obj):
                continue  # "4 universities of C9, 16 of Project 985, and A": A is listed beside them, not in them
            if predicate == "rankedIn" and (subject, predicate, obj) not in ruled and _maker(view, subject):
                continue  # "the ranking, first published by Shanghai Jiao Tong University": its maker, not a placement
            key = (subject, predicate, obj)
            done.add(key)
            features = pair_features(view, subject, predicate, obj, from_context)
            rule = ruled.get(key) or (ruled.get((obj, predicate, subject)) if predicate == "partnerOf" else None)
            if rule is None and any(s == subject and p == predicate and o != obj for s, p, o in ruled):
                continue  # a rule placed the subject with another object of this sentence: no rival guess
            if rule is not None:
                for each in rule:
                    yield Fact(each.subject, predicate, each.object, each.evidence, each.qualifiers,
                               features | {f"{predicate}|rule"})
            else:
                yield Fact(subject, predicate, obj, view.text, _guess_qualifiers(view, subject, predicate, obj), features)
    for fact in rule_facts:  # rule facts outside the signatures (literals, anaphors across sentences)
        if (fact.subject, fact.predicate, fact.object) not in done and \
                (fact.predicate != "partnerOf" or (fact.object, fact.predicate, fact.subject) not in done):
            yield Fact(fact.subject, fact.predicate, fact.object, fact.evidence, fact.qualifiers,
                       frozenset({f"{fact.predicate}|rule", f"{fact.predicate}|bias"}))


#: lemmas of a sentence that speaks of membership ("a member of", "joined")
_MEMBERSHIP = frozenset({"member", "membership", "join"})
_LINK_LABEL = re.compile(r"^\W*(?:related|previous|next|read (?:also|more)|see also|more news|latest news|copyright|©)\b", re.I)


def _link_line(view: SentenceView) -> bool:
    """A line of links or page furniture, not of the article: "Related: ...", "Previous: A visits B",
    "Copyright © ...", or a bulleted headline ("- A and B hold joint symposium", "#A")."""
    text = view.text.lstrip()
    if _LINK_LABEL.match(text):
        return True
    bulleted = text[:1] in "-•*#·»›" and not text.startswith("**")
    return bulleted and (text[:1] == "#" or any(t.pos_ in ("VERB", "AUX") for t in view.tokens)) \
        and not view.lemma_set & _MEMBERSHIP


_CONTACT = re.compile(r"^\W*(?:issued by|media contacts?|press contacts?|contacts?|address|tel|tél|phone|fax|e-?mail"
                      r"|p\.?\s?o\.?\s?box)\b|\b(?:tel|tél|phone|fax)\.?\s*:|\bp\.?\s?o\.?\s?box\b|\bB\.?P\.?\s*\d", re.I)


def _contact_line(view: SentenceView) -> bool:
    """A line of the page's contact details: "Issued by: Public Relations Section, A, City, Country",
    "A, 12 Main Street, City | Tel.: ...", "B – BP 5005 City"."""
    return _CONTACT.search(view.text) is not None


def _maker(view: SentenceView, mention: Found) -> bool:
    """The mention is the agent of a passive verb ("published by A", "compiled by B")."""
    token = view.sent.doc[mention.start]
    while token.dep_ in ("compound", "amod", "det") and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _beside_a_count_of(view: SentenceView, subject: Found, obj: Found) -> bool:
    """The object is named in a count ("16 universities of Project 985") that the subject is a
    conjunct of: the subject is another item of the list, not one of the counted."""
    if not in_count_phrase(view, obj):
        return False
    doc = view.sent.doc
    of = next((t for t in reversed(doc[view.sent.start:obj.start]) if t.lower_ == "of"), None)
    counted = of.head if of is not None else None
    return counted is not None and _head(view, subject) in counted.conjuncts


def _pairs(view: SentenceView, subjects: frozenset[str], objects: frozenset[str], context_kind: str | None,
           symmetric: bool) -> Iterator[tuple[Found, Found, bool]]:
    subject_mentions = [m for m in view.mentions if m.label in subjects]
    object_mentions = [m for m in view.mentions if m.label in objects]
    from_context = False
    if not object_mentions and context_kind and context_kind in view.context:
        object_mentions, from_context = [view.context[context_kind]], True
    for subject in subject_mentions:
        for obj in object_mentions:
            if obj is subject or (obj.text == subject.text and obj.key == subject.key):
                continue
            if symmetric and obj.start <= subject.start:
                continue
            yield subject, obj, from_context


def _head(view: SentenceView, mention: Found) -> Token:
    """The syntactic head of a mention's tokens (the token whose head lies outside); cached per sentence."""
    cache = view.__dict__.setdefault("_heads", {})
    if mention not in cache:
        cache[mention] = _find_head(view, mention)
    return cache[mention]


def _find_head(view: SentenceView, mention: Found) -> Token:
    doc = view.sent.doc
    tokens = doc[mention.start:mention.end]
    for token in tokens:
        if not (mention.start <= token.head.i < mention.end) or token.head is token:
            return token
    return tokens[0]


def _path(a: Token, b: Token) -> tuple[str, str]:
    """The dependency path between two tokens (deps up from a, the common ancestor's lemma, deps down to b)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in ids_b:
            left = "/".join(t.dep_ for t in up_a[:n])
            right = "/".join(t.dep_ for t in reversed(up_b[:ids_b[token.i]]))
            return f"{left}^{right}"[:60], token.lemma_.lower()
    return "none", "none"


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"


def pair_features(view: SentenceView, subject: Found, predicate: str, obj: Found, from_context: bool) -> frozenset[str]:
    """The features of one candidate (predicate-prefixed strings)."""
    p = predicate
    offset = view.sent.start  # token i of the Doc is view.tokens[i - offset]
    feats = {f"{p}|bias", f"{p}|s={subject.label}", f"{p}|o={obj.label}", f"{p}|ssrc={subject.source}",
             f"{p}|osrc={obj.source}"}
    if from_context or not (view.sent.start <= obj.start < view.sent.end):
        feats.add(f"{p}|ctx")
    else:
        first, second = sorted((subject, obj), key=lambda m: m.start)
        between = range(first.end - offset, second.start - offset)  # indices into view.tokens
        feats.add(f"{p}|order={'so' if subject.start < obj.start else 'os'}")
        feats.add(f"{p}|dist={_bucket(len(between))}")
        others = [m for m in view.mentions if first.end <= m.start < second.start]
        feats.add(f"{p}|between_mentions={_bucket(len(others))}")
        kinds = signatures()[p][1]
        rivals = [m for m in view.mentions if m.label in kinds and m != obj and (m.text, m.key) != (obj.text, obj.key)]
        if any(first.end <= m.start < second.start for m in rivals):
            feats.add(f"{p}|rival_between")  # "... include 4 universities of C9, 16 of Project 985, and A"
        nearest = min([obj, *rivals], key=lambda m: abs(m.start - subject.start))
        feats.add(f"{p}|nearest={nearest is obj}")
        if in_count_phrase(view, obj):
            feats.add(f"{p}|o_counted")  # "16 universities of Project 985": its members counted, not named
        if rivals:
            feats.add(f"{p}|rivals")
        if len(between) <= 10:
            feats.update(f"{p}|btw={view.lemmas[i]}" for i in between if not view.tokens[i].is_space)
        else:
            feats.add(f"{p}|btw=far")
        path, lca = _path(_head(view, subject), _head(view, obj))
        feats.update({f"{p}|path={path}", f"{p}|lca={lca}"})
    feats |= _sentence_features(view, p)
    head = _head(view, subject)
    feats.add(f"{p}|sdep={head.dep_}")
    if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        feats.add(f"{p}|slist")
    for i in range(max(subject.start - 3, offset), min(subject.end + 3, view.sent.end)):
        if not subject.start <= i < subject.end and view.tokens[i - offset].pos_ in _CONTENT:
            feats.add(f"{p}|near={view.lemmas[i - offset]}")
    return frozenset(feats)


def _sentence_features(view: SentenceView, p: str) -> frozenset[str]:
    """The features every candidate of a sentence shares (computed once per sentence and predicate)."""
    cache = view.__dict__.setdefault("_candidate_features", {})
    if p in cache:
        return cache[p]
    if None not in cache:  # what the sentence says, whatever the predicate: computed once
        lowers = {t.lower_ for t in view.tokens}
        words = view.lemma_set | lowers
        shared = {f"w={lemma}" for t, lemma in zip(view.tokens, view.lemmas) if t.pos_ in _CONTENT and len(t.text) > 1}
        if words & LEXICON.triggers["partner"]:
            shared.add("partner_cue")
        if lowers & {":", "include", "includes", "including"}:
            shared.add("listcue")
        if ranks_in(view.text):
            shared.add("has_rank")
        if re.match(r"^\s*\*?\d{1,4}[.)]?\s", view.text):
            shared.add("table_row")
        if view.sent.start == 0:
            shared.add("headline")
        cache[None] = (words, shared)
    words, shared = cache[None]
    feats = {f"{p}|cue={bool(words & LEXICON.triggers.get(p, frozenset()))}", *(f"{p}|{f}" for f in shared)}
    cache[p] = frozenset(feats)
    return cache[p]


def _guess_qualifiers(view: SentenceView, subject: Found, predicate: str, obj: Found) -> tuple[tuple[str, str], ...]:
    if predicate == "memberOf":
        return (("role", role_near(view.text) or "member"),)
    if predicate == "rankedIn":
        start = view.char_offset(subject.start)
        ranks = ranks_in(view.text[start:]) or ranks_in(view.text)
        qualifiers = [ranks[0]] if ranks and not compared(view, subject) else []  # "fourth, behind A": not A's rank
        edition = edition_of(view, obj) if view.sent.start <= obj.start < view.sent.end else view.year(subject.start)
        return tuple(qualifiers + ([("year", edition)] if edition else []))
    if predicate == "headOf":
        title = re.search(r"\b(president|rector|vice-chancellor|chancellor|provost|chair(?:man|woman|person)?|"
                          r"director|principal|secretary[- ]general|chief executive)\b", view.lower)
        return (("role", title.group(1) if title else "head"),)
    return ()
