"""partnerOf: agreements, memoranda and cooperation between organisations."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import LEXICON
from ..mentions import Found
from .base import (
    alliance_partners, clauses, consortium_leads, consortium_role, coordinated_after, identity, mentions_after, Fact, IMPLICIT_PUBLISHER, in_count_phrase, list_heading, member_fact, MEMBER_LIKE, ORG_LIKE,
    programme_partners, SentenceView, subject_tokens,
)

_TITLES = frozenset(title for title in LEXICON.ordered["head_titles"] if " " not in title)


_LIST_GLUE = frozenset({",", "and", "&", "the"})


def _coordinated(view: SentenceView, verb: Token) -> list[Found]:
    """Mentions that are the verb's subject or conjoined with it ("A and B signed"), not their
    modifiers; the subject of the verb that governs an infinitive ("A and B agreed to expand their
    cooperation")."""
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    while not heads and verb.dep_ == "xcomp" and verb.head is not verb:
        verb = verb.head
        heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for head in list(heads):
        heads.extend(t for t in head.subtree if t.dep_ == "conj" and t.head in heads)
    named = view.in_tokens(heads, ORG_LIKE)
    if len(named) == 1:  # "Kenyatta University and Egerton University signed": the parser may hang the first
        listed = view.in_tokens((t for h in heads for t in h.subtree), ORG_LIKE)  # name on the second as a modifier
        doc = view.sent.doc
        if len(listed) >= 2 and all({t.lower_ for t in doc[a.end:b.start]} <= _LIST_GLUE and b.start > a.end
                                    for a, b in zip(listed, listed[1:])):
            return listed
    if len(named) >= 2:
        return named
    represented = []  # "the rector of A and the president of B signed": the heads sign for their organisations
    for head in heads:
        if head.lemma_.lower() in _TITLES:
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            represented += view.in_tokens(of.subtree, ORG_LIKE)[:1] if of is not None else []
    return represented if len(represented) >= 2 else named


def _described_members(view: SentenceView, after: int) -> set[int]:
    """Tokens that describe a partner by its members, after token ``after``: "with the 4TU.Federation,
    the partnership of the four Dutch universities of technology: A, B and C" (the "of" phrase of a
    collective noun that is no name's, and a list after a colon that ends it); those named there
    are its members, not partners."""
    doc = view.sent.doc
    described: set[int] = set()
    for match in view.matches("collective_of"):
        if match.start <= after or match.nodes["noun"] in view.at:
            continue  # "the League of European Research Universities" is a name
        phrase = doc[match.nodes["of"]]
        described.update(t.i for t in phrase.subtree)
        end = phrase.right_edge.i + 1
        if end < view.sent.end and doc[end].text == ":":
            described.update(range(end, view.sent.end))
    return described


def find_partnership(view: SentenceView) -> Iterator[Fact]:
    """Agreements, cooperation and exchanges between organisations (symmetric)."""
    if consortium_role(view.sent) == "partner":  # "Coordinator: A" / "Partners: B; C": the lead's partners
        for lead in consortium_leads(view):
            yield from (Fact(lead, "partnerOf", m, view.text) for m in view.of(ORG_LIKE, anaphors=False) if m.text != lead.text)
        return
    yield from _listed_partners(view)
    yield from _possessed_partners(view)
    yield from _headline_pair(view)
    yield from _partner_list_line(view)
    yield from _with_which(view)
    yield from _works_with(view)
    triggers = [m for m in view.matches("partner_trigger") if m.start not in view.at and not _shared_rank(view, m.start)
                and not _describes_alliance(view, view.sent.doc[m.start])]
    # not "Development Cooperation Agency" (a word of a name), nor "ranked joint 5th" (a shared place), nor "Midlands
    # Innovation, the research partnership it formed with A and B" (what an alliance is: its founders are members)
    for start, end in clauses(view):
        for match in (m for m in triggers if start <= m.start < end):
            facts = list(_clause_partners(view, view.sent.doc[match.start], start, end))
            yield from facts
            if facts:  # the first trigger that names parties: "presented the joint master's programme, which is
                break  # delivered jointly by A, B and C" (the adjective names none, the adverb three)


def _describes_alliance(view: SentenceView, trigger: Token) -> bool:
    """The trigger is the noun of an apposition to an alliance's name ("X, the research partnership ...")."""
    return trigger.dep_ == "appos" and trigger.head.i in view.at and view.at[trigger.head.i].label == "Alliance"


def _clause_partners(view: SentenceView, trigger: Token, start: int, end: int) -> Iterator[Fact]:
    """The parties of the partnership that ``trigger`` states, read in its clause (tokens ``start``
    to ``end``): "A and B opened a joint laboratory, and a double degree was launched with C" holds
    two partnerships, A with B and the publisher's with C, not B's with C."""
    named = view.of(ORG_LIKE, start, end)
    clause = view.sent.doc[start:end]
    lower = clause.text.lower()
    if not named or len(named) < 2 and " with " not in f" {lower} ":
        return  # one organisation: only "an agreement was signed with X" (the publisher's) can name a pair
    if trigger.lemma_.lower() == "partner" and trigger.dep_ == "pobj" and trigger.head.lower_ == "among":
        return  # "Among its partners are A, B and C": the owner's partners (_listed_partners), not each other's
    if trigger.lower_ in ("jointly", "together") and any(m.nodes.get("verb") == trigger.head.i for m in view.matches("founding_verb")):
        return  # "A set up X jointly with B and C": they founded X together (founding.py), no partnership of their own
    between = next((t for t in clause if t.lower_ == "between"), None)
    parties = [m for m in view.in_tokens(between.subtree, ORG_LIKE) if start <= m.start < end] if between is not None else []
    if len(parties) < 2 and between is not None and any(t.lower_ == "two" for t in between.subtree):
        named = list({m.text: m for m in view.of(ORG_LIKE, anaphors=False)}.values())
        parties = named if len(named) == 2 else parties  # "A visited B to renew the agreement between the two institutions"
    if len(parties) >= 2:  # "an agreement between A and B"
        for i, first in enumerate(parties):
            for second in parties[i + 1:]:
                yield Fact(first, "partnerOf", second, view.text)
        return
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), trigger)
    if trigger.lower_ == "co" and trigger.i + 2 < len(trigger.doc):
        verb = trigger.doc[trigger.i + 2]  # "co - accredited": the parser splits the verb in three
    agents = view.in_tokens((t for v in (verb, trigger) for c in v.children if c.dep_ == "agent" for t in c.subtree), ORG_LIKE)
    if agents:  # "delivered jointly by A, B and the C": the list goes on whatever the parse hung its names on
        agents += [m for m in coordinated_after(view, agents[-1], ORG_LIKE) if m not in agents]
        agents = list({identity(m): m for m in reversed(agents)}.values())[::-1]  # "by A (ACR)": one agent
    if len(agents) >= 2 and (re.search(r"\bjoint(ly)?\b", lower) or verb.lemma_.lower() in _SIGNING):
        # "offered jointly by A, B and C"; "the memorandum was signed by the rectors of A and B"
        for i, first in enumerate(agents):
            for second in agents[i + 1:]:
                yield Fact(first, "partnerOf", second, view.text)
        return
    subjects = view.in_tokens(subject_tokens(verb), ORG_LIKE) or _owner(view, trigger)
    if not subjects and len(agents) == 1 and trigger.lower_ == "co":
        yield Fact(IMPLICIT_PUBLISHER, "partnerOf", agents[0], view.text)  # "the master is co-accredited by A": A
        return  # shares it with the publisher
    if not subjects and len(agents) == 1 and trigger.i > agents[0].end:
        subjects = agents  # "the programme is coordinated by A, in cooperation with B and C": A's partners
    with_tokens = [t for t in clause if t.lower_ in ("with", "and") and t.i > trigger.i - 6]
    with_at = next((t.i for t in with_tokens if t.lower_ == "with"), None)
    if with_at is None:
        if trigger.pos_ == "ADJ" and trigger.head.dep_ == "conj":
            return  # "selected are A, B and C, as well as the joint applications of D and E": a list item's
            # modifier, not what the listed do together
        if _not_among_themselves(verb, trigger):
            return
        subjects = _coordinated(view, verb)
        if not subjects and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head == verb \
                and verb.lemma_.lower() in ("bind", "link", "connect", "unite", "join", "involve", "associate", "tie"):
            subjects = view.in_tokens((t for c in verb.children if c.dep_ == "dobj" for t in c.subtree), ORG_LIKE)
            # "The first agreement binds A and B": the agreement's verb names its parties as its object
            if len(subjects) == 1:  # "The second protocol binds A to B": and the object of "to"
                subjects += view.in_tokens((g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                                            for g in c.children if g.dep_ == "pobj"), ORG_LIKE)[:1]
        if len(subjects) >= 2:  # "A and B signed an agreement"
            for i, first in enumerate(subjects):
                for second in subjects[i + 1:]:
                    yield Fact(first, "partnerOf", second, view.text)
        return
    subjects = [m for m in subjects if m.start < with_at] or [m for m in subjects if not _partner_itself(view, m)]
    # "A's joint school with B": B is no subject; nor is A in "the agreement with A (...) is the most important"
    objects = [m for m in mentions_after(view, with_at, ORG_LIKE) if m.start < end and m not in subjects
               and not in_count_phrase(view, m)]
    described = _described_members(view, objects[0].start) if objects else set()
    objects = [m for m in objects if m.start not in described]
    objects = objects[:1] + list(itertools.takewhile(lambda m: not _new_relative(view, m), objects[1:]))
    before = [m for m in named if m.end <= verb.i and m not in objects]
    if not subjects and objects and not any(m.start < with_at for m in named):
        subjects = [IMPLICIT_PUBLISHER]  # "a joint laboratory will be set up with X": the publisher's doing
    elif not subjects and objects and before:
        if _partner_itself(view, before[-1]):
            subjects = [IMPLICIT_PUBLISHER]  # "the agreement with A for the joint PhD, renewed in 2024, and the double
            # degree with B": the publisher's, with A and with B
        elif verb.i < with_at:
            subjects = [before[-1]]  # "IIT BHU, Varanasi has signed an agreement with X": the parse took the city
    for subject in subjects[:3]:
        for other in objects:
            if other.text != subject.text:
                yield Fact(subject, "partnerOf", other, view.text)


