"""Relation extraction over parsed sentences: one rules module per relation type.

Each ``find_*`` function reads one sentence (a :class:`SentenceView`: the sentence, its mentions
and the discourse context) and yields candidate :class:`Fact` values. The rules start from
token and dependency patterns (``patterns.toml``: trigger verbs, "X is a member of A", "chaired
by", list openers; matched per sentence, when a rule first asks, by :mod:`kg.extract.patterns`),
whose word lists are in
``lexicon.toml``, and follow the parse from there (subjects, objects, agents, conjunctions);
none is written for a particular sentence.

After the finders, :mod:`.companions` spreads a sentence's membership, participation and founder
facts to the universities it lists beside their holder ("A, together with B and C").

Adding a relation type: a module here with its ``find_*`` function, an entry in ``_FINDERS``,
its patterns in ``patterns.toml``, and the type's row in the ontology that :mod:`kg.schema` reads.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Span

from ..lexicon import LEXICON
from ..mentions import Found
from .companions import companion_facts
from .base import (
    ALLIANCE_LIKE, distinct_members, Fact, identity, list_heading, MEMBER_LIKE, ORG_LIKE, parse_date_phrase, PROGRAMS,
    SentenceView,
)
from .counts import find_member_counts
from .countries import find_countries
from .founding import find_founding, find_founding_members, find_origins, find_reduced_founding
from .heads import find_heads
from .membership import dissolution, end_dissolved, find_membership
from .participation import find_participation
from .partnership import find_partnership
from .ranking import described_ranking, find_ranking, ranks_in

__all__ = ["Fact", "SentenceView", "find_relations", "parse_date_phrase"]
_FINDERS = (find_membership, find_founding, find_founding_members, find_origins, find_reduced_founding, find_partnership, find_participation,
            find_ranking, find_member_counts, find_heads, find_countries)


#: a page's tag line ("Tags: unite!, aalto university, KTH", "#postech #glocal university"): names, no facts
_TAG_LINE = re.compile(r"^\s*(?:(?:" + "|".join(re.escape(w) for w in sorted(LEXICON.words["tag_labels"], key=len, reverse=True))
                       + r")\s*:|#\w)", re.I)


def _ents_by_sentence(doc) -> dict[int, list[Span]]:
    """The named entities of each sentence, keyed by its first token, in one pass over the Doc."""
    starts = [sent.start for sent in doc.sents]
    found: dict[int, list[Span]] = {}
    for ent in doc.ents:
        found.setdefault(starts[bisect.bisect_right(starts, ent.start) - 1], []).append(ent)
    return found


def _enumerated(view: SentenceView, before: tuple[Found, ...], heading: Span | None) -> tuple[tuple[Found, ...], Span | None]:
    """The universities the text has last enumerated, after this sentence: two or more named in
    it, or the lines of a list under one heading taken together; and the heading of the list
    this line belongs to."""
    members = distinct_members(view.mentions)
    line_of = list_heading(view) if members and len(members) < 2 else None
    if line_of is not None:
        if heading is not None and line_of.start == heading.start:
            return distinct_members([*before, *members]), line_of
        return members, line_of
    return (members if len(members) >= 2 else before), None


def _members_announced(view: SentenceView) -> Found | None:
    """"Five other members of the Group of Eight made the top 50", "The other two Go8 universities
    were also ranked:": the alliance whose members a sentence counts or describes without naming
    them (the next sentences name them)."""
    groups = view.of(ALLIANCE_LIKE, anaphors=False)
    if not groups or len(view.of(MEMBER_LIKE, anaphors=False)) >= 2:
        return None
    doc = view.sent.doc
    for group in groups:  # "The other two Go8 universities were also ranked:"
        if group.end < view.sent.end and doc[group.end].lower_ in ("universities", "members", "institutions"):
            return group
    for noun in view.tokens:
        if noun.lemma_.lower() != "member" or noun.tag_ != "NNS":
            continue
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = view.in_tokens(of.subtree, ALLIANCE_LIKE) if of is not None else []
        if counted:
            return counted[0]
    return None


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
    from ..candidates import candidate_facts  # candidates build on these modules' helpers

    facts: list[Fact] = []
    earlier: list[Fact] = []  # the rules' facts of the sentences before
    seen: dict[tuple, int] = {}
    context: dict[str, Found] = {}
    programs: Counter = Counter()
    latest: dict[str, Found] = {}
    rankings: list[Found] = []  # every ranking named so far
    doc_text = None
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    ents_of: dict[int, list[Span]] | None = None
    enumerated: tuple[Found, ...] = ()
    posts: tuple[tuple[Found, str], ...] = ()  # the posts (organisation, title) the last sentence with heads gave
    placed: Fact | None = None  # the last placement with a rank: "It is followed by B and C"
    heading: Span | None = None
    dissolved: dict[str, str | None] = {}  # alliances the text says were dissolved -> when
    announced = 0  # sentences left in which members an earlier one announced may be named
    for sent in sentences:
        if doc_text is None:
            doc_text = sent.doc.text
            ents_of = _ents_by_sentence(sent.doc)
        first = bisect.bisect_left(starts, sent.start)
        named = first < len(starts) and starts[first] < sent.end
        if not named and "Alliance" not in context:
            continue  # no mention and no alliance spoken of: no rule can find anything
        if _TAG_LINE.match(sent.text):
            continue
        described = described_ranking(sent.text, context.get("Ranking"), rankings)
        if described is not None:  # "in the world ranking" after a regional one: the world ranking named before
            context["Ranking"] = described
        view = SentenceView(sent, mentions, published, gazetteer, dict(context), doc_text, ents_of.get(sent.start, []),
                            starts, enumerated, posts, placed)
        finders = _FINDERS if named else (find_member_counts, find_founding)  # "The eight members are ...": the
        # alliance's count; "The network was launched in 2013": its founding
        ruled = list(dict.fromkeys(fact for finder in finders for fact in finder(view)))
        ruled += [f for f in dict.fromkeys(companion_facts(view, ruled, earlier)) if f not in ruled]
        earlier += ruled
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
        group = _members_announced(view)
        if group is not None:
            context["Members"], announced = group, 3
        elif announced:
            announced -= 1
            if not announced:
                context.pop("Members", None)
        ceased = dissolution(view)
        if ceased is not None:
            dissolved[identity(ceased[0])] = ceased[1]
        enumerated, heading = _enumerated(view, enumerated, heading)
        placed = next((f for f in reversed(ruled) if f.predicate == "rankedIn" and dict(f.qualifiers).get("rank", "").isdigit()),
                      placed)
        headed = [f for f in ruled if f.predicate == "headOf" and isinstance(f.object, Found)
                  and not dict(f.qualifiers).get("ended") and dict(f.qualifiers).get("role") != "minister"]
        # (a minister at a ceremony is named in passing: "is rector since 2022" after it is still the university's)
        if headed:
            context["Headed"] = headed[-1].object  # "He takes over from B": B headed what the last head heads
            posts = tuple((f.object, dict(f.qualifiers).get("role", "head")) for f in headed)  # all of them, with
            # their titles: "B, whose term as Chair ended" left the post of the last head's titles that is a chair
        placing = None
        for mention in view.mentions:
            kind = mention.label
            if kind == "Ranking":  # a ranking named in passing ("the same indicators as the WUR") is not spoken of next
                rankings.append(mention)
                placing = bool(ranks_in(view.text)) if placing is None else placing
                if placing or "Ranking" not in context or view.text.endswith(":") and mention.key is not None:
                    context[kind] = mention  # placed in it, the first, or a known one heading a list: "In the QS WUR, they placed:"
            elif kind in ("Alliance", "University"):
                context[kind] = mention
                if kind == "Alliance" and not mention.is_anaphor:
                    context["Named alliance"] = mention  # what "The alliance ... Its Secretary General" is about
            elif kind == "Program":
                programs[mention.key or mention.text] += 1
                latest[mention.key or mention.text] = mention
        subject_words = [t for c in view.sent.root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree] \
            or _unattached_subject(view)
        for program in view.in_tokens(subject_words, PROGRAMS):  # the programme the sentence is about counts twice:
            programs[program.key or program.text] += 1  # "X was agreed in 2016 as the successor to Y"
        subject = view.in_tokens(subject_words, ORG_LIKE)
        if not any(m.label == "Alliance" for m in subject):  # "The council is reviewing its partnership with Colleges
            clause_subjects = [t for t in view.tokens if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")]
            alliances = [m for m in view.in_tokens(clause_subjects, ORG_LIKE) if m.label == "Alliance"]
            if alliances:  # Ontario, ...; the two organizations fund ONCAT": the alliance a clause is about, not one
                context["Alliance"] = alliances[0]  # named as its partner
        if subject:  # the organisation the main clause is about: what "the alliance", "its" refer to next
            alliances = [m for m in subject if m.label == "Alliance"]
            if alliances:
                context["Alliance"] = alliances[-1]
            named = [m for m in subject if not m.is_anaphor or m.label == "PUBLISHER"]
            if named:
                context["Topic"] = named[0]
            elif subject[0].label == "Alliance" and subject[0].start <= min(t.i for t in subject_words) + 1 \
                    and "Named alliance" in context:
                context["Topic"] = context["Named alliance"]  # "The alliance is funded by ... Its Secretary General, A,": the
                # alliance spoken of, not the organisation a sentence before was about
        if programs:  # the program the text is about: the one named most often so far
            context["Program"] = latest[max(programs, key=lambda k: (programs[k], latest[k].start))]
    return end_dissolved([f for f in facts if not _in_framework(f)], dissolved)


def _unattached_subject(view: SentenceView) -> list:
    """The name right before the main verb of a sentence whose parse gave that verb no subject
    ("Founded in 1991 and headquartered in Rome, Italy, the Mediterranean Universities Union (UNIMED)
    now brings together ...", the name hung on "Rome"): its words, else none."""
    root, doc = view.sent.root, view.sent.doc
    i = root.i - 1
    while i > view.sent.start and doc[i].pos_ in ("ADV", "AUX", "PART") and doc[i].dep_ != "nsubj" and i not in view.at:
        i -= 1  # "now", "has also" (not "UNIMED", an acronym the tagger took for an adverb)
    if i > view.sent.start + 2 and doc[i].text == ")" and doc[i - 2].text == "(":
        i -= 3  # "(UNIMED)"
    mention = view.at.get(i)
    if mention is None or mention.label not in ORG_LIKE or root.pos_ not in ("VERB", "AUX"):
        return []
    return list(doc[mention.start:mention.end])


_FRAMEWORKS = LEXICON.words["framework_programmes"]


def _in_framework(fact: Fact) -> bool:
    """A participation in a funding framework every university of a region may join ("Erasmus+",
    "Horizon Europe"): no programme status (lexicon framework_programmes)."""
    if fact.predicate != "participatesIn" or not isinstance(fact.object, Found):
        return False
    return any(name and name.lower() in _FRAMEWORKS for name in (fact.object.text, fact.object.refers_to))

