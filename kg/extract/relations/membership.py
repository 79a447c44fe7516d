"""memberOf: joining, being and leaving a member; member lists ("members include A, B")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import LEXICON
from ..mentions import Found
from ..patterns import TOKEN_PATTERNS
from .base import (
    mentions_after, ALLIANCE_LIKE, Fact, alliances_of, coordinated_after, date_in, group_referent, identity, in_count_phrase, lines_above,
    list_heading,
    member_fact,
    MEMBER_LIKE, ORG_LIKE, parse_date_phrase, PROGRAMS, role_near, SentenceView, since_date, subject_tokens, unnamed, YEAR,
)

#: the ids of patterns.toml's [patterns.member_list], in the order the rule tries them
_LIST_OPENERS = tuple(pattern_id for pattern_id, _ in TOKEN_PATTERNS["member_list"])


def find_membership(view: SentenceView) -> Iterator[Fact]:
    """Joining, being or leaving a member, and member lists ("members include A, B")."""
    groups = alliances_of(view)
    if not groups:
        return
    in_sentence = bool(view.of(ALLIANCE_LIKE))
    yielded: set[tuple[Found, Found]] = set()
    for match in view.matches("membership_verb"):
        token = view.sent.doc[match.nodes["verb"]]
        if match.pattern == "suspend" and token.dep_ in ("acomp", "oprd") and token.head.pos_ in ("VERB", "AUX"):
            token = token.head  # "the memberships of A and B remain suspended": the state's verb has the subject
        if match.pattern == "become" and not any(w in view.lower for w in ("member", "observer", "part of")):
            continue
        if match.pattern == "end" and view.sent.doc[match.nodes["object"]].lemma_.lower() == "participation" \
                and view.of(PROGRAMS):
            continue  # "ended its participation in Erasmus+": a programme's, no membership
        if match.pattern == "suspend" and "member" not in view.lower:
            continue
        lemma = token.lemma_.lower()
        state, leave = match.pattern == "belong", match.pattern in ("leave", "suspend", "end")
        if leave and "rejoin" in view.lemma_set:
            continue  # "A briefly dropped out, but has since rejoined": a member again
        if not in_sentence and not (lemma in ("join", "belong", "admit", "become") or leave):
            continue
        if lemma in LEXICON.words["appoint"] and any(view.at.get(c.i) is not None and view.at[c.i].label == "Person"
                                                     for c in token.children if c.dep_ in ("nsubjpass", "dobj")):
            continue  # "A, rector of X, was elected chair of Y": a person's post (heads.py), not X joining Y
        targets = [g for g in groups if g.start > token.i] or groups
        group = targets[0]
        subjects = view.in_tokens(subject_tokens(token), MEMBER_LIKE) or group_referent(view, subject_tokens(token)) \
            or _fronted_subjects(view, token, group) or _deciders(view, token)
        held = [g for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "membership" for p in c.children
                if p.dep_ == "prep" and p.lower_ == "of" for g in p.subtree]
        if leave and held:  # "the AGM decided to terminate the membership of A": A leaves, not the AGM
            subjects = view.in_tokens(held, MEMBER_LIKE) or subjects
        if not subjects and match.pattern == "suspend" and any(t.lemma_.lower() == "membership" for t in subject_tokens(token)):
            subjects = view.of(MEMBER_LIKE, view.sent.start, token.i, anaphors=False)  # "the memberships of ..., among
            # them A and B, remain suspended": the list may hang anywhere before the verb
        if lemma in LEXICON.words["group_acts"] and view.in_tokens(subject_tokens(token), ALLIANCE_LIKE):
            group = view.in_tokens(subject_tokens(token), ALLIANCE_LIKE)[0]
            clause = {t.i for c in token.children if c.dep_ not in ("advcl", "ccomp", "conj", "relcl", "parataxis")
                      for t in c.subtree}  # "welcomes Chalmers as Imperial leaves": not the subordinate clause's
            subjects = [m for m in mentions_after(view, token.i, MEMBER_LIKE) if m.start in clause]
        elif lemma in ("welcome", "admit", "accept", "induct") or lemma in ("expel", "exclude") and leave:
            # "(we) welcome A and B to X": the objects join; "the Assembly decided to exclude A": A leaves, not the Assembly
            objects = view.in_tokens((t for c in token.children if c.dep_ == "dobj" for t in c.subtree), MEMBER_LIKE)
            subjects = objects or subjects
        if state:
            when = since_date(view)
        else:
            when = date_in(view, token) or _year_not_founding(view, token) or (view.published[:4] if view.published and token.tag_ in ("VBD", "VBZ", "VBN", "VBP") else None)
        window = view.sent.doc[token.i:min(max(group.end, token.i) + 6, view.sent.end)].text
        subjects = _with_coordinates(view, subjects)
        gapped = _gapped_subjects(view, token, subjects)
        respective = _respective_years(view, token, subjects)
        for member in [*subjects, *gapped]:
            own = _own_year(view, member) or gapped.get(member) or respective.get(member) or when
            # "first Macquarie (2008) and then Newcastle (2014) left"; "A and B, which left in 2013 and 2016 respectively"
            if leave:
                yield member_fact(member, group, view, "former", since_date(view), own)
                for other in _elliptic_subjects(view, token, group):  # "A will leave X, as will B and C"
                    yield member_fact(other, group, view, "former", since_date(view), _own_year(view, other) or when)
                    yielded.add((other, group))
            else:
                yield member_fact(member, group, view, role_near(window) or "member", own)
            yielded.add((member, group))
    for fact in _membership_ending(view):
        if (fact.subject, fact.object) not in yielded:
            yielded.add((fact.subject, fact.object))
            yield fact
    yield from (fact for fact in _nominal_leaving(view) if (fact.subject, fact.object) not in yielded)
    # "A joined X, and all three were then members of Y": a member noun in another clause
    yield from (fact for fact in _member_nouns(view, groups) if (fact.subject, fact.object) not in yielded)
    if not yielded:
        yield from _member_lists(view, groups)
        yield from _listed_members(view, groups)
        yield from _listed_memberships(view)


_LEAVE_NOUNS = LEXICON.words["leave_nouns"]
#: when a leaving takes effect: "with effect from 31 July 2025", "effective 1 January 2026", "as of 2026"
_EFFECTIVE = re.compile(r"\b(?:with effect from|effective(?: from)?|as of|as from)\s+((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?"
                        r"(?:\d{1,2},?\s+)?(?:19|20)\d\d)\b")


def _nominal_leaving(view: SentenceView) -> Iterator[Fact]:
    """"A has given notice of its withdrawal from X with effect from 31 July 2025", "A announced
    its exit from X", "the Assembly pronounced the exclusion of B": a noun of leaving with "from" an
    alliance (else the one alliance of the sentence, else the one spoken of); the leaver is its
    owner ("its": the subject of the verb it hangs from) or named with "of"."""
    if not view.lemma_set & _LEAVE_NOUNS:
        return
    for noun in view.tokens:
        if noun.lemma_.lower() not in _LEAVE_NOUNS or noun.pos_ != "NOUN":
            continue
        source = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        groups = view.in_tokens(source.subtree, ALLIANCE_LIKE) if source is not None else []
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        leavers = [m for m in view.in_tokens(of.subtree, MEMBER_LIKE) if not m.is_anaphor] if of is not None else []
        if not groups and leavers:  # "pronounced the exclusion of A": from the one alliance named, or spoken of
            groups = _sole_alliance(view, leavers)
        if not groups:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        members = [view.at[owner.i]] if owner is not None and owner.i in view.at else leavers
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)  # "A has given notice of its ..."
        if not members and verb is not None:
            members = view.in_tokens(subject_tokens(verb), MEMBER_LIKE)
        effective = _EFFECTIVE.search(view.text)
        until = parse_date_phrase(effective.group(1)) if effective else date_in(view, noun.head)
        for member in members:
            if member.label in MEMBER_LIKE and not member.is_anaphor:
                yield member_fact(member, groups[0], view, "former", None, until)


_ENDING_VERBS = LEXICON.words["membership_ends"]
_ENDING_NOUNS = LEXICON.words["membership_ending_nouns"]


def _membership_ending(view: SentenceView) -> Iterator[Fact]:
    """A membership the sentence ends: "A's membership of X will end on 31 December 2025", "the
    termination of the membership of A", "the memberships of A and B ended". The member owns the
    membership ("A's", "of A"); the alliance is named with it ("of X", "in X"), else the one
    alliance of the sentence, else the one spoken of."""
    if "membership" not in view.lemma_set or not view.lemma_set & (_ENDING_VERBS | _ENDING_NOUNS):
        return
    for noun in view.tokens:
        if noun.lemma_.lower() != "membership" or noun.pos_ != "NOUN":
            continue
        head = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _ENDING_VERBS:
            when = head
        elif noun.dep_ == "appos" and head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in _ENDING_VERBS:
            when = head.head  # "A's membership of X will end": the parser may hang the membership from A's name
        elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _ENDING_NOUNS:
            when = head.head.head if head.head.head is not head.head else head.head
        else:
            continue
        owners = [c for c in noun.children if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"]
        named = [m for c in owners for m in view.in_tokens(c.subtree, MEMBER_LIKE | ALLIANCE_LIKE)]
        members = [m for m in named if m.label in MEMBER_LIKE and not m.is_anaphor]
        groups = [m for m in named if m.label in ALLIANCE_LIKE] or \
            [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
             for m in view.in_tokens(c.subtree, ALLIANCE_LIKE)]
        if not groups:
            groups = _sole_alliance(view, members)
        if not members or not groups:
            continue
        effective = _EFFECTIVE.search(view.text)
        until = parse_date_phrase(effective.group(1)) if effective else date_in(view, when)
        for member in members:
            yield member_fact(member, groups[0], view, "former", None, until)


def _sole_alliance(view: SentenceView, besides: list[Found]) -> list[Found]:
    """The alliance a membership is of when no phrase names it: the one alliance of the sentence
    (other than ``besides``), else, if the sentence names none, the one spoken of; else none."""
    alliances = {identity(m): m for m in view.of(ALLIANCE_LIKE) if m not in besides}
    if len(alliances) == 1:
        return list(alliances.values())
    return [view.context["Alliance"]] if not alliances and "Alliance" in view.context else []


_DISSOLVE = LEXICON.words["dissolve"]


def dissolution(view: SentenceView) -> tuple[Found, str | None] | None:
    """"The consortium was dissolved in March 2023", "the members disbanded X": the alliance that
    ceased to exist ("the consortium": the one named before it in the sentence, else the one
    spoken of) and when."""
    if not view.lemma_set & _DISSOLVE:
        return None
    for verb in view.tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _DISSOLVE:
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        words = [t for c in verb.children if c.dep_ in (("nsubjpass",) if passive else ("dobj", "nsubj")) for t in c.subtree]
        named = view.in_tokens(words, ALLIANCE_LIKE)
        target = named[0] if named else None
        relative = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT"), None)
        if target is None and relative is not None:  # "the founding members of X (XA), which was dissolved in 2012":
            before = [m for m in view.of(ALLIANCE_LIKE, anaphors=False) if m.end <= relative.i  # the name right
                      and all(t.is_punct or t.i in view.at for t in view.sent.doc[m.end:relative.i])]  # before, however parsed
            target = before[-1] if before else None
        if target is not None and target.is_anaphor:  # "X, which A set up in 2012; the network was dissolved in 2020":
            before = [m for m in view.of(ALLIANCE_LIKE, anaphors=False) if m.end <= target.start]  # X, named before
            target = before[-1] if before else view.context.get("Alliance")  # in the sentence, else the one spoken of
        if target is not None:
            return target, date_in(view, verb)
    return None


def end_dissolved(facts: list[Fact], dissolved: dict[str, str | None]) -> list[Fact]:
    """Every membership of an alliance the text says was dissolved ends then (``dissolved``: the
    alliance's name -> date); founders and founding roles stay (GOLD_FORMAT.md)."""
    if not dissolved:
        return facts
    ended = []
    for fact in facts:
        name = identity(fact.object) if isinstance(fact.object, Found) else None
        qualifiers = dict(fact.qualifiers)
        if fact.predicate == "memberOf" and name in dissolved and "until" not in qualifiers and qualifiers.get("role") != "former":
            date = dissolved[name]
            extra = (("until", date),) if date else ()
            role = () if date else (("role", "former"),)
            fact = Fact(fact.subject, fact.predicate, fact.object, fact.evidence,
                        tuple((k, v) for k, v in fact.qualifiers if not (role and k == "role")) + role + extra, fact.features)
        ended.append(fact)
    members = {(identity(f.subject), identity(f.object)) for f in ended if f.predicate == "memberOf" and isinstance(f.object, Found)
               and (not f.features or "memberOf|rule" in f.features)}  # stated by a rule, not only a candidate pair
    founded = {identity(f.subject): f.object for f in ended if f.predicate == "founded" and isinstance(f.object, str)}
    for fact in [f for f in ended if f.predicate == "founder" and isinstance(f.object, Found)]:
        name = identity(fact.subject)
        if name in dissolved and fact.object.label in MEMBER_LIKE and (identity(fact.object), name) not in members:
            since = (("since", founded[name]),) if name in founded else ()  # a founder was a founding member, until then
            until = (("until", dissolved[name]),) if dissolved[name] else ()
            role = "founding" if until else "former"
            ended.append(Fact(fact.object, "memberOf", fact.subject, fact.evidence, (("role", role),) + since + until,
                              frozenset({"memberOf|rule"})))
            members.add((identity(fact.object), name))
    return ended


_DECISION_NOUNS = frozenset({"decision", "intention", "plan", "wish", "choice", "resolution"})


def _deciders(view: SentenceView, verb: Token) -> list[Found]:
    """Whose decision, intention or plan the verb completes: "the decision of A to leave X", "A's
    decision to join X" (the noun's "of" phrase or possessor)."""
    noun = verb.head
    if verb.dep_ not in ("acl", "xcomp") or noun.pos_ != "NOUN" or noun is verb:
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return []
        noun = next((t for t in reversed(view.sent.doc[view.sent.start:verb.i]) if t.lemma_.lower() in _DECISION_NOUNS
                     and t.pos_ == "NOUN"), None)  # "the decision of A, in Germany, to leave X": the parser hung the
        if noun is None:  # infinitive on the sentence's verb; the nearest decision noun before it owns it
            return []
    owners = [t for c in noun.children if c.dep_ == "poss" for t in c.subtree]
    owners += [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    return view.in_tokens(owners, MEMBER_LIKE)


def _year_not_founding(view: SentenceView, verb: Token) -> str | None:
    """The sentence's year nearest the verb, unless the sentence also tells a founding, whose year
    it may be ("A joins X, ... the network set up in 1994": 1994 is no joining year)."""
    return None if view.matches("founding_verb") else view.year(verb.i)


def _named_right_before(view: SentenceView, verb: Token) -> list[Found]:
    """The universities named before the verb, when only adverbs, auxiliaries and punctuation
    stand between the last of them and the verb, whatever the parse made of them."""
    before = view.of(MEMBER_LIKE, view.sent.start, verb.i, anaphors=False)
    between = view.sent.doc[before[-1].end:verb.i] if before else ()
    return before if before and all(t.is_punct or t.pos_ in ("AUX", "PART", "ADV") for t in between) else []


def _opening_name(view: SentenceView, verb: Token) -> list[Found]:
    """The one university that opens the sentence right before its verb ("UCT is a founding member
    of ARUA": "UCT" tagged an adverb)."""
    before = _named_right_before(view, verb)
    if len(before) != 1 or any(not t.is_punct for t in view.sent.doc[view.sent.start:before[0].start]):
        return []
    return before


def _fronted_subjects(view: SentenceView, verb: Token, group: Found) -> list[Found]:
    """The universities before a verb the parse gave no subject ("In 2012 Durham University and
    the University of York joined X": parsed as objects of "In")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children) or verb.dep_ != "ROOT":
        return []
    before = _named_right_before(view, verb)
    return [] if group in before else before


def _gapped_subjects(view: SentenceView, verb: Token, subjects: list[Found]) -> dict[Found, str | None]:
    """Universities that share the verb with its subject, the verb left out: "A withdrew in 2013,
    and B in 2014" (B is parsed as a conjunct of the verb); each with the year of its own phrase."""
    if not subjects:
        return {}
    gapped: dict[Found, str | None] = {}
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i in view.at):
        mention = view.at[conj.i]
        if mention.label in MEMBER_LIKE and not mention.is_anaphor and mention not in subjects:
            gapped[mention] = next((t.text for t in conj.subtree if YEAR.fullmatch(t.text)), None)
    return gapped


def _elliptic_subjects(view: SentenceView, verb: Token, group: Found) -> list[Found]:
    """Universities after "as will", "as did", "as have" later in the sentence: the same verb,
    elided ("A has decided to leave X, as will – as announced – B and C")."""
    doc = view.sent.doc
    for token in doc[verb.i + 1:view.sent.end - 1]:
        if token.lower_ == "as" and doc[token.i + 1].lower_ in ("will", "would", "did", "does", "do", "has", "have", "had"):
            return [m for m in view.of(MEMBER_LIKE, token.i + 2, view.sent.end) if m != group and not m.is_anaphor]
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
        if mention is not None and mention.label in MEMBER_LIKE:
            if mention not in found:
                found.insert(0, mention)
            i = mention.start - 1
        elif token.lower_ == "as" and not _as_well_as(doc, i):
            break  # "welcomes Chalmers as Imperial leaves": a clause, not a list
        elif token.lower_ in _LIST_GLUE or YEAR.fullmatch(token.text):
            i -= 1
        else:
            break
    return found


def _as_well_as(doc, i: int) -> bool:
    """Token ``i`` ("as") is part of "as well as"."""
    words = [t.lower_ for t in doc[max(i - 2, 0):i + 3]]
    return "as well as" in " ".join(words)


def _respective_years(view: SentenceView, verb: Token, members: list[Found]) -> dict[Found, str]:
    """"A and B, which left in 2013 and 2016 respectively": as many years after the verb as members,
    one each, in order."""
    if "respectively" not in view.lower or len(members) < 2:
        return {}
    years = [t.text for t in view.sent.doc[verb.i:view.sent.end] if YEAR.fullmatch(t.text)]
    return dict(zip(members, years)) if len(years) == len(members) else {}


def _own_year(view: SentenceView, member: Found) -> str | None:
    """A year in brackets right after a university: "Macquarie (2008)"."""
    doc = view.sent.doc
    if member.end + 2 < view.sent.end and doc[member.end].text == "(" and YEAR.fullmatch(doc[member.end + 1].text) \
            and doc[member.end + 2].text == ")":
        return doc[member.end + 1].text
    return None


def _member_nouns(view: SentenceView, groups: list[Found]) -> Iterator[Fact]:
    """"X is a member of A (and of B)", "X, an observer of A,", "As a founding member of A, X ...":
    the frames are patterns.toml's [dependency_patterns.member_noun]; the member is the subject of
    the frame's verb, or the name the noun is in apposition to."""
    doc = view.sent.doc
    for match in view.matches("member_noun"):
        anchor, token = doc[match.nodes.get("verb", match.nodes.get("name"))], doc[match.nodes["noun"]]
        of = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")]
        of += [t for c in of for t in c.conjuncts if t.dep_ == "conj" and t.lower_ == "of"]  # "of A and of B"
        of += [t for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("since", "from", "in")
               for t in c.conjuncts if t.dep_ == "conj" and t.lower_ == "of"]  # "of A since 2007 and of B" (the
        # second "of" parsed as a conjunct of "since")
        named = view.in_tokens((t for c in of for t in c.subtree), ALLIANCE_LIKE)
        named += [m for m in coordinated_after(view, named[-1], ALLIANCE_LIKE) if m not in named] if named else []
        if not named and not (token.head.lower_ == "as" and groups):
            continue
        members = view.in_tokens([anchor] if match.pattern == "apposition" else subject_tokens(anchor), MEMBER_LIKE) \
            or (group_referent(view, subject_tokens(anchor)) or _opening_name(view, anchor) if match.pattern == "subject"
                else [])
        role = role_near(doc[max(token.i - 3, view.sent.start):token.i + 1].text) or "member"
        if token.lemma_.lower() == "founder":
            role = "founding"
        until = _UNTIL.search(view.text) if anchor.tag_ == "VBD" else None
        if until or any(c.lower_ in ("former", "ex") for c in token.lefts) or _no_longer(anchor):
            role = "former"  # "X was a member of A until 2023", "X, a former member of A", "X ceased to be a member"
        for group in named or groups[:1]:
            for member in members:
                yield member_fact(member, group, view, role, since_date(view), until and until.group(1))


def _no_longer(verb: Token) -> bool:
    """"X is no longer a member of A", "X ceased to be a member of A": a state that has ended."""
    return any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in verb.children) \
        or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("cease", "stop")