def _new_relative(view: SentenceView, mention: Found) -> bool:
    """The mention is the antecedent of a relative clause of its own ("..., and the University of
    Bergen (Norway), which has a joint PhD programme with Hawassa University"): it starts another
    statement, it is no further partner of the one before."""
    doc = view.sent.doc
    i = mention.end
    if i < view.sent.end and doc[i].text == "(":
        i = next((j + 1 for j in range(i, min(i + 8, view.sent.end)) if doc[j].text == ")"), i)
    if not (i + 1 < view.sent.end and doc[i].text == "," and doc[i + 1].lower_ in ("which", "who")):
        return False
    withs = [t.i for t in doc[i + 2:view.sent.end] if t.lower_ == "with"]  # a partner of its own: "which has a
    return any(view.at.get(j + 1) or view.at.get(j + 2) for j in withs)  # joint programme with X"; not "which
    # provide for joint research" (the agreements' clause)


def _clause_subject_before(view: SentenceView, token: Token) -> Found | None:
    """The organisation that is the subject of a verb of the sentence before ``token`` (what a
    possessive "its" after it refers to), if there is one."""
    subjects = [view.at[t.i] for t in view.tokens if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass") and t.i in view.at
                and view.at[t.i].label in ORG_LIKE and not view.at[t.i].is_anaphor]
    return subjects[-1] if subjects else None


