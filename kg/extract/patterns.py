"""The relation rules' patterns (``patterns.toml`` beside this module), run once per Doc.

A pattern set names what a rule looks for ("led_by": "chaired by", "presided over by";
"member_noun": "X is a member of A"); each of its ids is one spaCy
:class:`~spacy.matcher.Matcher` or :class:`~spacy.matcher.DependencyMatcher` entry, and the rule
reads the id (a role, a frame) and, for a dependency pattern, the tokens of its nodes from the
match. All sets share one matcher of each kind per vocabulary, so a Doc is scanned once.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("The network, chaired by Ann Lee, met.")
>>> [(m.pattern, doc[m.start:m.end].text) for m in find_patterns(doc)["led_by"]]
[('chair', 'chaired by')]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .lexicon import LEXICON

__all__ = ["DEPENDENCY_PATTERNS", "TOKEN_PATTERNS", "PatternMatch", "find_patterns"]

_SEPARATOR = "/"


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One match of a pattern set: the pattern's id, the tokens ``start:end`` it spans and, for a
    dependency pattern, the token of each of its nodes, in the pattern's order."""

    pattern: str
    start: int
    end: int
    tokens: tuple[int, ...] = ()


def _load() -> tuple[dict[str, tuple[tuple[str, list], ...]], dict[str, tuple[tuple[str, list], ...]]]:
    data = tomllib.loads(resources.files(__package__).joinpath("patterns.toml").read_text(encoding="utf-8"))
    return _pattern_sets(data["patterns"]), _pattern_sets(data["dependency_patterns"])


def _pattern_sets(tables: dict) -> dict[str, tuple[tuple[str, list], ...]]:
    """Pattern tables with every ``{IN = "@NAME"}`` replaced by the lexicon's word list ``NAME``."""
    def expand(value):
        if isinstance(value, dict):
            return {k: list(LEXICON.ordered[v[1:]]) if k == "IN" and isinstance(v, str) and v.startswith("@")
                    else expand(v) for k, v in value.items()}
        return [expand(v) for v in value] if isinstance(value, list) else value

    return {name: tuple((pattern_id, expand(patterns)) for pattern_id, patterns in table.items())
            for name, table in tables.items()}


#: set -> ((pattern id, spaCy Matcher patterns), ...), in file order; and the same for the DependencyMatcher
TOKEN_PATTERNS, DEPENDENCY_PATTERNS = _load()

_matchers: dict[int, tuple[Vocab, Matcher, DependencyMatcher]] = {}


def _matchers_of(vocab: Vocab) -> tuple[Matcher, DependencyMatcher]:
    """The two matchers with every pattern of every set, built once per vocabulary (kept alive with it)."""
    if id(vocab) not in _matchers:
        tokens, dependencies = Matcher(vocab), DependencyMatcher(vocab)
        for name, entries in TOKEN_PATTERNS.items():
            for pattern_id, patterns in entries:
                tokens.add(f"{name}{_SEPARATOR}{pattern_id}", patterns, greedy="LONGEST")
        for name, entries in DEPENDENCY_PATTERNS.items():
            for pattern_id, patterns in entries:
                dependencies.add(f"{name}{_SEPARATOR}{pattern_id}", patterns)
        _matchers[id(vocab)] = (vocab, tokens, dependencies)
    return _matchers[id(vocab)][1:]


def find_patterns(doc: Doc) -> dict[str, list[PatternMatch]]:
    """Every pattern set's matches in ``doc``, by set name, in text order (sets without a match are absent)."""
    found: dict[str, list[PatternMatch]] = {}
    strings = doc.vocab.strings
    tokens, dependencies = _matchers_of(doc.vocab)
    for match_id, start, end in tokens(doc):
        name, pattern_id = strings[match_id].split(_SEPARATOR, 1)
        found.setdefault(name, []).append(PatternMatch(pattern_id, start, end))
    if doc.has_annotation("DEP"):  # the DependencyMatcher needs a parse
        for match_id, nodes in dependencies(doc):
            name, pattern_id = strings[match_id].split(_SEPARATOR, 1)
            found.setdefault(name, []).append(PatternMatch(pattern_id, min(nodes), max(nodes) + 1, tuple(nodes)))
    for matches in found.values():
        matches.sort(key=lambda m: (m.start, m.end))
    return found