#: the end of a state told in the past tense: "was a member ... until 2023"
_UNTIL = re.compile(r"\b(?:until|till|up to)\s+(?:(?:the\s+end\s+of|early|late|mid-?)\s+)?(?:\w+\s+)?((?:1[5-9]|20)\d\d)\b")


def _member_lists(view: SentenceView, groups: list[Found]) -> Iterator[Fact]:
    """"The members of A include X, Y and Z", "Its members include X", "A brings together X, Y",
    "A, a strategic alliance of X, Y and Z"; in a sentence about partners or agreements, only a
    list that says it is one of members ("agreements with the following members: X, Y")."""
    partnering = any(w in view.lower for w in ("partner", "agreement", "cooperat", "collaborat"))
    yield from _collective_members(view)  # "an agreement with X, the association of A, B": X's members all the same
    named = view.of(ALLIANCE_LIKE)
    openers = view.matches("member_list")
    for opener in _LIST_OPENERS:
        match = next((m for m in openers if m.pattern == opener), None)
        if match is None:
            continue
        opens = view.char_offset(match.start)
        before = view.lower[:opens]
        if partnering and not _MEMBERS_BEFORE.search(before):
            continue
        group = next((g for g in reversed(named) if view.char_offset(g.start) < opens), None)
        if group is None:  # "Its members include ...", "The other members are ...": the alliance spoken of
            if not re.search(r"\bmembers?\b", before) or re.search(r"\b(?:partners?|participants?)\b", before):
                continue
            group = groups[0]
        elif not re.search(r"member|universit|institution|observer|" + re.escape(group.text.lower()), before):
            continue
        if opener == "are" and "member" not in before and not _universities_in(view, group, opens):
            continue
        role = role_near(before[max(view.char_offset(group.start), 0):] if named else before)
        ahead = view.lower[:max(view.char_offset(group.start), 0)] if view.char_offset(group.start) < opens else ""
        if _ended(" ".join(before.split()[-4:])) or _ended(" ".join(ahead.split()[-4:])) \
                or any(m.pattern == "leave" and m.start < match.start for m in view.matches("membership_verb")):
            role = "former"  # "Two institutions have left: A and B", "Former members of X include A"
        for member in view.of(MEMBER_LIKE):
            if view.char_offset(member.start) > opens and not in_count_phrase(view, member):
                yield member_fact(member, group, view, role or "member", None)
        return