def _partner_itself(view: SentenceView, mention: Found) -> bool:
    """Whether the mention is itself the "with" party of an agreement ("the agreement with A")."""
    doc = view.sent.doc
    i = mention.start - 1
    if i >= view.sent.start and doc[i].lower_ == "the":
        i -= 1
    return i >= view.sent.start and doc[i].lower_ == "with"


_PARTNER_WORDS = LEXICON.words["partner"]
#: verbs whose agents are the parties of an agreement ("signed by A and B")
_SIGNING = frozenset({"sign", "conclude", "renew", "ink"})
#: a place in a ranking: "5th", "=12", "first"
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)?|=\d+")
_ORDINAL_WORDS = LEXICON.words["ordinals"]


def _shared_rank(view: SentenceView, i: int) -> bool:
    """"Oxford and Cambridge were ranked joint 5th", "joint first": "joint" before a place in a ranking."""
    doc = view.sent.doc
    return doc[i].lower_ in ("joint", "jointly") and i + 1 < view.sent.end and (
        _ORDINAL.fullmatch(doc[i + 1].lower_) is not None or doc[i + 1].lower_ in _ORDINAL_WORDS)


def _not_among_themselves(verb: Token, trigger: Token) -> bool:
    """The subjects are partners of a third party, not of each other: "A, B and C have signed the
    alliance's Membership Charter" (what they sign is another's), "A and B take part as associated
    partners" (a role in something)."""
    signed_anothers = any(c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ not in ("their", "its", "master", "bachelor")
                                                    for g in c.children) for c in verb.children)  # not "a joint master's degree"
    as_role = trigger.dep_ == "pobj" and trigger.head.lower_ == "as"
    return signed_anothers or as_role


