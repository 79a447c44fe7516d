"""founded and founder: founding dates and founders, founding members, "traces its roots to"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import LEXICON
from ..mentions import Found, name_after_fronted_clause
from .base import (
    ALLIANCE_LIKE, COLLECTIVE, COUNT_NOUNS, date_in, Fact, alliances_of, group_referent, list_heading, member_fact, MEMBER_LIKE,
    identity, number_of,
    parse_date_phrase,
    ORG_LIKE, SentenceView, subject_tokens, YEAR,
)


#: what a founding verb can found (a ranking: its first edition; its maker is no founder, GOLD_FORMAT.md)
_FOUNDED = ORG_LIKE | {"Program", "Ranking"}


def _founders(view: SentenceView, verb: Token) -> list[Found]:
    """Founders named in a phrase of the founding verb: patterns.toml's
    [dependency_patterns.founder_phrase] ("by A and B", "under the leadership of A", "together with A")."""
    doc = view.sent.doc
    tokens: list[Token] = []
    for match in view.matches("founder_phrase"):
        if match.nodes["verb"] != verb.i:
            continue
        phrase = doc[match.nodes["phrase"]]
        tokens.extend(phrase.subtree if match.pattern == "phrase" else (t for c in phrase.children for t in c.subtree))
    named = view.in_tokens(tokens, ORG_LIKE)
    counted = [t for t in tokens if t.lemma_.lower() in _COUNTED_FOUNDERS and not (t.i in view.at)]
    if counted:  # "by JU and seven other European universities, among them A and B": the named and the listed
        return named + [m for m in _listed_after(view, counted[0]) if m not in named]
    return named


def _listed_after(view: SentenceView, counted: Token) -> list[Found]:
    """"by eight universities, among them A, B and C": the universities a list opener right after
    a counted founder names (patterns.toml's [patterns.member_list] "include", "such as", "among")."""
    doc = view.sent.doc
    for match in view.matches("member_list"):
        gap = doc[counted.i + 1:match.start]
        if match.pattern in ("include", "such_as", "among", "namely") and 0 <= match.start - counted.i <= 14 \
                and all(t.is_punct or t.lower_ in ("them", "which", "including") or t.pos_ in ("ADP", "NOUN", "ADJ", "CCONJ", "DET", "PROPN")
                        and t.i not in view.at or t.i in view.at and view.at[t.i].label == "Country" for t in gap):
            # "by 20 universities of science and technology, among them A", "by nine universities with a strong
            # social commitment, among them A", "by eight public universities of Argentina, Brazil and Uruguay, among them A",
            # "by ten universities of Eastern and Southern Africa, among them A"
            return [m for m in view.of(MEMBER_LIKE) if m.start >= match.end and not m.is_anaphor]
    return _listed_after_colon(view, counted) or _with_among(view, counted)


def _with_among(view: SentenceView, counted: Token) -> list[Found]:
    """"by eighteen universities, with A, B and C among the driving forces": the names between a
    "with" right after the counted phrase and an "among" that follows them."""
    doc = view.sent.doc
    with_at = next((t.i for t in doc[counted.i + 1:min(counted.i + 16, view.sent.end)] if t.lower_ == "with"), None)
    described = {t.i for t in counted.subtree}  # "by eighteen universities that were all young at the time, with A"
    if with_at is None or any(t.pos_ in ("VERB", "AUX") and t.i not in described or t.i in view.at
                              for t in doc[counted.i + 1:with_at]):
        return []
    named = [m for m in view.of(MEMBER_LIKE) if m.start > with_at and not m.is_anaphor]
    if not named:
        return []
    after = doc[named[-1].end:min(named[-1].end + 2, view.sent.end)]
    return named if any(t.lower_ == "among" for t in after) else []


_LIST_MARKS = frozenset({":", "–", "—", "-"})


def _listed_after_colon(view: SentenceView, counted: Token) -> list[Found]:
    """"by five universities with roots in the institutes of technology: A, B, C, D and E", "by
    three universities – A, B and C –": the list after a colon or dash that ends the counted phrase
    (no verb or name before the mark; a dash closes the list)."""
    doc = view.sent.doc
    for token in doc[counted.i + 1:min(counted.i + 12, view.sent.end)]:
        if token.i in view.at or token.pos_ in ("VERB", "AUX"):
            return []
        if token.text in _LIST_MARKS:
            close = view.sent.end if token.text == ":" else \
                next((t.i for t in doc[token.i + 1:view.sent.end] if t.text in ("–", "—") or t.text == "-" and t.whitespace_),
                     view.sent.end)  # "by three universities – A, B and C –"; after a colon a dash is a name's
            listed = [m for m in view.of(MEMBER_LIKE, token.i + 1, close) if not m.is_anaphor]
            return listed if len(listed) >= 2 else []
    return []


_FRONTED_PARTICIPLES = LEXICON.words["fronted_participles"]  # "Founded in 1925 as Y, X ...", tagged a proper noun


def _fronted(view: SentenceView, verb: Token) -> bool:
    """A participle that opens the sentence with no subject of its own: "Created in 1970 under the
    name of Y, X is the oldest ..." (which the parser may make the root)."""
    return verb.i == view.sent.start and (verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "csubj") or verb.tag_ == "NNP") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)  # "Founded" read as a proper noun