_ENDED_MEMBERS = LEXICON.words["ended_members"]


def _ended(text: str) -> bool:
    """Words before a member list that say the membership ended ("The suspended institutions include:")."""
    return any(word in _ENDED_MEMBERS for word in re.findall(r"[a-z]+", text.lower()))


#: a heading that announces an alliance's members ("Participating institutions are:"), not partners or placements
_MEMBER_HEADING = re.compile(r"\b(?:members?|participants?|participating|institutions|universities)\b", re.I)
_NOT_MEMBER_HEADING = re.compile(r"\b(?:partners?|partnerships?|rank\w*|top|best|leading)\b", re.I)


def _listed_members(view: SentenceView, groups: list[Found]) -> Iterator[Fact]:
    """A line of a list under a heading that announces members, while an alliance is spoken of
    ("Participating institutions are:" / "Energy – IIT, Bombay and BHU, Varanasi"): every
    university on the line is a member of it."""
    heading = list_heading(view)
    if heading is None or not _MEMBER_HEADING.search(heading.text) or _NOT_MEMBER_HEADING.search(heading.text):
        return
    own = role_near(" ".join(t.text for t in unnamed(view.tokens, view.of(ORG_LIKE))))
    role = "former" if _ended(heading.text) else own or role_near(heading.text) or "member"  # "- A (Belgium) –
    for member in view.of(MEMBER_LIKE, anaphors=False):  # founding member": the line's own role
        if not in_count_phrase(view, member):
            yield member_fact(member, groups[0], view, role, None)