def _speaks_of_partnership(tokens) -> bool:
    return any(t.lemma_.lower() in _PARTNER_WORDS or t.lower_ in _PARTNER_WORDS for t in tokens)


def _partner_list_line(view: SentenceView) -> Iterator[Fact]:
    """A line of a list under a heading of agreements or partners ("In 2023 the university signed
    memoranda of understanding with:" / "- Tohoku University (Japan) – joint research"): each
    organisation on the line is a partner of the organisation the heading names (else the publisher's)."""
    heading = list_heading(view)
    if heading is None or not _speaks_of_partnership(heading) or programme_partners(view, heading) is not None:
        return  # (a programme's partners take part in it: participation.py)
    alliance = alliance_partners(view, heading)
    if alliance is not None:  # "The full partners are:" while an alliance is spoken of: its members
        role = "associate" if re.search(r"\bassociated?\b", heading.text, re.I) else None
        yield from (member_fact(m, alliance, view, role, None) for m in view.of(MEMBER_LIKE) if not m.is_anaphor)
        return
    owners = [m for m in view.mentions_in(heading) if m.label in ORG_LIKE]
    owner = owners[0] if owners else IMPLICIT_PUBLISHER
    for other in view.of(ORG_LIKE):
        if other.text != owner.text and not other.is_anaphor:
            yield Fact(owner, "partnerOf", other, view.text)


def _headline_pair(view: SentenceView) -> Iterator[Fact]:
    """A headline or related-news line (no full stop): "University of Oulu and University of Notre
    Dame sign agreement on wireless research", "UG, Zhejiang University sign MoU", "TU/e and Fontys
    start joint teacher training". Two names joined by "and", "&" or (opening the line) a comma,
    then a partnership word within three words or "joint"/"together" within five. The parser often reads such a
    line as one noun phrase or takes the second name for a particle, so the words decide, not the
    parse; where the tagger saw a verb, the pair must open the line."""
    if view.text.rstrip().endswith((".", "?", "!")):
        return  # a sentence: the verb rules read it
    named = view.of(ORG_LIKE, anaphors=False)
    verbal = any(t.pos_ == "VERB" for t in view.tokens)
    doc = view.sent.doc
    for first, second in zip(named, named[1:]):
        glue = [t.lower_ for t in doc[first.end:second.start]]
        if glue not in (["and"], ["&"], ["and", "the"], [","]):
            continue
        if (verbal or glue == [","]) and any(not (t.is_punct or t.lower_ == "the") for t in doc[view.sent.start:first.start]):
            continue  # "..., A and B sign": only a line that opens with the pair is a headline of theirs
        window = doc[second.end:min(second.end + 4, view.sent.end)]  # "A and B renew ocean sciences partnership"
        joint = doc[second.end:min(second.end + 5, view.sent.end)]  # "A and B present results of joint research"
        if _speaks_of_partnership(window) or any(t.lower_ in _JOINT for t in joint) or _joint_degree(joint):
            yield Fact(first, "partnerOf", second, view.text)