def _founded_mention(view: SentenceView, verb: Token) -> Found | None:
    """What was founded: the passive subject, the object, or the noun a participle modifies."""
    if _fronted(view, verb):  # the name after the clause's comma (an earlier name of it inside the clause)
        founded = {i for i, m in view.at.items() if m.label in _FOUNDED}
        token = name_after_fronted_clause(view.sent.doc, view.sent.start, view.sent.end, founded)
        return view.at[token.i] if token is not None else None
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
        candidates = view.in_tokens(subject_tokens(verb.head), _FOUNDED)
        if not candidates and verb.i == view.sent.start and verb.tag_ == "VBN":  # "Founded in 1991 and headquartered in
            founded = {i for i, m in view.at.items() if m.label in _FOUNDED}  # Rome, Italy, UNIMED now brings": the
            token = name_after_fronted_clause(view.sent.doc, view.sent.start, view.sent.end, founded)  # subject the
            candidates = [view.at[token.i]] if token is not None else []  # parser did not attach
    elif verb.dep_ == "acl" and not has_subject:
        head = verb.head
        while head.i not in view.at and head.dep_ in ("pobj", "prep", "appos", "compound", "amod", "attr") and head.head is not head:
            head = head.head
        candidates = [view.at[head.i]] if head.i in view.at else []
    else:
        candidates = view.in_tokens(subject_tokens(verb), _FOUNDED)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if not candidates and subject is not None and subject.lemma_.lower() in COLLECTIVE:
            named = _mention_before_comma(view, subject.left_edge)
            if named is not None:  # "X, the consortium of research universities formed in 2009 by ..." (misparsed
                return named  # with the noun as the participle's subject): the name the noun is in apposition to
            if "Alliance" in view.context:
                return view.context["Alliance"]  # "The strategic alliance of ... was founded in 1999"
        if not candidates and subject is not None and subject.lemma_.lower() == "initiative" and subject.i not in view.at:
            return view.context.get("Program") or view.context.get("Alliance")  # "An initiative pulling together 15
            # universities was launched last week" under the headline "Launch of X": what the text is about
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
    return mention if mention is not None and mention.label in _FOUNDED else None


def _mention_up(view: SentenceView, token: Token) -> Found | None:
    """The mention at ``token`` or up its chain of heads through appositions and modifiers; none
    from a counted plural ("CEEPUS III: 84 networks approved": the networks, not the programme; but "an
    alliance of nine universities established in 2009": the alliance)."""
    if token.tag_ == "NNS" and token.dep_ != "pobj" and any(c.dep_ == "nummod" and not YEAR.fullmatch(c.text) for c in token.children):
        return None
    for _ in range(6):
        if token.i in view.at and view.at[token.i].label in _FOUNDED:
            return view.at[token.i]
        named = view.in_tokens((t for c in token.lefts if c.dep_ in ("compound", "nmod") for t in c.subtree), _FOUNDED)
        if named:
            return named[-1]  # "the Research University (RU) programme launched by ...": the name the noun's modifiers hold
        if token.dep_ in ("appos", "npadvmod") and token.pos_ in ("NOUN", "PROPN"):
            named = _mention_before_comma(view, token.left_edge)  # "Udice, the association of ... founded in 2020",
            if named is not None:  # "UniGR, a grouping created in 2008": the name the description is in apposition to
                return named
        if token.dep_ not in ("pobj", "prep", "appos", "compound", "amod", "attr", "npadvmod") or token.head is token:
            return None
        token = token.head
    return None