#: a line that opens a list of what its subject belongs to: "It is a member of:", "UX belongs to the following networks:"
_MEMBERSHIPS_HEADING = re.compile(r"\b(?:(?:a\s+)?members?|part)\s+of(?:\s+the\s+following(?:\s+\w+){1,2})?\s*:$"
                                  r"|\bbelongs?\s+to(?:\s+the\s+following(?:\s+\w+){1,2})?\s*:$", re.I)


def _listed_memberships(view: SentenceView) -> Iterator[Fact]:
    """A line of a list under "It is a member of:" (bullets, one alliance a line, which may go on
    with a relative clause): the university the opening line names is a member of the alliance
    that opens this line."""
    first = _opening_alliance(view.sent, view.of(ALLIANCE_LIKE, anaphors=False))
    if first is None:
        return
    heading = _list_opener(view)
    if heading is None:
        return
    members = [m for m in view.mentions_in(heading) if m.label in MEMBER_LIKE]
    if members:
        yield member_fact(members[0], first, view, "member", None)


def _opening_alliance(line: Span, mentions: list[Found]) -> Found | None:
    """The alliance that opens a line ("the League of ... (LERU), which ...", "and the EUA"), if
    the first alliance named on it does."""
    alliances = [m for m in mentions if m.label in ALLIANCE_LIKE]
    if not alliances or line.doc[line.start:alliances[0].start].text.strip().lower() not in ("", "the", "and the", "and"):
        return None
    return alliances[0]