_JOINT = frozenset({"joint", "jointly", "together"})
_TWO_SCHOOL_DEGREES = frozenset({"dual", "double"})
_DEGREES = frozenset({"degree", "degrees", "diploma", "diplomas", "master", "master's", "masters", "phd", "doctorate",
                      "bachelor", "bachelor's"})


def _joint_degree(tokens) -> bool:
    """"dual master's degree", "double diploma": a degree two institutions award together."""
    words = [t.lower_ for t in tokens]
    return any(w in _TWO_SCHOOL_DEGREES and nxt in _DEGREES for w, nxt in zip(words, words[1:]))


def _works_with(view: SentenceView) -> Iterator[Fact]:
    """"University Alliance works closely with MillionPlus and GuildHE", "the ACU will continue to
    work with the Commission": an organisation that works with others (both named; "work with" has
    no partnership word, so the general rule does not read it)."""
    if "work" not in view.lemma_set or view.lemma_set & {"member", "membership"}:
        return  # "a member of X, in which it works together with A and B": fellow members, not partners
    for verb in view.tokens:
        if verb.lemma_.lower() != "work" or verb.pos_ != "VERB" or verb.dep_ == "relcl":
            continue
        withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
        withs += [g for c in withs for g in c.conjuncts if g.lower_ == "with"]  # "with SINTEF and with ETH Zurich"
        partners = list(dict.fromkeys(view.in_tokens((t for c in withs for t in c.subtree), ORG_LIKE)))
        holder = verb.head if verb.dep_ == "xcomp" else verb  # "will continue to work with": the subject of "continue"
        heads = [c for c in holder.children if c.dep_ == "nsubj"]  # the organisation itself, not "researchers of X"
        subjects = [m for m in view.in_tokens(heads, ORG_LIKE) if m.label != "ResearchInstitute"] or _host_of_unit(view, heads)
        # "the Center
        for subject in subjects[:1]:  # for X works with ETH Zurich": a university's centre, whose host is the partner
            for partner in partners:
                if partner.text != subject.text and not partner.is_anaphor:
                    yield Fact(subject, "partnerOf", partner, view.text)


#: nouns of a university's units, whose host works with the partners the unit works with
_UNIT_NOUNS = frozenset({"centre", "center", "laboratory", "lab", "institute", "unit", "project", "team", "group"})


def _host_of_unit(view: SentenceView, heads) -> list[Found]:
    """"The energy centre at NTNU", "the centre hosted by the University of Oulu": the university
    a subject that is one of its units names after "at" or "by"."""
    return [m for h in heads if h.lemma_.lower() in _UNIT_NOUNS
            for g in h.subtree if g.lower_ in ("at", "by") and g.dep_ in ("prep", "agent")
            for m in view.in_tokens(g.subtree, frozenset({"University"}))][:1]


def _with_which(view: SentenceView) -> Iterator[Fact]:
    """"B, with which A has worked closely for decades", "SINTEF, the institute with which NTNU runs
    joint centres", "a partner of B, with which it runs a joint programme", "B, with which A shares
    several laboratories": the subject of the
    relative clause works with the organisation named right before "with which" (within eight
    words: an apposition may stand between)."""
    doc = view.sent.doc
    for token in view.tokens:
        if token.lower_ != "with" or token.i + 1 >= view.sent.end or doc[token.i + 1].lower_ not in ("which", "whom"):
            continue
        verb = token.head
        if verb.pos_ not in ("VERB", "AUX") or not _speaks_of_partnership(list(verb.subtree)) and not any(
                t.lower_ in _JOINT or t.lemma_.lower() in ("work", "run", "cooperate", "collaborate", "share") for t in verb.subtree):
            continue
        before = [m for m in view.of(ORG_LIKE, view.sent.start, token.i) if m.end >= token.i - 8 and not m.is_anaphor]
        subjects = view.in_tokens((t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree), ORG_LIKE)
        if before and subjects:
            yield Fact(subjects[0], "partnerOf", before[-1], view.text)