#: auxiliaries of an obligation or a wish, not of a founding that took place ("will be founded" is a plan too,
#: but news states planned founding dates as facts: "the alliance will be launched in May")
_OBLIGATION = frozenset({"must", "should", "shall", "would", "could", "might", "may"})


def find_founding(view: SentenceView) -> Iterator[Fact]:
    """Founding dates and founders: "A was established in 2011 by X and Y", "X founded A"."""
    verbs: dict[Token, str] = {}
    for match in view.matches("founding_verb"):
        verbs.setdefault(view.sent.doc[match.nodes["verb"]], match.pattern)
    opener = view.sent.doc[view.sent.start]
    if opener.lower_ in _FRONTED_PARTICIPLES and opener.tag_ == "NNP":
        verbs.setdefault(opener, "fronted")  # "Founded in 1925 as Y, X ...", the participle tagged a proper noun
    for token, kind in verbs.items():
        if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in token.children):
            continue  # "30 percent of the budget must be formed by projects by 2029": no founding that happened
        objects = view.in_tokens((t for c in token.children if c.dep_ == "dobj" for t in c.subtree), _FOUNDED) or \
            view.in_tokens((t for c in token.children if c.dep_ == "dep" and c.i > token.i and c.pos_ in ("NOUN", "PROPN")
                            for t in c.subtree), _FOUNDED)  # "it created, together with A and B, the Network of ...":
        # the object after a phrase put in between, which the parser leaves unattached
        passive = any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in token.children) or token.dep_ == "acl" or \
            (token.dep_ == "advcl" and token.tag_ == "VBN") or _fronted(view, token)  # a by-agent makes it passive: "X,
        # set up in 2019 by ..." (set: VBD); "Created in 1970 under the name of Y, X is ..." (the parser's root)
        if passive and objects and token.dep_ == "acl" and token.tag_ == "VBD":
            passive = False  # "a group of universities ... established the IRU": a past tense with an object, misparsed
        if kind == "publish" and token.lemma_.lower() == "appear":
            passive = True  # "X has appeared since 2004": what appears is what was founded, as in the passive
        if kind == "open":
            if any(c.dep_ == "dobj" and c.lower_ != "doors" for c in token.children) or token.dep_ == "xcomp":
                continue  # "X opened a new campus", "X will open ...": no founding of X
            objects, passive = [], True  # "X opened (its doors) in 2012": what opened was founded
        if passive:
            target = _founded_mention(view, token)
            founders = _founders(view, token)
        else:
            relative = token.dep_ == "relcl" and token.head.i in view.at
            target = view.at[token.head.i] if relative and not objects else (objects[0] if objects else None)
            if token.dep_ == "relcl" and target is None:  # "the N5T alliance, which it set up": the name the noun holds
                target = _mention_up(view, token.head)
                relative = target is not None
            subject = subject_tokens(token) if not relative else \
                [t for c in token.children if c.dep_ == "nsubj" for t in c.subtree]  # "X, which A, B and C set up"
            named = [m for m in view.in_tokens(subject, ORG_LIKE) if target is None or identity(m) != identity(target)]
            founders = (named or _one_of(view, token) or _among_those(view, token) or group_referent(view, subject)) \
                + _founders(view, token) + _founded_with(view, token)
        if kind == "fronted" and not _fronted(view, token):
            continue  # a participle found by its word alone counts only where it opens the sentence
        if target is None or kind == "enact" and target.label != "Program":
            continue  # "agreed", "adopted": a programme's founding only
        if kind == "open" and (target.label not in ("University", "ResearchInstitute")
                               or not any(c.dep_ == "prep" and c.lower_ in ("in", "on") and any(
                                   YEAR.fullmatch(t.text) for t in c.subtree) for c in token.children)  # its own date
                               or not _opener_is(token, target)):
            continue
        if kind == "born" and not (target.label in ALLIANCE_LIKE | {"Program"} and any(c.dep_ == "agent" for c in token.children)
                                   or target.label in _FOUNDED and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)):
            continue  # "born in 2019 by six universities", "born in 1963 as the Free University of X": founded; a
            # person's birth is no founding
        if kind == "publish" and (target.label != "Ranking" or not any(c.lower_ in ("first", "since") for c in token.subtree)):
            continue  # "first published in 2003", "published since 2010": a ranking's first edition, not any edition's date
        if kind == "start" and (target.label not in ("Ranking", "Program") or not passive):
            continue  # "the framework was started by the Ministry in 2016"; not "the meeting started at nine"
        yield from _founding_facts(view, token, target, founders)
    yield from _nominal_founding(view)
    yield from _founder_nouns(view)
    yield from _listed_founders(view)


