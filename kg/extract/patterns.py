"""The relation rules' token patterns (``[patterns]`` of ``lexicon.toml``), run once per Doc.

A pattern set names what a rule looks for ("led_by": "chaired by", "presided over by"); each of
its ids is one spaCy :class:`~spacy.matcher.Matcher` entry, and the rule reads the id (a role, a
trigger) from the match. All sets share one Matcher per vocabulary, so a Doc is scanned once.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("The network, chaired by Ann Lee, met.")
>>> [(m.pattern, doc[m.start:m.end].text) for m in find_patterns(doc)["led_by"]]
[('chair', 'chaired by')]
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .lexicon import LEXICON

__all__ = ["PatternMatch", "find_patterns"]

_SEPARATOR = "/"


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One match of a pattern set: the pattern's id and its tokens ``start:end``."""

    pattern: str
    start: int
    end: int


_matchers: dict[int, tuple[Vocab, Matcher]] = {}


def _matcher(vocab: Vocab) -> Matcher:
    """One Matcher with every pattern of every set, built once per vocabulary (kept alive with it)."""
    if id(vocab) not in _matchers:
        matcher = Matcher(vocab)
        for name, entries in LEXICON.patterns.items():
            for pattern_id, patterns in entries:
                matcher.add(f"{name}{_SEPARATOR}{pattern_id}", patterns, greedy="LONGEST")
        _matchers[id(vocab)] = (vocab, matcher)
    return _matchers[id(vocab)][1]


def find_patterns(doc: Doc) -> dict[str, list[PatternMatch]]:
    """Every pattern set's matches in ``doc``, by set name, in text order (sets without a match are absent)."""
    found: dict[str, list[PatternMatch]] = {}
    strings = doc.vocab.strings
    for match_id, start, end in _matcher(doc.vocab)(doc):
        name, pattern_id = strings[match_id].split(_SEPARATOR, 1)
        found.setdefault(name, []).append(PatternMatch(pattern_id, start, end))
    for matches in found.values():
        matches.sort(key=lambda m: (m.start, m.end))
    return found