def _owner(view: SentenceView, trigger: Token) -> list[Found]:
    """The organisation whose partnership the trigger's noun phrase is: "the University's joint
    graduate school with B", "UJ's agreement with B"."""
    noun = trigger if trigger.pos_ in ("NOUN", "PROPN") else trigger.head
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:  # "the agreements of the Network with X": the "of" phrase before "with"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return [view.at[owner.i]] if owner is not None and owner.i in view.at and view.at[owner.i].label in ORG_LIKE else []


_LIST_VERBS = frozenset({"include", "be", "comprise", "number"})


_OWNERS = frozenset({"its", "our", "their"})


def _possessed_partners(view: SentenceView) -> Iterator[Fact]:
    """"with its partner research organisations CNRS, Inria and Inserm": the organisations listed
    right after "its/our partner(s)" and at most three lowercase words are partners of the
    possessor ("our": the publisher; "its": the organisation named last before it in the sentence,
    else the one the last sentence was about)."""
    if "partner" not in view.lemma_set:
        return
    doc = view.sent.doc
    for noun in view.tokens:
        if noun.lemma_.lower() != "partner" or noun.i in view.at or noun.i == view.sent.start \
                or doc[noun.i - 1].lower_ not in _OWNERS:
            continue
        j = noun.i + 1
        while j < view.sent.end and j - noun.i <= 3 and j not in view.at and doc[j].is_alpha and doc[j].is_lower:
            j += 1
        listed: list[Found] = []
        while j < view.sent.end:
            mention = view.at.get(j)
            if mention is not None and mention.label in ORG_LIKE and not mention.is_anaphor:
                listed.append(mention)
                j = mention.end
            elif doc[j].text in (",", "and") or mention is not None and mention.label == "Country":
                j += 1
            elif doc[j].text == "(" and j + 2 < view.sent.end and doc[j + 2].text == ")":
                j += 3  # "A (France)", "A (ACR)"
            else:
                break
        if not listed:
            continue
        if doc[noun.i - 1].lower_ == "our":
            owner = IMPLICIT_PUBLISHER
        else:
            before = [m for m in view.of(ORG_LIKE, view.sent.start, noun.i) if not m.is_anaphor]
            owner = before[-1] if before else view.context.get("Topic")  # "carried by the University with its partners"
        for other in listed if owner is not None else ():
            if other != owner and other.text != owner.text:
                yield Fact(owner, "partnerOf", other, view.text)


def _listed_partners(view: SentenceView) -> Iterator[Fact]:
    """"Its global partners include A (Australia), B and C", "TU/e's partners are A and B": the
    organisations listed are partners of the possessor (for "its", the organisation the last
    sentence was about; for "our", the publisher)."""
    for noun in view.tokens:
        among = noun.dep_ == "pobj" and noun.head.lower_ == "among"  # "Among the university's partners are A and B"
        verb = noun.head.head if among else noun.head
        if noun.lemma_.lower() != "partner" or noun.tag_ != "NNS" or not among and noun.dep_ not in ("nsubj", "nsubjpass") \
                or verb.lemma_.lower() not in _LIST_VERBS:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        owned = _owner(view, noun)
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if owner is None and of is not None:  # "The partners of UNAIR for the SDG programmes include A, B"
            owned = view.in_tokens(of.subtree, ORG_LIKE)[:1]
            if not owned:
                continue
        elif owner is None:
            continue
        if owned:
            subject = owned[0]
        elif owner.lower_ == "our":
            subject = IMPLICIT_PUBLISHER
        elif owner.lower_ in ("its", "their"):  # the sentence's own subject before "its" ("NUST signed MoUs with A,
            subject = _clause_subject_before(view, owner) or view.context.get("Topic")  # and its partners include B"),
            if subject is None:  # else what the sentences before were about
                continue
        else:
            continue
        listed = ("attr", "dobj", "prep", "nsubj") if among else ("attr", "dobj", "prep")
        for other in view.in_tokens((t for c in verb.children if c.i > verb.i and c.dep_ in listed
                                     for t in c.subtree), ORG_LIKE):
            if other != subject and not in_count_phrase(view, other) and other.text != subject.text:
                yield Fact(subject, "partnerOf", other, view.text)