def _founded_with(view: SentenceView, verb: Token) -> list[Found]:
    """"A formed X in 2015 with B, C and D": the organisations a "with" of the active founding verb
    names (its object and the object's conjuncts, not "with the support of E")."""
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for token in prep.subtree:
            mention = view.at.get(token.i)
            if mention is None or mention.label not in ORG_LIKE or mention.is_anaphor or mention in found:
                continue
            up = token
            while up != prep and not (up.pos_ == "NOUN" and up.i not in view.at):
                up = up.head
            if up == prep:  # no common noun between: "with A, B and C", not "with the support of E"
                found.append(mention)
    return found


def _one_of(view: SentenceView, verb: Token) -> list[Found]:
    """"A is one of the (four) universities that founded X": the founding verb's relative clause
    hangs on a noun after "one of", which the copula says A is; "..., together with B and C" after
    it names A's co-founders."""
    noun = verb.head if verb.dep_ == "relcl" else None
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.lower_ != "one":
        return []
    one = noun.head.head
    if one.dep_ != "attr" or one.head.lemma_ != "be":
        return []
    together = [t for c in one.children if c.dep_ == "prep" and c.lower_ == "with"
                and any(a.lower_ in ("together", "along", "alongside") for a in c.children) for t in c.subtree]
    # ("..., together with A, B and C": the co-founders the parser hangs on "one")
    return view.in_tokens((t for c in one.head.children if c.dep_ == "nsubj" for t in c.subtree), ORG_LIKE) + \
        [m for m in view.in_tokens(together, ORG_LIKE) if not m.is_anaphor]


def _among_those(view: SentenceView, verb: Token) -> list[Found]:
    """"Among the institutions that founded the association were A, B and C": the founding verb's
    relative clause hangs on the noun of a fronted "among", which the copula says A, B and C are."""
    if verb.dep_ != "relcl":
        return []
    return [m for m in view.in_tokens(_said_to_be_among(verb.head), ORG_LIKE) if not m.is_anaphor]


#: a list's heading that announces its founders: "EUNICE was established in 2020 by seven universities:"
_FOUNDERS_HEADING = re.compile(r"\b(?:established|founded|created|set up|launched|formed)\b[^:]*\bby\b[^:]*:\s*$", re.I)


def _listed_founders(view: SentenceView) -> Iterator[Fact]:
    """A line of a list under a heading that says who founded an alliance ("EUNICE was established in
    2020 by seven universities:" / "- Poznan University of Technology (PUT), Poland – coordinator"):
    each university on the line founded it and is its founding member."""
    heading = list_heading(view)
    if heading is None or not _FOUNDERS_HEADING.search(heading.text):
        return
    founded = [m for m in view.mentions_in(heading) if m.label in ALLIANCE_LIKE and not m.is_anaphor]
    if len({m.key or m.refers_to or m.text for m in founded}) != 1:
        return
    for member in view.of(MEMBER_LIKE, anaphors=False):
        yield Fact(founded[0], "founder", member, view.text)
        yield member_fact(member, founded[0], view, "founding", None)