def _list_opener(view: SentenceView, limit: int = 12) -> Span | None:
    """The line ending "member of:" above this one, over lines that each open with an alliance."""
    for line in lines_above(view, limit):
        text = line.text.strip()
        if _MEMBERSHIPS_HEADING.search(text):
            return line
        if not text or _opening_alliance(line, view.mentions_in(line)) is None:
            return None
    return None


#: a list opener right after "members" ("with the following members:", "its member universities include")
_MEMBERS_BEFORE = re.compile(r"\bmembers?(?:\s+(?:universities|institutions))?\s*$")


def _universities_in(view: SentenceView, group: Found, opens: int) -> bool:
    """"The other universities in the AAU are A, B": the list follows "universities in GROUP"."""
    lead = view.lower[:view.char_offset(group.start)]
    between = view.lower[view.char_offset(group.end - 1) + len(view.sent.doc[group.end - 1].text):opens]
    return not between.strip() and re.search(r"\b(?:universities|institutions|schools)\b[^.;:]{0,30}\b(?:in|of)\s+(?:the\s+)?$",
                                             lead) is not None


def _collective_members(view: SentenceView) -> Iterator[Fact]:
    """"the IDEA League, a strategic alliance of Imperial College London, Delft ... and RWTH"."""
    for match in view.matches("collective_of"):
        start, end = view.char_offset(match.start), view.char_offset(match.end - 1)
        if match.nodes["noun"] in view.at:
            continue  # "the Sino-Russian Association of Shipbuilding Universities" is a name
        named = [g for g in view.of(ALLIANCE_LIKE) if view.char_offset(g.end - 1) < start]
        gap = view.text[view.char_offset(named[-1].end - 1) + len(view.sent.doc[named[-1].end - 1]):start] if named else ""
        if not named or not re.fullmatch(r"\s*(?:\([^()]{1,12}\))?\s*,\s*", gap):
            continue  # in apposition to the name: "4TU.Federation, the partnership of", "the IDEA League (IDEA), a"
        for member in view.of(MEMBER_LIKE):
            if view.char_offset(member.start) > end and not in_count_phrase(view, member):
                yield member_fact(member, named[-1], view, "member", None)