def _opener_is(verb: Token, target: Found) -> bool:
    """Whether what "opened" is the organisation itself (its subject's head in the name, or the name a
    "which" clause hangs on), not something of it ("Registration at the University of X opened")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WDT", "WP"):
        subject = verb.head
    return subject is not None and target.start <= subject.i < target.end


def _founder_nouns(view: SentenceView) -> Iterator[Fact]:
    """"A was among the founders of X in 1964", "A is a co-founder of X", "A, a founder of X,", "A
    was one of the network's founders, as were B and C": A (B, C) founded X (and a year in the
    phrase dates the founding)."""
    if not view.lemma_set & {"founder", "co-founder"}:
        return
    doc = view.sent.doc
    for noun in view.tokens:
        if noun.lemma_.lower() not in ("founder", "co-founder") or noun.pos_ != "NOUN":
            continue
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   or c.dep_ == "poss"), None)  # "the founders of X", "one of the network's founders"
        targets = view.in_tokens(of.subtree, ALLIANCE_LIKE | {"Program"}) if of is not None else []
        if not targets or targets[0].is_anaphor and not (of.dep_ == "poss" and targets[0].label == "Alliance"):
            continue
        head = noun
        while head.dep_ in ("pobj", "prep", "attr", "nmod") and head.head is not head and head.pos_ not in ("VERB", "AUX"):
            head = head.head  # "was among the founders of X": up to "was"
        if head.dep_ == "appos":
            founders = [view.at[head.head.i]] if head.head.i in view.at else []  # "A, a founder of X,"
        elif head.pos_ in ("VERB", "AUX"):
            subject = subject_tokens(head)
            aside = {t.i for r in subject if r.dep_ == "relcl" for t in r.subtree}  # "A, which was known as B,"
            founders = view.in_tokens((t for t in subject if t.i not in aside), MEMBER_LIKE)
            founders += view.in_tokens((t for c in head.children if c.dep_ == "advcl" and c.lemma_ == "be"
                                        and any(m.lower_ == "as" for m in c.children if m.dep_ == "mark")
                                        for s in c.children if s.dep_ == "nsubj" for t in s.subtree), MEMBER_LIKE)
            # ("A was one of its founders, as were B, C and D")
        else:
            continue
        year = next((t.text for t in doc[targets[0].end:view.sent.end] if YEAR.fullmatch(t.text)
                     and t.head.lower_ in ("in", "since")), None)  # "the founders of X in 1964"
        for founder in founders:
            if founder != targets[0] and not founder.is_anaphor:
                yield Fact(targets[0], "founder", founder, view.text, (("date", year),) if year else ())
        if founders and year:
            yield Fact(targets[0], "founded", year, view.text)


def _founding_facts(view: SentenceView, verb: Token, target: Found, founders: list[Found]) -> Iterator[Fact]:
    date = date_in(view, verb)
    if date:
        yield Fact(target, "founded", date, view.text)
    for founder in founders if target.label != "Ranking" else ():
        if founder != target and founder.text != target.text and (not founder.is_anaphor or founder.label == "Organization"):
            yield Fact(target, "founder", founder, view.text, (("date", date),) if date else ())  # "by the Ministry"
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
        targets = view.in_tokens(of.subtree, ALLIANCE_LIKE | {"Program"}) if of is not None else []
        verb = noun.head
        for _ in range(3):  # "signed [the declaration [on [the establishment of X]]]"
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if of is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
            owner = view.in_tokens(subject_tokens(verb), _FOUNDED)  # "The Conference has grown since its
            year = next((t.text for t in noun.subtree if YEAR.fullmatch(t.text) and t.head.lower_ == "in"), None)
            if owner and year:  # foundation in 1963": the subject's founding year
                yield Fact(owner[0], "founded", year, view.text)
            continue
        if not targets or verb.pos_ != "VERB" or targets[0].is_anaphor:
            continue
        founders = view.in_tokens(subject_tokens(verb), ORG_LIKE)
        yield from _founding_facts(view, verb, targets[0], founders)


_COUNTED_FOUNDERS = LEXICON.words["counted_founders"]


def _founding_count(verb: Token) -> int | None:
    """"Eleven Chinese universities (jointly) founded X", "X was launched by 15 universities": how
    many founded it (GOLD_FORMAT: the members at founding, a count with role founding)."""
    agents = (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")
    for subject in (*(c for c in verb.children if c.dep_ == "nsubj"), *agents):
        if subject.lemma_.lower() in _COUNTED_FOUNDERS:
            number = next((c for c in subject.children if c.dep_ == "nummod"), None)
            value = number_of(number) if number is not None else None
            if value is not None and 2 <= value < 1000:
                return value
    return None


#: participles of founding right after a name, with no comma or auxiliary ("the University of Haiti created in 1944")
_REDUCED_PARTICIPLES = frozenset({"created", "established", "founded", "formed", "launched", "opened"})
_REDUCED_DATE = re.compile(r"(?:in|on)\s+((?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:1[5-9]|20)\d\d)"
                           r"(?=\s*(?:[,.;)]|and\b|by\b|as\b|under\b|$))")


def find_reduced_founding(view: SentenceView) -> Iterator[Fact]:
    """"heir of the University of Haiti created in 1944", "on the basis of the University Pole of
    Djibouti opened in 2000": a founding participle right after a name that is no subject (the
    parser often takes the participle for the sentence's verb), then its date and no object."""
    doc = view.sent.doc
    for mention in view.of(_FOUNDED, anaphors=False):
        verb = doc[mention.end] if mention.end < view.sent.end else None
        if verb is None or verb.lower_ not in _REDUCED_PARTICIPLES:
            continue
        if any(c.tag_ in ("WDT", "WP") for c in verb.children) or mention.start > view.sent.start \
                and doc[mention.start - 1].lower_ in ("and", "&", ",") and view.at.get(mention.start - 2) is not None:
            continue  # "the LDE alliance, which A, B and C founded in 2012": the last of the founders, no founded one
        if any(c.dep_ in ("nsubj", "nsubjpass") and not mention.start <= c.i < mention.end
               and c.left_edge.i <= mention.start < c.right_edge.i + 1 for c in verb.children):
            continue  # "Registration at the University of X opened in May": the name is inside another subject
        after = view.doc_text[verb.idx + len(verb.text):view.sent.end_char].lstrip()
        match = _REDUCED_DATE.match(after)
        if match is None:
            continue
        subject = any(doc[t].dep_ in ("nsubj", "nsubjpass") and doc[t].head == verb for t in range(mention.start, mention.end))
        if subject and after[match.end():].lstrip()[:1] == ",":
            continue  # "A founded in 2012, with B, the network": the subject's own verb, its object after the date
        date = parse_date_phrase(match.group(1))
        if date:
            yield Fact(mention, "founded", date, view.text)


def find_origins(view: SentenceView) -> Iterator[Fact]:
    """"X traces its history (roots, origins) to 1953": a founding date."""
    for token in view.tokens:
        if token.lemma_.lower() != "trace" or not any(c.lower_ in ("history", "roots", "origins", "origin") for c in token.subtree):
            continue
        subjects = view.in_tokens(subject_tokens(token), ORG_LIKE)
        before = view.at.get(token.i - 1) if token.i > view.sent.start else None
        if not subjects and before is not None and before.label in ORG_LIKE:
            subjects = [before]  # "UCT traces its history to 1829": an acronym the tagger took for an adverb
        date = date_in(view, token)
        if subjects and date:
            yield Fact(subjects[0], "founded", date, view.text)


def _founding_list(noun: Token) -> list[Token]:
    """Where the founders of "founding universities" are named: its appositions ("the four
    founding universities, A, B and C"), what it is said to be ("the founding six universities
    were: A, B"), or the one it is said of ("A, one of the founding universities")."""
    tokens = list(noun.subtree)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in ("be", "include", "comprise"):
        tokens += [t for child in noun.head.children if child is not noun for t in child.subtree]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        tokens.append(noun.head.head.head)  # "Leiden University, one of the League's founding universities"
    tokens += _said_to_be_among(noun)  # "Among the founding universities were A, B and C"
    return tokens


def _said_to_be_among(noun: Token) -> list[Token]:
    """The words a fronted "among" phrase is said of: "Among [the founding universities] were A and
    B", "Among [the institutions that founded X] were A and B" (the copula's other dependents)."""
    among = noun.head
    if noun.dep_ != "pobj" or among.lower_ != "among" or among.head.lemma_ != "be":
        return []
    return [t for child in among.head.children if child is not among and child.dep_ in ("nsubj", "attr")
            for t in child.subtree]


def find_founding_members(view: SentenceView) -> Iterator[Fact]:
    """"The founding six universities were: A, B, ...", "The four founding universities of the
    Alliance, A, B, C and D, signed ...": each listed university founded the alliance and is its
    founding member; a number on the noun is the count at founding. "Among its founding members
    were A and B" makes them founding members only (GOLD_FORMAT.md: ``founder`` where the text
    says they founded it)."""
    groups = alliances_of(view)
    if not groups:
        return
    for token in view.tokens:
        if token.lower_ not in ("founding", "founder") or token.head.lower_ not in COUNT_NOUNS or token.head.i < token.i:
            continue
        noun = token.head
        group = next((g for g in view.of(ALLIANCE_LIKE) if g.start > noun.i), None) or groups[0]
        members = view.in_tokens(_founding_list(noun), MEMBER_LIKE)
        for member in members:
            if noun.lemma_.lower() != "member":
                yield Fact(group, "founder", member, view.text)
            yield member_fact(member, group, view, "founding", None)
        count = next((number_of(t) for t in noun.children if t.dep_ == "nummod" and number_of(t)), None)
        if members and count:
            yield Fact(group, "memberCount", str(count), view.text, (("role", "founding"),))
